package io.timport.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first half of every kill-and-resume test: an import with a journal runs in a JVM of its own and is killed
 * ({@code destroyForcibly}, SIGKILL) once its journal holds some entries; the test then resumes it its own way and
 * checks the store.
 */
public final class KilledImport {

    private final Path log;

    private KilledImport(Path log) {
        this.log = log;
    }

    /**
     * Runs {@code mainClass} with {@code args} in a JVM of its own, with this JVM's class path and {@code dir} as its
     * working directory; kills it as soon as the {@code journal} holds {@code entries} entries of work; then waits
     * {@code settle} for the calls the server was still handling.
     *
     * @throws AssertionError when the child ends by itself, or makes no progress within {@code timeout}
     */
    public static KilledImport killMidway(Path dir, Class<?> mainClass, List<String> args, Path journal, int entries,
            Duration timeout, Duration settle) throws IOException, InterruptedException {
        return killWhen(dir, mainClass, args, () -> workEntries(journal) >= entries, timeout, settle);
    }

    /** Like {@link #killMidway}, the child JVM started with {@code jvmOptions} (such as {@code -XX:+UseSerialGC}). */
    public static KilledImport killMidway(Path dir, List<String> jvmOptions, Class<?> mainClass, List<String> args,
            Path journal, int entries, Duration timeout, Duration settle) throws IOException, InterruptedException {
        return killWhen(dir, jvmOptions, mainClass, args, () -> workEntries(journal) >= entries, timeout, settle);
    }

    /** What a kill waits for: true once the child has done enough. */
    @FunctionalInterface
    public interface Progress {
        boolean enough() throws IOException;
    }

    /**
     * Like {@link #killMidway}, killing the child as soon as {@code enough} says so (for a phase journaled elsewhere,
     * such as the accounts phase's {@code <journal>.accounts}).
     */
    public static KilledImport killWhen(Path dir, Class<?> mainClass, List<String> args, Progress enough,
            Duration timeout, Duration settle) throws IOException, InterruptedException {
        return killWhen(dir, List.of(), mainClass, args, enough, timeout, settle);
    }

    /** Like {@link #killWhen}, the child JVM started with {@code jvmOptions} (such as {@code -XX:+UseSerialGC}). */
    public static KilledImport killWhen(Path dir, List<String> jvmOptions, Class<?> mainClass, List<String> args,
            Progress enough, Duration timeout, Duration settle) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        KilledImport run = new KilledImport(dir.resolve("child.log"));
        Process child = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(run.log.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!enough.enough()) {
                assertTrue(child.isAlive(), "the import ended before it was killed:\n" + run.log());
                assertTrue(System.nanoTime() < deadline, "the import made no progress:\n" + run.log());
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        Thread.sleep(settle.toMillis());
        return run;
    }

    /** What the killed JVM printed. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a file so far (0 when it does not exist): an accounts journal's entries, plus its two first. */
    public static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long n = 0;
        for (byte b : Files.readAllBytes(file)) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The entries of completed work in a journal so far: its lines of {@code "ok"} and {@code "fail"}. */
    public static long workEntries(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(journal); // bytes: the last line may be torn mid-character
        byte[] entry = "{\"ok\":".getBytes(StandardCharsets.US_ASCII);
        long count = 0;
        for (int i = 0; i + entry.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + entry.length, entry, 0, entry.length)) {
                count++;
            }
        }
        return count;
    }
}
