package io.timport.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand; it starts at the real current time. */
final class ManualClock implements SimClock {
    static final long START = 1_000_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(START);
    private final AtomicLong epochSeconds = new AtomicLong(System.currentTimeMillis() / 1000);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long epochSeconds() {
        return epochSeconds.get() + (nanos.get() - 1_000_000_000_000L) / 1_000_000_000L;
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    /** Sets the clock to {@code d} after its start. */
    void set(Duration sinceStart) {
        nanos.set(START + sinceStart.toNanos());
    }
}
