package io.timport.config;

import io.timport.wire.FriendImportRules;
import java.util.Objects;

/**
 * Who calls and where: the app's SDKAppID, an app admin's identifier, the app's secret key, and the endpoint.
 *
 * <pre>{@code
 * AppConfig app = new AppConfig(1400000000L, "administrator",
 *         SecretKey.fromEnv("TIMPORT_SECRET_KEY"), Region.SINGAPORE.endpoint());
 * }</pre>
 *
 * <p>{@link #toString()} shows the SDKAppID, the admin and the endpoint; the key prints as {@code <redacted>}.
 *
 * @param sdkAppId the app's SDKAppID from the Chat console (positive, at most 4294967295)
 * @param adminIdentifier an app admin account's UserID (1 to 32 bytes); friend_import requires an admin
 * @param secretKey the app's secret key
 * @param endpoint the data centre of the app, or an explicit base URI
 */
public record AppConfig(long sdkAppId, String adminIdentifier, SecretKey secretKey, Endpoint endpoint) {

    /** Largest SDKAppID: an unsigned 32-bit number. */
    public static final long MAX_SDK_APP_ID = 0xFFFF_FFFFL;

    /**
     * Validates the configuration.
     *
     * @param sdkAppId the app's SDKAppID from the Chat console (positive, at most 4294967295)
     * @param adminIdentifier an app admin account's UserID (1 to 32 bytes); friend_import requires an admin
     * @param secretKey the app's secret key
     * @param endpoint the data centre of the app, or an explicit base URI
     * @throws IllegalArgumentException naming the field, the rule and the value
     */
    public AppConfig {
        if (sdkAppId <= 0 || sdkAppId > MAX_SDK_APP_ID) {
            throw new IllegalArgumentException("sdkAppId must be between 1 and " + MAX_SDK_APP_ID + ", was " + sdkAppId);
        }
        Objects.requireNonNull(adminIdentifier, "adminIdentifier");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(endpoint, "endpoint");
        // The UserID rule's bounds come from its one home; blank is refused too (no admin is named "   ").
        int bytes = FriendImportRules.utf8Length(adminIdentifier);
        if (adminIdentifier.isBlank() || bytes > FriendImportRules.USER_ID_MAX_BYTES) {
            throw new IllegalArgumentException("adminIdentifier must be an app admin's UserID of 1 to "
                    + FriendImportRules.USER_ID_MAX_BYTES + " bytes, was \"" + adminIdentifier + "\" (" + bytes
                    + " bytes)");
        }
    }

    /** Shows the SDKAppID, admin and endpoint; never the key. */
    @Override
    public String toString() {
        return "AppConfig[sdkAppId=" + sdkAppId + ", adminIdentifier=" + adminIdentifier + ", secretKey=<redacted>, endpoint="
                + endpoint + "]";
    }
}
