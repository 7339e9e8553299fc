package io.timport.call;

import java.util.List;
import java.util.Objects;

/**
 * The server's answer to one {@code friend_check} call.
 *
 * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
 * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
 * @param errorInfo {@code ErrorInfo}
 * @param errorDisplay {@code ErrorDisplay}
 * @param infoItems {@code InfoItem}, one per To_Account, in the server's order
 * @param failAccounts {@code Fail_Account}: the To_Accounts that could not be checked (present only when some failed)
 * @param random the call's {@code random}, for Tencent support
 */
public record FriendCheckResponse(String actionStatus, int errorCode, String errorInfo, String errorDisplay,
        List<FriendCheckItem> infoItems, List<String> failAccounts, long random) implements ChatAnswer {

    /**
     * Copies the lists; checks that nothing is null.
     *
     * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
     * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
     * @param errorInfo {@code ErrorInfo}
     * @param errorDisplay {@code ErrorDisplay}
     * @param infoItems {@code InfoItem}, one per To_Account, in the server's order
     * @param failAccounts {@code Fail_Account}: the To_Accounts that could not be checked (present only when some
     *     failed)
     * @param random the call's {@code random}, for Tencent support
     */
    public FriendCheckResponse {
        Objects.requireNonNull(actionStatus, "actionStatus");
        Objects.requireNonNull(errorInfo, "errorInfo");
        Objects.requireNonNull(errorDisplay, "errorDisplay");
        infoItems = List.copyOf(infoItems);
        failAccounts = List.copyOf(failAccounts);
    }
}
