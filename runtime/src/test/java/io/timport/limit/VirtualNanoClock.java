package io.timport.limit;

import java.util.concurrent.atomic.AtomicLong;

/** Virtual time: sleeping advances the clock by exactly the time slept, at once. */
final class VirtualNanoClock implements NanoClock {
    private final AtomicLong now;

    VirtualNanoClock(long start) {
        this.now = new AtomicLong(start);
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        now.addAndGet(nanos);
    }

    void advance(long nanos) {
        now.addAndGet(nanos);
    }
}
