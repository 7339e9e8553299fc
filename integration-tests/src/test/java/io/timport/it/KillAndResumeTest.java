package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.simulator.ChatSimulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import in a JVM of its own is killed midway ({@code destroyForcibly}, SIGKILL) and started again with the same
 * input and journal: the store ends complete, and what was sent twice is at most what was in flight at the kill.
 */
class KillAndResumeTest {

    private static final int RELATIONS = 20_000;
    private static final int BATCH = 50;
    private static final int MAX_IN_FLIGHT = 8;

    @TempDir
    Path dir;

    @Test
    void anImportKilledMidwayResumesFromItsJournalAndCompletes() throws Exception {
        Path journal = dir.resolve("import.journal");
        try (ChatSimulator sim = Fixtures.start(Fixtures.simulator()
                .latency(Duration.ofMillis(50), Duration.ofMillis(10)))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ResumableImport.class.getName(), sim.baseUri().toString(), journal.toString(),
                    String.valueOf(RELATIONS), String.valueOf(BATCH), String.valueOf(MAX_IN_FLIGHT))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (journalEntries(journal) < 60) { // a quarter of the calls, or so
                    assertTrue(child.isAlive(), "the child ended early: " + log());
                    assertTrue(System.nanoTime() < deadline, "the child made no progress: " + log());
                    Thread.sleep(5);
                }
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            Thread.sleep(300); // calls the server was still handling finish there
            long storedAtKill = sim.relationCount();
            assertTrue(storedAtKill > 0 && storedAtKill < RELATIONS, "killed midway: " + storedAtKill + " stored");

            List<ImportRecord<GameFriendItem>> input = ResumableImport.input(RELATIONS);
            ImportReport resumed;
            try (FriendImportClient client = ResumableImport.client(sim.baseUri())) {
                resumed = ResumableImport.importer(client, journal, BATCH, MAX_IN_FLIGHT).run(input);
            }

            assertTrue(resumed.allImported(), resumed.summary(5));
            assertEquals(RELATIONS, sim.relationCount(), "the store is complete");
            for (ImportRecord<GameFriendItem> r : input) {
                Fixtures.assertStored(r.item(), sim.friend(r.fromAccount(), r.item().toAccount()).orElseThrow());
            }
            assertTrue(resumed.skippedEarlier() > 0, "the journal spared work: " + resumed.summary(0));
            assertEquals(RELATIONS, resumed.skippedEarlier() + resumed.imported());
            long repeated = sim.stats().itemsStored() - RELATIONS;
            assertTrue(repeated <= (long) MAX_IN_FLIGHT * BATCH,
                    "sent twice: " + repeated + " relations, at most the " + MAX_IN_FLIGHT + " calls of " + BATCH
                            + " that can be in flight at the kill");
            assertEquals(resumed.imported(), RELATIONS - resumed.skippedEarlier());
            System.out.printf("kill and resume: %d stored at the kill, %d skipped on resume, %d sent twice%n",
                    storedAtKill, resumed.skippedEarlier(), repeated);
        }
    }

    private static long journalEntries(Path journal) throws Exception {
        if (!Files.exists(journal)) {
            return 0;
        }
        try (var lines = Files.lines(journal)) {
            return lines.count() - 1;
        }
    }

    private String log() throws Exception {
        File log = dir.resolve("child.log").toFile();
        return log.exists() ? Files.readString(log.toPath()) : "(no output)";
    }
}
