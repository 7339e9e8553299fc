package io.timport.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every error code that {@code v4/sns/friend_import} is documented to return, with its meaning and
 * {@link ErrorClass}: the engine's retry decision is {@code ErrorCatalogue.lookup(code).errorClass()}.
 *
 * <p>A code missing from the catalogue is {@link ErrorClass#PERMANENT} and its meaning names its number, so that
 * it is reported rather than retried forever or silently dropped.
 *
 * <p>Transport-level failures (HTTP 5xx, timeouts, resets) carry no code; they are classified by
 * {@code io.timport.call.TransportException#errorClass()}.
 */
public final class ErrorCatalogue {

    private static final Map<Integer, ErrorEntry> ENTRIES;

    static {
        Map<Integer, ErrorEntry> m = new TreeMap<>();
        put(m, 0, "success", ErrorClass.OK);

        // friend_import's own codes
        put(m, 30001, "bad request parameter (see ResultInfo / ErrorInfo)", ErrorClass.PERMANENT);
        put(m, 30002, "SDKAppID mismatch", ErrorClass.PERMANENT);
        put(m, 30003, "account does not exist", ErrorClass.PERMANENT);
        put(m, 30004, "identifier is not an app admin", ErrorClass.FATAL_CONFIG);
        put(m, 30006, "server internal error", ErrorClass.TRANSIENT);
        put(m, 30007, "network timeout inside the server", ErrorClass.TRANSIENT);
        put(m, 30008, "write conflict from concurrent writes to one From_Account", ErrorClass.TRANSIENT);
        put(m, 30010, "From_Account already has the maximum of 3000 friends", ErrorClass.PERMANENT);
        put(m, 30011, "From_Account already has the maximum of 32 friend groups", ErrorClass.PERMANENT);

        // public REST codes
        put(m, 60002, "malformed HTTP request or URL", ErrorClass.CLIENT_BUG);
        put(m, 60003, "request body is not valid JSON", ErrorClass.CLIENT_BUG);
        put(m, 60006, "SDKAppID is invalid (unknown app)", ErrorClass.FATAL_CONFIG);
        put(m, 60007, "REST API call rate over the limit", ErrorClass.THROTTLED);
        put(m, 60008, "service timeout", ErrorClass.TRANSIENT);
        put(m, 60009, "wrong request resource (URL path)", ErrorClass.CLIENT_BUG);
        put(m, 60010, "identifier is not an app admin", ErrorClass.FATAL_CONFIG);
        put(m, 60011, "SDKAppID call rate over the limit", ErrorClass.THROTTLED);
        put(m, 60012, "SDKAppID missing from the request", ErrorClass.CLIENT_BUG);
        put(m, 60014, "service timeout", ErrorClass.TRANSIENT);
        put(m, 60015, "wrong request body or field type", ErrorClass.CLIENT_BUG);
        put(m, 60016, "SDKAppID is disabled", ErrorClass.FATAL_CONFIG);
        put(m, 60017, "request is disabled for this app", ErrorClass.FATAL_CONFIG);
        put(m, 60018, "too many requests", ErrorClass.THROTTLED);
        put(m, 60019, "too many requests", ErrorClass.THROTTLED);
        put(m, 60020, "app's service is disabled or its package expired", ErrorClass.FATAL_CONFIG);
        put(m, 60021, "caller's IP address is not allowed", ErrorClass.FATAL_CONFIG);

        // UserSig codes
        put(m, 70001, "UserSig expired", ErrorClass.RESIGN);
        put(m, 70003, "UserSig cannot be parsed", ErrorClass.FATAL_CONFIG);
        put(m, 70005, "UserSig cannot be parsed", ErrorClass.FATAL_CONFIG);
        put(m, 70009, "UserSig check failed: wrong secret key", ErrorClass.FATAL_CONFIG);
        put(m, 70013, "UserSig identifier does not match the identifier parameter", ErrorClass.FATAL_CONFIG);
        put(m, 70014, "UserSig SDKAppID does not match the sdkappid parameter", ErrorClass.FATAL_CONFIG);
        put(m, 70016, "no key for this SDKAppID here: wrong data centre?", ErrorClass.FATAL_CONFIG);
        put(m, 70020, "SDKAppID not found here: wrong data centre?", ErrorClass.FATAL_CONFIG);
        put(m, 70050, "too many failed UserSig checks: locked for about a minute", ErrorClass.WAIT_THEN_RETRY);
        put(m, 70052, "UserSig invalidated", ErrorClass.RESIGN);
        ENTRIES = Collections.unmodifiableMap(m);
    }

    private ErrorCatalogue() {}

    private static void put(Map<Integer, ErrorEntry> m, int code, String meaning, ErrorClass errorClass) {
        if (m.put(code, new ErrorEntry(code, meaning, errorClass, true)) != null) {
            throw new AssertionError("duplicate code " + code);
        }
    }

    /** The entry for {@code code}; for an unknown code, a {@link ErrorClass#PERMANENT} entry naming the number. */
    public static ErrorEntry lookup(int code) {
        ErrorEntry entry = ENTRIES.get(code);
        return entry != null ? entry : new ErrorEntry(code, "unknown error code " + code, ErrorClass.PERMANENT, false);
    }

    /** True when the catalogue has an entry for {@code code}. */
    public static boolean isKnown(int code) {
        return ENTRIES.containsKey(code);
    }

    /** Every known entry, by code. */
    public static List<ErrorEntry> all() {
        return Collections.unmodifiableList(new ArrayList<>(ENTRIES.values()));
    }
}
