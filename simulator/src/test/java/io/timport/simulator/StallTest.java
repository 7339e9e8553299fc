package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stalls, on the hand-driven clock: held requests are admitted when the stall ends, all at once. */
class StallTest {

    private static CompletableFuture<Sim.Answer> postAsync(ChatSimulator sim, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.friendImportUri() + "?" + Sim.query()))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return Sim.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Sim.Answer(r.statusCode(), r.body()));
    }

    /**
     * A client pacing at 4 calls/s against a limit of 5 (80 %), from t = 9 s to 11.25 s. With a 500 ms stall at
     * t = 10 s, the calls of 10.0 and 10.25 are held and admitted at 10.5 with the call of 10.5: at 11.25 the
     * sliding second (10.25, 11.25] then holds five calls, and the client is throttled although it never sped up.
     *
     * @return the outcome of each call in order: "ok" or the error code
     */
    private static List<String> paceThroughAStall(boolean stalls) throws Exception {
        ManualClock clock = new ManualClock();
        SimulatorConfig.Builder b = Sim.config().rateLimitPerSecond(5);
        if (stalls) {
            b.stalls(Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMillis(500));
        }
        List<String> outcomes = new ArrayList<>();
        try (ChatSimulator sim = ChatSimulator.start(b.build(), clock)) {
            int call = 0;
            List<CompletableFuture<Sim.Answer>> held = new ArrayList<>();
            for (long ms = 9000; ms <= 11250; ms += 250) {
                clock.set(Duration.ofMillis(ms));
                String body = Sim.body("u" + call++, Sim.item("f"));
                if (stalls && (ms == 10000 || ms == 10250)) {
                    CompletableFuture<Sim.Answer> h = postAsync(sim, body);
                    held.add(h);
                    awaitStalled(sim, held.size());
                    assertFalse(h.isDone(), "held during the stall, t = " + ms);
                    if (ms == 10250) {
                        assertEquals(2, sim.stats().stalledRequests());
                        assertEquals(4, sim.stats().accepted(), "held calls are not in the rate window");
                        clock.set(Duration.ofMillis(10500)); // the stall ends: both go on at once
                        for (CompletableFuture<Sim.Answer> f : held) {
                            outcomes.add(outcome(f.get(10, TimeUnit.SECONDS)));
                        }
                    }
                    continue;
                }
                outcomes.add(outcome(Sim.post(sim, body)));
            }
            if (stalls) {
                assertEquals(1, sim.stats().stalls());
                assertEquals(2, sim.stats().stalledRequests());
            }
        }
        return outcomes;
    }

    /** Waits (at most 10 s) until the server holds {@code n} calls in the stall: a busy machine can take a while. */
    private static void awaitStalled(ChatSimulator sim, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sim.stats().stalledRequests() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static String outcome(Sim.Answer a) {
        return "OK".equals(a.actionStatus()) ? "ok" : String.valueOf(a.errorCode());
    }

    @Test
    void aClientPacingUnderTheLimitIsThrottledAfterAStall() throws Exception {
        // Calls at 9.0 9.25 9.5 9.75 | 10.0 10.25 (held) | 10.5 10.75 11.0 11.25
        assertEquals(List.of("ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"), paceThroughAStall(false));
        assertEquals(List.of("ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "60011"), paceThroughAStall(true));
    }

    @Test
    void stallDurationsAreSeededAndWithinTheirBounds() {
        long ms = 1_000_000L;
        Stalls a = new Stalls(3000 * ms, 50 * ms, 150 * ms, 42, 0);
        Stalls same = new Stalls(3000 * ms, 50 * ms, 150 * ms, 42, 0);
        Stalls other = new Stalls(3000 * ms, 50 * ms, 150 * ms, 43, 0);
        List<Long> durations = new ArrayList<>();
        for (long k = 1; k <= 200; k++) {
            long d = a.duration(k);
            assertTrue(d >= 50 * ms && d <= 150 * ms, String.valueOf(d));
            assertEquals(d, same.duration(k));
            durations.add(d);
        }
        assertTrue(durations.stream().distinct().count() > 100, "drawn, not fixed");
        assertNotEquals(durations.get(0), other.duration(1));
        // The schedule: no stall before the first period, stall k from k × period for its duration.
        assertEquals(0, a.stallAt(100 * ms));
        assertEquals(1, a.stallAt(3000 * ms));
        assertEquals(1, a.stallAt(3000 * ms + a.duration(1) - 1));
        assertEquals(0, a.stallAt(3000 * ms + a.duration(1)));
        assertEquals(2, a.stallAt(6000 * ms + 1));
        assertEquals(6000 * ms + a.duration(2), a.end(2));
    }
}
