package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.timport.simulator.ChatSimulator;
import io.timport.testsupport.TestApp;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 2: any readable stream is imported fully. Before, the progress bar's total was counted by reading the
 * input once up front: standard input and pipes were drained by the count (0 imported, exit 0), a named pipe hung
 * for ever, and /dev/zero spun.
 */
@Timeout(60)
class InputStreamsTest {

    static ChatSimulator chat;

    @TempDir
    Path dir;

    @BeforeAll
    static void startChat() throws Exception {
        chat = TestApp.start(TestApp.simulator());
    }

    @AfterAll
    static void stopChat() {
        chat.close();
    }

    @BeforeEach
    void emptyChat() {
        chat.reset();
    }

    private static List<String> lines(int users, int friends) {
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int f = 0; f < friends; f++) {
                lines.add("{\"From_Account\":\"user" + u + "\",\"To_Account\":\"friend" + f
                        + "\",\"AddSource\":\"AddSource_Type_Game\"}");
            }
        }
        return lines;
    }

    private String[] target(String... more) throws Exception {
        return TestChat.args(TestChat.targetOptions(chat, dir, TestApp.KEY), more);
    }

    @Test
    void standardInputIsImportedFullyAndProgressShowsNoTotal() throws Exception {
        byte[] input = (String.join("\n", lines(20, 10)) + "\n").getBytes(StandardCharsets.UTF_8);

        Cli.Result run = Cli.run(dir, Map.of(), new ByteArrayInputStream(input), target("--input", "-",
                "--verify", "off")); // the import's progress alone: the verification's knows its total

        assertEquals(ExampleImporter.OK, run.status(), run.toString());
        assertTrue(run.out().contains("Import finished: 200 records, 200 imported, 0 failed"), run.out());
        assertEquals(200, chat.relationCount());
        assertTrue(run.err().contains("200 relations  ok 200  failed 0"), "no total, no percentage: " + run.err());
        assertFalse(run.err().contains("%"), run.err());
    }

    @Test
    void aNamedPipeIsImportedFully() throws Exception {
        Path fifo = dir.resolve("friends.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo made a FIFO");
        List<String> lines = lines(30, 10);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream w = Files.newOutputStream(fifo)) { // opens when the reader does
                for (String line : lines) {
                    w.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        Cli.Result run = Cli.run(dir, target("--input", "friends.fifo"));

        writer.get(30, TimeUnit.SECONDS);
        assertEquals(ExampleImporter.OK, run.status(), run.toString());
        assertTrue(run.out().contains("Import finished: 300 records, 300 imported, 0 failed"), run.out());
        assertEquals(300, chat.relationCount());
        assertTrue(run.out().contains("  input    friends.fifo (JSONL)"), run.out());
    }

    @Test
    void devZeroEndsAtOnceWithOneLineSayingWhy() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")), "a system with /dev/zero");

        Cli.Result run = Cli.run(dir, target("--input", "/dev/zero", "--quiet"));

        assertEquals(ExampleImporter.FATAL, run.status(), run.toString());
        assertEquals("timport-example: the import stopped: the input could not be read past record 0: zero:1 holds "
                + "a NUL byte (byte 1 of the line): the input is not JSONL text, or it is damaged; nothing after it is "
                + "read\n", run.err());
        assertTrue(run.out().startsWith("Import STOPPED: 0 records, 0 imported, 0 failed"), run.out());
    }

    @Test
    void theFailuresFileCanBeTheInputItself() throws Exception {
        // What the run advises: "fix them and import them with --input timport-failures.jsonl", whose failures then
        // go to the same file: it is written beside, and moved into place once the input has been read.
        String good = lines(1, 1).get(0);
        String bad = "{\"From_Account\":\"user9\",\"To_Account\":\"friend9\",\"AddSource\":\"AddSource_Type_Web3\"}";
        Path failures = dir.resolve(Options.DEFAULT_FAILURES_FILE);
        Files.write(failures, List.of(good, bad, "{broken"), StandardCharsets.UTF_8);

        Cli.Result run = Cli.run(dir, target("--input", Options.DEFAULT_FAILURES_FILE, "--quiet"));

        assertEquals(ExampleImporter.SOME_FAILED, run.status(), run.toString());
        assertTrue(run.out().contains("Import finished: 3 records, 1 imported, 2 failed"), run.out());
        assertEquals(List.of(bad, "{broken"), Files.readAllLines(failures, StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve(Options.DEFAULT_FAILURES_FILE + ".part")));
    }
}
