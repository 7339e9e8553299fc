package io.timport.call;

import java.util.Objects;

/**
 * The server's answer to one {@code account_import} call: only the request-level outcome (the call imports one
 * account, so its outcome is the account's).
 *
 * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
 * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
 * @param errorInfo {@code ErrorInfo}
 * @param errorDisplay {@code ErrorDisplay}
 * @param random the call's {@code random}, for Tencent support
 */
public record AccountImportResponse(String actionStatus, int errorCode, String errorInfo, String errorDisplay,
        long random) implements ChatAnswer {

    /**
     * Checks that nothing is null.
     *
     * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
     * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
     * @param errorInfo {@code ErrorInfo}
     * @param errorDisplay {@code ErrorDisplay}
     * @param random the call's {@code random}, for Tencent support
     */
    public AccountImportResponse {
        Objects.requireNonNull(actionStatus, "actionStatus");
        Objects.requireNonNull(errorInfo, "errorInfo");
        Objects.requireNonNull(errorDisplay, "errorDisplay");
    }
}
