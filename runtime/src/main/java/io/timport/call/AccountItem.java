package io.timport.call;

import java.util.Objects;

/**
 * One account to import with {@code multiaccount_import} (an element of its {@code AccountList}) or
 * {@code account_import}: a UserID and, optionally, a nickname and a profile photo URL.
 *
 * <p>Importing an account that exists already is harmless: the server updates its Nick and FaceUrl.
 *
 * @param userId the account's UserID, 1 to 32 bytes ({@code UserID})
 * @param nick the nickname ({@code Nick}), or null to leave it out
 * @param faceUrl the profile photo's URL ({@code FaceUrl}), or null to leave it out
 */
public record AccountItem(String userId, String nick, String faceUrl) {

    /**
     * Checks that the UserID is present (its rules are checked when a call is made).
     *
     * @param userId the account's UserID, 1 to 32 bytes ({@code UserID})
     * @param nick the nickname ({@code Nick}), or null to leave it out
     * @param faceUrl the profile photo's URL ({@code FaceUrl}), or null to leave it out
     */
    public AccountItem {
        Objects.requireNonNull(userId, "userId");
    }

    /**
     * An account with only its UserID.
     *
     * @param userId the account's UserID (1 to 32 bytes)
     * @return an account without nickname or avatar
     */
    public static AccountItem of(String userId) {
        return new AccountItem(userId, null, null);
    }
}
