package io.timport.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every error code that the Chat APIs timport calls are documented to return, with its meaning, its
 * {@link ErrorClass} and what to do: the engine's decision is {@code ErrorCatalogue.forRequest(code).errorClass()}
 * for a request's {@code ErrorCode} and {@code ErrorCatalogue.forItem(code).errorClass()} for an item's
 * {@code ResultCode}.
 *
 * <p>The two levels differ for a few codes: 70051 (blocklisted) stops the import when it is the request's code (the
 * admin is blocklisted) and fails only the item when it is an item's; 30003 (account missing) marks the
 * {@code From_Account} only at request level (per item it is the {@code To_Account} that is missing). Everything else
 * is the same at both levels.
 *
 * <p>A code missing from the catalogue is {@link ErrorClass#UNKNOWN} and its meaning names its number, so that it is
 * reported rather than retried for ever, silently dropped, or taken for an ordinary item failure.
 *
 * <p>Transport-level failures (HTTP 5xx, timeouts, resets) carry no code; they are classified by
 * {@code io.timport.call.TransportException#errorClass()}.
 */
public final class ErrorCatalogue {

    private static final Map<Integer, ErrorEntry> REQUEST;
    private static final Map<Integer, ErrorEntry> ITEM;

    static {
        Table t = new Table();
        t.put(0, "success", ErrorClass.OK, "");

        // friend_import's own codes (also friend_get, friend_check)
        t.put(30001, "bad parameter (see ResultInfo / ErrorInfo), e.g. a custom tag not configured in the console",
                ErrorClass.PERMANENT, "fails that item; when nearly every item fails so, a custom field is probably not "
                        + "configured in the console (App Configuration > Feature Configuration)");
        t.put(30002, "SDKAppID mismatch", ErrorClass.PERMANENT, "");
        t.put(30003, "account does not exist", ErrorClass.PERMANENT,
                "import the account first (account_import / multiaccount_import)");
        t.markFromAccountAtRequestLevel(30003);
        t.put(30004, "identifier is not an app admin", ErrorClass.FATAL_CONFIG,
                "use an app admin account as the identifier (Chat console > Account Management)");
        t.put(30005, "a relationship field contains sensitive words", ErrorClass.PERMANENT, "fails that item");
        t.put(30006, "server internal error", ErrorClass.TRANSIENT, "");
        t.put(30007, "network timeout inside the server", ErrorClass.TRANSIENT, "");
        t.put(30008, "write conflict from concurrent writes to one From_Account", ErrorClass.TRANSIENT,
                "never run two calls for one From_Account at once");
        t.put(30009, "the backend forbids this user adding friends", ErrorClass.PERMANENT,
                "the user may not add friends: its later relations would fail too");
        t.markFromAccount(30009);
        t.put(30010, "From_Account already has the maximum of 3000 friends", ErrorClass.PERMANENT,
                "the user's list is full: its later new relations would fail too");
        t.markFromAccount(30010);
        t.put(30011, "From_Account already has the maximum of 32 friend groups", ErrorClass.PERMANENT,
                "fails that item");

        // account API codes
        t.put(40601, "a profile field (Nick, FaceUrl) is too long", ErrorClass.PERMANENT, "fails that account");

        // public REST codes
        t.put(60002, "malformed HTTP request or URL", ErrorClass.CLIENT_BUG, "");
        t.put(60003, "request body is not valid JSON", ErrorClass.CLIENT_BUG, "");
        t.put(60004, "account or signature wrong in the URL or body", ErrorClass.FATAL_CONFIG,
                "check the SDKAppID, the admin identifier and the secret key");
        t.put(60005, "account or signature wrong in the URL or body", ErrorClass.FATAL_CONFIG,
                "check the SDKAppID, the admin identifier and the secret key");
        t.put(60006, "SDKAppID is invalid (unknown app)", ErrorClass.FATAL_CONFIG, "check the SDKAppID and the region");
        t.put(60007, "REST API call rate over the limit", ErrorClass.THROTTLED, "");
        t.put(60008, "service timeout", ErrorClass.TRANSIENT, "");
        t.put(60009, "wrong request resource (URL path)", ErrorClass.CLIENT_BUG, "");
        t.put(60010, "identifier is not an app admin", ErrorClass.FATAL_CONFIG,
                "use an app admin account as the identifier (Chat console > Account Management)");
        t.put(60011, "SDKAppID call rate over the limit", ErrorClass.THROTTLED, "");
        t.put(60012, "SDKAppID missing from the request", ErrorClass.CLIENT_BUG, "");
        t.put(60013, "the server could not parse an answer of its own", ErrorClass.TRANSIENT, "");
        t.put(60014, "account exchange timed out inside the server", ErrorClass.TRANSIENT, "");
        t.put(60015, "an account field in the body (From_Account, To_Account) is not a JSON string",
                ErrorClass.CLIENT_BUG, "");
        t.put(60016, "SDKAppID is disabled", ErrorClass.FATAL_CONFIG, "");
        t.put(60017, "request is disabled for this app", ErrorClass.FATAL_CONFIG, "");
        t.put(60018, "too many requests", ErrorClass.THROTTLED, "");
        t.put(60019, "too many requests", ErrorClass.THROTTLED, "");
        t.put(60020, "the app's plan is not bought or is still being set up", ErrorClass.FATAL_CONFIG,
                "Tencent's advice: try again in 5 minutes");
        t.put(60021, "caller's IP address is not allowed", ErrorClass.FATAL_CONFIG,
                "allow this machine's IP address in the console");

        // UserSig and account codes
        t.put(70001, "UserSig expired", ErrorClass.RESIGN, "sign a new UserSig and retry once");
        t.put(70002, "UserSig is empty", ErrorClass.CLIENT_BUG, "");
        t.put(70003, "UserSig cannot be parsed", ErrorClass.FATAL_CONFIG, "check the secret key");
        t.put(70005, "UserSig cannot be parsed", ErrorClass.FATAL_CONFIG, "check the secret key");
        t.put(70009, "UserSig check failed: wrong secret key", ErrorClass.FATAL_CONFIG, "check the secret key");
        t.put(70013, "UserSig identifier does not match the identifier parameter", ErrorClass.FATAL_CONFIG, "");
        t.put(70014, "UserSig SDKAppID does not match the sdkappid parameter", ErrorClass.FATAL_CONFIG, "");
        t.put(70016, "no key for this SDKAppID here: wrong data centre?", ErrorClass.FATAL_CONFIG,
                "check the region (endpoint) of the app");
        t.put(70020, "SDKAppID not found here: wrong data centre?", ErrorClass.FATAL_CONFIG,
                "check the region (endpoint) of the app");
        t.put(70050, "too many failed UserSig checks: locked for about a minute", ErrorClass.WAIT_THEN_RETRY,
                "wait about 60 s, then retry");
        t.put(70051, "account blocklisted", ErrorClass.PERMANENT, "fails that item; fatal when it is the admin");
        t.atRequestLevel(70051, ErrorClass.FATAL_CONFIG, "the admin account is blocklisted: use another admin");
        t.put(70052, "UserSig invalidated", ErrorClass.RESIGN, "sign a new UserSig and retry once");
        t.put(70107, "account does not exist", ErrorClass.PERMANENT, "");
        t.put(70114, "account is restricted", ErrorClass.PERMANENT, "fails that account");
        t.put(70169, "server internal timeout", ErrorClass.TRANSIENT, "");
        t.put(70202, "server internal timeout", ErrorClass.TRANSIENT, "");
        t.put(70206, "illegal number of accounts in one call", ErrorClass.CLIENT_BUG, "");
        t.put(70398, "the app's account count is over its plan", ErrorClass.FATAL_CONFIG,
                "upgrade the plan or delete unused accounts");
        t.put(70402, "illegal parameters", ErrorClass.CLIENT_BUG, "");
        t.put(70403, "identifier is not an app admin", ErrorClass.FATAL_CONFIG,
                "use an app admin account as the identifier (Chat console > Account Management)");
        t.put(70500, "server internal error", ErrorClass.TRANSIENT, "");
        REQUEST = Collections.unmodifiableMap(t.request);
        ITEM = Collections.unmodifiableMap(t.item);
    }

    private ErrorCatalogue() {}

    /** Builds the two maps; the item and request entries are the same unless a code is given a request form. */
    private static final class Table {
        final Map<Integer, ErrorEntry> request = new TreeMap<>();
        final Map<Integer, ErrorEntry> item = new TreeMap<>();

        void put(int code, String meaning, ErrorClass errorClass, String advice) {
            ErrorEntry entry = new ErrorEntry(code, meaning, errorClass, true, false, advice);
            if (item.put(code, entry) != null || request.put(code, entry) != null) {
                throw new AssertionError("duplicate code " + code);
            }
        }

        void markFromAccount(int code) {
            item.put(code, marked(item.get(code)));
            request.put(code, marked(request.get(code)));
        }

        void markFromAccountAtRequestLevel(int code) {
            request.put(code, marked(request.get(code)));
        }

        void atRequestLevel(int code, ErrorClass errorClass, String advice) {
            ErrorEntry e = request.get(code);
            request.put(code, new ErrorEntry(code, e.meaning(), errorClass, true, e.marksFromAccount(), advice));
        }

        private static ErrorEntry marked(ErrorEntry e) {
            return new ErrorEntry(e.code(), e.meaning(), e.errorClass(), e.known(), true, e.advice());
        }
    }

    /**
     * The entry of {@code code} as a request's {@code ErrorCode}; for an unknown code, an {@link ErrorClass#UNKNOWN}
     * entry naming the number.
     *
     * @param code a request's {@code ErrorCode}, known or not
     * @return the catalogue's entry, never null ({@link ErrorEntry#known()} false for an unknown code)
     */
    public static ErrorEntry forRequest(int code) {
        ErrorEntry entry = REQUEST.get(code);
        return entry != null ? entry : unknown(code);
    }

    /**
     * The entry of {@code code} as an item's {@code ResultCode}; for an unknown code, an {@link ErrorClass#UNKNOWN}
     * entry naming the number.
     *
     * @param code an item's {@code ResultCode}, known or not
     * @return the catalogue's entry, never null ({@link ErrorEntry#known()} false for an unknown code)
     */
    public static ErrorEntry forItem(int code) {
        ErrorEntry entry = ITEM.get(code);
        return entry != null ? entry : unknown(code);
    }

    /**
     * The entry of {@code code} as a request's {@code ErrorCode}: the same as {@link #forRequest}. For an item's
     * {@code ResultCode} use {@link #forItem} (or {@code ResultItem.error()}).
     *
     * @param code a request's {@code ErrorCode}, known or not
     * @return the catalogue's entry, never null ({@link ErrorEntry#known()} false for an unknown code)
     */
    public static ErrorEntry lookup(int code) {
        return forRequest(code);
    }

    private static ErrorEntry unknown(int code) {
        return new ErrorEntry(code, "unknown error code " + code, ErrorClass.UNKNOWN, false, false,
                "no source documents this code: quote it, with the call's random, to Tencent support");
    }

    /**
     * True when the catalogue has an entry for {@code code}.
     *
     * @param code any error code
     * @return true when the code is in the catalogue, false for a code no source documents
     */
    public static boolean isKnown(int code) {
        return REQUEST.containsKey(code);
    }

    /**
     * Every known entry at request level, by code.
     *
     * @return an unmodifiable list of the request-level entries, ordered by code
     */
    public static List<ErrorEntry> all() {
        return Collections.unmodifiableList(new ArrayList<>(REQUEST.values()));
    }

    /**
     * Every known entry at item level, by code: the same codes as {@link #all()}.
     *
     * @return an unmodifiable list of the item-level entries, ordered by code
     */
    public static List<ErrorEntry> allForItems() {
        return Collections.unmodifiableList(new ArrayList<>(ITEM.values()));
    }
}
