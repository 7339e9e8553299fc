package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The per-SDKAppID call limit: a sliding one-second window over accepted calls. */
class ThrottlingTest {

    @Test
    void callsBeyondTheRateAreThrottledUntilTheWindowSlides() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().rateLimitPerSecond(5).build())) {
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                Sim.post(sim, Sim.body("u" + i, Sim.item("f"))).assertAllStored();
            }
            for (int i = 0; i < 3; i++) {
                assertEquals("the call rate of SDKAppID 1400000000 is over its limit of 5 calls per second",
                        Sim.post(sim, Sim.body("t" + i, Sim.item("f"))).assertFails(60011));
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            if (elapsedMs < 1000) {
                Thread.sleep(1000 - elapsedMs + 50);
            }
            Sim.post(sim, Sim.body("later", Sim.item("f"))).assertAllStored();
            SimulatorStats stats = sim.stats();
            assertEquals(6, stats.accepted());
            assertEquals(3, stats.throttled());
            assertEquals(3, stats.requestFailures(60011));
            assertEquals(5, stats.maxAcceptedInAnySecond());
            assertEquals(6, sim.relationCount());
        }
    }

    @Test
    void theThrottleCodeIsConfigurable() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().rateLimitPerSecond(1).throttleCode(60018).build())) {
            Sim.post(sim, Sim.body("a", Sim.item("f"))).assertAllStored();
            Sim.post(sim, Sim.body("b", Sim.item("f"))).assertFails(60018);
        }
    }

    @Test
    void rejectedCredentialsDoNotUseTheAllowance() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().rateLimitPerSecond(2).build())) {
            String forged = TestUserSig.sign("wrong", Sim.ADMIN, Sim.APP);
            for (int i = 0; i < 4; i++) {
                Sim.postWithQuery(sim, Sim.query(Sim.APP, Sim.ADMIN, forged, i), Sim.body("a", Sim.item("f")))
                        .assertFails(70009);
            }
            Sim.post(sim, Sim.body("a", Sim.item("f"))).assertAllStored();
            Sim.post(sim, Sim.body("b", Sim.item("f"))).assertAllStored();
            Sim.post(sim, Sim.body("c", Sim.item("f"))).assertFails(60011);
            assertEquals(7, sim.stats().maxCallsInAnySecond());
            assertEquals(2, sim.stats().maxAcceptedInAnySecond());
        }
    }

    @Test
    void throttledCallsDoNotExtendTheWindow() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().rateLimitPerSecond(1).build())) {
            long start = System.nanoTime();
            Sim.post(sim, Sim.body("a", Sim.item("f"))).assertAllStored();
            Thread.sleep(500);
            Sim.post(sim, Sim.body("b", Sim.item("f"))).assertFails(60011);
            long wait = 1050 - (System.nanoTime() - start) / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait);
            }
            // One second after the only accepted call: admitted, although a throttled call came 0.5 s ago.
            Sim.post(sim, Sim.body("c", Sim.item("f"))).assertAllStored();
        }
    }
}
