package io.timport.simulator;

import java.util.Map;

/**
 * A snapshot of a {@link ChatSimulator}'s counters since start or the last reset.
 *
 * @param calls every HTTP request received, on any path
 * @param accepted calls admitted by the rate limiter (they count toward the per-second limit); the
 *     limiter sits after the query and UserSig checks, so rejected credentials never count
 * @param throttled calls refused by the rate limiter
 * @param conflicts calls answered 30008 because their {@code From_Account} was still being processed
 * @param succeeded calls answered {@code ActionStatus} OK / {@code ErrorCode} 0 (items may still have failed)
 * @param itemsStored items stored, including those of calls answered by {@link Fault#APPLIED_THEN_30007}
 * @param requestFailures request-level answers with {@code ErrorCode} ≠ 0, by code (throttling, conflicts
 *     and injected 30006/30007 included)
 * @param itemFailures items answered with {@code ResultCode} ≠ 0, by code (injected 30006 included)
 * @param injectedFaults faults injected, by kind ({@link Fault#ITEM_30006} counts items)
 * @param maxAcceptedInAnySecond the most accepted calls within any one-second window
 * @param maxCallsInAnySecond the most {@code friend_import} calls received within any one-second window,
 *     whatever their outcome (the rate a client offered)
 * @param maxConcurrentRequests the most requests being handled at the same moment
 */
public record SimulatorStats(
        long calls,
        long accepted,
        long throttled,
        long conflicts,
        long succeeded,
        long itemsStored,
        Map<Integer, Long> requestFailures,
        Map<Integer, Long> itemFailures,
        Map<Fault, Long> injectedFaults,
        int maxAcceptedInAnySecond,
        int maxCallsInAnySecond,
        int maxConcurrentRequests) {

    /** Makes the maps immutable copies. */
    public SimulatorStats {
        requestFailures = Map.copyOf(requestFailures);
        itemFailures = Map.copyOf(itemFailures);
        injectedFaults = Map.copyOf(injectedFaults);
    }

    /** Request-level answers with this {@code ErrorCode}. */
    public long requestFailures(int code) {
        return requestFailures.getOrDefault(code, 0L);
    }

    /** Items answered with this {@code ResultCode}. */
    public long itemFailures(int code) {
        return itemFailures.getOrDefault(code, 0L);
    }

    /** How often this fault was injected. */
    public long injected(Fault fault) {
        return injectedFaults.getOrDefault(fault, 0L);
    }
}
