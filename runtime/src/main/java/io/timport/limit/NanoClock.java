package io.timport.limit;

import java.util.concurrent.locks.LockSupport;

/**
 * The time source of a {@link SmoothRateLimiter}: a monotonic nanosecond clock and a way to sleep on it.
 * Tests supply one whose sleep advances a virtual clock.
 */
public interface NanoClock {

    /** A monotonic time in nanoseconds, as {@link System#nanoTime()}: only differences are meaningful. */
    long nanoTime();

    /**
     * Sleeps for at least {@code nanos} nanoseconds of this clock.
     *
     * @throws InterruptedException when the thread is interrupted
     */
    void sleepNanos(long nanos) throws InterruptedException;

    /** {@link System#nanoTime()}, and a sleep that never returns before its deadline. */
    static NanoClock system() {
        return SystemNanoClock.INSTANCE;
    }
}

/** The real clock. {@link LockSupport#parkNanos} is precise to tens of microseconds on common platforms. */
final class SystemNanoClock implements NanoClock {
    static final SystemNanoClock INSTANCE = new SystemNanoClock();

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        long remaining = nanos;
        while (remaining > 0) {
            LockSupport.parkNanos(this, remaining);
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
