package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.JournalIdentity;
import io.timport.simulator.ChatSimulator;
import io.timport.testsupport.KilledImport;
import io.timport.testsupport.StoredRelations;
import io.timport.testsupport.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --journal}: the command line in a JVM of its own is killed ({@code destroyForcibly}, SIGKILL) in the middle of
 * an import, then run again with the same options; the server ends up with every relation. A journal is never
 * resumed for another input or target.
 */
class ResumeTest {

    private static final int USERS = 400;
    private static final int RELATIONS = 20_000;

    @TempDir
    Path dir;

    @Test
    void anImportKilledMidwayCompletesWhenRunAgainWithItsJournal() throws Exception {
        try (ChatSimulator chat = TestApp.start(TestApp.simulator()
                .latency(Duration.ofMillis(40), Duration.ofMillis(10)))) {
            List<String> options = TestChat.targetOptions(chat, dir, TestApp.KEY);
            options.addAll(List.of("--sample", "--users", String.valueOf(USERS), "--relations", String.valueOf(RELATIONS),
                    "--invalid", "0", "--batch-size", "50", "--journal", "import.journal"));
            Path journal = dir.resolve("import.journal");

            KilledImport killed = KilledImport.killMidway(dir, ExampleImporter.class, options, journal, 40,
                    Duration.ofSeconds(60), Duration.ofMillis(300)); // about a tenth of the calls
            long storedAtKill = chat.relationCount();
            assertTrue(storedAtKill > 0 && storedAtKill < RELATIONS, "killed midway: " + storedAtKill + " stored\n"
                    + killed.log());
            assertEquals(JournalIdentity.of("127.0.0.1", TestApp.SDK_APP_ID, "the sample of 400 users, 20000 relations, "
                    + "0 broken, seed 42"), JournalIdentity.read(journal).orElseThrow(), "the journal says what it is of");

            Cli.Result resumed = Cli.run(dir, options.toArray(new String[0]));

            assertEquals(ExampleImporter.OK, resumed.status(), resumed.toString());
            assertTrue(resumed.out().matches("(?s).*Import finished: 20,000 records, [0-9,]+ imported, 0 failed, "
                    + "[0-9,]+ completed by an earlier run\n.*"), resumed.out());
            assertEquals(RELATIONS, chat.relationCount(), "the store is complete");
            SampleGraph sample = SampleGraph.of(USERS, RELATIONS, 0, SampleGraph.DEFAULT_SEED);
            sample.rows().forEach(row -> StoredRelations.assertStored(row.toRecord().item(),
                    chat.friend(row.userId(), row.friendId()).orElseThrow()));
        }
    }

    @Test
    void aJournalIsNeverResumedForAnotherInputOrTarget() throws Exception {
        try (ChatSimulator chat = TestApp.start(TestApp.simulator())) {
            List<String> target = TestChat.targetOptions(chat, dir, TestApp.KEY);
            Cli.Result first = Cli.run(dir, TestChat.args(target, "--sample", "--users", "20", "--relations", "100",
                    "--invalid", "0", "--journal", "j"));
            assertEquals(ExampleImporter.OK, first.status(), first.toString());
            String journal = Files.readString(dir.resolve("j"));

            Cli.Result otherSeed = Cli.run(dir, TestChat.args(target, "--sample", "--users", "20", "--relations", "100",
                    "--invalid", "0", "--seed", "7", "--journal", "j"));
            assertEquals(ExampleImporter.FATAL, otherSeed.status(), otherSeed.toString());
            assertEquals("timport-example: --journal: journal " + dir.resolve("j") + " belongs to another input (the "
                    + "sample of 20 users, 100 relations, 0 broken, seed 42), not to the sample of 20 users, 100 "
                    + "relations, 0 broken, seed 7: resuming would skip the wrong records. Use another journal, or "
                    + "delete " + dir.resolve("j") + " to start over\n", otherSeed.err());
            assertEquals("", otherSeed.out(), "refused before anything is printed");

            Cli.Result embedded = Cli.run(dir, "--users", "20", "--relations", "100", "--invalid", "0", "--journal", "j");
            assertEquals(ExampleImporter.FATAL, embedded.status(), embedded.toString());
            assertTrue(embedded.err().startsWith("timport-example: --journal: journal " + dir.resolve("j")
                    + " belongs to an import into 127.0.0.1 (SDKAppID " + TestApp.SDK_APP_ID + "), not into 127.0.0.1 "
                    + "(SDKAppID " + Options.EMBEDDED_SDK_APP_ID + "): resuming would skip relations"), embedded.err());
            assertEquals(journal, Files.readString(dir.resolve("j")), "a refused journal is left as it was");
        }
    }

    @Test
    void aFileMovedOrRenamedMayResumeItsJournalWithAWarning() throws Exception {
        try (ChatSimulator chat = TestApp.start(TestApp.simulator())) {
            List<String> target = TestChat.targetOptions(chat, dir, TestApp.KEY);
            Cli.Result written = Cli.run(dir, "--users", "20", "--relations", "100", "--write-sample", "friends.jsonl");
            assertEquals(ExampleImporter.OK, written.status(), written.toString());
            Cli.Result first = Cli.run(dir, TestChat.args(target, "--input", "friends.jsonl", "--journal", "j",
                    "--quiet"));
            assertEquals(ExampleImporter.SOME_FAILED, first.status(), first.toString());

            Files.move(dir.resolve("friends.jsonl"), dir.resolve("moved.jsonl"));
            Cli.Result again = Cli.run(dir, TestChat.args(target, "--input", "moved.jsonl", "--journal", "j",
                    "--quiet"));

            assertEquals(ExampleImporter.SOME_FAILED, again.status(), again.toString());
            assertEquals("timport-example: warning: journal " + dir.resolve("j") + " was written for file "
                    + dir.resolve("friends.jsonl").toAbsolutePath().normalize() + "; this run reads file "
                    + dir.resolve("moved.jsonl").toAbsolutePath().normalize() + ". It skips records by their number: "
                    + "the input must hold the same records in the same order\n", again.err());
            assertTrue(again.out().matches("(?s).*Import finished: 100 records, 0 imported, [0-9]+ failed, [0-9]+ "
                    + "completed by an earlier run\n.*"), again.out());
        }
    }
}
