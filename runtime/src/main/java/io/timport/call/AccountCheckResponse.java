package io.timport.call;

import java.util.List;
import java.util.Objects;

/**
 * The server's answer to one {@code account_check} call.
 *
 * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
 * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
 * @param errorInfo {@code ErrorInfo}
 * @param errorDisplay {@code ErrorDisplay}
 * @param resultItems {@code ResultItem}, one per account, in the server's order
 * @param random the call's {@code random}, for Tencent support
 */
public record AccountCheckResponse(String actionStatus, int errorCode, String errorInfo, String errorDisplay,
        List<AccountCheckItem> resultItems, long random) implements ChatAnswer {

    /**
     * Copies the list; checks that nothing is null.
     *
     * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
     * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
     * @param errorInfo {@code ErrorInfo}
     * @param errorDisplay {@code ErrorDisplay}
     * @param resultItems {@code ResultItem}, one per account, in the server's order
     * @param random the call's {@code random}, for Tencent support
     */
    public AccountCheckResponse {
        Objects.requireNonNull(actionStatus, "actionStatus");
        Objects.requireNonNull(errorInfo, "errorInfo");
        Objects.requireNonNull(errorDisplay, "errorDisplay");
        resultItems = List.copyOf(resultItems);
    }

    /**
     * The UserIDs that were checked and do not exist ({@code ResultCode} 0, {@code AccountStatus} NotImported), in
     * answer order. Accounts that could not be checked (a ResultCode other than 0) are in neither this list nor
     * {@link #existing()}.
     *
     * @return an unmodifiable list of the UserIDs found missing, possibly empty
     */
    public List<String> missing() {
        return resultItems.stream().filter(i -> i.isOk() && i.status() == AccountStatus.NOT_IMPORTED)
                .map(AccountCheckItem::userId).toList();
    }

    /**
     * The UserIDs that were checked and exist, in answer order.
     *
     * @return an unmodifiable list of the UserIDs found to exist, possibly empty
     */
    public List<String> existing() {
        return resultItems.stream().filter(AccountCheckItem::exists).map(AccountCheckItem::userId).toList();
    }
}
