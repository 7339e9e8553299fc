package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the {@code --help} and {@code --version} transcripts of both command lines in the docs equal to what the
 * built jars print: each command is run as the docs show it ({@code java -jar ...}, from the repository's root),
 * and its output compared with the lines that follow the {@code $ command} line in the doc, up to the next
 * {@code $ } line or the end of the block.
 *
 * <p>The version's Java line depends on the machine: it is compared by its shape ({@code Java <version> (<vendor>),
 * <os> <arch>}). After changing an option, {@code mvn -pl example -am verify -Dsnippets.update=true} rewrites the
 * transcripts from the jars; review the diff.
 *
 * <p>An integration test of this module (failsafe, after the jar is built) rather than of docs-tests, so that
 * docs-tests need not wait for this module's build: the two run side by side.
 */
class CliTranscriptsIT {

    private static final Path ROOT = Path.of(System.getProperty("timport.repository", "..")).toAbsolutePath()
            .normalize();
    private static final boolean UPDATE = Boolean.getBoolean("snippets.update");
    private static final Pattern JAVA_LINE = Pattern.compile("Java \\S+ \\(.+\\), .+ .+");

    /** The commands below, all started at once (a JVM start is most of each test's time). */
    private static final Map<String, Process> RUNS = new ConcurrentHashMap<>();

    @BeforeAll
    static void startEveryCommand() throws IOException {
        for (String command : List.of(
                "java -jar example/target/timport-example.jar --help",
                "java -jar example/target/timport-example.jar --version",
                "java -jar simulator/target/timport-simulator.jar --help",
                "java -jar simulator/target/timport-simulator.jar --version")) {
            RUNS.put(command, start(command));
        }
    }

    @AfterAll
    static void stopWhatIsLeft() {
        RUNS.values().forEach(Process::destroyForcibly);
    }

    @ParameterizedTest(name = "{0}: $ {1}")
    @CsvSource({
        "docs/example-cli.md, java -jar example/target/timport-example.jar --help",
        "docs/example-cli.md, java -jar example/target/timport-example.jar --version",
        "docs/simulator.md, java -jar simulator/target/timport-simulator.jar --help",
        "docs/simulator.md, java -jar simulator/target/timport-simulator.jar --version",
    })
    void theTranscriptIsWhatTheJarPrints(String doc, String command) throws Exception {
        Path file = ROOT.resolve(doc);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int at = lines.indexOf("$ " + command);
        assertTrue(at >= 0, doc + " has no transcript of $ " + command);
        int end = at + 1;
        while (end < lines.size() && !lines.get(end).startsWith("$ ") && !lines.get(end).startsWith("```")) {
            end++;
        }
        List<String> shown = lines.subList(at + 1, end);
        List<String> printed = run(command);

        if (UPDATE) {
            List<String> updated = new ArrayList<>(lines.subList(0, at + 1));
            updated.addAll(printed);
            updated.addAll(lines.subList(end, lines.size()));
            Files.write(file, updated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(shown.size(), printed.size(), doc + ":" + (at + 1) + ": $ " + command + " prints "
                + printed.size() + " lines, the doc shows " + shown.size() + " (rewrite it with -Dsnippets.update=true)"
                + "\n--- printed\n" + String.join("\n", printed));
        for (int i = 0; i < shown.size(); i++) {
            String want = shown.get(i);
            String got = printed.get(i);
            if (command.endsWith("--version") && JAVA_LINE.matcher(want).matches()) {
                assertTrue(JAVA_LINE.matcher(got).matches(), doc + ":" + (at + 2 + i) + ": " + got);
                continue;
            }
            assertEquals(want, got, doc + ":" + (at + 2 + i) + ": the doc differs from what $ " + command
                    + " prints (rewrite it with -Dsnippets.update=true)");
        }
    }

    /** Starts the command from the repository's root, on this JVM's java. */
    private static Process start(String command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        Path jar = ROOT.resolve(args.get(2));
        assertTrue(Files.isRegularFile(jar), jar + " is not built");
        args.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        args.add(1, "-XX:TieredStopAtLevel=1");
        Process process = new ProcessBuilder(args)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        return process;
    }

    /** The standard output (and error) of the command started before all tests. */
    private static List<String> run(String command) throws IOException, InterruptedException {
        Process process = RUNS.get(command);
        assertTrue(process != null, "not started: " + command);
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("$ " + command + " did not end within 60 s");
        }
        assertEquals(0, process.exitValue(), "$ " + command + " exit status\n" + new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
