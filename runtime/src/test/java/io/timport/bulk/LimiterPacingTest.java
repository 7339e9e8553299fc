package io.timport.bulk;

import static io.timport.bulk.VirtualRun.grouped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.PacingTest.StallingServer;
import io.timport.bulk.VirtualRun.Outcome;
import io.timport.bulk.VirtualRun.SentCall;
import io.timport.limit.SmoothRateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The rate limiter's rule when the dispatcher comes late for its permits, on the virtual clock: the limiter before
 * 2026-12-02, which spaced each permit from the moment the previous one was granted (so every late moment was lost),
 * against {@link SmoothRateLimiter}, which keeps its schedule. The dispatcher works as the production driver's does
 * (takes a call, waits for its permit, sends, then works a while before it asks for the next one), against the
 * {@link StallingServer} of {@link PacingTest} (200 calls per sliding second, 50 ms from admission to answer), with
 * {@link Pacing#WINDOW}. A busy client is modelled by hiccups: now and then the dispatcher is away for 5 to 40 ms
 * (a collection, a core taken by another process), as on a loaded two-core machine.
 */
@Order(1) // started first: the longest of the virtual-time runs (junit-platform.properties)
class LimiterPacingTest {

    private static final long MS = 1_000_000L;
    private static final Duration PACE = Duration.ofNanos(1_000_000_000L / 196);
    private static final int CALLS = 8_000; // about 41 s at 196 calls/s

    private record Row(double rate, int throttled, int maxInASecond, int worst) {
    }

    /** 0.3 ms of work per call; and with {@code hiccups}, 1 % of the calls followed by 5 to 40 ms away. */
    private static LongSupplier work(boolean hiccups) {
        Random random = new Random(11);
        return () -> 300_000L + (hiccups && random.nextInt(100) == 0 ? 5 * MS + random.nextInt(35) * MS : 0);
    }

    private static Row run(boolean newLimiter, boolean hiccups, int stallEverySeconds) {
        Duration period = stallEverySeconds == 0 ? Duration.ofDays(1) : Duration.ofSeconds(stallEverySeconds);
        StallingServer server = new StallingServer(period, Duration.ofMillis(50), Duration.ofMillis(150));
        VirtualRun virtual = new VirtualRun().pacedEvery(PACE).answering(server).dispatcherBusy(work(hiccups));
        if (newLimiter) {
            virtual.limitedBy(clock -> new SmoothRateLimiter(196, clock));
        }
        virtual.settings().pacing(Pacing.WINDOW);
        Outcome run = virtual.run(grouped(CALLS, 1));
        assertEquals(CALLS, run.completed().imported());
        List<SentCall> calls = run.calls();
        int worst = VirtualRun.fewestInAnySecond(calls);
        return new Row(calls.size() / (run.endNanos() / 1e9), server.throttled, server.maxInASecond, worst);
    }

    @Test
    void theScheduleKeepingLimiterMakesUpTheDispatchersLateMomentsOnVirtualTime() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-12s %-9s %-7s %8s %7s %8s %9s %7s%n",
                "stalls", "client", "limiter", "calls/s", "ratio", "worst s", "throttled", "most/s"));
        for (int stalls : new int[] {0, 10, 3}) {
            for (boolean hiccups : new boolean[] {false, true}) {
                Row old = run(false, hiccups, stalls);
                Row now = run(true, hiccups, stalls);
                for (Row r : new Row[] {old, now}) {
                    table.append(String.format(Locale.ROOT, "%-12s %-9s %-7s %8.2f %7.4f %8d %9d %7d%n",
                            stalls == 0 ? "none" : "every " + stalls + " s", hiccups ? "hiccups" : "steady",
                            r == old ? "old" : "new", r.rate, r.rate / 200, r.worst, r.throttled, r.maxInASecond));
                }
                assertTrue(now.rate >= old.rate - 0.2, "the new limiter is never slower: " + now + " against " + old);
                assertTrue(100.0 * now.throttled / CALLS <= 0.5, "at most 0.5 % throttled: " + now);
                if (hiccups) {
                    assertTrue(now.rate - old.rate >= 2, "it makes up what the hiccups cost: " + now + " against "
                            + old);
                }
            }
        }
        System.out.print("virtual time, " + CALLS + " calls at 196 calls/s, window pacing, stalls of 50..150 ms;"
                + " hiccups: 1 % of the calls followed by 5..40 ms away:\n" + table);
    }
}
