package io.timport.call;

import java.util.Objects;

/**
 * One {@code friend_get} request: which user, from which index, and the sequences the caller already holds.
 *
 * <p>The server leaves out the standard fields when given their current {@code StandardSequence}, and the custom
 * fields when given their current {@code CustomSequence}: pass 0 (the default, not sent) to read every field.
 *
 * @param fromAccount the UserID whose friends are read (1 to 32 bytes)
 * @param startIndex where the page starts: 0 for the first page, then the previous page's {@code NextStartIndex}
 * @param standardSequence {@code StandardSequence}, 0 to leave it out
 * @param customSequence {@code CustomSequence}, 0 to leave it out
 */
public record FriendGetRequest(String fromAccount, long startIndex, long standardSequence, long customSequence) {

    /**
     * Checks that the account is present and the numbers are not negative.
     *
     * @param fromAccount the UserID whose friends are read (1 to 32 bytes)
     * @param startIndex where the page starts: 0 for the first page, then the previous page's {@code NextStartIndex}
     * @param standardSequence {@code StandardSequence}, 0 to leave it out
     * @param customSequence {@code CustomSequence}, 0 to leave it out
     */
    public FriendGetRequest {
        Objects.requireNonNull(fromAccount, "fromAccount");
        if (startIndex < 0 || standardSequence < 0 || customSequence < 0) {
            throw new IllegalArgumentException("StartIndex, StandardSequence and CustomSequence must not be negative, were "
                    + startIndex + ", " + standardSequence + ", " + customSequence);
        }
    }

    /**
     * The first page of {@code fromAccount}'s friends, with every field.
     *
     * @param fromAccount the user whose friends are read (1 to 32 bytes)
     * @return a request starting at index 0 without sequences
     */
    public static FriendGetRequest firstPage(String fromAccount) {
        return new FriendGetRequest(fromAccount, 0, 0, 0);
    }

    /**
     * The page of {@code fromAccount}'s friends that starts at {@code startIndex}, with every field.
     *
     * @param fromAccount the user whose friends are read (1 to 32 bytes)
     * @param startIndex the previous page's {@code NextStartIndex} (0 for the first page)
     * @return a request for that page without sequences
     */
    public static FriendGetRequest page(String fromAccount, long startIndex) {
        return new FriendGetRequest(fromAccount, startIndex, 0, 0);
    }
}
