package io.timport.limit;

import java.util.concurrent.locks.LockSupport;

/**
 * The time source of a {@link SmoothRateLimiter}: a monotonic nanosecond clock and a way to sleep on it.
 * Tests supply one whose sleep advances a virtual clock.
 */
public interface NanoClock {

    /**
     * A monotonic time in nanoseconds, as {@link System#nanoTime()}: only differences are meaningful.
     *
     * @return the current time in nanoseconds, from an arbitrary origin
     */
    long nanoTime();

    /**
     * Sleeps for at least {@code nanos} nanoseconds of this clock.
     *
     * @param nanos how long to sleep, in nanoseconds of this clock
     * @throws InterruptedException when the thread is interrupted
     */
    void sleepNanos(long nanos) throws InterruptedException;

    /**
     * {@link System#nanoTime()}, and a sleep that never returns before its deadline.
     *
     * @return the system clock
     */
    static NanoClock system() {
        return SystemNanoClock.INSTANCE;
    }
}

/**
 * The real clock. {@link LockSupport#parkNanos} wakes up tens of microseconds late on common platforms (Linux's
 * default timer slack alone is 50 µs), and a rate limiter that spaces permits from the moment it grants them loses
 * that lateness on every permit: about 2 % of 196 calls/s. So the sleep parks until {@value #SPIN_NANOS} ns before
 * its deadline and spins the rest: a fraction of a core at 200 permits/s, for a deadline met within a microsecond
 * or two.
 */
final class SystemNanoClock implements NanoClock {
    static final SystemNanoClock INSTANCE = new SystemNanoClock();

    /** The last stretch of a sleep, spun rather than parked. */
    static final long SPIN_NANOS = 150_000;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        long remaining = nanos;
        while (remaining > SPIN_NANOS) {
            LockSupport.parkNanos(this, remaining - SPIN_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            remaining = deadline - System.nanoTime();
        }
        while (remaining > 0) {
            Thread.onSpinWait();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            remaining = deadline - System.nanoTime();
        }
    }

    @Override
    public String toString() {
        return "NanoClock.system()";
    }
}
