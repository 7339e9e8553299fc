package io.timport.bulk;

import static io.timport.bulk.VirtualRun.grouped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.VirtualRun.Outcome;
import io.timport.bulk.VirtualRun.Reply;
import io.timport.bulk.VirtualRun.SentCall;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Pacing against a server that stalls ({@link Pacing#WINDOW} against {@link Pacing#PAUSE}), on the virtual clock: the
 * server admits 200 calls per sliding second, answers 50 ms after admitting a call, and every {@code period} stalls
 * for {@code stall}, admitting the calls that arrived meanwhile all at once when it ends.
 */
class PacingTest {

    private static final long MS = 1_000_000L;
    /** The default pace: 196 calls/s. */
    private static final Duration PACE = Duration.ofNanos(1_000_000_000L / 196);

    /** The server side of the test: a sliding second of 200 calls, stalls, 50 ms from admission to answer. */
    static class StallingServer implements Function<SentCall, Reply> {
        final long period;
        final long stall;
        final long maxStall;
        final java.util.Map<Long, Long> durations = new java.util.HashMap<>();
        final java.util.Random random = new java.util.Random(42);
        final ArrayDeque<Long> second = new ArrayDeque<>();
        int throttled;
        int maxInASecond;

        StallingServer(Duration period, Duration stall) {
            this(period, stall, stall);
        }

        /** Stall {@code k} lasts from {@code min} to {@code max}, drawn from a fixed seed. */
        StallingServer(Duration period, Duration min, Duration max) {
            this.period = period.toNanos();
            this.stall = min.toNanos();
            this.maxStall = max.toNanos();
        }

        long duration(long k) {
            return maxStall == stall ? stall
                    : durations.computeIfAbsent(k, i -> stall + (long) (random.nextDouble() * (maxStall - stall)));
        }

        @Override
        public Reply apply(SentCall call) {
            long t = call.atNanos();
            long k = t / period;
            long admit = k > 0 && t - k * period < duration(k) ? k * period + duration(k) : t;
            while (!second.isEmpty() && admit - second.peekFirst() >= 1_000 * MS) {
                second.pollFirst();
            }
            Duration after = Duration.ofNanos(admit - t + 50 * MS);
            if (second.size() >= 200) {
                throttled++;
                return Reply.request(60011, "over the limit").after(after);
            }
            second.addLast(admit);
            maxInASecond = Math.max(maxInASecond, second.size());
            return Reply.ok(call).after(after);
        }
    }

    private record Result(Outcome run, StallingServer server, List<Long> pauses) {
        double callsPerSecond() {
            return run.calls().size() / (run.endNanos() / 1e9);
        }
    }

    private static Result run(Pacing pacing, Duration period, Duration stall, int calls) {
        StallingServer server = new StallingServer(period, stall);
        List<Long> pauses = new ArrayList<>();
        VirtualRun virtual = new VirtualRun().pacedEvery(PACE).answering(server);
        virtual.settings().pacing(pacing).listener(new ImportListener() {
            @Override
            public void paused(String api, long pauseNanos, int code) {
                pauses.add(pauseNanos);
            }
        });
        Outcome run = virtual.run(grouped(calls, 1));
        assertEquals(calls, run.completed().imported());
        assertEquals(LongStream.rangeClosed(1, calls).boxed().toList(), run.journal().done(), "each once");
        return new Result(run, server, pauses);
    }

    @Test
    void theWindowKeepsTheServersSecondWithinTheLimitAfterEveryStallWhereThePauseIsThrottled() {
        Result window = run(Pacing.WINDOW, Duration.ofSeconds(2), Duration.ofMillis(100), 3_000);
        Result pause = run(Pacing.PAUSE, Duration.ofSeconds(2), Duration.ofMillis(100), 3_000);

        System.out.printf(java.util.Locale.ROOT, "virtual time, stalls of 100 ms every 2 s: window %.1f calls/s, %d"
                + " throttled; pause %.1f calls/s, %d throttled%n", window.callsPerSecond(), window.server().throttled,
                pause.callsPerSecond(), pause.server().throttled);
        assertEquals(0, window.server().throttled, "no throttled answer with the window");
        assertEquals(List.of(), window.pauses(), "nothing pauses every call");
        assertTrue(pause.server().throttled >= 5 * 10, "the earlier rule is throttled after each of the 7 stalls: "
                + pause.server().throttled);
        assertTrue(window.callsPerSecond() > pause.callsPerSecond(), window.callsPerSecond() + " calls/s against "
                + pause.callsPerSecond());
        // A stall of 100 ms every 2 s costs a client at 196 calls/s about 196 × 0.1 − 4 calls every 2 s: 188 calls/s
        assertTrue(window.callsPerSecond() > 185, window.callsPerSecond() + " calls/s");
    }

    /**
     * The figures of the StallRate benchmark on virtual time, where the machine's load cannot touch them: stalls of 50
     * to 150 ms every 3 s and every 10 s, and none, for both pacings; 196 calls/s, 50 ms from admission to answer.
     */
    @Test
    void theStallTableOnVirtualTime() {
        StringBuilder table = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%-12s %-7s %8s %7s %8s %9s %7s %7s%n", "stalls", "pacing", "calls/s", "ratio", "worst s",
                "throttled", "%", "ceiling"));
        for (int periodSeconds : new int[] {0, 3, 10}) {
            for (Pacing pacing : new Pacing[] {Pacing.PAUSE, Pacing.WINDOW}) {
                Duration period = periodSeconds == 0 ? Duration.ofDays(1) : Duration.ofSeconds(periodSeconds);
                StallingServer server = new StallingServer(period, Duration.ofMillis(50), Duration.ofMillis(150));
                VirtualRun virtual = new VirtualRun().pacedEvery(PACE).answering(server);
                virtual.settings().pacing(pacing);
                Outcome run = virtual.run(grouped(12_000, 1)); // about 61 s
                assertEquals(12_000, run.completed().imported());
                List<SentCall> calls = run.calls();
                double rate = calls.size() / (run.endNanos() / 1e9);
                int worst = VirtualRun.fewestInAnySecond(calls);
                double ceiling = periodSeconds == 0 ? 196 : 196 - (196 * 0.1 - 4) / periodSeconds;
                double share = 100.0 * server.throttled / calls.size();
                table.append(String.format(java.util.Locale.ROOT, "%-12s %-7s %8.2f %7.4f %8d %9d %6.2f%% %7.4f%n",
                        periodSeconds == 0 ? "none" : "every " + periodSeconds + " s",
                        pacing.name().toLowerCase(java.util.Locale.ROOT), rate, rate / 200, worst, server.throttled,
                        share, ceiling / 200));
                if (pacing == Pacing.WINDOW) {
                    assertTrue(share <= 0.5, "at most 0.5 % throttled: " + share);
                    assertTrue(rate >= ceiling - 1.5, rate + " calls/s against a ceiling of " + ceiling);
                }
            }
        }
        System.out.print("virtual time, 12,000 calls at 196 calls/s, stalls of 50..150 ms:\n" + table);
    }

    @Test
    void onASteadyServerTheWindowCostsNothing() {
        Result window = run(Pacing.WINDOW, Duration.ofDays(1), Duration.ofMillis(1), 2_000);
        Result pause = run(Pacing.PAUSE, Duration.ofDays(1), Duration.ofMillis(1), 2_000);

        assertEquals(0, window.server().throttled);
        assertEquals(0, pause.server().throttled);
        assertEquals(pause.run().endNanos(), window.run().endNanos(), "the same calls at the same times");
    }

    @Test
    void aThrottledCallIsSentAgainWithTheNextPermitsAndNothingPauses() {
        List<String> paused = new ArrayList<>();
        VirtualRun virtual = new VirtualRun()
                .pacedEvery(Duration.ofMillis(10))
                .answering(call -> call.from().equals("u3") && call.index() < 5 ? Reply.request(60007, "rate")
                        : Reply.ok(call));
        virtual.settings().listener(new ImportListener() {
            @Override
            public void paused(String api, long pauseNanos, int code) {
                paused.add(api + " " + code);
            }
        });
        Outcome run = virtual.run(grouped(10, 2));

        ImportReport report = run.completed();
        assertEquals(20, report.imported());
        assertEquals(1, report.throttled());
        assertEquals(List.of(), paused);
        List<SentCall> u3 = run.callsOf("u3");
        assertEquals(2, u3.size());
        long answered = u3.get(0).atNanos() + Reply.DEFAULT_LATENCY;
        assertTrue(u3.get(1).atNanos() - answered <= 10 * MS, "with the next permit: "
                + (u3.get(1).atNanos() - answered) / 1e6 + " ms after the throttled answer");
    }

    @Test
    void throttlingThatPersistsLowersThePaceInsteadOfPausing() {
        // Another client takes a share of the app's 200 calls/s: this one is admitted 150 a second.
        StallingServer server = new StallingServer(Duration.ofDays(1), Duration.ofMillis(1)) {
            @Override
            public Reply apply(SentCall call) {
                long t = call.atNanos();
                while (!second.isEmpty() && t - second.peekFirst() >= 1_000 * MS) {
                    second.pollFirst();
                }
                if (second.size() >= 150) {
                    throttled++;
                    return Reply.request(60011, "over the limit");
                }
                second.addLast(t);
                return Reply.ok(call);
            }
        };
        List<Long> pauses = new ArrayList<>();
        VirtualRun window = new VirtualRun().pacedEvery(PACE).answering(server);
        window.settings().maxAttempts(1_000).listener(new ImportListener() {
            @Override
            public void paused(String api, long pauseNanos, int code) {
                pauses.add(pauseNanos);
            }
        });
        Outcome run = window.run(grouped(6_000, 1));

        assertEquals(6_000, run.completed().imported());
        assertEquals(List.of(), pauses);
        // Over 40 s at 150 admitted a second, the ceiling comes down to about 150: throttling dies out
        long lateThrottled = run.calls().stream().filter(c -> c.atNanos() > 30_000 * MS).count()
                - run.calls().stream().filter(c -> c.atNanos() > 30_000 * MS).map(SentCall::from).distinct().count();
        assertTrue(lateThrottled < 30, "throttled calls after 30 s: " + lateThrottled + " (" + server.throttled
                + " in all)");
    }
}
