package io.timport.call;

import io.timport.errors.ErrorCatalogue;
import io.timport.errors.ErrorClass;
import io.timport.errors.ErrorEntry;

/**
 * What every Chat API answer has: the request-level outcome ({@code ActionStatus}, {@code ErrorCode},
 * {@code ErrorInfo}, {@code ErrorDisplay}) and the call's {@code random}.
 *
 * <p>A request-level failure ({@code ActionStatus FAIL}) is an answer, not an exception: {@link #requestError()} says
 * what to do about it. {@link #random()} is the unsigned 32-bit number the call sent in its URL: the one thing
 * Tencent support asks for to find a call in its logs. Quote it with the SDKAppID and the time.
 */
public interface ChatAnswer {

    /** {@link #random()} of an answer that was not the result of a call (one built by hand, in a test). */
    long NO_RANDOM = -1;

    /**
     * {@code "OK"} or {@code "FAIL"} ({@code ""} when absent).
     *
     * @return the {@code ActionStatus} text, never null
     */
    String actionStatus();

    /**
     * The request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer.
     *
     * @return the {@code ErrorCode}
     */
    int errorCode();

    /**
     * {@code ErrorInfo} ({@code ""} when absent).
     *
     * @return the {@code ErrorInfo} text, never null
     */
    String errorInfo();

    /**
     * {@code ErrorDisplay} ({@code ""} when absent).
     *
     * @return the {@code ErrorDisplay} text, never null
     */
    String errorDisplay();

    /**
     * The call's {@code random} (0..4294967295), or {@link #NO_RANDOM} for an answer built by hand.
     *
     * @return the {@code random} query parameter the call was sent with
     */
    long random();

    /**
     * True when the request as a whole succeeded: {@code ErrorCode} 0 and {@code ActionStatus} not FAIL.
     *
     * @return true when the request succeeded (items may still have failed)
     */
    default boolean isRequestOk() {
        return errorCode() == 0 && !"FAIL".equals(actionStatus());
    }

    /**
     * The request-level outcome: {@link ErrorCatalogue#forRequest} of {@link #errorCode()}, whose class is
     * {@link ErrorClass#OK} when {@link #isRequestOk()}. A contradictory {@code FAIL} with {@code ErrorCode} 0 is
     * reported as an {@link ErrorClass#UNKNOWN} error.
     *
     * @return the request-level catalogue entry, never null
     */
    default ErrorEntry requestError() {
        if (errorCode() == 0 && !isRequestOk()) {
            return new ErrorEntry(0, "ActionStatus FAIL with ErrorCode 0 (" + errorInfo() + ")", ErrorClass.UNKNOWN,
                    false, false, "");
        }
        return ErrorCatalogue.forRequest(errorCode());
    }
}
