package io.timport.call;

import io.timport.errors.ErrorClass;
import io.timport.errors.ErrorEntry;
import java.util.List;
import java.util.Objects;

/**
 * The server's answer to one {@code friend_import} call (HTTP 200 with a JSON body).
 *
 * <p>Three shapes occur: all items imported ({@link #isRequestOk()}, every {@link ResultItem#isOk()}); a partial
 * success (request OK, some items failed, listed in {@link #failAccounts()}); a request-level failure
 * ({@code ActionStatus} {@code FAIL}, {@link #errorCode()} ≠ 0, usually no result items), whose
 * {@link #requestError()} says what to do. A request-level failure is an answer, not an exception.
 *
 * <p>Parsing is tolerant: unknown fields are skipped, missing strings are {@code ""}, missing lists are empty.
 *
 * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
 * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
 * @param errorInfo {@code ErrorInfo}
 * @param errorDisplay {@code ErrorDisplay}
 * @param resultItems {@code ResultItem}, one per item, in the server's order
 * @param failAccounts {@code Fail_Account}: the To_Accounts that failed (present only when one did)
 * @param invalidAccounts {@code Invalid_Account}, sent by older server versions (usually empty)
 * @param random the call's {@code random}, for Tencent support; {@link ChatAnswer#NO_RANDOM} for an answer built by
 *     hand
 */
public record FriendImportResponse(
        String actionStatus,
        int errorCode,
        String errorInfo,
        String errorDisplay,
        List<ResultItem> resultItems,
        List<String> failAccounts,
        List<String> invalidAccounts,
        long random) implements ChatAnswer {

    /**
     * Copies the lists; checks that nothing is null.
     *
     * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
     * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
     * @param errorInfo {@code ErrorInfo}
     * @param errorDisplay {@code ErrorDisplay}
     * @param resultItems {@code ResultItem}, one per item, in the server's order
     * @param failAccounts {@code Fail_Account}: the To_Accounts that failed (present only when one did)
     * @param invalidAccounts {@code Invalid_Account}, sent by older server versions (usually empty)
     * @param random the call's {@code random}, for Tencent support; {@link ChatAnswer#NO_RANDOM} for an answer built by
     *     hand
     */
    public FriendImportResponse {
        Objects.requireNonNull(actionStatus, "actionStatus");
        Objects.requireNonNull(errorInfo, "errorInfo");
        Objects.requireNonNull(errorDisplay, "errorDisplay");
        resultItems = List.copyOf(resultItems);
        failAccounts = List.copyOf(failAccounts);
        invalidAccounts = List.copyOf(invalidAccounts);
    }

    /**
     * An answer without a call's {@code random} (the form before {@code random}): {@link ChatAnswer#NO_RANDOM}.
     *
     * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
     * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
     * @param errorInfo {@code ErrorInfo}
     * @param errorDisplay {@code ErrorDisplay}
     * @param resultItems {@code ResultItem}, one per item, in the server's order
     * @param failAccounts {@code Fail_Account}: the To_Accounts that failed (present only when one did)
     * @param invalidAccounts {@code Invalid_Account}, sent by older server versions (usually empty)
     */
    public FriendImportResponse(String actionStatus, int errorCode, String errorInfo, String errorDisplay,
            List<ResultItem> resultItems, List<String> failAccounts, List<String> invalidAccounts) {
        this(actionStatus, errorCode, errorInfo, errorDisplay, resultItems, failAccounts, invalidAccounts, NO_RANDOM);
    }

    /** True when the request as a whole succeeded: {@code ErrorCode} 0 and {@code ActionStatus} not FAIL. */
    @Override
    public boolean isRequestOk() {
        return ChatAnswer.super.isRequestOk();
    }

    /**
     * The request-level outcome: the catalogue entry of {@link #errorCode()} as a request's code, whose class is
     * {@link ErrorClass#OK} when {@link #isRequestOk()}. A contradictory {@code FAIL} with {@code ErrorCode} 0 is
     * reported as an {@link ErrorClass#UNKNOWN} error.
     */
    @Override
    public ErrorEntry requestError() {
        return ChatAnswer.super.requestError();
    }

    /**
     * True when the request succeeded and every result item is OK.
     *
     * @return true when nothing failed; false when the request or any item failed
     */
    public boolean isFullSuccess() {
        return isRequestOk() && failAccounts.isEmpty() && resultItems.stream().allMatch(ResultItem::isOk);
    }
}
