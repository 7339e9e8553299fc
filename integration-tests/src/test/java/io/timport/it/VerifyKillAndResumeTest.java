package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.bulk.VerificationReport;
import io.timport.call.FriendImportClient;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.RestApi;
import io.timport.testsupport.KilledImport;
import io.timport.testsupport.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import and its verification in a JVM of its own, killed ({@code destroyForcibly}, SIGKILL) once the verification
 * journal ({@code <journal>.verify}) holds some users, then started again with the same input and journal: the import
 * sends nothing, the verification skips the users found equal before the kill, and everything ends proven.
 */
class VerifyKillAndResumeTest {

    private static final int RELATIONS = 5_000;
    private static final int USERS = RELATIONS / 50; // ResumableImport's input: 50 relations a user

    @TempDir
    Path dir;

    @Test
    void aVerificationKilledMidwayResumesFromItsJournal() throws Exception {
        Path journal = dir.resolve("import.journal");
        Path verifyJournal = dir.resolve("import.journal.verify");
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator().silentLoss(0.01)
                .latency(Duration.ofMillis(80), Duration.ofMillis(5)))) { // 8 calls in flight: 100 a second
            KilledImport killed = KilledImport.killMidway(dir, Fixtures.CHILD_JVM, ResumableVerify.class, List.of(
                    sim.baseUri().toString(), journal.toString(), String.valueOf(RELATIONS)),
                    verifyJournal, 20, Duration.ofSeconds(120), Duration.ofMillis(300)); // 80 users to go: 0.8 s
            long readBeforeKill = sim.stats().api(RestApi.FRIEND_GET).calls();
            assertTrue(readBeforeKill > 0 && readBeforeKill < USERS, "killed during the verification: "
                    + readBeforeKill + " friend_get calls\n" + killed.log());
            sim.resetStats();

            List<ImportRecord<GameFriendItem>> input = ResumableImport.input(RELATIONS);
            ImportReport resumed;
            try (FriendImportClient client = QuickApp.client(sim)) { // the killed run paced at 200 calls/s
                resumed = ResumableVerify.importer(client, journal).run(input);
            }
            VerificationReport v = resumed.verification().orElseThrow();
            System.out.println(resumed.summary(3));
            assertEquals(RELATIONS, resumed.skippedEarlier(), "the import had ended before the kill");
            assertEquals(0, sim.stats().api(RestApi.FRIEND_IMPORT).calls() - v.repairCalls(),
                    "nothing sent but repairs");
            assertTrue(v.equalEarlier() > 0, "users proven before the kill are not read again: " + v.summary(0));
            assertEquals(RELATIONS, v.relations());
            assertTrue(sim.stats().api(RestApi.FRIEND_GET).calls() < USERS + v.repairCalls() * 2,
                    "fewer users read than all of them");
            assertTrue(v.allEqual() && resumed.allImportedAndEqual(), v.summary(5));
            assertEquals(RELATIONS, sim.relationCount(), "the store is the input");
            Fixtures.assertEachStored(sim, input);
        }
    }
}
