package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-SDKAppID call limit: a sliding one-second window over accepted calls, on a hand-driven clock. */
class ThrottlingTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void callsBeyondTheRateAreThrottledUntilTheWindowSlides() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().rateLimitPerSecond(5).build(), clock)) {
            for (int i = 0; i < 5; i++) {
                Sim.post(sim, Sim.body("u" + i, Sim.item("f"))).assertAllStored();
            }
            for (int i = 0; i < 3; i++) {
                assertEquals("the call rate of SDKAppID 1400000000 on /v4/sns/friend_import is over its limit of 5 calls per second",
                        Sim.post(sim, Sim.body("t" + i, Sim.item("f"))).assertFails(60011));
            }
            clock.advance(Duration.ofMillis(999));
            Sim.post(sim, Sim.body("still", Sim.item("f"))).assertFails(60011);
            clock.advance(Duration.ofMillis(1));
            Sim.post(sim, Sim.body("later", Sim.item("f"))).assertAllStored();
            SimulatorStats stats = sim.stats();
            assertEquals(6, stats.accepted());
            assertEquals(4, stats.throttled());
            assertEquals(4, stats.requestFailures(60011));
            assertEquals(5, stats.maxAcceptedInAnySecond());
            assertEquals(6, sim.relationCount());
        }
    }

    @Test
    void theWindowSlidesRatherThanResettingEachSecond() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().rateLimitPerSecond(2).build(), clock)) {
            Sim.post(sim, Sim.body("a", Sim.item("f"))).assertAllStored();      // t = 0
            clock.advance(Duration.ofMillis(600));
            Sim.post(sim, Sim.body("b", Sim.item("f"))).assertAllStored();      // t = 0.6
            clock.advance(Duration.ofMillis(400));
            Sim.post(sim, Sim.body("c", Sim.item("f"))).assertAllStored();      // t = 1.0: a has left the window
            Sim.post(sim, Sim.body("d", Sim.item("f"))).assertFails(60011);     // b and c are in it
            clock.advance(Duration.ofMillis(600));
            Sim.post(sim, Sim.body("e", Sim.item("f"))).assertAllStored();      // t = 1.6: b has left
            assertEquals(2, sim.stats().maxAcceptedInAnySecond());
        }
    }

    @Test
    void theThrottleCodeIsConfigurable() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(
                Sim.config().rateLimitPerSecond(1).throttleCode(60018).build(), clock)) {
            Sim.post(sim, Sim.body("a", Sim.item("f"))).assertAllStored();
            Sim.post(sim, Sim.body("b", Sim.item("f"))).assertFails(60018);
        }
    }

    @Test
    void rejectedCredentialsDoNotUseTheAllowance() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().rateLimitPerSecond(2).build(), clock)) {
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
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().rateLimitPerSecond(1).build(), clock)) {
            Sim.post(sim, Sim.body("a", Sim.item("f"))).assertAllStored();
            clock.advance(Duration.ofMillis(500));
            Sim.post(sim, Sim.body("b", Sim.item("f"))).assertFails(60011);
            clock.advance(Duration.ofMillis(500));
            // One second after the only accepted call: admitted, although a throttled call came 0.5 s ago.
            Sim.post(sim, Sim.body("c", Sim.item("f"))).assertAllStored();
        }
    }
}
