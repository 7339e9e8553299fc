package io.timport.simulator;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server that stalls now and then, as a real one does in a GC pause or a hiccup: stall <i>k</i> (k = 1, 2, ...)
 * begins {@code k × period} after the origin (the simulator's start or last reset) and lasts a duration drawn,
 * from the fault seed and <i>k</i> alone, uniformly within [min, max]. A request that arrives during a stall is
 * not admitted (it is not counted in any rate window) until the stall ends; then every held request goes on at
 * once. A client that paces itself just under the limit therefore meets throttling about one second after a stall
 * that lasted more than a few tens of milliseconds, whatever its own pace.
 */
final class Stalls {

    private final long periodNanos;
    private final long minNanos;
    private final long maxNanos;
    private final long seed;
    private volatile long origin;
    private final AtomicLong lastCounted = new AtomicLong();

    Stalls(long periodNanos, long minNanos, long maxNanos, long seed, long origin) {
        this.periodNanos = periodNanos;
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.seed = seed;
        this.origin = origin;
    }

    /** Restarts the schedule at {@code origin}. */
    void reset(long newOrigin) {
        origin = newOrigin;
        lastCounted.set(0);
    }

    /** The index of the stall in progress at {@code now}, or 0 when the server is not stalled. */
    long stallAt(long now) {
        long since = now - origin;
        if (since < periodNanos) {
            return 0;
        }
        long k = since / periodNanos;
        return since - k * periodNanos < duration(k) ? k : 0;
    }

    /** When stall {@code k} ends. */
    long end(long k) {
        return origin + k * periodNanos + duration(k);
    }

    /** Whether this is the first request held by stall {@code k} (so each stall is counted once). */
    boolean firstHeldBy(long k) {
        long last = lastCounted.get();
        return k > last && lastCounted.compareAndSet(last, k);
    }

    /** The duration of stall {@code k}: a pure function of the seed and {@code k}. */
    long duration(long k) {
        if (maxNanos == minNanos) {
            return minNanos;
        }
        double u = new SplittableRandom(CallDraws.seed(seed, "stall", k)).nextDouble();
        return minNanos + (long) (u * (maxNanos - minNanos + 1));
    }
}
