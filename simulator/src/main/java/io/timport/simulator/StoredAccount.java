package io.timport.simulator;

import java.util.Objects;
import java.util.Optional;

/**
 * One account the simulator knows: imported through {@code account_import} or {@code multiaccount_import}, or
 * seeded from the configuration (then without profile fields).
 *
 * @param userId the UserID
 * @param nick {@code Nick}, if the last import of the account carried one
 * @param faceUrl {@code FaceUrl}, if the last import of the account carried one
 */
public record StoredAccount(String userId, Optional<String> nick, Optional<String> faceUrl) {

    /**
     * Checks for nulls.
     *
     * @param userId the UserID
     * @param nick {@code Nick}, if the last import of the account carried one
     * @param faceUrl {@code FaceUrl}, if the last import of the account carried one
     */
    public StoredAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(faceUrl, "faceUrl");
    }
}
