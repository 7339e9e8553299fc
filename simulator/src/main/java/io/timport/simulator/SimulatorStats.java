package io.timport.simulator;

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a {@link ChatSimulator}'s counters since start or the last reset. The components that predate the
 * other APIs ({@code accepted}, {@code throttled}, {@code succeeded}, {@code itemsStored}, the two per-second
 * maxima) are {@code friend_import}'s; {@link #api(RestApi)} has every API's own counters.
 *
 * @param calls every HTTP request received, on any path
 * @param accepted friend_import calls admitted by its rate window (they count toward its per-second limit); the
 *     window sits after the query, UserSig and admin checks, so rejected credentials never count
 * @param throttled friend_import calls refused by its rate window
 * @param conflicts calls answered 30008 because their {@code From_Account} was still being processed
 * @param succeeded friend_import calls answered {@code ActionStatus} OK / {@code ErrorCode} 0 (items may still have
 *     failed)
 * @param itemsStored friend_import items stored, including those of calls answered by
 *     {@link Fault#APPLIED_THEN_30007}; not the items silently lost
 * @param requestFailures request-level answers with {@code ErrorCode} ≠ 0 from every API and path, by code
 *     (throttling, conflicts and injected 30006/30007 included)
 * @param itemFailures items of every API answered with a code ≠ 0, by code (injected 30006 included)
 * @param injectedFaults faults injected, by kind ({@link Fault#ITEM_30006} counts items)
 * @param maxAcceptedInAnySecond the most accepted friend_import calls within any one-second window
 * @param maxCallsInAnySecond the most {@code friend_import} calls received within any one-second window,
 *     whatever their outcome (the rate a client offered)
 * @param maxConcurrentRequests the most requests being handled at the same moment
 * @param apis every API's own counters
 * @param stalls stalls that held at least one request (see {@link SimulatorConfig#stallPeriod()})
 * @param stalledRequests requests held by a stall until it ended
 * @param oversizedBodies requests refused with HTTP 413 because their body was over
 *     {@link SimulatorConfig#maxRequestBodyBytes()}
 * @param silentLosses friend_import items answered {@code ResultCode} 0 but not stored
 *     ({@link SimulatorConfig.Builder#silentLoss(double)})
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
        int maxConcurrentRequests,
        Map<RestApi, ApiStats> apis,
        long stalls,
        long stalledRequests,
        long oversizedBodies,
        long silentLosses) {

    /**
     * Makes the maps immutable copies.
     *
     * @param calls every HTTP request received, on any path
     * @param accepted friend_import calls admitted by its rate window (they count toward its per-second limit); the
     *     window sits after the query, UserSig and admin checks, so rejected credentials never count
     * @param throttled friend_import calls refused by its rate window
     * @param conflicts calls answered 30008 because their {@code From_Account} was still being processed
     * @param succeeded friend_import calls answered {@code ActionStatus} OK / {@code ErrorCode} 0 (items may still have
     *     failed)
     * @param itemsStored friend_import items stored, including those of calls answered by {@link
     *     Fault#APPLIED_THEN_30007}; not the items silently lost
     * @param requestFailures request-level answers with {@code ErrorCode} ≠ 0 from every API and path, by code
     *     (throttling, conflicts and injected 30006/30007 included)
     * @param itemFailures items of every API answered with a code ≠ 0, by code (injected 30006 included)
     * @param injectedFaults faults injected, by kind ({@link Fault#ITEM_30006} counts items)
     * @param maxAcceptedInAnySecond the most accepted friend_import calls within any one-second window
     * @param maxCallsInAnySecond the most {@code friend_import} calls received within any one-second window, whatever
     *     their outcome (the rate a client offered)
     * @param maxConcurrentRequests the most requests being handled at the same moment
     * @param apis every API's own counters
     * @param stalls stalls that held at least one request (see {@link SimulatorConfig#stallPeriod()})
     * @param stalledRequests requests held by a stall until it ended
     * @param oversizedBodies requests refused with HTTP 413 because their body was over {@link
     *     SimulatorConfig#maxRequestBodyBytes()}
     * @param silentLosses friend_import items answered {@code ResultCode} 0 but not stored ({@link
     *     SimulatorConfig.Builder#silentLoss(double)})
     */
    public SimulatorStats {
        requestFailures = Map.copyOf(requestFailures);
        itemFailures = Map.copyOf(itemFailures);
        injectedFaults = Map.copyOf(injectedFaults);
        apis = Map.copyOf(apis);
    }

    /**
     * The snapshot as it was before the other APIs, stalls and body limits existed.
     *
     * @param calls every HTTP request received, on any path
     * @param accepted friend_import calls admitted by its rate window (they count toward its per-second limit); the
     *     window sits after the query, UserSig and admin checks, so rejected credentials never count
     * @param throttled friend_import calls refused by its rate window
     * @param conflicts calls answered 30008 because their {@code From_Account} was still being processed
     * @param succeeded friend_import calls answered {@code ActionStatus} OK / {@code ErrorCode} 0 (items may still have
     *     failed)
     * @param itemsStored friend_import items stored, including those of calls answered by {@link
     *     Fault#APPLIED_THEN_30007}; not the items silently lost
     * @param requestFailures request-level answers with {@code ErrorCode} ≠ 0 from every API and path, by code
     *     (throttling, conflicts and injected 30006/30007 included)
     * @param itemFailures items of every API answered with a code ≠ 0, by code (injected 30006 included)
     * @param injectedFaults faults injected, by kind ({@link Fault#ITEM_30006} counts items)
     * @param maxAcceptedInAnySecond the most accepted friend_import calls within any one-second window
     * @param maxCallsInAnySecond the most {@code friend_import} calls received within any one-second window, whatever
     *     their outcome (the rate a client offered)
     * @param maxConcurrentRequests the most requests being handled at the same moment
     * @deprecated use the canonical constructor
     */
    @Deprecated
    public SimulatorStats(long calls, long accepted, long throttled, long conflicts, long succeeded, long itemsStored,
            Map<Integer, Long> requestFailures, Map<Integer, Long> itemFailures, Map<Fault, Long> injectedFaults,
            int maxAcceptedInAnySecond, int maxCallsInAnySecond, int maxConcurrentRequests) {
        this(calls, accepted, throttled, conflicts, succeeded, itemsStored, requestFailures, itemFailures,
                injectedFaults, maxAcceptedInAnySecond, maxCallsInAnySecond, maxConcurrentRequests,
                new EnumMap<>(RestApi.class), 0, 0, 0, 0);
    }

    /**
     * Request-level answers with this {@code ErrorCode}, from every API.
     *
     * @param code a request-level {@code ErrorCode}
     * @return the number of such answers, 0 when none
     */
    public long requestFailures(int code) {
        return requestFailures.getOrDefault(code, 0L);
    }

    /**
     * Items answered with this code, from every API.
     *
     * @param code an item's {@code ResultCode}
     * @return the number of such items, 0 when none
     */
    public long itemFailures(int code) {
        return itemFailures.getOrDefault(code, 0L);
    }

    /**
     * How often this fault was injected.
     *
     * @param fault the fault kind (not null)
     * @return the number of injections, 0 when none
     */
    public long injected(Fault fault) {
        return injectedFaults.getOrDefault(fault, 0L);
    }

    /**
     * One API's counters (all zero for an API that was never called).
     *
     * @param api the API (not null)
     * @return the API's counters, never null
     */
    public ApiStats api(RestApi api) {
        ApiStats s = apis.get(api);
        return s != null ? s : new ApiStats(0, 0, 0, 0, Map.of(), Map.of(), 0, 0);
    }
}
