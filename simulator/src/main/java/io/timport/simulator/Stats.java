package io.timport.simulator;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link SimulatorStats}. */
final class Stats {

    /** The counters of one API. */
    static final class PerApi {
        final LongAdder calls = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder throttled = new LongAdder();
        final LongAdder succeeded = new LongAdder();
        final ConcurrentHashMap<Integer, LongAdder> requestFailures = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Integer, LongAdder> itemFailures = new ConcurrentHashMap<>();
        final SlidingWindow callsWindow = new SlidingWindow(Integer.MAX_VALUE);

        void reset() {
            calls.reset();
            accepted.reset();
            throttled.reset();
            succeeded.reset();
            requestFailures.clear();
            itemFailures.clear();
            callsWindow.resetMax();
        }
    }

    final LongAdder calls = new LongAdder();
    final LongAdder conflicts = new LongAdder();
    final LongAdder itemsStored = new LongAdder();
    final LongAdder stalls = new LongAdder();
    final LongAdder stalledRequests = new LongAdder();
    final LongAdder oversizedBodies = new LongAdder();
    final LongAdder silentLosses = new LongAdder();
    private final EnumMap<RestApi, PerApi> apis = new EnumMap<>(RestApi.class);
    private final ConcurrentHashMap<Integer, LongAdder> requestFailures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, LongAdder> itemFailures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Fault, LongAdder> faults = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    Stats() {
        for (RestApi api : RestApi.values()) {
            apis.put(api, new PerApi());
        }
    }

    PerApi api(RestApi api) {
        return apis.get(api);
    }

    /** A request-level failure; {@code api} null for a path that is no API. */
    void requestFailed(RestApi api, int code) {
        requestFailures.computeIfAbsent(code, k -> new LongAdder()).increment();
        if (api != null) {
            apis.get(api).requestFailures.computeIfAbsent(code, k -> new LongAdder()).increment();
        }
    }

    void itemFailed(RestApi api, int code) {
        itemFailures.computeIfAbsent(code, k -> new LongAdder()).increment();
        apis.get(api).itemFailures.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    void injected(Fault fault) {
        faults.computeIfAbsent(fault, k -> new LongAdder()).increment();
    }

    void enter() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    SimulatorStats snapshot(Map<RestApi, SlidingWindow> limiters) {
        Map<RestApi, ApiStats> perApi = new EnumMap<>(RestApi.class);
        apis.forEach((api, c) -> perApi.put(api, new ApiStats(c.calls.sum(), c.accepted.sum(), c.throttled.sum(),
                c.succeeded.sum(), sums(c.requestFailures), sums(c.itemFailures), limiters.get(api).max(),
                c.callsWindow.max())));
        ApiStats imports = perApi.get(RestApi.FRIEND_IMPORT);
        return new SimulatorStats(calls.sum(), imports.accepted(), imports.throttled(), conflicts.sum(),
                imports.succeeded(), itemsStored.sum(), sums(requestFailures), sums(itemFailures), faultSums(),
                imports.maxAcceptedInAnySecond(), imports.maxCallsInAnySecond(), maxInFlight.get(),
                perApi, stalls.sum(), stalledRequests.sum(), oversizedBodies.sum(), silentLosses.sum());
    }

    void reset() {
        calls.reset();
        conflicts.reset();
        itemsStored.reset();
        stalls.reset();
        stalledRequests.reset();
        oversizedBodies.reset();
        silentLosses.reset();
        apis.values().forEach(PerApi::reset);
        requestFailures.clear();
        itemFailures.clear();
        faults.clear();
        maxInFlight.set(inFlight.get());
    }

    private static Map<Integer, Long> sums(Map<Integer, LongAdder> adders) {
        Map<Integer, Long> out = new HashMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private Map<Fault, Long> faultSums() {
        Map<Fault, Long> out = new EnumMap<>(Fault.class);
        faults.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
