package io.timport.call;

import java.util.List;
import java.util.Objects;

/**
 * The server's answer to one {@code friend_get} call: one page of a user's friends.
 *
 * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
 * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
 * @param errorInfo {@code ErrorInfo}
 * @param errorDisplay {@code ErrorDisplay}
 * @param friends {@code UserDataItem}: the friends of this page, in answer order
 * @param standardSequence {@code StandardSequence}, or -1 when absent
 * @param customSequence {@code CustomSequence}, or -1 when absent
 * @param friendNum {@code FriendNum}: how many friends the user has, or -1 when absent
 * @param completeFlag {@code CompleteFlag}: 1 on the last page, 0 before it, -1 when absent
 * @param nextStartIndex {@code NextStartIndex}: where the next page starts, or -1 when absent
 * @param random the call's {@code random}, for Tencent support
 */
public record FriendGetPage(String actionStatus, int errorCode, String errorInfo, String errorDisplay,
        List<Friend> friends, long standardSequence, long customSequence, long friendNum, int completeFlag,
        long nextStartIndex, long random) implements ChatAnswer {

    /**
     * Copies the list; checks that nothing is null.
     *
     * @param actionStatus {@code "OK"} or {@code "FAIL"} ({@code ""} when absent)
     * @param errorCode request-level {@code ErrorCode}: 0 on success; -1 when absent from a non-OK answer
     * @param errorInfo {@code ErrorInfo}
     * @param errorDisplay {@code ErrorDisplay}
     * @param friends {@code UserDataItem}: the friends of this page, in answer order
     * @param standardSequence {@code StandardSequence}, or -1 when absent
     * @param customSequence {@code CustomSequence}, or -1 when absent
     * @param friendNum {@code FriendNum}: how many friends the user has, or -1 when absent
     * @param completeFlag {@code CompleteFlag}: 1 on the last page, 0 before it, -1 when absent
     * @param nextStartIndex {@code NextStartIndex}: where the next page starts, or -1 when absent
     * @param random the call's {@code random}, for Tencent support
     */
    public FriendGetPage {
        Objects.requireNonNull(actionStatus, "actionStatus");
        Objects.requireNonNull(errorInfo, "errorInfo");
        Objects.requireNonNull(errorDisplay, "errorDisplay");
        friends = List.copyOf(friends);
    }

    /**
     * True on the last page ({@code CompleteFlag} 1).
     *
     * @return true when no page follows this one
     */
    public boolean isComplete() {
        return completeFlag == 1;
    }
}
