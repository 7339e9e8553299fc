package io.timport.call;

import java.util.List;
import java.util.Objects;

/**
 * The server's answer to one {@code multiaccount_import} call: the request-level outcome and the accounts that
 * failed ({@code FailAccounts}, present only when some did). Every account of the request not in
 * {@link #failAccounts()} was imported (or existed and was updated) when the request is OK.
 *
 * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
 * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
 * @param errorInfo {@code ErrorInfo}
 * @param errorDisplay {@code ErrorDisplay}
 * @param failAccounts {@code FailAccounts}: the UserIDs that could not be imported
 * @param random the call's {@code random}, for Tencent support
 */
public record MultiAccountImportResponse(String actionStatus, int errorCode, String errorInfo, String errorDisplay,
        List<String> failAccounts, long random) implements ChatAnswer {

    /**
     * Copies the list; checks that nothing is null.
     *
     * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
     * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
     * @param errorInfo {@code ErrorInfo}
     * @param errorDisplay {@code ErrorDisplay}
     * @param failAccounts {@code FailAccounts}: the UserIDs that could not be imported
     * @param random the call's {@code random}, for Tencent support
     */
    public MultiAccountImportResponse {
        Objects.requireNonNull(actionStatus, "actionStatus");
        Objects.requireNonNull(errorInfo, "errorInfo");
        Objects.requireNonNull(errorDisplay, "errorDisplay");
        failAccounts = List.copyOf(failAccounts);
    }

    /**
     * True when the request succeeded and no account failed.
     *
     * @return true when nothing failed
     */
    public boolean isFullSuccess() {
        return isRequestOk() && failAccounts.isEmpty();
    }
}
