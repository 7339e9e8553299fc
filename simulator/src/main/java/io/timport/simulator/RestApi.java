package io.timport.simulator;

import java.util.Optional;

/**
 * The REST APIs the simulator serves, each with its path and the call rate Tencent documents for it. Each API has a
 * rate window of its own (the app's limits are per API); {@link SimulatorConfig.Builder#rateLimitPerSecond(RestApi,
 * int)} changes one.
 */
public enum RestApi {
    /** {@code v4/sns/friend_import}: import up to 1000 one-way friends of one user; 200 calls/s. */
    FRIEND_IMPORT("/v4/sns/friend_import", 200),
    /** {@code v4/sns/friend_get}: read one user's friends page by page; 200 calls/s. */
    FRIEND_GET("/v4/sns/friend_get", 200),
    /** {@code v4/sns/friend_check}: check up to 1000 relations of one user; 200 calls/s. */
    FRIEND_CHECK("/v4/sns/friend_check", 200),
    /** {@code v4/im_open_login_svc/account_import}: import one account; 200 calls/s. */
    ACCOUNT_IMPORT("/v4/im_open_login_svc/account_import", 200),
    /** {@code v4/im_open_login_svc/multiaccount_import}: import up to 100 accounts; 100 calls/s. */
    MULTIACCOUNT_IMPORT("/v4/im_open_login_svc/multiaccount_import", 100),
    /** {@code v4/im_open_login_svc/account_check}: check up to 100 accounts; 100 calls/s. */
    ACCOUNT_CHECK("/v4/im_open_login_svc/account_check", 100);

    private final String path;
    private final int documentedCallsPerSecond;

    RestApi(String path, int documentedCallsPerSecond) {
        this.path = path;
        this.documentedCallsPerSecond = documentedCallsPerSecond;
    }

    /**
     * The URL path, e.g. {@code /v4/sns/friend_import}.
     *
     * @return the path, starting with {@code /}
     */
    public String path() {
        return path;
    }

    /**
     * The call rate Tencent documents for this API, the simulator's default limit.
     *
     * @return the documented calls per second
     */
    public int documentedCallsPerSecond() {
        return documentedCallsPerSecond;
    }

    /**
     * The API served at this raw path, if any.
     *
     * @param rawPath the request's raw path, such as {@code "/v4/sns/friend_get"}
     * @return the API, or empty when no API is served there
     */
    public static Optional<RestApi> forPath(String rawPath) {
        for (RestApi api : values()) {
            if (api.path.equals(rawPath)) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    /** The command-line name of this API, e.g. {@code friend-import}. */
    String optionName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
