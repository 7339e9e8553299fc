package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it, {@code java -jar example/target/timport-example.jar}: after {@code package}, with
 * nothing on the class path but the jar (run by failsafe).
 */
class RunnableJarIT {

    @TempDir
    Path dir;

    @Test
    void helpRunsFromTheJar() throws Exception {
        Run run = java("--help");
        assertEquals(0, run.status, run.output);
        assertTrue(run.output.startsWith("Usage: java -jar timport-example.jar [options]"), run.output);

        Run version = java("--version");
        assertEquals(0, version.status, version.output);
        assertTrue(version.output.startsWith("timport example 0."), version.output);

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
        assertTrue(run.output.contains("(friends.jsonl:2): alice -> carol: [invalid input]"), run.output);
        assertTrue(run.output.contains("The embedded simulator holds 1 relations of 1 users"), run.output);
        assertEquals(1, Files.readAllLines(dir.resolve("timport-failures.jsonl")).size());
    }

    private record Run(int status, String output) {
    }

    private Run java(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("example.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is built");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("output.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar finished");
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
