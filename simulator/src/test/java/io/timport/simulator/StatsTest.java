package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counters, after a known mix of calls. */
class StatsTest {

    @Test
    void countersAddUpAKnownMixOfCalls() throws Exception {
        // A clock that stands still: all calls fall in one second however slow the machine is.
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().rateLimitPerSecond(4).build(), new ManualClock())) {
            Sim.Answer first = Sim.post(sim, Sim.body("alice", Sim.item("bob"), "{\"To_Account\":\"x\"}"));
            assertEquals(30001L, first.result(1).get(1));
            Sim.send(sim, "POST", "/v4/sns/nowhere?" + Sim.query(), "{}").assertFails(60009);
            String forged = TestUserSig.sign("wrong", Sim.ADMIN, Sim.APP);
            Sim.postWithQuery(sim, Sim.query(Sim.APP, Sim.ADMIN, forged, 1), "{}").assertFails(70009);
            Sim.post(sim, "][").assertFails(60003);
            Sim.post(sim, Sim.body("carol", Sim.items("f", 0, 3))).assertAllStored();
            Sim.post(sim, Sim.body("dave", Sim.item("f"))).assertAllStored();
            Sim.post(sim, Sim.body("erin", Sim.item("f"))).assertFails(60011);

            SimulatorStats s = sim.stats();
            assertEquals(7, s.calls());
            assertEquals(4, s.accepted(), "alice, ][, carol, dave");
            assertEquals(1, s.throttled());
            assertEquals(0, s.conflicts());
            assertEquals(3, s.succeeded());
            assertEquals(5, s.itemsStored());
            assertEquals(Map.of(60009, 1L, 70009, 1L, 60003, 1L, 60011, 1L), s.requestFailures());
            assertEquals(Map.of(30001, 1L), s.itemFailures());
            assertEquals(Map.of(), s.injectedFaults());
            assertEquals(4, s.maxAcceptedInAnySecond());
            assertEquals(6, s.maxCallsInAnySecond(), "every call to the friend_import path");
            assertEquals(1, s.maxConcurrentRequests());

            sim.resetStats();
            SimulatorStats zero = sim.stats();
            assertEquals(0, zero.calls());
            assertEquals(0, zero.accepted());
            assertEquals(Map.of(), zero.requestFailures());
            assertEquals(Map.of(), zero.itemFailures());
            assertEquals(0, zero.maxConcurrentRequests());
            assertEquals(5, sim.relationCount(), "resetStats keeps the store");
        }
    }
}
