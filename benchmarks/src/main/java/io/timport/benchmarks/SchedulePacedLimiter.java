package io.timport.benchmarks;

import io.timport.limit.RateLimiter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A diagnostic limiter for {@link EngineRate}, <b>not</b> timport's default: it spaces permits from their
 * <em>scheduled</em> times rather than from the moments they were granted, so a waiter that wakes up late does not
 * push every later permit back. A caller that comes more than one interval after the schedule starts a new one (idle
 * time stores at most one permit of catch-up). Any one-second window then holds at most {@code ceil(rate) + 1}
 * permits, one more than {@link io.timport.limit.SmoothRateLimiter} allows.
 *
 * <p>It exists to show where the default limiter's shortfall comes from: the same engine, the same pace, only the
 * spacing rule differs.
 */
final class SchedulePacedLimiter implements RateLimiter {

    private final double permitsPerSecond;
    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock(true);
    private long next;
    private boolean started;

    SchedulePacedLimiter(double permitsPerSecond) {
        this.permitsPerSecond = permitsPerSecond;
        this.intervalNanos = (long) Math.ceil(TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
    }

    @Override
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long now = System.nanoTime();
            if (!started || now - next > intervalNanos) {
                next = now; // first call, or idle for over an interval: start a new schedule
                started = true;
            }
            while (next - now > 0) {
                LockSupport.parkNanos(this, next - now);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                now = System.nanoTime();
            }
            next += intervalNanos;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean tryAcquire(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
        if (!lock.tryLock(Math.max(0, maxWait.toNanos()), TimeUnit.NANOSECONDS)) {
            return false;
        }
        try {
            long now = System.nanoTime();
            if (started && now - next <= intervalNanos && next - deadline > 0) {
                return false; // the next permit comes after the caller's deadline
            }
            acquire(); // the lock is reentrant: nobody can take the permit in between
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    @Override
    public String toString() {
        return "SchedulePacedLimiter[" + permitsPerSecond + " permits/s]";
    }
}
