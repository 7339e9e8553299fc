package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Many requests in flight at once ({@link WriteConflictTest}: one From_Account at a time). */
@Isolated // all 256 calls must arrive within 4 s: the module's other classes wait meanwhile
class ConcurrencyTest {

    @Test
    void holdsHundredsOfRequestsInFlight() throws Exception {
        int n = 256;
        try (ChatSimulator sim = ChatSimulator.start(Sim.config()
                .rateLimitPerSecond(10_000)
                // Every call must arrive while the first is still held: on two cores shared with other builds
                // (load 17), opening 256 connections took more than 2 s.
                .latency(Duration.ofSeconds(4), Duration.ZERO).build())) {
            List<CompletableFuture<Sim.Answer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(Sim.postAsync(sim, Sim.body("user" + i, Sim.item("friend"))));
            }
            for (CompletableFuture<Sim.Answer> call : calls) {
                call.get().assertAllStored();
            }
            assertEquals(n, sim.stats().maxConcurrentRequests());
            assertEquals(n, sim.relationCount());
        }
    }
}
