package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.simulator.ChatSimulator;
import io.timport.simulator.StoredFriend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --journal}: the command line in a JVM of its own is killed ({@code destroyForcibly}, SIGKILL) in the middle of
 * an import, then run again with the same options; the server ends up with every relation.
 */
class ResumeTest {

    private static final int USERS = 400;
    private static final int RELATIONS = 20_000;

    @TempDir
    Path dir;

    @Test
    void anImportKilledMidwayCompletesWhenRunAgainWithItsJournal() throws Exception {
        try (ChatSimulator chat = ChatSimulator.start(TestChat.config()
                .latency(Duration.ofMillis(40), Duration.ofMillis(10))
                .build())) {
            List<String> options = TestChat.targetOptions(chat, dir, TestChat.KEY);
            options.addAll(List.of("--sample", "--users", String.valueOf(USERS), "--relations", String.valueOf(RELATIONS),
                    "--invalid", "0", "--batch-size", "50", "--journal", "import.journal"));
            Path journal = dir.resolve("import.journal");

            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ExampleImporter.class.getName()));
            command.addAll(options);
            Process child = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (journalEntries(journal) < 40) { // about a tenth of the calls
                    assertTrue(child.isAlive(), "the first run ended early:\n" + log());
                    assertTrue(System.nanoTime() < deadline, "the first run made no progress:\n" + log());
                    Thread.sleep(5);
                }
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            Thread.sleep(300); // calls the server was still handling finish there
            long storedAtKill = chat.relationCount();
            assertTrue(storedAtKill > 0 && storedAtKill < RELATIONS, "killed midway: " + storedAtKill + " stored\n" + log());
            assertTrue(Files.exists(dir.resolve("import.journal.info")));

            Cli.Result resumed = Cli.run(dir, options.toArray(new String[0]));

            assertEquals(ExampleImporter.OK, resumed.status(), resumed.toString());
            assertTrue(resumed.out().matches("(?s).*Import finished: 20,000 records, [0-9,]+ imported, 0 failed, "
                    + "[0-9,]+ completed by an earlier run\n.*"), resumed.out());
            assertEquals(RELATIONS, chat.relationCount(), "the store is complete");
            SampleGraph sample = SampleGraph.of(USERS, RELATIONS, 0, SampleGraph.DEFAULT_SEED);
            sample.rows().forEach(row -> assertStored(row, chat.friend(row.userId(), row.friendId()).orElseThrow()));
        }
    }

    @Test
    void aJournalIsNeverResumedForAnotherInputOrTarget() throws Exception {
        try (ChatSimulator chat = ChatSimulator.start(TestChat.config().build())) {
            List<String> target = TestChat.targetOptions(chat, dir, TestChat.KEY);
            Cli.Result first = Cli.run(dir, TestChat.args(target, "--sample", "--users", "20", "--relations", "100",
                    "--invalid", "0", "--journal", "j"));
            assertEquals(ExampleImporter.OK, first.status(), first.toString());

            Cli.Result otherSeed = Cli.run(dir, TestChat.args(target, "--sample", "--users", "20", "--relations", "100",
                    "--invalid", "0", "--seed", "7", "--journal", "j"));
            assertEquals(ExampleImporter.FATAL, otherSeed.status(), otherSeed.toString());
            assertEquals("timport-example: --journal: journal " + dir.resolve("j") + " belongs to another input (the "
                    + "sample of 20 users, 100 relations, 0 broken, seed 42), not to the sample of 20 users, 100 "
                    + "relations, 0 broken, seed 7: it would skip the wrong records. Use another --journal file, or "
                    + "delete " + dir.resolve("j") + " and " + dir.resolve("j.info") + " to start over\n", otherSeed.err());

            Cli.Result embedded = Cli.run(dir, "--users", "20", "--relations", "100", "--invalid", "0", "--journal", "j");
            assertEquals(ExampleImporter.FATAL, embedded.status(), embedded.toString());
            assertTrue(embedded.err().startsWith("timport-example: --journal: journal " + dir.resolve("j")
                    + " belongs to an import into " + chat.baseUri() + " (SDKAppID " + TestChat.SDK_APP_ID
                    + "), not into the embedded simulator"), embedded.err());
        }
    }

    static void assertStored(FriendRow row, StoredFriend stored) {
        String pair = row.userId() + " -> " + row.friendId();
        assertEquals("AddSource_Type_" + row.platform(), stored.addSource(), pair);
        assertEquals(Optional.ofNullable(row.nickname()), stored.remark(), pair);
        assertEquals(optional(row.nicknameSetAt()), stored.remarkTime(), pair);
        assertEquals(row.groups(), stored.groupNames(), pair);
        assertEquals(Optional.ofNullable(row.greeting()), stored.addWording(), pair);
        assertEquals(optional(row.friendsSince()), stored.addTime(), pair);
        Map<String, Object> custom = new java.util.LinkedHashMap<>();
        if (row.level() != null) {
            custom.put("Tag_SNS_Custom_Level", row.level());
        }
        if (row.guild() != null) {
            custom.put("Tag_SNS_Custom_Guild", row.guild());
        }
        assertEquals(custom, stored.customItems(), pair);
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
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
        Path log = dir.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "(no output)";
    }
}
