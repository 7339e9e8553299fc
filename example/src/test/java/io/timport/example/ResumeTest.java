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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --journal}: the command line in a JVM of its own is killed ({@code destroyForcibly}, SIGKILL) in the middle of
 * an import, then run again with the same options; the server ends up with every relation. A journal is never
 * resumed for another input or target.
 */
@Order(1) // started first: a killed child JVM and its resume (junit-platform.properties)
class ResumeTest {

    private static final int USERS = 200;
    private static final int RELATIONS = 5_000;

    @TempDir
    Path dir;

    @Test
    void anImportKilledMidwayCompletesWhenRunAgainWithItsJournal() throws Exception {
        // The killed run is paced at the default 200 calls/s, so that it is midway at the kill; the resumed run, whose
        // pace is not the point, at 2,000 (the journal is of the input and the target, not of the pace).
        try (ChatSimulator chat = TestApp.start(TestApp.simulator().rateLimitPerSecond(2000)
                .latency(Duration.ofMillis(40), Duration.ofMillis(10)))) {
            List<String> options = TestChat.targetOptions(chat, dir, TestApp.KEY);
            // --verify off: a verification would find and import again what a resume wrongly skipped, hiding it; the
            // store is read back below, relation by relation
            options.addAll(List.of("--sample", "--users", String.valueOf(USERS), "--relations", String.valueOf(RELATIONS),
                    "--invalid", "0", "--batch-size", "50", "--journal", "import.journal", "--verify", "off"));
            Path journal = dir.resolve("import.journal");

            // The killed JVM on the client compiler, as the test JVMs: it lives for seconds
            KilledImport killed = KilledImport.killMidway(dir, List.of("-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC"), ExampleImporter.class, options, journal, 20,
                    Duration.ofSeconds(60), Duration.ofMillis(300)); // about a tenth of the 220 calls
            long storedAtKill = chat.relationCount();
            assertTrue(storedAtKill > 0 && storedAtKill < RELATIONS, "killed midway: " + storedAtKill + " stored\n"
                    + killed.log());
            assertEquals(JournalIdentity.of("127.0.0.1", TestApp.SDK_APP_ID, "the sample of 200 users, 5000 relations, "
                    + "0 broken, seed 42"), JournalIdentity.read(journal).orElseThrow(), "the journal says what it is of");

            Cli.Result resumed = Cli.run(dir, TestChat.args(options, "--rate", "2000"));

            assertEquals(ExampleImporter.OK, resumed.status(), resumed.toString());
            assertTrue(resumed.out().matches("(?s).*Import finished: 5,000 records, [0-9,]+ imported, 0 failed, "
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
    void aFileMovedOrRenamedMayResumeItsJournalWithANote() throws Exception {
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
            assertEquals("timport-example: journal " + dir.resolve("j") + " was written for file "
                    + dir.resolve("friends.jsonl").toAbsolutePath().normalize() + "; this run reads file "
                    + dir.resolve("moved.jsonl").toAbsolutePath().normalize() + ": it resumes if that holds the same "
                    + "records, which the journal checks as they are read\n", again.err());
            assertTrue(again.out().matches("(?s).*Import finished: 100 records, 0 imported, [0-9]+ failed, [0-9]+ "
                    + "completed by an earlier run\n.*"), again.out());
        }
    }

    // ------------------------------------------------------------------ issue 12: the input's content, one importer

    private static String rows(int from, int to, String remark) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i <= to; i++) {
            s.append("{\"From_Account\":\"player").append(i % 4).append("\",\"To_Account\":\"player").append(i % 4 + 10 + i)
                    .append("\",\"AddSource\":\"AddSource_Type_Game\"").append(remark == null ? "" : ",\"Remark\":\"" + remark + "\"")
                    .append("}\n");
        }
        return s.toString();
    }

    @Test
    void theSamePathWithNewContentIsRefusedNotSkipped() throws Exception {
        try (ChatSimulator chat = TestApp.start(TestApp.simulator())) {
            List<String> target = TestChat.targetOptions(chat, dir, TestApp.KEY);
            Files.writeString(dir.resolve("friends.jsonl"), rows(1, 30, null));
            Cli.Result first = Cli.run(dir, TestChat.args(target, "--input", "friends.jsonl", "--journal", "j", "--quiet"));
            assertEquals(ExampleImporter.OK, first.status(), first.toString());
            String journal = Files.readString(dir.resolve("j"));

            Files.writeString(dir.resolve("friends.jsonl"), rows(1, 30, "new")); // new content, the same path
            Cli.Result again = Cli.run(dir, TestChat.args(target, "--input", "friends.jsonl", "--journal", "j", "--quiet"));

            assertEquals(ExampleImporter.FATAL, again.status(), again.toString());
            assertTrue(again.err().startsWith("timport-example: --journal: journal " + dir.resolve("j") + " belongs to "
                    + "another input: records "), again.err());
            assertTrue(again.err().endsWith("Import this input with a new journal (or none), or resume this journal "
                    + "with the input it was written for\n"), again.err());
            assertEquals(journal, Files.readString(dir.resolve("j")), "a refused journal is left as it was");
        }
    }

    @Test
    void standardInputWithAJournalIsCheckedAsItIsRead() throws Exception {
        try (ChatSimulator chat = TestApp.start(TestApp.simulator())) {
            List<String> target = TestChat.targetOptions(chat, dir, TestApp.KEY);
            String[] args = TestChat.args(target, "--input", "-", "--journal", "j", "--quiet");
            Cli.Result first = Cli.run(dir, java.util.Map.of(), stdin(rows(1, 20, null)), args);
            assertEquals(ExampleImporter.OK, first.status(), first.toString());

            Cli.Result other = Cli.run(dir, java.util.Map.of(), stdin(rows(2, 21, null)), args);
            assertEquals(ExampleImporter.FATAL, other.status(), other.toString());
            assertTrue(other.err().startsWith("timport-example: --journal: journal " + dir.resolve("j") + " belongs to "
                    + "another input: "), other.err());

            Cli.Result same = Cli.run(dir, java.util.Map.of(), stdin(rows(1, 25, null)), args);
            assertEquals(ExampleImporter.OK, same.status(), same.toString());
            assertTrue(same.out().contains("Import finished: 25 records, 5 imported, 0 failed, 20 completed by an "
                    + "earlier run\n"), same.out());
            assertEquals(25, chat.relationCount());
        }
    }

    private static java.io.InputStream stdin(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theFixedFailuresFileWithTheSameJournalIsRefusedWithAHint() throws Exception {
        // Before: the advice "import the failures file" with the same --journal imported 0 of the fixed rows, exit 0
        try (ChatSimulator chat = TestApp.start(TestApp.simulator())) {
            List<String> target = TestChat.targetOptions(chat, dir, TestApp.KEY);
            Files.writeString(dir.resolve("friends.jsonl"), rows(1, 10, null) + "{\"From_Account\":\"player1\","
                    + "\"To_Account\":\"fixme\",\"AddSource\":\"AddSource_Type_Game\",\"Remark\":7}\n");
            Cli.Result first = Cli.run(dir, TestChat.args(target, "--input", "friends.jsonl", "--journal", "j"));
            assertEquals(ExampleImporter.SOME_FAILED, first.status(), first.toString());
            assertTrue(first.out().contains("1 failed relation written to timport-failures.jsonl: fix it and import it "
                    + "with --input timport-failures.jsonl and a new --journal (or none)\n"), first.out());
            Files.writeString(dir.resolve("timport-failures.jsonl"), Files.readString(dir.resolve(
                    "timport-failures.jsonl")).replace("\"Remark\":7", "\"Remark\":\"7\""));

            Cli.Result sameJournal = Cli.run(dir, TestChat.args(target, "--input", "timport-failures.jsonl", "--journal",
                    "j", "--quiet"));
            assertEquals(ExampleImporter.FATAL, sameJournal.status(), sameJournal.toString());
            assertTrue(sameJournal.err().contains("timport-example: --journal: journal " + dir.resolve("j")
                    + " belongs to another input: "), sameJournal.err());
            assertEquals(10, chat.relationCount(), "the fixed row was not imported, and not silently skipped");

            Cli.Result newJournal = Cli.run(dir, TestChat.args(target, "--input", "timport-failures.jsonl", "--journal",
                    "fixes.journal", "--quiet"));
            assertEquals(ExampleImporter.OK, newJournal.status(), newJournal.toString());
            assertEquals(11, chat.relationCount(), "with a new journal, the fixed row is imported");
        }
    }

    @Test
    void aJournalInUseByAnotherImporterIsRefusedAtOnceNamingIt() throws Exception {
        try (ChatSimulator chat = TestApp.start(TestApp.simulator())) {
            List<String> target = TestChat.targetOptions(chat, dir, TestApp.KEY);
            Files.writeString(dir.resolve("friends.jsonl"), rows(1, 10, null));
            Path lockFile = dir.resolve("j.lock");
            try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                    java.nio.channels.FileLock held = other.lock()) {
                other.write(java.nio.ByteBuffer.wrap("pid 4242 on host elsewhere, since 2026-12-02T11:40:00Z\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                Cli.Result second = Cli.run(dir, TestChat.args(target, "--input", "friends.jsonl", "--journal", "j"));

                assertEquals(ExampleImporter.FATAL, second.status(), second.toString());
                assertEquals("timport-example: --journal: the import journal " + dir.resolve("j") + " is in use by "
                        + "another importer (pid 4242 on host elsewhere, since 2026-12-02T11:40:00Z): one importer at a "
                        + "time may use a journal. Wait for it to end, or give this import another journal\n",
                        second.err());
                assertEquals("", second.out(), "refused before anything is printed or sent");
                assertEquals(0, chat.relationCount());
            }
            Cli.Result after = Cli.run(dir, TestChat.args(target, "--input", "friends.jsonl", "--journal", "j", "--quiet"));
            assertEquals(ExampleImporter.OK, after.status(), after.toString());
        }
    }
}
