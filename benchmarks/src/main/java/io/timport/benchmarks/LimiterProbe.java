package io.timport.benchmarks;

import io.timport.limit.RateLimiter;
import io.timport.limit.SmoothRateLimiter;
import java.time.Duration;
import java.util.Locale;

/**
 * Wraps the limiter a benchmark gives the client and says where the time between permits goes, for the question
 * "is the limiter what holds the rate back, or its callers?":
 * <ul>
 *   <li><b>late</b>: the time by which callers came after the moment a limiter spacing permits {@code 1/rate} from
 *       the last grant would have granted the next one ({@code arrival − (last grant + 1/rate)}, when positive): the
 *       time a grant-spaced limiter loses for good, and a schedule-keeping one may make up;</li>
 *   <li><b>waited</b>: the time callers spent inside {@code acquire}: near the whole run when the limiter paces,
 *       near nothing when the callers are the bottleneck;</li>
 *   <li><b>overslept</b>: of that, the time past the moment the old rule would have granted the permit
 *       ({@code grant − max(arrival, last grant + 1/rate)}, when positive): a waiter woken late (a busy machine
 *       schedules a parked thread late), which the old rule loses too and the new one makes up.</li>
 * </ul>
 * Counters only grow; a benchmark reads them with its progress samples and takes differences over its window.
 */
final class LimiterProbe implements RateLimiter {

    private final RateLimiter delegate;
    private final String name;
    private final long intervalNanos;
    private long lastGrant;
    private boolean started;
    private long permits;
    private long lateNanos;
    private long waitedNanos;
    private long oversleptNanos;

    private LimiterProbe(RateLimiter delegate, String name) {
        this.delegate = delegate;
        this.name = name;
        this.intervalNanos = (long) Math.ceil(1e9 / delegate.permitsPerSecond());
    }

    /** The limiter named {@code old} (the limiter before 2026-12-02) or {@code new} (today's), at {@code pace}. */
    static LimiterProbe of(String name, double pace) {
        return switch (name) {
            case "old" -> new LimiterProbe(new GrantSpacedLimiter(pace), name);
            case "new" -> new LimiterProbe(new SmoothRateLimiter(pace), name);
            default -> throw new IllegalArgumentException("--limiters takes old and new, not " + name);
        };
    }

    String name() {
        return name;
    }

    /** A copy of the counters. */
    synchronized Counters counters() {
        return new Counters(permits, lateNanos, waitedNanos, oversleptNanos);
    }

    record Counters(long permits, long lateNanos, long waitedNanos, long oversleptNanos) {
        /** Late, waited and overslept time between {@code from} and this, as shares of {@code nanos} of wall time. */
        String sharesSince(Counters from, long nanos) {
            return String.format(Locale.ROOT, "late %.1f%%, waited %.1f%% (overslept %.1f%%)",
                    100.0 * (lateNanos - from.lateNanos) / nanos, 100.0 * (waitedNanos - from.waitedNanos) / nanos,
                    100.0 * (oversleptNanos - from.oversleptNanos) / nanos);
        }
    }

    @Override
    public void acquire() throws InterruptedException {
        long arrival = System.nanoTime();
        delegate.acquire();
        granted(arrival);
    }

    @Override
    public boolean tryAcquire(Duration maxWait) throws InterruptedException {
        long arrival = System.nanoTime();
        if (!delegate.tryAcquire(maxWait)) {
            return false;
        }
        granted(arrival);
        return true;
    }

    private synchronized void granted(long arrival) {
        long now = System.nanoTime();
        if (started && arrival - (lastGrant + intervalNanos) > 0) {
            lateNanos += arrival - (lastGrant + intervalNanos);
        }
        waitedNanos += now - arrival;
        long due = started && lastGrant + intervalNanos - arrival > 0 ? lastGrant + intervalNanos : arrival;
        if (now - due > 0) {
            oversleptNanos += now - due;
        }
        lastGrant = now;
        started = true;
        permits++;
    }

    @Override
    public double permitsPerSecond() {
        return delegate.permitsPerSecond();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
