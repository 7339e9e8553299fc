package io.timport.limit;

import java.time.Duration;

/**
 * Paces calls to a rate: each call first takes a permit.
 *
 * <p>timport's own implementation is {@link SmoothRateLimiter}, shared per SDKAppID in a JVM through
 * {@link RateLimiterRegistry}. When several processes call the API for one app, plug in an implementation that
 * coordinates them (a distributed token bucket, or each process taking its share of the app's rate).
 *
 * <p>Implementations are thread-safe.
 */
public interface RateLimiter {

    /**
     * Takes a permit, waiting as long as needed.
     *
     * @throws InterruptedException when interrupted while waiting; no permit is taken then
     */
    void acquire() throws InterruptedException;

    /**
     * Takes a permit if one can be had within {@code maxWait}, waiting for it; returns false at once, taking
     * nothing, when it cannot.
     *
     * @param maxWait the longest wait for a permit (not null)
     * @return true when a permit was taken, false when none could be had within {@code maxWait}
     * @throws InterruptedException when interrupted while waiting; no permit is taken then
     */
    boolean tryAcquire(Duration maxWait) throws InterruptedException;

    /**
     * Takes a permit if one is available right now, without waiting.
     *
     * @return true when a permit was taken
     */
    default boolean tryAcquire() {
        try {
            return tryAcquire(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The rate, in permits per second.
     *
     * @return the permits per second, positive
     */
    double permitsPerSecond();
}
