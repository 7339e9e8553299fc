package io.timport.simulator;

import java.util.concurrent.locks.LockSupport;

/** The simulator's time: monotonic nanoseconds for rate windows and lockouts, Unix seconds for UserSig expiry. */
interface SimClock {
    long nanoTime();

    long epochSeconds();

    /**
     * Returns once {@link #nanoTime()} has reached {@code deadlineNanos}. Polls at least every millisecond, so that a
     * clock moved by hand (in tests) releases its waiters as soon as it passes the deadline.
     */
    default void awaitUntil(long deadlineNanos) throws InterruptedException {
        long remaining;
        while ((remaining = deadlineNanos - nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(remaining, 1_000_000L));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    SimClock SYSTEM = new SimClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long epochSeconds() {
            return System.currentTimeMillis() / 1000;
        }
    };
}
