package io.timport.limit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Paces permits at {@code rate} on a schedule, and never grants more than {@code ceil(rate)} in any second.
 *
 * <p>The guarantees, measured on its clock at the moments {@code acquire} grants them:
 * <ul>
 *   <li><b>the server's rule</b>: no half-open window of one second ever holds more than {@code ceil(rate)} permits
 *       (the limiter keeps the times of its last {@code ceil(rate)} permits and grants none that would break it);</li>
 *   <li><b>the schedule</b>: permit {@code n} of a busy stretch is due {@code n / rate} after its start. A permit
 *       taken late (the caller came late: a collection, a busy core, a moment when nobody wanted a permit) does not
 *       push the later ones back: they come sooner, at most {@value #CATCH_UP_SPEED}× the rate, until the schedule
 *       is kept again, so that late moments are not lost forever;</li>
 *   <li><b>bounded catch-up</b>: the schedule owes at most {@value #CATCH_UP_MILLIS} ms of permits; beyond that
 *       (a long idle) it starts again from there, so that idle time stores no burst: after an idle, at most
 *       {@value #CATCH_UP_MILLIS} ms worth of permits come at {@value #CATCH_UP_SPEED}× the rate, then the rate;</li>
 *   <li>two permits are never closer than the schedule's interval ({@link #intervalNanos()}) divided by
 *       {@value #CATCH_UP_SPEED}.</li>
 * </ul>
 * On the system clock the wait parks, then spins its last 150 µs, so that wake-ups are not late.
 *
 * <p>Until 2026-12-02 this limiter spaced each permit {@code 1/rate} from the moment the previous one was granted,
 * so that every late moment was lost; on a loaded two-core machine that cost a few percent of the rate.
 *
 * <p>Waiters are served first come, first served (a fair lock). Interrupting a waiter takes no permit.
 */
public final class SmoothRateLimiter implements RateLimiter {

    /** The most the schedule may owe, in milliseconds of permits: more is forgotten (an idle, not a late permit). */
    public static final long CATCH_UP_MILLIS = 100;
    /** How much faster than the rate permits come while the schedule is caught up. */
    public static final int CATCH_UP_SPEED = 2;

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long CATCH_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(CATCH_UP_MILLIS);

    private final NanoClock clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile double permitsPerSecond;
    /** Guarded by {@link #lock} for writes. */
    private volatile long intervalNanos;
    /** When the next permit is due on the schedule; guarded by {@link #lock}. */
    private long due;
    /** Clock time of the last permit; guarded by {@link #lock}. */
    private long lastGrant;
    private boolean started;
    /** The times of the last {@code ceil(rate)} permits, a ring; {@link #count} of them are filled. */
    private long[] recent;
    private int oldest;
    private int count;

    /**
     * A limiter on the system clock.
     *
     * @param permitsPerSecond the rate, positive and finite (at least one permit a day)
     */
    public SmoothRateLimiter(double permitsPerSecond) {
        this(permitsPerSecond, NanoClock.system());
    }

    /**
     * A limiter on {@code clock}.
     *
     * @param permitsPerSecond the rate, positive and finite (at least one permit a day)
     * @param clock the clock to pace by (not null)
     * @throws IllegalArgumentException when the rate is out of range
     */
    public SmoothRateLimiter(double permitsPerSecond, NanoClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.intervalNanos = intervalOf(permitsPerSecond);
        this.permitsPerSecond = permitsPerSecond;
        this.recent = new long[perSecond(permitsPerSecond)];
    }

    private static long intervalOf(double permitsPerSecond) {
        if (!(permitsPerSecond >= 1.0 / 86_400) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("rate must be positive and finite (at least one permit a day), was "
                    + permitsPerSecond + " permits/s");
        }
        // Round the interval up so that the schedule never undercuts 1/rate.
        return Math.max(1, (long) Math.ceil(SECOND / permitsPerSecond));
    }

    /** The most permits in any second: {@code ceil(rate)}, at least one. */
    private static int perSecond(double permitsPerSecond) {
        return (int) Math.max(1, Math.min(1 << 24, Math.ceil(permitsPerSecond - 1e-9)));
    }

    /**
     * Changes the rate; the next permit is due one new interval after the last one. For the registry, which lets an
     * explicit rate replace the default one.
     */
    void setPermitsPerSecond(double permitsPerSecond) {
        long interval = intervalOf(permitsPerSecond);
        lock.lock();
        try {
            this.intervalNanos = interval;
            this.permitsPerSecond = permitsPerSecond;
            long[] resized = new long[perSecond(permitsPerSecond)];
            int keep = Math.min(count, resized.length);
            for (int i = 0; i < keep; i++) { // the newest ones
                resized[i] = recent[(oldest + count - keep + i) % recent.length];
            }
            recent = resized;
            oldest = 0;
            count = keep;
            if (started) {
                due = lastGrant + interval;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long now = clock.nanoTime();
            long at;
            while ((at = earliest(now)) - now > 0) {
                clock.sleepNanos(at - now);
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
            if (earliest(now) - deadline > 0) {
                return false; // the next permit comes after the caller's deadline: take nothing
            }
            long at;
            while ((at = earliest(now)) - now > 0) {
                clock.sleepNanos(at - now);
                now = clock.nanoTime();
            }
            grant(now);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The slot of the next permit if taken at {@code now}: its due time, owing at most the catch-up. */
    private long slot(long now) {
        return now - due > CATCH_UP_NANOS ? now - CATCH_UP_NANOS : due;
    }

    /** The earliest clock time the next permit may be granted, asked at {@code now}; call with the lock held. */
    private long earliest(long now) {
        if (!started) {
            return now;
        }
        long at = slot(now);
        long spaced = lastGrant + intervalNanos / CATCH_UP_SPEED;
        if (spaced - at > 0) {
            at = spaced;
        }
        if (count == recent.length) {
            long window = recent[oldest] + SECOND; // the permit ceil(rate) back must have left the second
            if (window - at > 0) {
                at = window;
            }
        }
        return at;
    }

    private void grant(long now) {
        due = (started ? slot(now) : now) + intervalNanos;
        lastGrant = now;
        started = true;
        if (count == recent.length) {
            recent[oldest] = now;
            oldest = (oldest + 1) % recent.length;
        } else {
            recent[(oldest + count) % recent.length] = now;
            count++;
        }
    }

    @Override
    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /**
     * The schedule's spacing of permits, in nanoseconds ({@code ceil(1e9 / rate)}).
     *
     * @return the interval between scheduled permits in nanoseconds, positive
     */
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
        return "SmoothRateLimiter[" + permitsPerSecond + " permits/s]";
    }
}
