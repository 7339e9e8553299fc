package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seeded fault injection: each kind's effect, and reproducibility. */
class FaultInjectionTest {

    private static ChatSimulator start(Fault fault, double p) throws IOException {
        return ChatSimulator.start(Sim.config().fault(fault, p).build());
    }

    @Test
    void droppedConnectionAnswersNothingAndStoresNothing() throws Exception {
        try (ChatSimulator sim = start(Fault.DROPPED_CONNECTION, 1.0)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> Sim.post(sim, Sim.body("alice", Sim.item("bob"))));
            assertTrue(e.getCause() instanceof IOException);
            assertEquals(0, sim.relationCount());
            assertEquals(1, sim.stats().injected(Fault.DROPPED_CONNECTION));
        }
    }

    @Test
    void http502HasNoJsonAndStoresNothing() throws Exception {
        try (ChatSimulator sim = start(Fault.HTTP_502, 1.0)) {
            Sim.Answer a = Sim.post(sim, Sim.body("alice", Sim.item("bob")));
            assertEquals(502, a.status());
            assertTrue(a.raw().contains("502 Bad Gateway"), a.raw());
            assertEquals(0, sim.relationCount());
            assertEquals(1, sim.stats().injected(Fault.HTTP_502));
        }
    }

    @Test
    void request30006And30007StoreNothing() throws Exception {
        try (ChatSimulator sim = start(Fault.REQUEST_30006, 1.0)) {
            assertEquals("internal server error (injected fault); try again",
                    Sim.post(sim, Sim.body("alice", Sim.item("bob"))).assertFails(30006));
            assertEquals(0, sim.relationCount());
            assertEquals(1, sim.stats().requestFailures(30006));
        }
        try (ChatSimulator sim = start(Fault.REQUEST_30007, 1.0)) {
            assertEquals("network timeout (injected fault); try again later",
                    Sim.post(sim, Sim.body("alice", Sim.item("bob"))).assertFails(30007));
            assertEquals(0, sim.relationCount());
        }
    }

    @Test
    void appliedThen30007StoresEverythingButAnswersLikeATimeout() throws Exception {
        try (ChatSimulator sim = start(Fault.APPLIED_THEN_30007, 1.0)) {
            String info = Sim.post(sim, Sim.body("alice", Sim.item("bob"), Sim.item("carol"))).assertFails(30007);
            assertEquals("network timeout (injected fault); try again later", info);
            assertEquals(2, sim.friendsOf("alice").size());
            assertEquals(2, sim.stats().itemsStored());
            assertEquals(0, sim.stats().succeeded());
            // The client's retry overwrites and succeeds... unless the fault strikes again, as here.
            Sim.post(sim, Sim.body("alice", Sim.item("bob"), Sim.item("carol"))).assertFails(30007);
            assertEquals(2, sim.relationCount());
        }
    }

    @Test
    void itemFaultsHitSomeItemsAndTheOthersAreStored() throws Exception {
        try (ChatSimulator sim = start(Fault.ITEM_30006, 0.5)) {
            Sim.Answer a = Sim.post(sim, Sim.body("alice", Sim.items("f", 0, 100)));
            List<String> failed = new ArrayList<>();
            for (Map<String, Object> r : a.assertOk()) {
                long code = (Long) r.get("ResultCode");
                if (code != 0) {
                    assertEquals(30006L, code);
                    assertEquals("internal server error (injected fault); try again", r.get("ResultInfo"));
                    failed.add((String) r.get("To_Account"));
                }
            }
            assertTrue(failed.size() > 20 && failed.size() < 80, "about half: " + failed.size());
            assertEquals(failed, a.failAccounts());
            assertEquals(100 - failed.size(), sim.friendsOf("alice").size());
            for (String f : failed) {
                assertTrue(sim.friend("alice", f).isEmpty());
            }
            assertEquals(failed.size(), sim.stats().itemFailures(30006));
            assertEquals(failed.size(), sim.stats().injected(Fault.ITEM_30006));
        }
    }

    @Test
    void itemFaultsNeverHideAValidationError() throws Exception {
        try (ChatSimulator sim = start(Fault.ITEM_30006, 1.0)) {
            Sim.Answer a = Sim.post(sim, Sim.body("alice", "{\"To_Account\":\"bob\"}", Sim.item("carol")));
            assertEquals(30001L, a.result(0).get(1));
            assertEquals(30006L, a.result(1).get(1));
        }
    }

    @Test
    void faultsApplyOnlyToCallsThatPassedTheRequestChecks() throws Exception {
        try (ChatSimulator sim = start(Fault.HTTP_502, 1.0)) {
            Sim.post(sim, "not json").assertFails(60003);
            Sim.post(sim, Sim.body("alice")).assertFails(30001);
            assertEquals(0, sim.stats().injected(Fault.HTTP_502));
        }
    }

    @Test
    void latencyIsAddedWhileTheAccountIsHeld() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config()
                .latency(Duration.ofMillis(200), Duration.ofMillis(50)).build())) {
            long start = System.nanoTime();
            Sim.post(sim, Sim.body("alice", Sim.item("bob"))).assertAllStored();
            assertTrue(System.nanoTime() - start >= 200_000_000L);
        }
    }

    /** The outcome of one call, as a client would see it. */
    private static String outcome(ChatSimulator sim, String from, int call) {
        try {
            Sim.Answer a = Sim.post(sim, Sim.body(from, Sim.items(from + "-" + call + "-", 0, 10)));
            if (a.status() != 200) {
                return "HTTP " + a.status();
            }
            if (!"OK".equals(a.actionStatus())) {
                return "FAIL " + a.errorCode();
            }
            return "OK failed=" + a.failAccounts();
        } catch (UncheckedIOException e) {
            return "dropped";
        }
    }

    private static ChatSimulator faulty(long seed) throws IOException {
        SimulatorConfig.Builder b = Sim.config().faultSeed(seed);
        for (Fault f : Fault.values()) {
            b.fault(f, f == Fault.ITEM_30006 ? 0.1 : 0.12);
        }
        return ChatSimulator.start(b.build());
    }

    /** Runs calls for accounts a, b, c in the given order; returns each account's outcomes in order. */
    private static Map<String, List<String>> run(long seed, String order) throws IOException {
        Map<String, List<String>> outcomes = new LinkedHashMap<>();
        try (ChatSimulator sim = faulty(seed)) {
            for (char c : order.toCharArray()) {
                String from = String.valueOf(c);
                List<String> list = outcomes.computeIfAbsent(from, k -> new ArrayList<>());
                list.add(outcome(sim, from, list.size()));
            }
            long injected = sim.stats().injectedFaults().values().stream().mapToLong(Long::longValue).sum();
            assertTrue(injected > 0, "some faults were injected");
        }
        return outcomes;
    }

    @Test
    void theSameSeedGivesTheSameOutcomesWhateverTheInterleaving() throws Exception {
        String interleaved = "abc".repeat(12);
        String grouped = "a".repeat(12) + "c".repeat(12) + "b".repeat(12);
        Map<String, List<String>> first = run(42, interleaved);
        Map<String, List<String>> again = run(42, interleaved);
        Map<String, List<String>> regrouped = run(42, grouped);
        assertEquals(first, again);
        for (String account : List.of("a", "b", "c")) {
            assertEquals(first.get(account), regrouped.get(account), account);
        }
        assertNotEquals(first, run(43, interleaved));
    }

    @Test
    void resetRestartsEveryFaultSequence() throws Exception {
        try (ChatSimulator sim = faulty(7)) {
            List<String> before = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                before.add(outcome(sim, "a", i));
            }
            sim.reset();
            List<String> after = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                after.add(outcome(sim, "a", i));
            }
            assertEquals(before, after);
        }
    }
}
