package io.timport.errors;

/**
 * What a client does about an error code: the decision the import engine takes, as a lookup.
 *
 * <p>Every code of the Chat API that timport knows is in {@link ErrorCatalogue}; a code it does not know is
 * {@link #UNKNOWN}, reported with its number. Some codes have another class as a request's {@code ErrorCode} than as an
 * item's {@code ResultCode} ({@link ErrorCatalogue#forRequest}, {@link ErrorCatalogue#forItem}).
 */
public enum ErrorClass {
    /** Success (code 0). */
    OK(false, false),
    /** The server or the network failed this time: retry with backoff. */
    TRANSIENT(true, false),
    /** The call rate is over the app's limit: slow down, back off, then retry. */
    THROTTLED(true, false),
    /** The UserSig expired or was invalidated: sign a new one and retry once. */
    RESIGN(true, false),
    /** Locked out for a while (70050, about a minute): wait, then retry. */
    WAIT_THEN_RETRY(true, false),
    /**
     * Fails for good: report it, do not retry. Per item for a {@code ResultCode}; for every item of the request
     * when it is the request's {@code ErrorCode}.
     */
    PERMANENT(false, false),
    /** Wrong configuration (not an admin, wrong key, wrong data centre, app disabled): stop the whole import. */
    FATAL_CONFIG(false, true),
    /** The server could not read what we sent: a bug in timport. Stop and report it loudly. */
    CLIENT_BUG(false, true),
    /**
     * A code that no source lists, so nobody knows what it means: never "fail and go on at full rate". As a
     * request's {@code ErrorCode}: retry the call once; if it comes back, treat it as a permanent request-level
     * failure (split the batch to isolate the items that cause it). As an item's {@code ResultCode}: that item fails,
     * reported with the number, and counts toward the breaker for systematic failures.
     */
    UNKNOWN(false, false);

    private final boolean retryable;
    private final boolean stopsImport;

    ErrorClass(boolean retryable, boolean stopsImport) {
        this.retryable = retryable;
        this.stopsImport = stopsImport;
    }

    /**
     * True for the classes whose calls are worth sending again: transient, throttled, re-sign, wait-then-retry.
     * ({@link #UNKNOWN} is false: a request-level unknown code is retried once only, by the engine's decision.)
     *
     * @return true when a call answered with a code of this class may be sent again
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * True when no further call can succeed: fatal configuration and client bugs.
     *
     * @return true when a code of this class stops the whole import
     */
    public boolean stopsImport() {
        return stopsImport;
    }
}
