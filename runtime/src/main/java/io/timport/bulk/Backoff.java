package io.timport.bulk;

import java.util.random.RandomGenerator;

/**
 * How long to wait before sending an item again: exponential in its attempts, capped, with jitter.
 *
 * <p>After attempt {@code n} the delay is {@code initial × 2^(n−1)}, at most {@code max}, of which a random half is
 * kept: a value uniformly drawn from {@code [delay/2, delay]}, so that items that failed together do not come back
 * together. The randomness is injected (the engine calls it under its lock, one thread at a time), so tests can fix
 * it.
 */
final class Backoff {

    private final long initialNanos;
    private final long maxNanos;
    private final RandomGenerator random;

    Backoff(long initialNanos, long maxNanos, RandomGenerator random) {
        if (initialNanos < 0 || maxNanos < initialNanos) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max");
        }
        this.initialNanos = initialNanos;
        this.maxNanos = maxNanos;
        this.random = random;
    }

    /** The delay before the next attempt of an item that has made {@code attempts} attempts; 0 for none. */
    long delayNanos(int attempts) {
        if (attempts <= 0) {
            return 0;
        }
        long delay = attempts > 40 ? maxNanos : Math.min(maxNanos, initialNanos << Math.min(attempts - 1, 30));
        if (delay < 0) {
            delay = maxNanos; // the shift overflowed
        }
        return delay / 2 + random.nextLong(delay / 2 + 1);
    }
}
