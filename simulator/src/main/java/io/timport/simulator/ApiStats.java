package io.timport.simulator;

import java.util.Map;

/**
 * The counters of one {@link RestApi} since start or the last reset.
 *
 * @param calls requests to this API's path, whatever their outcome
 * @param accepted calls admitted by this API's rate window (it comes after the query, UserSig and admin checks)
 * @param throttled calls refused by this API's rate window
 * @param succeeded calls answered {@code ActionStatus} OK / {@code ErrorCode} 0 (items may still have failed)
 * @param requestFailures request-level answers with {@code ErrorCode} ≠ 0, by code
 * @param itemFailures items (friend_import's items, friend_check's and account_check's results,
 *     multiaccount_import's accounts) answered with a code ≠ 0, by code
 * @param maxAcceptedInAnySecond the most accepted calls within any one-second window
 * @param maxCallsInAnySecond the most calls received within any one-second window (the rate a client offered)
 */
public record ApiStats(
        long calls,
        long accepted,
        long throttled,
        long succeeded,
        Map<Integer, Long> requestFailures,
        Map<Integer, Long> itemFailures,
        int maxAcceptedInAnySecond,
        int maxCallsInAnySecond) {

    /**
     * Makes the maps immutable copies.
     *
     * @param calls requests to this API's path, whatever their outcome
     * @param accepted calls admitted by this API's rate window (it comes after the query, UserSig and admin checks)
     * @param throttled calls refused by this API's rate window
     * @param succeeded calls answered {@code ActionStatus} OK / {@code ErrorCode} 0 (items may still have failed)
     * @param requestFailures request-level answers with {@code ErrorCode} ≠ 0, by code
     * @param itemFailures items (friend_import's items, friend_check's and account_check's results,
     *     multiaccount_import's accounts) answered with a code ≠ 0, by code
     * @param maxAcceptedInAnySecond the most accepted calls within any one-second window
     * @param maxCallsInAnySecond the most calls received within any one-second window (the rate a client offered)
     */
    public ApiStats {
        requestFailures = Map.copyOf(requestFailures);
        itemFailures = Map.copyOf(itemFailures);
    }

    /**
     * Request-level answers with this {@code ErrorCode}.
     *
     * @param code a request-level {@code ErrorCode}
     * @return the number of such answers, 0 when none
     */
    public long requestFailures(int code) {
        return requestFailures.getOrDefault(code, 0L);
    }

    /**
     * Items answered with this code.
     *
     * @param code an item's {@code ResultCode}
     * @return the number of such items, 0 when none
     */
    public long itemFailures(int code) {
        return itemFailures.getOrDefault(code, 0L);
    }
}
