package io.timport.simulator;

/**
 * A sliding one-second log of events: admits an event when fewer than {@code limit} events were admitted
 * within the last second, and remembers the most events any one-second window held. The most events in any
 * window is always reached at an admission instant, so the maximum is exact, not sampled.
 */
final class SlidingWindow {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int limit;
    private long[] ring = new long[64];
    private int head;
    private int size;
    private int max;

    /** @param limit the most events per window; {@link Integer#MAX_VALUE} to only count */
    SlidingWindow(int limit) {
        this.limit = limit;
    }

    /** Admits an event at {@code nowNanos} ({@link System#nanoTime()}) unless the window is full. */
    synchronized boolean tryAdmit(long nowNanos) {
        while (size > 0 && nowNanos - ring[head] >= WINDOW_NANOS) {
            head = (head + 1) % ring.length;
            size--;
        }
        if (size >= limit) {
            return false;
        }
        if (size == ring.length) {
            long[] bigger = new long[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[(head + i) % ring.length];
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + size) % ring.length] = nowNanos;
        size++;
        if (size > max) {
            max = size;
        }
        return true;
    }

    synchronized int max() {
        return max;
    }

    synchronized void resetMax() {
        max = size;
    }

    synchronized void clear() {
        head = 0;
        size = 0;
        max = 0;
        if (ring.length > 4096) {
            ring = new long[64];
        }
    }
}
