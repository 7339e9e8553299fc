package io.timport.it;

import static io.timport.testsupport.TestApp.ADMIN;
import static io.timport.testsupport.TestApp.KEY;
import static io.timport.testsupport.TestApp.SDK_APP_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportAbortedException;
import io.timport.bulk.ImportFailure;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.bulk.JsonlInput;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.it.Fixtures.Relation;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.Fault;
import io.timport.simulator.SimulatorStats;
import io.timport.simulator.StoredFriend;
import io.timport.testsupport.StoredRelations;
import io.timport.testsupport.TestApp;
import io.timport.wire.AddFriendItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk engine against the simulator over real loopback HTTP: the wiring of its threads, the client and the
 * simulator. The engine's decisions (retries, throttling, pauses, linger, grouping, the bounds) are unit-tested on a
 * virtual clock in the runtime ({@code EngineTest}).
 */
class BulkImportTest {

    @TempDir
    Path dir;

    /**
     * The most friends a user may hold in the simulator of the first test: 3,000 in the service, fewer here (the engine
     * learns the bound from the 30010 answers alone, so a smaller one proves the same with fewer calls).
     */
    private static final int MAX_FRIENDS = 1_000;

    /**
     * 3,400 unsorted relations, about three times the buffer, calls faulted in every way the simulator can,
     * 30 ms latency, some pairs imported twice with different fields, a user pushed past the most friends a user may
     * hold and a few invalid records: the store ends up equal to the input (the later record of a pair wins) and the
     * only failures are the ones the input forces.
     */
    @Test
    void importsEveryRelationUnderFaultsAndReportsExactlyTheFailuresTheInputForces() throws Exception {
        Random random = new Random(20261125);
        List<Relation> relations = new ArrayList<>();
        int users = 200;
        int friends = 10;
        for (int u = 0; u < users; u++) {
            for (int k = 0; k < friends; k++) {
                relations.add(new Relation("user" + u, Fixtures.item("user" + ((u + 1 + 7 * k) % users),
                        random.nextInt(1000))));
            }
        }
        for (int d = 0; d < 300; d++) { // the same pairs again, with other fields
            Relation again = relations.get(random.nextInt(users * friends));
            relations.add(new Relation(again.from(), Fixtures.item(again.item().toAccount(), 1000 + d)));
        }
        Set<String> whaleFriends = new HashSet<>();
        for (int f = 0; f < MAX_FRIENDS + 100; f++) { // 100 more than a user may hold
            relations.add(new Relation("whale", Fixtures.item("friend" + f, f)));
            whaleFriends.add("friend" + f);
        }
        assertEquals(3_400, relations.size());
        Collections.shuffle(relations, random);

        List<ImportRecord<GameFriendItem>> records = Fixtures.records(relations);
        String tooLong = "x".repeat(33);
        records.add(300, ImportRecord.of(tooLong, Fixtures.item("user1", 1)));
        records.add(1_500, ImportRecord.building("user2", () -> GameFriendItem.builder()
                .toAccount("user3").addSource("AddSource_Type_Not-Letters").build()));
        records.add(2_700, ImportRecord.invalid(null, "unreadable row", "rows.csv:77", "user4;;;"));

        try (ChatSimulator sim = TestApp.start(TestApp.simulator()
                .rateLimitPerSecond(1_000)
                .maxFriendsPerUser(MAX_FRIENDS)
                .latency(Duration.ofMillis(30), Duration.ofMillis(10))
                .faultSeed(7)
                .fault(Fault.DROPPED_CONNECTION, 0.02)
                .fault(Fault.HTTP_502, 0.02)
                .fault(Fault.REQUEST_30006, 0.02)
                .fault(Fault.REQUEST_30007, 0.015)
                .fault(Fault.APPLIED_THEN_30007, 0.015)
                .fault(Fault.ITEM_30006, 0.01));
                // no call timed out and sent again while the server still works on it, even on a busy machine
                FriendImportClient client = FriendImportClient.builder(TestApp.app(sim, KEY, ADMIN))
                        .rateLimiter(new io.timport.limit.SmoothRateLimiter(950))
                        .requestTimeout(Duration.ofSeconds(30))
                        .build()) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .backoff(Duration.ofMillis(20), Duration.ofMillis(400))
                    .maxBufferedItems(1_200) // a third of the input: batches are grouped within the buffer
                    .build()
                    .run(records);

            System.out.println(report.summary(5));
            SimulatorStats stats = sim.stats();
            for (Fault fault : Fault.values()) {
                assertTrue(stats.injected(fault) > 0, "faults of every kind were injected: " + fault);
            }
            assertEquals(0, stats.conflicts(), "never two calls for one From_Account at once");
            assertEquals(stats.throttled(), report.throttled(), "every throttled answer was seen, and retried");

            // The store equals the input, the later record of each pair winning, apart from the whale's excess.
            Map<String, Map<String, GameFriendItem>> expected = Fixtures.expectedStore(relations);
            long pairs = 0;
            for (Map.Entry<String, Map<String, GameFriendItem>> user : expected.entrySet()) {
                if (user.getKey().equals("whale")) {
                    continue;
                }
                Map<String, StoredFriend> stored = sim.friendsOf(user.getKey());
                assertEquals(user.getValue().keySet(), stored.keySet(), user.getKey());
                for (GameFriendItem item : user.getValue().values()) {
                    StoredRelations.assertStored(item, stored.get(item.toAccount()));
                    pairs++;
                }
            }
            assertEquals(users * friends, pairs, users + " users with " + friends + " friends each");
            Map<String, StoredFriend> whale = sim.friendsOf("whale");
            assertEquals(MAX_FRIENDS, whale.size(), "the whale holds as many friends as a user may");
            for (StoredFriend f : whale.values()) {
                StoredRelations.assertStored(expected.get("whale").get(f.toAccount()), f);
            }
            assertEquals(pairs + MAX_FRIENDS, sim.relationCount(), "nothing else was stored");

            // Exactly the failures the input forces: the whale's 100 excess friends, and the three invalid records.
            assertEquals(Map.of(30010, 100L, ImportFailure.INVALID_INPUT, 3L), report.failuresByCode(),
                    report.summary(10));
            Set<String> refused = new HashSet<>();
            for (ImportFailure f : report.failures()) {
                if (f.code() == 30010) {
                    assertEquals("whale", f.fromAccount());
                    assertEquals(ImportFailure.Kind.REJECTED, f.kind());
                    refused.add(f.toAccount());
                }
            }
            Set<String> union = new HashSet<>(whale.keySet());
            union.addAll(refused);
            assertEquals(100, refused.size());
            assertEquals(whaleFriends, union, "every whale friend is stored or reported, none both");
            assertTrue(Collections.disjoint(whale.keySet(), refused));

            List<ImportFailure> invalid = report.failures().stream()
                    .filter(f -> f.kind() == ImportFailure.Kind.INVALID_INPUT).collect(Collectors.toList());
            assertEquals(List.of(301L, 1_501L, 2_701L),
                    invalid.stream().map(ImportFailure::position).collect(Collectors.toList()));
            assertEquals("From_Account must be 1 to 32 UTF-8 bytes, was 33 bytes", invalid.get(0).info());
            assertEquals(tooLong, invalid.get(0).fromAccount());
            assertTrue(invalid.get(1).info().contains("AddSource"), invalid.get(1).info());
            assertEquals("record 2701 (rows.csv:77)", invalid.get(2).where());

            assertEquals(3_403, report.records());
            assertEquals(0, report.notDone());
            assertEquals(report.records(), report.imported() + report.failed() + report.superseded());
            assertTrue(report.retries() > 0 && report.calls() > users, report.summary(0));
            assertTrue(report.summary(5).contains("30010  " + String.format("%,8d", 100)), report.summary(5));
        }
    }

    @Test
    void aWrongKeyStopsTheImportAfterTheFirstAnswer() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator());
                FriendImportClient client = TestApp.client(sim, "not-the-app-key", ADMIN, 1_000)) {
            ImportAbortedException e = assertThrows(ImportAbortedException.class, () -> BulkImporter
                    .<GameFriendItem>builder(client).batchSize(10).build().run(manyRecords(5_000)));
            assertEquals(1, sim.stats().calls(), "one answer was enough");
            assertEquals(70009, e.errorCode());
            assertTrue(e.getMessage().startsWith("the server answered 70009 ("), e.getMessage());
            assertTrue(e.report().aborted());
            assertEquals(0, e.report().imported());
            assertTrue(e.report().notDone() > 0);
            assertFalse(e.getMessage().contains("not-the-app-key"), "the key is never printed");
        }
    }

    @Test
    void anIdentifierThatIsNotAnAdminStopsTheImportAfterTheFirstAnswer() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator());
                FriendImportClient client = TestApp.client(sim, KEY, "bob", 1_000)) {
            ImportAbortedException e = assertThrows(ImportAbortedException.class, () -> BulkImporter
                    .<GameFriendItem>builder(client).batchSize(10).build().run(manyRecords(5_000)));
            assertEquals(1, sim.stats().calls());
            assertEquals(60010, e.errorCode());
        }
    }

    /** An item whose serializer fails with an Error, as a generated class compiled against another runtime would. */
    private record BrokenItem(String toAccount) implements AddFriendItem {
        @Override
        public void writeFields(JsonGenerator json) {
            throw new NoSuchMethodError("io.timport.wire.WireWriter.writeSomething");
        }
    }

    @Test
    void anErrorWhileSendingStopsTheImportInsteadOfHangingIt() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator());
                FriendImportClient client = TestApp.client(sim, KEY, ADMIN, 1_000)) {
            List<ImportRecord<BrokenItem>> records = List.of(ImportRecord.of("alice", new BrokenItem("bob")),
                    ImportRecord.of("alice", new BrokenItem("carol")), ImportRecord.of("dave", new BrokenItem("erin")));
            ImportAbortedException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                    ImportAbortedException.class, () -> BulkImporter.<BrokenItem>builder(client).build().run(records)));
            assertTrue(e.getMessage().contains("NoSuchMethodError: io.timport.wire.WireWriter.writeSomething"),
                    e.getMessage());
            assertTrue(e.getCause() instanceof NoSuchMethodError, String.valueOf(e.getCause()));
            assertEquals(0, sim.stats().calls(), "nothing reached the server");
            assertEquals(0, e.report().imported());
            assertEquals(3, e.report().notDone(), e.report().summary(0));
        }
    }

    @Test
    void anExpiredUserSigIsRenewedOnceThenTheImportStops() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator())) {
            AppConfig app = new AppConfig(SDK_APP_ID, ADMIN, SecretKey.of(KEY), Endpoint.of(sim.baseUri()));
            Clock twoDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC);
            try (FriendImportClient client = FriendImportClient.builder(app).clock(twoDaysAgo)
                    .rateLimiter(new io.timport.limit.SmoothRateLimiter(1_000)).build()) {
                ImportAbortedException e = assertThrows(ImportAbortedException.class, () -> BulkImporter
                        .<GameFriendItem>builder(client).build().run(manyRecords(100)));
                assertEquals(70001, e.errorCode());
                assertEquals(2, sim.stats().calls(), "signed again once, then stopped");
                assertTrue(e.getMessage().contains("a freshly renewed UserSig was refused too"), e.getMessage());
            }
        }
    }

    /** The failures file holds the failed relations in the input format: importing it again retries just them. */
    @Test
    void theFailuresFileCanBeImportedAgain() throws Exception {
        List<ImportRecord<GameFriendItem>> records = new ArrayList<>();
        for (int f = 0; f < 12; f++) {
            records.add(ImportRecord.of("alice", Fixtures.item("friend" + f, f)));
        }
        records.add(ImportRecord.invalid("bob", "To_Account: missing", "in.jsonl:14", "{\"From_Account\":\"bob\"}"));
        try (ChatSimulator sim = TestApp.start(TestApp.simulator().maxFriendsPerUser(10));
                FriendImportClient client = TestApp.client(sim, KEY, ADMIN, 1_000)) {
            BulkImporter<GameFriendItem> importer = BulkImporter.<GameFriendItem>builder(client).build();
            ImportReport first = importer.run(records);
            assertEquals(Map.of(30010, 2L, ImportFailure.INVALID_INPUT, 1L), first.failuresByCode());
            Path failures = dir.resolve("failures.jsonl");
            assertEquals(0, first.writeFailures(failures));
            List<String> lines = Files.readAllLines(failures);
            assertEquals(3, lines.size());
            assertEquals("{\"From_Account\":\"bob\"}", lines.get(0), "invalid input is written as it was read");

            sim.clearStore(); // room for them now
            try (Stream<ImportRecord<GameFriendItem>> again = JsonlInput.read(failures, GameFriendItem.TYPE)) {
                ImportReport second = importer.run(again);
                assertEquals(2, second.imported());
                assertEquals(Map.of(ImportFailure.INVALID_INPUT, 1L), second.failuresByCode());
                assertEquals("failures.jsonl:1", second.failures().get(0).origin());
            }
            for (ImportFailure f : first.failures()) {
                if (f.code() == 30010) {
                    StoredRelations.assertStored((GameFriendItem) f.item(), sim.friend("alice", f.toAccount()).orElseThrow());
                }
            }
        }
    }

    /** Later records of a pair replace earlier ones still waiting; one request never holds a To_Account twice. */
    @Test
    void aLaterRecordOfAPairWinsAndIsCountedAsSuperseding() throws Exception {
        List<ImportRecord<GameFriendItem>> records = new ArrayList<>();
        for (int v = 0; v < 5; v++) {
            records.add(ImportRecord.of("alice", Fixtures.item("bob", v)));
            records.add(ImportRecord.of("alice", Fixtures.item("carol" + v, v)));
        }
        try (ChatSimulator sim = TestApp.start(TestApp.simulator());
                FriendImportClient client = TestApp.client(sim, KEY, ADMIN, 1_000)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client).build().run(records);
            assertTrue(report.allImported());
            assertEquals(4, report.superseded());
            assertEquals(6, report.imported());
            assertEquals(1, report.calls(), "one call: the input fits one batch");
            StoredRelations.assertStored(Fixtures.item("bob", 4), sim.friend("alice", "bob").orElseThrow());
            assertNull(sim.friend("alice", "dave").orElse(null));
        }
    }

    /**
     * Input grouped by From_Account: each account goes out as soon as the reader moves on from it, not when the
     * buffer fills or it has lingered (an hour here). The input waits, midway, until the first two accounts arrived.
     */
    @Test
    void groupedInputSendsEachAccountAsSoonAsTheReaderMovesOn() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator());
                FriendImportClient client = TestApp.client(sim, KEY, ADMIN, 1_000)) {
            List<ImportRecord<GameFriendItem>> records = new ArrayList<>();
            for (String from : List.of("alice", "bob", "carol")) {
                for (int f = 0; f < 10; f++) {
                    records.add(ImportRecord.of(from, Fixtures.item("friend" + f, f)));
                }
            }
            boolean[] sentWhileReading = new boolean[1];
            Iterable<ImportRecord<GameFriendItem>> input = () -> new java.util.Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < records.size();
                }

                @Override
                public ImportRecord<GameFriendItem> next() {
                    if (next == 21) { // carol's second record: alice and bob are complete
                        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                        while (sim.stats().succeeded() < 2 && System.nanoTime() < deadline) {
                            sleep(); // the reader holds on to carol's second record meanwhile
                        }
                        sentWhileReading[0] = sim.stats().succeeded() == 2;
                    }
                    return records.get(next++);
                }
            };
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .linger(Duration.ofHours(1))
                    .build()
                    .run(input);
            assertTrue(sentWhileReading[0], "alice and bob were sent while the input was still being read");
            assertTrue(report.allImported());
            assertEquals(3, report.calls());
            assertEquals(30, sim.relationCount());
        }
    }

    /**
     * Sorted input far larger than the calls can take: the reader stays a bounded number of accounts ahead of the
     * server (16 ready, plus those in flight) instead of filling the 100,000-item buffer, which would only cost
     * memory and collector time.
     */
    @Test
    void theReaderOfSortedInputStaysCloseToTheCalls() throws Exception {
        int users = 100; // 400 records, four times as many as the reader may hold ahead
        int friends = 4;
        int maxInFlight = 4;
        try (ChatSimulator sim = TestApp.start(TestApp.simulator().rateLimitPerSecond(1_000_000));
                FriendImportClient client = TestApp.client(sim, KEY, ADMIN, 1_000)) {
            long[] mostAhead = new long[1];
            Iterable<ImportRecord<GameFriendItem>> input = () -> new java.util.Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < users * friends;
                }

                @Override
                public ImportRecord<GameFriendItem> next() {
                    mostAhead[0] = Math.max(mostAhead[0], next - sim.relationCount());
                    int user = next / friends;
                    int friend = next % friends;
                    next++;
                    return ImportRecord.of("user" + user, Fixtures.item("friend" + friend, friend));
                }
            };
            ImportReport report = BulkImporter.<GameFriendItem>builder(client).maxInFlight(maxInFlight).build()
                    .run(input);
            assertTrue(report.allImported(), report.summary(5));
            assertEquals(users, report.calls(), "one call per user: " + report.summary(0));
            assertEquals((long) users * friends, sim.relationCount());
            long bound = (16 + maxInFlight + 2) * (long) friends;
            assertTrue(mostAhead[0] <= bound, "the reader was " + mostAhead[0] + " records ahead of the server; "
                    + "at most " + bound + " expected");
            assertTrue(mostAhead[0] >= 16 * friends, "it does read ahead: " + mostAhead[0]);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<ImportRecord<GameFriendItem>> manyRecords(int n) {
        List<ImportRecord<GameFriendItem>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(ImportRecord.of("user" + (i % 100), Fixtures.item("friend" + i, i)));
        }
        return records;
    }
}
