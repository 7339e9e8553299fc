package io.timport.benchmarks;

import io.timport.limit.NanoClock;
import io.timport.limit.RateLimiter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A diagnostic limiter for the benchmarks, <b>not</b> timport's default: {@link io.timport.limit.SmoothRateLimiter}
 * as it was until 2026-12-02 (commit 9e38474), kept so that the benchmarks can run the old limiter and the new one
 * side by side ({@code --limiters old,new}). It spaces each permit {@code 1/rate} from the moment the previous one
 * was <em>granted</em>: a caller that comes late loses that lateness for good, where the new limiter keeps its
 * schedule and makes it up (at most 100 ms of it, never more than {@code ceil(rate)} permits in any second).
 */
final class GrantSpacedLimiter implements RateLimiter {

    private final NanoClock clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile double permitsPerSecond;
    /** Guarded by {@link #lock} for writes. */
    private volatile long intervalNanos;
    /** Clock time of the last permit; guarded by {@link #lock}. */
    private long lastGrant;
    private boolean started;

    /** A limiter on the system clock. */
    GrantSpacedLimiter(double permitsPerSecond) {
        this(permitsPerSecond, NanoClock.system());
    }

    /**
     * A limiter on {@code clock}.
     *
     * @param permitsPerSecond the rate, positive and finite (at least one permit a day)
     * @throws IllegalArgumentException when the rate is out of range
     */
    GrantSpacedLimiter(double permitsPerSecond, NanoClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.intervalNanos = intervalOf(permitsPerSecond);
        this.permitsPerSecond = permitsPerSecond;
    }

    private static long intervalOf(double permitsPerSecond) {
        if (!(permitsPerSecond >= 1.0 / 86_400) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("rate must be positive and finite (at least one permit a day), was "
                    + permitsPerSecond + " permits/s");
        }
        // Round the interval up so that spacing never undercuts 1/rate.
        return Math.max(1, (long) Math.ceil(TimeUnit.SECONDS.toNanos(1) / permitsPerSecond));
    }

    /**
     * Changes the rate; the next permit is spaced from the last one by the new interval. For the registry, which
     * lets an explicit rate replace the default one.
     */
    void setPermitsPerSecond(double permitsPerSecond) {
        long interval = intervalOf(permitsPerSecond);
        lock.lock();
        try {
            this.intervalNanos = interval;
            this.permitsPerSecond = permitsPerSecond;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long now = clock.nanoTime();
            while (started && nextFree() - now > 0) {
                clock.sleepNanos(nextFree() - now);
                now = clock.nanoTime();
            }
            grant(now);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean tryAcquire(Duration maxWait) throws InterruptedException {
        Objects.requireNonNull(maxWait, "maxWait");
        long budget = maxWait.isNegative() ? 0 : saturatedNanos(maxWait);
        long start = clock.nanoTime();
        boolean locked = budget == 0 ? lock.tryLock() : lock.tryLock(budget, TimeUnit.NANOSECONDS);
        if (!locked) {
            return false;
        }
        try {
            long now = clock.nanoTime();
            long deadline = start + budget;
            if (started && nextFree() - deadline > 0) {
                return false; // the next permit comes after the caller's deadline: take nothing
            }
            while (started && nextFree() - now > 0) {
                clock.sleepNanos(nextFree() - now);
                now = clock.nanoTime();
            }
            grant(now);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Earliest clock time of the next permit; call with the lock held, once {@link #started}. */
    private long nextFree() {
        return lastGrant + intervalNanos;
    }

    private void grant(long now) {
        lastGrant = now;
        started = true;
    }

    @Override
    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /** The minimum spacing of permits, in nanoseconds ({@code ceil(1e9 / rate)}). */
    public long intervalNanos() {
        return intervalNanos;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    @Override
    public String toString() {
        return "GrantSpacedLimiter[" + permitsPerSecond + " permits/s]";
    }
}
