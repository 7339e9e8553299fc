package io.timport.it;

import static io.timport.testsupport.TestApp.ADMIN;
import static io.timport.testsupport.TestApp.KEY;
import static io.timport.testsupport.TestApp.SDK_APP_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.testsupport.SwitchableProxy;
import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportAbortedException;
import io.timport.bulk.ImportListener;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.it.Fixtures.Relation;
import io.timport.limit.SmoothRateLimiter;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.StoredFriend;
import io.timport.testsupport.StoredRelations;
import io.timport.testsupport.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that dies mid-run and comes back, over real loopback HTTP: a {@link SwitchableProxy} in front of the
 * simulator refuses connections, then answers HTML with status 200, then forwards again. The import pauses while
 * no usable answer comes, and completes exactly; a run stopped by the outage limit is completed by a rerun with its
 * journal.
 */
class OutageTest {

    @TempDir
    Path dir;

    private static List<Relation> relations(int users, int friends) {
        List<Relation> relations = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int k = 0; k < friends; k++) {
                relations.add(new Relation("user" + u, Fixtures.item("user" + ((u + 1 + k) % users), k)));
            }
        }
        return relations;
    }

    /** Paced at 500 calls/s, under the {@link QuickApp#simulator() simulator}'s limit. */
    private static FriendImportClient client(SwitchableProxy proxy) {
        return FriendImportClient.builder(new AppConfig(SDK_APP_ID, ADMIN, SecretKey.of(KEY),
                        Endpoint.of(proxy.uri())))
                .rateLimiter(new SmoothRateLimiter(500))
                .requestTimeout(Duration.ofSeconds(5)) // the proxy going down closes its connections at once
                .build();
    }

    /** Waits until {@code condition} holds (at most a minute: the JUnit timeout ends a test that hangs anyway). */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute in vain");
            }
            Thread.sleep(5);
        }
    }

    private static void assertStoredExactly(ChatSimulator sim, List<Relation> input) {
        Map<String, Map<String, GameFriendItem>> expected = Fixtures.expectedStore(input);
        long pairs = 0;
        for (Map.Entry<String, Map<String, GameFriendItem>> user : expected.entrySet()) {
            Map<String, StoredFriend> stored = sim.friendsOf(user.getKey());
            assertEquals(user.getValue().keySet(), stored.keySet(), user.getKey());
            for (GameFriendItem item : user.getValue().values()) {
                StoredRelations.assertStored(item, stored.get(item.toAccount()));
                pairs++;
            }
        }
        assertEquals(input.size(), pairs);
        assertEquals(input.size(), sim.relationCount(), "nothing else stored");
    }

    /**
     * Counts calls sent, and records the outage events and, for each outage, its length and the calls sent in it;
     * takes the proxy down as the {@code downAt}-th call is sent, on the thread that sends it (a thread watching the
     * count could be late on a busy machine, and the import over before the outage).
     */
    private static final class Watch implements ImportListener {
        private final SwitchableProxy proxy;
        private final long downAt;
        final AtomicLong calls = new AtomicLong();
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicLong started = new AtomicLong();
        final List<long[]> outages = new CopyOnWriteArrayList<>(); // {milliseconds, calls sent}
        volatile int inFlight;
        private volatile long callsAtStart;

        Watch(SwitchableProxy proxy, long downAt) {
            this.proxy = proxy;
            this.downAt = downAt;
        }

        @Override
        public void inFlight(String api, int calls) {
            inFlight = calls;
        }

        @Override
        public void callSent(String api, int items, boolean retry) {
            if (calls.incrementAndGet() == downAt) {
                try {
                    proxy.down(); // connections refused until the outage is noticed (a second without an answer)
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }

        @Override
        public void outageStarted(String api, String cause) {
            callsAtStart = calls.get();
            events.add("started: " + cause);
            started.incrementAndGet();
        }

        @Override
        public void outageEnded(String api, long durationNanos, long probes) {
            outages.add(new long[] {durationNanos / 1_000_000, calls.get() - callsAtStart});
            events.add("ended");
        }
    }

    @Test
    void aServerThatDiesMidRunAndComesBackPausesTheImportWhichThenCompletesExactly() throws Exception {
        List<Relation> input = relations(50, 20); // 1,000 relations, 100 calls of 10
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator().latency(Duration.ofMillis(10), Duration.ZERO));
                SwitchableProxy proxy = new SwitchableProxy(sim.baseUri());
                FriendImportClient client = client(proxy)) {
            Watch watch = new Watch(proxy, 30);
            Thread outage = new Thread(() -> {
                try {
                    await(() -> watch.started.get() > 0);
                    // every call sent before the outage answered (refused), so that what meets the maintenance page
                    // and what ends the outage are probes: a retry sent just before the outage began could do either
                    await(() -> watch.inFlight == 0);
                    proxy.maintenance(); // then HTML pages with status 200, until a probe has met one
                    await(() -> proxy.htmlAnswers() >= 1);
                    proxy.up();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            outage.start();
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .batchSize(10)
                    .journal(dir.resolve("import.journal"), "1,000 relations")
                    .listener(watch)
                    .build()
                    .run(Fixtures.records(input));
            outage.join();

            assertEquals(input.size(), report.imported(), report.summary(5));
            assertEquals(0, report.failed());
            assertStoredExactly(sim, input);
            assertTrue(watch.events.size() >= 2 && watch.events.get(0).startsWith("started: ")
                    && watch.events.get(watch.events.size() - 1).equals("ended"), watch.events.toString());
            // paused: one probe at a time, the first half a second after the outage began, each next one twice as far
            // (0.5, 1.5, 3.5 s), where the pace would have sent a call every 2 ms
            String outages = watch.outages.stream().map(o -> o[0] + " ms: " + o[1] + " calls")
                    .collect(java.util.stream.Collectors.joining(", "));
            assertTrue(watch.outages.stream().anyMatch(o -> o[0] >= 1_500), "an outage of 1.5 s at least: " + outages);
            assertTrue(watch.outages.stream().allMatch(o -> o[1] <= 4), "only probes: " + outages);
            assertTrue(proxy.htmlAnswers() >= 1, "the maintenance page was seen: " + proxy.htmlAnswers());
        }
    }

    @Test
    void aRunStoppedByTheOutageLimitIsCompletedByARerunWithItsJournal() throws Exception {
        List<Relation> input = relations(50, 20);
        Path journal = dir.resolve("import.journal");
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator().latency(Duration.ofMillis(10), Duration.ZERO));
                SwitchableProxy proxy = new SwitchableProxy(sim.baseUri());
                FriendImportClient client = client(proxy)) {
            Watch watch = new Watch(proxy, 30);
            List<ImportRecord<GameFriendItem>> records = Fixtures.records(input);
            ImportAbortedException stop = assertThrows(ImportAbortedException.class, () -> BulkImporter
                    .<GameFriendItem>builder(client)
                    .batchSize(10)
                    .journal(journal, "1,000 relations")
                    .outageLimit(Duration.ofSeconds(2))
                    .listener(watch)
                    .build()
                    .run(records));
            assertTrue(stop.getMessage().startsWith("no usable answer from the server for 2 s (the outage limit is"
                    + " 2 s; the last: "), stop.getMessage());
            assertTrue(stop.getMessage().endsWith("what was not imported stays undone in the journal: run again with"
                    + " the same journal once the server answers, to import it."), stop.getMessage());
            ImportReport first = stop.report();
            assertEquals(0, first.failed(), "nothing given up: " + first.summary(3));
            assertTrue(first.imported() < input.size(), first.summary(0));

            proxy.up();
            ImportReport second = BulkImporter.<GameFriendItem>builder(client)
                    .batchSize(10)
                    .journal(journal, "1,000 relations")
                    .build()
                    .run(records);
            assertEquals(0, second.failed(), "nothing lost, nothing reported as failed by an earlier run");
            assertEquals(input.size(), second.skippedEarlier() + second.imported(), second.summary(3));
            assertEquals(first.imported(), second.skippedEarlier(), "what the first run imported is not sent again");
            assertStoredExactly(sim, input);
        }
    }
}
