package io.timport.limit;

import java.util.concurrent.atomic.AtomicLong;

/** Virtual time: sleeping advances the clock by exactly the time slept, at once. */
final class VirtualNanoClock implements NanoClock {
    private final AtomicLong now;
    private volatile boolean interruptNextSleep;

    VirtualNanoClock(long start) {
        this.now = new AtomicLong(start);
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        if (Thread.interrupted() || interruptNextSleep) {
            interruptNextSleep = false;
            throw new InterruptedException();
        }
        now.addAndGet(nanos);
    }

    /** The next sleep is interrupted, as if another thread interrupted the sleeper. */
    void interruptNextSleep() {
        interruptNextSleep = true;
    }

    void advance(long nanos) {
        now.addAndGet(nanos);
    }
}
