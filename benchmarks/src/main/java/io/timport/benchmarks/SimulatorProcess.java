package io.timport.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator jar ({@code simulator/target/timport-simulator.jar}) running in a JVM of its own, so that the
 * benchmark's JVM measures only the client's CPU and heap. Started on port 0; its {@code listening on} line gives
 * the address. {@link #stop()} ends it with SIGTERM, which makes it print its final counters.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final String LISTENING = "listening on ";

    private final Process process;
    private final URI baseUri;
    private final Path stderr;
    private String summary;
    private long peakRssMib = -1;

    private final Path gcLog;

    private SimulatorProcess(Process process, URI baseUri, Path stderr, Path gcLog) {
        this.process = process;
        this.baseUri = baseUri;
        this.stderr = stderr;
        this.gcLog = gcLog;
    }

    /**
     * Starts {@code java -Xmx<maxHeap> -jar <jar> --port 0 --secret-key-file <keyFile> ...options} and waits for its
     * {@code listening on} line. A shutdown hook kills it should this JVM end first.
     */
    static SimulatorProcess start(Path jar, String maxHeap, Path keyFile, List<String> options) throws IOException {
        return start(jar, List.of(), maxHeap, keyFile, options);
    }

    /** The same, with more options for the simulator's JVM (e.g. {@code -XX:+UseZGC}). */
    static SimulatorProcess start(Path jar, List<String> jvmOptions, String maxHeap, Path keyFile, List<String> options)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the simulator jar " + jar + " does not exist: build it with "
                    + "mvn -B -ntp -pl benchmarks -am package -DskipTests, or pass --simulator-jar");
        }
        Path gcLog = Files.createTempFile("timport-simulator-gc", ".log");
        gcLog.toFile().deleteOnExit();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + maxHeap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Xlog:gc:file=" + gcLog, "-jar", jar.toString(),
                "--port", "0", "--sdkappid", String.valueOf(BenchApp.SDK_APP_ID), "--admin", BenchApp.ADMIN,
                "--secret-key-file", keyFile.toString(), "--custom-fields", BenchApp.CUSTOM_FIELDS));
        command.addAll(options);
        Path stderr = Files.createTempFile("timport-simulator", ".log");
        stderr.toFile().deleteOnExit();
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-simulator"));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(LISTENING)) {
            // skip anything printed before the address
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the simulator ended without listening: " + Files.readString(stderr));
        }
        URI base;
        try {
            base = new URI(line.substring(LISTENING.length()).trim());
        } catch (URISyntaxException e) {
            process.destroyForcibly();
            throw new IOException("cannot read the simulator's address from: " + line, e);
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // the process ended
            }
        }, "simulator-stdout");
        drain.setDaemon(true);
        drain.start();
        return new SimulatorProcess(process, base, stderr, gcLog);
    }

    /** The default jar: {@code simulator/target/timport-simulator.jar} beside the directory holding this benchmark's jar. */
    static Path defaultJar() {
        try {
            Path here = Path.of(SimulatorProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // .../benchmarks/target/benchmarks.jar (or .../benchmarks/target/classes)
            return here.getParent().getParent().getParent().resolve("simulator/target/timport-simulator.jar");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("simulator/target/timport-simulator.jar");
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    URI baseUri() {
        return baseUri;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Stops the simulator (SIGTERM; SIGKILL after a minute) and returns its final counters line, which it prints
     * on stopping. Also records its peak resident set size just before the stop.
     */
    String stop() throws IOException, InterruptedException {
        if (summary != null) {
            return summary;
        }
        peakRssMib = Machine.peakRssMib(process.pid());
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        summary = "";
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            if (line.contains("stopping;")) {
                summary = line.substring(line.indexOf("stopping;") + "stopping;".length()).trim();
            }
        }
        return summary;
    }

    /**
     * The simulator JVM's garbage-collection pauses from its GC log ({@code -Xlog:gc}): "n pauses, longest x ms".
     * Read after {@link #stop()}.
     */
    String gcPauses() throws IOException {
        Pattern pause = Pattern.compile("Pause .* ([0-9.]+)ms$");
        int n = 0;
        double longest = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                n++;
                longest = Math.max(longest, Double.parseDouble(m.group(1)));
            }
        }
        return String.format(java.util.Locale.ROOT, "%d GC pauses, longest %.0f ms", n, longest);
    }

    /** The simulator's peak resident set size in MiB, read just before {@link #stop()}; -1 if unknown. */
    long peakRssMib() {
        return peakRssMib;
    }

    /** A number from the final counters line, such as {@code counter(summary, "items stored")}; -1 if absent. */
    static long counter(String summary, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + " (\\d+)").matcher(summary);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }
}
