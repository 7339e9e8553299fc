package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The shaded jar as a user runs it, {@code java -jar example/target/timport-example.jar}: after {@code package}, with
 * nothing on the class path but the jar (run by failsafe). Each test starts its own JVMs in a directory of its own:
 * they run side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class RunnableJarIT {

    /**
     * The client compiler and the serial collector for each child JVM, as the build's own test JVMs: each lives for a
     * second or two, where the optimising compiler's work is never paid back (measured on 2026-12-02: the seven jar
     * runs took 25 s of CPU without, on two cores where the whole build has about 230 s). What the jar does is the
     * same either way.
     */
    private static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    @TempDir
    Path dir;

    /** (What {@code --help} and {@code --version} print from the jar, {@link CliTranscriptsIT} compares with the docs.) */
    @Test
    void aBadOptionFromTheJarExitsWith64() throws Exception {
        Run bad = java("--batch-size", "0");
        assertEquals(64, bad.status, bad.output);
        assertEquals("timport-example: --batch-size must be from 1 to 1,000, was 0 (see --help)\n", bad.output);
    }

    @Test
    void theJarImportsAFileIntoTheEmbeddedSimulator() throws Exception {
        Files.write(dir.resolve("friends.jsonl"), List.of(
                "{\"From_Account\":\"alice\",\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Game\","
                        + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":7}]}",
                "{\"From_Account\":\"alice\",\"To_Account\":\"carol\",\"AddSource\":\"AddSource_Type_Game\","
                        + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":1}]}"), StandardCharsets.UTF_8);

        Run run = java("--input", "friends.jsonl");

        assertEquals(2, run.status, run.output);
        assertTrue(run.output.contains("Import finished: 2 records, 1 imported, 1 failed"), run.output);
        // Standard error is a file here: progress comes as plain lines, never a redraw
        assertFalse(run.output.contains("\r"), run.output);
        assertTrue(run.output.contains("100.0% [####################] 2/2  ok 1  failed 1"), run.output);
        assertTrue(run.output.contains("(friends.jsonl:2): alice -> carol: [invalid input]"), run.output);
        assertTrue(run.output.contains("The embedded simulator holds 1 relations of 1 users"), run.output);
        assertEquals(1, Files.readAllLines(dir.resolve("timport-failures.jsonl")).size());
    }

    /** Issue 12 item 2: {@code --input <(cmd)}, a pipe, was drained by the progress bar's count: 0 imported, exit 0. */
    @Test
    void aProcessSubstitutionIsImportedFully() throws Exception {
        assumeTrue(onPath("bash"), "bash");
        Run run = shell("bash", "-c", "exec \"$0\" " + JVM_OPTIONS + " -jar \"$1\" --input <(for u in 1 2 3; do "
                + "for f in 1 2 3 4; do "
                + "printf '{\"From_Account\":\"user%s\",\"To_Account\":\"friend%s\",\"AddSource\":"
                + "\"AddSource_Type_Game\"}\\n' $u $f; done; done)", javaBinary(), jar().toString());

        assertEquals(0, run.status, run.output);
        assertTrue(run.output.contains("Import finished: 12 records, 12 imported, 0 failed"), run.output);
        assertTrue(run.output.contains("The embedded simulator holds 12 relations of 3 users"), run.output);
        assertTrue(run.output.contains("12 relations  ok 12  failed 0"), "no total for a pipe: " + run.output);
    }

    /**
     * Issue 15 item 7: in an 80-column terminal (a pseudo-terminal from {@code script}), the progress is one line
     * redrawn in place, each redraw at most 79 characters, so it never wraps into a new line: one line for each
     * phase (the accounts, then the relations).
     */
    @Test
    void inAnEightyColumnTerminalProgressIsOneLineRedrawnInPlace() throws Exception {
        assumeTrue(onPath("script") && onPath("stty"), "script and stty (util-linux)");
        String command = "stty cols 80 rows 24; exec '" + javaBinary() + "' " + JVM_OPTIONS + " -jar '" + jar()
                + "' --users 200 --relations 10000 --invalid 0 --verify off"; // the import's line alone
        Run run = shell("script", "-qfec", command, "/dev/null");

        assertEquals(0, run.status, run.output);
        List<String> progressLines = new ArrayList<>();
        for (String line : run.output.replace("\r\n", "\n").split("\n")) {
            if (line.contains("ok ") && line.contains("failed ")) {
                progressLines.add(line);
            }
        }
        // one line per phase: the accounts (checked, the missing ones created), then the relations
        assertEquals(2, progressLines.size(), "one line a phase, redrawn: " + progressLines);
        List<String> phases = List.of("accounts", "relations");
        for (int i = 0; i < phases.size(); i++) {
            String[] redraws = progressLines.get(i).split("\r");
            assertEquals("", redraws[0], "each draw starts with a carriage return");
            for (String redraw : redraws) {
                assertTrue(redraw.length() <= 79, "fits 80 columns: " + redraw.length() + " " + redraw);
            }
            // each line names its phase, then the final count
            assertTrue(redraws[redraws.length - 1].matches(phases.get(i) + " +100\\.0% .*"),
                    redraws[redraws.length - 1]);
        }
        assertTrue(progressLines.get(1).split("\r").length >= 3, "drawn more than once, in place: " + progressLines);
    }

    /**
     * Issue 12 item 5: memory is bounded by settings, not by the input. In a JVM of 32 MB: 30,000 invalid lines of
     * 1.1 KB, 33 MB of them (each failure used to be kept with its text until the end), and 96 MB of standard input
     * without a newline (three times the heap; it used to be held as one line), around valid lines that are imported.
     * (The invalid lines were 120,000 of 0.2 KB: as many bytes, four times the per-line work.)
     */
    @Test
    void aSmallHeapTakesHugeAndBadInput() throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(List.of(JVM_OPTIONS.split(" ")));
        command.addAll(List.of("-Xmx32m", "-XX:+ExitOnOutOfMemoryError", "-jar",
                jar().toString(), "--input", "-", "--quiet", "--show-failures", "1"));
        Path log = dir.resolve("output.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try (OutputStream in = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
            for (int i = 0; i < 10; i++) {
                in.write(("{\"From_Account\":\"user" + i + "\",\"To_Account\":\"friend\",\"AddSource\":"
                        + "\"AddSource_Type_Game\"}\n").getBytes(StandardCharsets.UTF_8));
            }
            byte[] remark = "x".repeat(1_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 30_000; i++) {
                in.write(("{\"From_Account\":\"user" + i + "\",\"To_Account\":\"friend\",\"AddSource\":"
                        + "\"AddSource_Type_Game\",\"Remark\":\"").getBytes(StandardCharsets.UTF_8));
                in.write(remark);
                in.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 10; i < 20; i++) {
                in.write(("{\"From_Account\":\"user" + i + "\",\"To_Account\":\"friend\",\"AddSource\":"
                        + "\"AddSource_Type_Game\"}\n").getBytes(StandardCharsets.UTF_8));
            }
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 96; i++) {
                in.write(chunk);
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the jar finished");
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("Import finished: 30,021 records, 20 imported, 30,001 failed"), output);
        assertTrue(output.contains("30,000 failed relations written to timport-failures.jsonl"), output);
        assertTrue(output.contains("1 failed record could not be written to timport-failures.jsonl"), output);
        assertEquals(30_000, Files.lines(dir.resolve("timport-failures.jsonl")).count());
        assertFalse(output.contains("OutOfMemoryError"), output);
    }

    private record Run(int status, String output) {
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("example.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is built");
        return jar;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private Run shell(String... command) throws Exception {
        Path log = dir.resolve("shell.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private Run java(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("example.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is built");
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(List.of(JVM_OPTIONS.split(" ")));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("output.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar finished");
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
