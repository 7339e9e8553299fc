package io.timport.call;

import io.timport.errors.ErrorClass;
import java.io.IOException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A call of a Chat API that got no usable answer: timeout (the per-call deadline covers connecting, the headers and
 * the body), connection failure, reset, TLS failure, an HTTP status other than 200, or a body that is not a Chat API
 * JSON answer (also one larger than the client's answer cap).
 *
 * <p>An answer whose {@code ActionStatus} is {@code FAIL} is not a transport failure: it is an answer
 * ({@link ChatAnswer}). The message names the API, the kind, the URL with {@code usersig=<redacted>} (and the call's
 * {@code random}), the HTTP status and a truncated body; it never holds the UserSig or the secret key, nor does any
 * cause in its chain. {@link #random()} is the call's {@code random}, for Tencent support.
 */
public final class TransportException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No answer within the request timeout. Whether the server applied the call is unknown. */
        TIMEOUT,
        /** No connection: refused, unreachable, unknown host, connect timeout. The call was not sent. */
        CONNECT,
        /** The TLS handshake failed, e.g. a certificate that does not verify. */
        TLS,
        /** The connection broke (reset, closed early) or another I/O error. */
        IO,
        /** The server answered with an HTTP status other than 200 (a gateway's 502, say). */
        HTTP_STATUS,
        /**
         * Status 200, but the body is empty, not JSON, or not a Chat API answer; or an answer (of any status) larger
         * than the client's cap, of which no more than the cap was read.
         */
        MALFORMED_BODY
    }

    /** What went wrong. */
    private final Kind kind;
    /** The HTTP status of the answer, or -1 when there was no HTTP answer. */
    private final int httpStatus;
    /** The start of the answer's body, or {@code ""}; never holds a secret. */
    private final String bodyExcerpt;
    /** The call's {@code random}, or {@link ChatAnswer#NO_RANDOM}. */
    private final long random;

    /**
     * A transport failure. The caller is responsible for the message and excerpt holding no secret.
     *
     * @param httpStatus the HTTP status, or -1 when there was no HTTP answer
     * @param bodyExcerpt the start of the answer's body, or {@code ""}
     * @param random the call's {@code random}, or {@link ChatAnswer#NO_RANDOM} when there was no call
     * @param kind what went wrong (not null)
     * @param message the message: API, kind, redacted URL, status and excerpt
     * @param cause the underlying exception, or null
     */
    public TransportException(Kind kind, String message, int httpStatus, String bodyExcerpt, long random,
            Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
        this.random = random;
    }

    /**
     * A transport failure without a call's {@code random} (the form before {@code random}).
     *
     * @param kind what went wrong (not null)
     * @param message the message: API, kind, redacted URL, status and excerpt
     * @param httpStatus the HTTP status, or -1 when there was no HTTP answer
     * @param bodyExcerpt the start of the answer's body, or {@code ""}
     * @param cause the underlying exception, or null
     */
    public TransportException(Kind kind, String message, int httpStatus, String bodyExcerpt, Throwable cause) {
        this(kind, message, httpStatus, bodyExcerpt, ChatAnswer.NO_RANDOM, cause);
    }

    /**
     * What went wrong.
     *
     * @return the kind of failure, never null
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The HTTP status of the answer, when there was one.
     *
     * @return the HTTP status, or empty when no HTTP answer arrived
     */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /**
     * The start of the answer's body (at most {@value Redaction#EXCERPT_CHARS} characters), or {@code ""}.
     *
     * @return the excerpt, never null
     */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /**
     * The call's {@code random} (0..4294967295): quote it, with the SDKAppID and the time, to Tencent support. It is
     * also in the message's URL. {@link ChatAnswer#NO_RANDOM} when the exception was made without one.
     *
     * @return the call's {@code random}
     */
    public long random() {
        return random;
    }

    /**
     * What a client does about it: timeouts, connection failures, I/O errors, malformed bodies (also answers over the
     * cap), HTTP 408 and 5xx are {@link ErrorClass#TRANSIENT}; HTTP 429 is {@link ErrorClass#THROTTLED}; HTTP 413
     * (the request body is too large) is {@link ErrorClass#PERMANENT} for that request: split the batch and send the
     * halves; a TLS failure and any other HTTP status (a redirect, 404 from a wrong base path, 403 from a proxy) are
     * {@link ErrorClass#FATAL_CONFIG}.
     *
     * @return the class that decides whether the call is retried, never null
     */
    public ErrorClass errorClass() {
        switch (kind) {
            case TLS:
                return ErrorClass.FATAL_CONFIG;
            case HTTP_STATUS:
                if (httpStatus == 429) {
                    return ErrorClass.THROTTLED;
                }
                if (httpStatus == 413) {
                    return ErrorClass.PERMANENT;
                }
                if (httpStatus == 408 || (httpStatus >= 500 && httpStatus <= 599)) {
                    return ErrorClass.TRANSIENT;
                }
                return ErrorClass.FATAL_CONFIG;
            default:
                return ErrorClass.TRANSIENT;
        }
    }
}
