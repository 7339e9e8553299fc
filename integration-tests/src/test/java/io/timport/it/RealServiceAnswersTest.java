package io.timport.it;

import static io.timport.testsupport.TestApp.ADMIN;
import static io.timport.testsupport.TestApp.KEY;
import static io.timport.testsupport.TestApp.SDK_APP_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportAbortedException;
import io.timport.bulk.ImportFailure;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import io.timport.testsupport.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What timport does when the real service says no (issue 11), against the simulator over loopback HTTP: a custom tag
 * the app lacks stops the import early, with a diagnosis, and a rerun after the fix imports everything; one bad item
 * in a batch of 1000 is isolated; nothing more is sent for a user whose list is full; the failures file carries each
 * call's {@code random}; a transient 70169 is retried and nothing is lost; no body is over the cap.
 */
class RealServiceAnswersTest {

    @TempDir
    Path dir;

    /** {@code users} users with {@code friends} friends each, every item with a Guild (odd variants). */
    private static List<ImportRecord<GameFriendItem>> withGuild(int users, int friends) {
        List<ImportRecord<GameFriendItem>> records = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int f = 0; f < friends; f++) {
                records.add(ImportRecord.of("user" + u, Fixtures.item("friend" + f, 2 * f + 1)));
            }
        }
        return records;
    }

    @Test
    void aCustomTagTheAppLacksStopsTheImportAfterFiveCallsAndTheRerunAfterTheFixImportsEverything() throws Exception {
        List<ImportRecord<GameFriendItem>> input = withGuild(40, 100);
        Path journal = dir.resolve("journal");
        Path failures = dir.resolve("failed.jsonl");
        SimulatorConfig.Builder noGuild = SimulatorConfig.builder().sdkAppId(SDK_APP_ID).secretKey(KEY).admin(ADMIN)
                .customField("Level", CustomFieldType.INTEGER); // the console lacks Guild
        try (ChatSimulator sim = TestApp.start(noGuild);
                FriendImportClient client = TestApp.client(sim, KEY, ADMIN, 1_000)) {
            BulkImporter<GameFriendItem> importer = BulkImporter.<GameFriendItem>builder(client)
                    .journal(journal, "4,000 relations").failuresFile(failures).build();

            ImportAbortedException e = assertThrows(ImportAbortedException.class, () -> importer.run(input));

            System.out.println(e.getMessage());
            assertEquals(30001, e.errorCode());
            assertEquals(5, sim.stats().calls(), "the stated bound: 5 calls with full batches");
            assertTrue(e.getMessage().startsWith("systematic failure: the last 5 calls answered 30001"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Likely cause: the custom friend field Tag_SNS_Custom_Guild is not "
                    + "configured in the app. Fix: add it in the Chat console (App Configuration > Feature "
                    + "Configuration"), e.getMessage());
            assertEquals(0, sim.relationCount());
            assertEquals(400, e.report().failed(), "the first four calls' relations; the fifth's stay undone");
            assertTrue(Files.readAllLines(failures).get(0).contains(",\"_failure\":{\"code\":30001,\"info\":"
                    + "\"CustomItem[0].Tag Tag_SNS_Custom_Guild is not a registered custom friend field"),
                    Files.readAllLines(failures).get(0));
        }
        // the tag configured in the console: the same journal resumes and imports everything
        try (ChatSimulator sim = TestApp.start(TestApp.simulator());
                FriendImportClient client = TestApp.client(sim, KEY, ADMIN, 1_000)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .journal(journal, "4,000 relations").build().run(input);
            assertEquals(4_000, report.imported(), report.summary(5));
            assertEquals(0, report.failed());
            assertEquals(4_000, sim.relationCount());
        }
    }

    @Test
    void onePoisonedItemInABatchOf1000IsIsolatedWithinTwentyMoreCalls() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator()
                        .poison("friend617", 30001, "Err_SNS_FriendImport_Invalid_Param", Integer.MAX_VALUE));
                FriendImportClient client = TestApp.client(sim, 1_000)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client).build().run(withGuild(1, 1000));

            System.out.print(report.summary(3));
            assertEquals(999, report.imported());
            assertEquals(1, report.failed());
            ImportFailure f = report.failures().get(0);
            assertEquals("friend617", f.toAccount());
            assertEquals(30001, f.code());
            assertTrue(f.random() >= 0, "its call's random");
            assertTrue(sim.stats().calls() <= 1 + 2 * 10, sim.stats().calls() + " calls");
            assertEquals(999, sim.relationCount());
        }
    }

    @Test
    void anUnknownRequestCodeIsRetriedOnceThenTheBatchIsSplit() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator().poison("friend5", 99_999, "?", Integer.MAX_VALUE));
                FriendImportClient client = TestApp.client(sim, 1_000)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client).build().run(withGuild(1, 8));
            assertEquals(7, report.imported());
            assertEquals(Map.of(99_999, 1L), report.failuresByCode());
            assertEquals(2 + 2 * 3, sim.stats().calls(), "the call, its one retry, then 3 levels of halves");
        }
    }

    @Test
    void nothingIsSentForAUserAfter30010AndTheFailuresFileCarriesTheCallsRandom() throws Exception {
        Path failures = dir.resolve("failed.jsonl");
        try (ChatSimulator sim = TestApp.start(TestApp.simulator().maxFriendsPerUser(50));
                FriendImportClient client = TestApp.client(sim, 1_000)) {
            List<ImportRecord<GameFriendItem>> input = withGuild(1, 200);
            input.addAll(withGuild(2, 10).subList(10, 20)); // user1
            ImportReport report = BulkImporter.<GameFriendItem>builder(client).batchSize(20).failuresFile(failures)
                    .build().run(input);

            assertEquals(60, report.imported(), "50 of user0, 10 of user1");
            assertEquals(Map.of(30010, 150L), report.failuresByCode());
            assertEquals(4, sim.stats().calls(), "three calls for user0 (the third fills the list), one for user1");
            assertEquals(10, sim.stats().itemFailures().get(30010), "only the third call's last ten were sent");
            List<String> lines = Files.readAllLines(failures);
            assertEquals(150, lines.size());
            ImportFailure answered = report.failures().get(0);
            assertTrue(answered.random() >= 0);
            assertTrue(lines.get(0).endsWith(",\"_failure\":{\"code\":30010,\"info\":"
                    + "\"Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold\",\"random\":" + answered.random() + "}}"),
                    lines.get(0));
            ImportFailure notSent = report.failures().get(report.failures().size() - 1);
            assertTrue(notSent.info().startsWith("not sent because the call with random " + answered.random()),
                    notSent.info());
        }
    }

    @Test
    void anAnswerThatStopsTheImportGivesItsRandom() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator());
                FriendImportClient client = TestApp.client(sim, "not-the-app-key", ADMIN, 1_000)) {
            ImportAbortedException e = assertThrows(ImportAbortedException.class,
                    () -> BulkImporter.<GameFriendItem>builder(client).build().run(withGuild(2, 10)));
            assertEquals(70009, e.errorCode());
            assertTrue(e.getMessage().matches("the server answered 70009 .* The call's random, for Tencent support: "
                    + "[0-9]+\\."), e.getMessage());
        }
    }

    @Test
    void aTransient70169IsRetriedAndNothingIsLost() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator().poison("friend3", 70169, "server timeout", 2));
                FriendImportClient client = TestApp.client(sim, 1_000)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .backoff(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(100))
                    .build().run(withGuild(5, 50));
            assertTrue(report.allImported(), report.summary(5));
            assertEquals(250, sim.relationCount());
            assertEquals(2, sim.stats().requestFailures().get(70169));
            assertEquals(2, report.retries());
        }
    }

    @Test
    void noBodyIsOverTheCapAndAServerThatAnswers413HasTheBatchSplit() throws Exception {
        try (ChatSimulator sim = TestApp.start(TestApp.simulator().maxRequestBodyBytes(16_384));
                FriendImportClient client = TestApp.client(sim, 1_000)) {
            ImportReport capped = BulkImporter.<GameFriendItem>builder(client).maxBodyBytes(16_384).build()
                    .run(withGuild(3, 300));
            assertEquals(900, capped.imported());
            assertEquals(0, sim.stats().oversizedBodies(), "cut to the cap: never refused");

            sim.reset();
            ImportReport refused = BulkImporter.<GameFriendItem>builder(client).build().run(withGuild(3, 300));
            assertEquals(900, refused.imported(), "split until the halves pass");
            assertTrue(sim.stats().oversizedBodies() > 0);
        }
    }
}
