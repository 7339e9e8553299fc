package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.bulk.RelationMismatch;
import io.timport.bulk.Verification;
import io.timport.bulk.VerificationReport;
import io.timport.call.FriendImportClient;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.RestApi;
import io.timport.testsupport.StoredRelations;
import io.timport.testsupport.TestApp;
import io.timport.wire.FieldDifference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The proof after an import, against the simulator over loopback HTTP: every relation read back with friend_get and
 * compared field by field; what a silent loss took is found and repaired; each field that differs is named.
 */
class VerifyTest {

    private static final int USERS = 40;
    private static final int RELATIONS = 2_000; // 50 a user

    /** Unsorted input: 50 relations a user, users interleaved; with {@code repeats}, 200 pairs again, other values. */
    static List<Fixtures.Relation> input(boolean repeats) {
        List<Fixtures.Relation> input = new ArrayList<>();
        for (int i = 0; i < RELATIONS; i++) {
            input.add(new Fixtures.Relation("user" + (i % USERS), Fixtures.item("friend" + (i / USERS), i)));
        }
        Collections.shuffle(input, new Random(14));
        for (int i = 0; repeats && i < 200; i++) { // a later record of an earlier pair, with other values
            Fixtures.Relation r = input.get(i * 7);
            input.add(new Fixtures.Relation(r.from(), Fixtures.item(r.item().toAccount(), 100_000 + i)));
        }
        return input;
    }

    @Test
    void silentLossesAreFoundByTheFullVerificationAndRepaired() throws Exception {
        // no repeated pair: a silent loss of a record that a later one replaces would leave nothing to find
        List<Fixtures.Relation> input = input(false);
        Map<String, Map<String, GameFriendItem>> expected = Fixtures.expectedStore(input);
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator().silentLoss(0.03).friendGetPageSize(20));
                FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .batchSize(50)
                    .maxBufferedItems(600) // the input is sorted for the verification in temporary files
                    .verify(Verification.full(), GameFriendItem.TYPE)
                    .build()
                    .run(Fixtures.records(input));

            VerificationReport v = report.verification().orElseThrow();
            System.out.println(report.summary(5));
            long losses = sim.stats().silentLosses();
            assertTrue(v.missing() > 20, "3 % of 2,000 lost: " + v.summary(3));
            assertEquals(losses, v.reimported(), "every relation lost, by the import or by a repair, was sent again");
            assertEquals(v.missing(), v.repaired(), "every one found missing was repaired");
            assertEquals(0, v.different());
            assertEquals(USERS, v.users());
            assertEquals(RELATIONS, v.relations());
            assertEquals(RELATIONS - v.missing(), v.equal());
            assertTrue(v.allEqual() && report.allImportedAndEqual(), v.summary(5));
            assertTrue(v.found().stream().allMatch(m -> m.kind() == RelationMismatch.Kind.MISSING));
            // the simulator's store is the input: the later record of each pair, every field
            assertEquals(RELATIONS, sim.relationCount());
            Fixtures.assertEachStored(sim, expected);
        }
    }

    @Test
    void aSampleReadsBackExactlyItsUsers() throws Exception {
        List<Fixtures.Relation> input = input(true);
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator().friendGetPageSize(100));
                FriendImportClient client = QuickApp.client(sim)) {
            BulkImporter<GameFriendItem> importer = BulkImporter.<GameFriendItem>builder(client)
                    .verify(Verification.sample(7), GameFriendItem.TYPE).build();
            importer.verify(List.of(), GameFriendItem.TYPE); // nothing: no call
            assertEquals(0, sim.stats().api(RestApi.FRIEND_GET).calls());
            ImportReport report = importer.run(Fixtures.records(input));
            VerificationReport v = report.verification().orElseThrow();
            assertEquals(7, sim.stats().api(RestApi.FRIEND_GET).calls(), "one page each of 7 users");
            assertEquals(7, v.users());
            assertEquals(USERS, v.usersInInput());
            assertEquals(7 * 50, v.relations());
            assertTrue(v.allEqual(), v.summary(3));
        }
    }

    @Test
    void theLastRecordOfAPairIsWhatIsExpected() throws Exception {
        List<Fixtures.Relation> input = input(true);
        Map<String, Map<String, GameFriendItem>> expected = Fixtures.expectedStore(input);
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator());
                FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .verify(Verification.full(), GameFriendItem.TYPE).build().run(Fixtures.records(input));
            VerificationReport v = report.verification().orElseThrow();
            assertEquals(RELATIONS, v.equal(), v.summary(3));
            assertTrue(v.allEqual());
            // the first record of a repeated pair is not what the store must hold
            Fixtures.Relation first = input.get(0);
            GameFriendItem last = expected.get(first.from()).get(first.item().toAccount());
            assertFalse(last.equals(first.item()));
            client.importFriends(first.from(), List.of(first.item()));
            VerificationReport after = verifier(client).verify(Fixtures.records(input), GameFriendItem.TYPE);
            assertEquals(1, after.different(), after.summary(3));
            assertEquals(first.from(), after.found().get(0).fromAccount());
        }
    }

    @Test
    void friendsTheInputDoesNotNameAreNoConcern() throws Exception {
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator());
                FriendImportClient client = QuickApp.client(sim)) {
            client.importFriends("alice", List.of(Fixtures.item("olderFriend", 1)));
            VerificationReport v = verifier(client).verify(
                    List.of(ImportRecord.of("alice", Fixtures.item("bob", 2))), GameFriendItem.TYPE);
            assertEquals(1, v.missing());
            assertFalse(v.allEqual());
            assertEquals(1, v.stillMissing(), "report only: nothing repaired");
            assertEquals("record 1: alice -> bob: missing", v.stillDifferentRelations().get(0).message());
            assertEquals(1, sim.relationCount());
        }
    }

    /** One test per field: imported as expected, then overwritten with one field changed, then verified. */
    @Test
    void eachFieldThatDiffersIsNamedWithWhatWasExpectedAndWhatWasFound() throws Exception {
        GameFriendItem base = GameFriendItem.builder().toAccount("bob").addSource("AddSource_Type_Game")
                .remark("Bobby").groupNames("friends", "guild").addWording("hi").addTime(1_700_000_000L)
                .level(7L).guild("north").build();
        Map<String, UnaryOperator<GameFriendItem.Builder>> changes = new java.util.LinkedHashMap<>();
        changes.put("AddSource", b -> b.addSource("AddSource_Type_Web"));
        changes.put("Remark", b -> b.remark("Bob"));
        changes.put("GroupName", b -> b.groupNames("friends"));
        changes.put("AddWording", b -> b.addWording("hello"));
        changes.put("AddTime", b -> b.addTime(1_700_000_001L));
        changes.put("Tag_SNS_Custom_Level", b -> b.level(8L));
        changes.put("Tag_SNS_Custom_Guild", b -> b.guild("south"));
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator());
                FriendImportClient client = QuickApp.client(sim)) {
            for (Map.Entry<String, UnaryOperator<GameFriendItem.Builder>> change : changes.entrySet()) {
                GameFriendItem stored = change.getValue().apply(base.toBuilder()).build();
                assertEquals(0, client.importFriends("alice", List.of(stored)).resultItems().get(0).resultCode());
                VerificationReport v = verifier(client).verify(List.of(ImportRecord.of("alice", base)),
                        GameFriendItem.TYPE);
                String field = change.getKey();
                assertEquals(1, v.different(), field + ": " + v.summary(3));
                assertEquals(Map.of(field, 1L), v.mismatchesByField(), field);
                List<FieldDifference> d = v.stillDifferentRelations().get(0).differences();
                assertEquals(1, d.size(), d.toString());
                assertEquals(field, d.get(0).field());
                System.out.println(v.stillDifferentRelations().get(0).message());
                assertFalse(v.allEqual());
            }
            // and repaired: the expected values imported again, then read back equal
            VerificationReport repaired = BulkImporter.<GameFriendItem>builder(client).build()
                    .verify(List.of(ImportRecord.of("alice", base)), GameFriendItem.TYPE);
            assertEquals(1, repaired.different());
            assertEquals(1, repaired.repaired());
            assertTrue(repaired.allEqual(), repaired.summary(3));
            StoredRelations.assertStored(base, sim.friend("alice", "bob").orElseThrow());
        }
    }

    @Test
    void aWrongKeyStopsTheVerificationAfterOneCallAndSaysWhy() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator());
                FriendImportClient client = TestApp.client(sim, TestApp.KEY.replace('5', '6'), TestApp.ADMIN, 200)) {
            io.timport.bulk.VerificationAbortedException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.timport.bulk.VerificationAbortedException.class, () -> verifier(client).verify(
                            Fixtures.records(input(false)), GameFriendItem.TYPE));
            assertTrue(e.getMessage().startsWith("the server answered " + e.errorCode() + " to friend_get ("),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith(". Nothing more is sent; fix the configuration and run again."),
                    e.getMessage());
            assertEquals(1, sim.stats().api(RestApi.FRIEND_GET).calls(), "the first call goes alone");
            assertTrue(e.report().aborted());
            assertEquals(0, e.report().equal());
        }
    }

    private static BulkImporter<GameFriendItem> verifier(FriendImportClient client) {
        return BulkImporter.<GameFriendItem>builder(client)
                .verify(Verification.full().withoutRepairs(), GameFriendItem.TYPE).build();
    }
}
