package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One From_Account at a time (30008). Beside the module's other classes: its held call waits on the server, not on
 * the CPU ({@link ConcurrencyTest}, which needs its calls to arrive at once, runs alone).
 */
class WriteConflictTest {

    @Test
    void aSecondRequestForAFromAccountInProgressIs30008AndStoresNothing() throws Exception {
        // The first call is held 3 s: the second must arrive meanwhile, even on a busy machine (1 s was too short
        // at a load of 25). The class runs beside the module's others, so the wait costs the suite little.
        try (ChatSimulator sim = ChatSimulator.start(Sim.config()
                .latency(Duration.ofSeconds(3), Duration.ZERO).build())) {
            CompletableFuture<Sim.Answer> first = Sim.postAsync(sim, Sim.body("alice", Sim.item("bob")));
            while (sim.stats().accepted() == 0) {
                Thread.sleep(5);
            }
            // Another From_Account is not blocked meanwhile.
            CompletableFuture<Sim.Answer> other = Sim.postAsync(sim, Sim.body("dave", Sim.item("bob")));
            Sim.Answer second = Sim.post(sim, Sim.body("alice", Sim.item("carol")));
            assertEquals("From_Account \"alice\" is still being processed by another request: write conflict "
                    + "(never send two requests for one From_Account at once)", second.assertFails(30008));
            first.get().assertAllStored();
            other.get().assertAllStored();
            assertEquals(Set.of("bob"), sim.friendsOf("alice").keySet());
            assertEquals(1, sim.stats().conflicts());
            assertEquals(1, sim.stats().requestFailures(30008));
            // Once the first has been answered, the account is free again.
            Sim.post(sim, Sim.body("alice", Sim.item("carol"))).assertAllStored();
        }
    }

    @Test
    void sequentialRequestsForOneAccountNeverConflict() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().build())) {
            for (int i = 0; i < 50; i++) {
                Sim.post(sim, Sim.body("alice", Sim.item("f" + i))).assertAllStored();
            }
            assertEquals(0, sim.stats().conflicts());
        }
    }
}
