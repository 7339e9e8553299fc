package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.simulator.ChatSimulator;
import io.timport.testsupport.KilledImport;
import io.timport.testsupport.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import in a JVM of its own is killed midway ({@code destroyForcibly}, SIGKILL) and started again with the same
 * input and journal: the store ends complete, and what was sent twice is at most what was in flight at the kill.
 */
class KillAndResumeTest {

    private static final int RELATIONS = 5_000; // 100 calls, at most 80 a second (8 in flight, 100 ms each)
    private static final int BATCH = 50;
    private static final int MAX_IN_FLIGHT = 8;

    @TempDir
    Path dir;

    @Test
    void anImportKilledMidwayResumesFromItsJournalAndCompletes() throws Exception {
        Path journal = dir.resolve("import.journal");
        try (ChatSimulator sim = TestApp.start(TestApp.simulator()
                .latency(Duration.ofMillis(100), Duration.ofMillis(10)))) {
            KilledImport killed = KilledImport.killMidway(dir, Fixtures.CHILD_JVM, ResumableImport.class,
                    List.of(sim.baseUri().toString(), journal.toString(), String.valueOf(RELATIONS),
                            String.valueOf(BATCH), String.valueOf(MAX_IN_FLIGHT)),
                    journal, 20, Duration.ofSeconds(60), Duration.ofMillis(300)); // a fifth of the calls, or so
            long storedAtKill = sim.relationCount();
            assertTrue(storedAtKill > 0 && storedAtKill < RELATIONS, "killed midway: " + storedAtKill + " stored\n"
                    + killed.log());

            List<ImportRecord<GameFriendItem>> input = ResumableImport.input(RELATIONS);
            ImportReport resumed;
            try (FriendImportClient client = ResumableImport.client(sim.baseUri())) {
                resumed = ResumableImport.importer(client, journal, BATCH, MAX_IN_FLIGHT).run(input);
            }

            assertTrue(resumed.allImported(), resumed.summary(5));
            assertEquals(RELATIONS, sim.relationCount(), "the store is complete");
            Fixtures.assertEachStored(sim, input);
            assertTrue(resumed.skippedEarlier() > 0, "the journal spared work: " + resumed.summary(0));
            assertEquals(RELATIONS, resumed.skippedEarlier() + resumed.imported());
            long repeated = sim.stats().itemsStored() - RELATIONS;
            assertTrue(repeated <= (long) MAX_IN_FLIGHT * BATCH,
                    "sent twice: " + repeated + " relations, at most the " + MAX_IN_FLIGHT + " calls of " + BATCH
                            + " that can be in flight at the kill");
            System.out.printf("kill and resume: %d stored at the kill, %d skipped on resume, %d sent twice%n",
                    storedAtKill, resumed.skippedEarlier(), repeated);
        }
    }
}
