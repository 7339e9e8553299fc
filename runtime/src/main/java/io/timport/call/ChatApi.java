package io.timport.call;

/**
 * Every Chat REST API timport calls, with its facts: the path, the most items one call may carry, and the documented
 * call rate. The one home of these numbers: {@link FriendImportClient#MAX_ITEMS_PER_CALL},
 * {@link FriendImportClient#API_PATH} and {@code RateLimiterRegistry.DEFAULT_CALLS_PER_SECOND} are aliases of
 * {@link #FRIEND_IMPORT}'s.
 *
 * <p>The rates are per app and per API: an app may call friend_import 200 times a second and account_check 100 times
 * a second at once. So a {@link ChatClient} has one rate limiter per API.
 *
 * <p>Sources: {@code shared/docs/friend-import-api.md} and {@code shared/docs/migration-apis.md} (Tencent's API pages).
 */
public enum ChatApi {

    /** {@code v4/sns/friend_import}: up to 1000 {@code AddFriendItem}s for one {@code From_Account}; 200 calls/s. */
    FRIEND_IMPORT("v4/sns/friend_import", 1000, 200),
    /** {@code v4/im_open_login_svc/account_check}: up to 100 {@code CheckItem}s; 100 calls/s. */
    ACCOUNT_CHECK("v4/im_open_login_svc/account_check", 100, 100),
    /** {@code v4/im_open_login_svc/multiaccount_import}: up to 100 accounts ({@code AccountList}); 100 calls/s. */
    MULTIACCOUNT_IMPORT("v4/im_open_login_svc/multiaccount_import", 100, 100),
    /** {@code v4/im_open_login_svc/account_import}: one account a call; 200 calls/s. */
    ACCOUNT_IMPORT("v4/im_open_login_svc/account_import", 1, 200),
    /**
     * {@code v4/sns/friend_get}: one page of one {@code From_Account}'s friends a call (the server chooses the page
     * size: 100 in older pages, up to 500 in current ones); 200 calls/s.
     */
    FRIEND_GET("v4/sns/friend_get", 1, 200),
    /** {@code v4/sns/friend_check}: up to 1000 {@code To_Account}s of one {@code From_Account}; 200 calls/s. */
    FRIEND_CHECK("v4/sns/friend_check", 1000, 200);

    private final String path;
    private final int maxItemsPerCall;
    private final int callsPerSecond;

    ChatApi(String path, int maxItemsPerCall, int callsPerSecond) {
        this.path = path;
        this.maxItemsPerCall = maxItemsPerCall;
        this.callsPerSecond = callsPerSecond;
    }

    /**
     * The path under the endpoint, without a leading slash, e.g. {@code v4/sns/friend_import}.
     *
     * @return the path relative to the endpoint's base URI
     */
    public String path() {
        return path;
    }

    /**
     * The API's name as Tencent's pages write it: the last segment of the path, e.g. {@code friend_import}.
     *
     * @return the API name, such as {@code "friend_import"}
     */
    public String apiName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The most items one call may carry: friend_import's {@code AddFriendItem}s, account_check's {@code CheckItem}s,
     * multiaccount_import's accounts, friend_check's {@code To_Account}s; 1 for the APIs that take one account
     * (account_import) or read one user's page (friend_get).
     *
     * @return the per-call item limit (1 or more)
     */
    public int maxItemsPerCall() {
        return maxItemsPerCall;
    }

    /**
     * The documented call limit of the API, per app: calls per second.
     *
     * @return the documented limit in calls per second for one app (200 for friend_import)
     */
    public int callsPerSecond() {
        return callsPerSecond;
    }
}
