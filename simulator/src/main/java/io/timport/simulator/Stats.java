package io.timport.simulator;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link SimulatorStats}. */
final class Stats {
    final LongAdder calls = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder conflicts = new LongAdder();
    final LongAdder succeeded = new LongAdder();
    final LongAdder itemsStored = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> requestFailures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, LongAdder> itemFailures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Fault, LongAdder> faults = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    final SlidingWindow callsWindow = new SlidingWindow(Integer.MAX_VALUE);

    void requestFailed(int code) {
        requestFailures.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    void itemFailed(int code) {
        itemFailures.computeIfAbsent(code, k -> new LongAdder()).increment();
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

    SimulatorStats snapshot(SlidingWindow acceptedWindow) {
        return new SimulatorStats(calls.sum(), accepted.sum(), throttled.sum(), conflicts.sum(), succeeded.sum(),
                itemsStored.sum(), sums(requestFailures), sums(itemFailures), faultSums(),
                acceptedWindow.max(), callsWindow.max(), maxInFlight.get());
    }

    void reset() {
        calls.reset();
        accepted.reset();
        throttled.reset();
        conflicts.reset();
        succeeded.reset();
        itemsStored.reset();
        requestFailures.clear();
        itemFailures.clear();
        faults.clear();
        maxInFlight.set(inFlight.get());
        callsWindow.resetMax();
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
