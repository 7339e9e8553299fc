package io.timport.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.timport.bulk.ImportProgress;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.SecretKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap while importing ten million generated relations in a JVM limited to {@code -Xmx256m}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.EngineHeap \
 *     [--relations 10000000] [--friends-per-user 100] [--interleave 1000] [--importer-heap 256m] \
 *     [--simulator-heap 8g] [--simulator-jar PATH]
 * </pre>
 *
 * <p>This JVM starts two others: the simulator jar (its store must hold every relation: {@code --simulator-heap}),
 * and the importer, {@code java -Xmx256m -Xlog:gc:file=... -cp <this class path> io.timport.benchmarks.EngineHeap$Importer},
 * which runs {@code BenchFriendImporter} with every default except the client's rate (the simulator's limit is
 * 1,000,000 calls/s and the client paces at the same, so the run takes minutes, not hours). Its input is a
 * {@code Stream} generated as it is consumed, unsorted: the records of {@code --interleave} users at a time are
 * interleaved, so the engine must group them within its memory bound ({@code maxBufferedItems}, 100,000 by default)
 * and sends partial batches.
 *
 * <p>The importer measures its heap three ways: the sum of the heap memory pools' peak usage (an upper bound: each
 * pool's peak, even if they did not peak at once), the most heap in use sampled every 10 ms, and the most heap
 * still in use right after a garbage collection (what the import really holds). It prints the heap after the last
 * collection at every million relations, to show it does not grow with the input.
 */
public final class EngineHeap {

    private static final String USAGE = "usage: EngineHeap [--relations 10000000] [--friends-per-user 100]"
            + " [--interleave 1000] [--importer-heap 256m] [--simulator-heap 8g] [--simulator-jar PATH]";
    private static final int HIGH_RATE = 1_000_000;

    private EngineHeap() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, USAGE, Map.of("relations", "10000000", "friends-per-user", "100",
                "interleave", "1000", "importer-heap", "256m", "simulator-heap", "8g",
                "simulator-jar", SimulatorProcess.defaultJar().toString()));
        long relations = args.number("relations");
        String key = BenchApp.newKey();
        Path keyFile = BenchApp.keyFile(key);
        Path gcLog = Files.createTempFile("timport-importer-gc", ".log");

        System.out.println("timport peak heap: " + String.format(Locale.ROOT, "%,d", relations)
                + " generated relations (users of " + args.string("friends-per-user") + " friends, "
                + args.string("interleave") + " users interleaved) imported by a JVM with -Xmx"
                + args.string("importer-heap") + "; simulator in a JVM of its own with -Xmx"
                + args.string("simulator-heap") + ", rate limit " + HIGH_RATE + " calls/s");
        System.out.println(Machine.describe());
        try (SimulatorProcess sim = SimulatorProcess.start(Path.of(args.string("simulator-jar")),
                args.string("simulator-heap"), keyFile, List.of("--rate", String.valueOf(HIGH_RATE)))) {
            List<String> command = List.of(SimulatorProcess.javaExecutable(), "-Xmx" + args.string("importer-heap"),
                    "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"), Importer.class.getName(),
                    sim.baseUri().toString(), keyFile.toString(), String.valueOf(relations),
                    args.string("friends-per-user"), args.string("interleave"));
            System.out.println("importer: " + String.join(" ", command.subList(0, 5)) + " ... "
                    + Importer.class.getName());
            Process importer = new ProcessBuilder(command).redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(importer::destroyForcibly, "kill-importer"));
            Map<String, String> result = new LinkedHashMap<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(importer.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("RESULT ")) {
                        for (String pair : line.substring(7).split(" ")) {
                            result.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                        }
                    } else {
                        System.out.println("  importer: " + line);
                    }
                }
            }
            int status = importer.waitFor();
            String summary = sim.stop();
            long stored = SimulatorProcess.counter(summary, "items stored");
            System.out.println();
            System.out.println("simulator: " + summary);
            System.out.println("simulator: " + sim.gcPauses() + ", peak RSS " + sim.peakRssMib() + " MiB");
            System.out.println("importer GC log: " + gcLog);
            System.out.println();
            if (status != 0 || result.isEmpty()) {
                System.out.println("the importer failed (exit status " + status + ")");
                System.exit(1);
            }
            System.out.println("heap used: sampled max = most heap in use, sampled every 10 ms; max after GC = most "
                    + "heap in use right after a collection; pool peaks = sum of each heap pool's own peak (an upper "
                    + "bound: the pools do not peak at once). committed: most heap committed, sampled. RSS: the "
                    + "importer's peak resident set size (heap, metaspace, code, threads).");
            System.out.printf(Locale.ROOT, "%-12s %9s %9s %13s %13s %13s %9s %9s %s%n", "relations", "wall s",
                    "rel/s", "sampled max", "max after GC", "pool peaks", "committed", "RSS", "check");
            long imported = Long.parseLong(result.get("imported"));
            double wall = Double.parseDouble(result.get("wallSeconds"));
            System.out.printf(Locale.ROOT, "%,-12d %9.1f %,9.0f %9s MiB %9s MiB %9s MiB %5s MiB %5s MiB %s%n", relations,
                    wall, imported / wall, result.get("sampledMaxMiB"), result.get("maxAfterGcMiB"),
                    result.get("poolPeaksMiB"), result.get("committedMaxMiB"), result.get("peakRssMiB"),
                    (imported == relations && stored == relations ? "all " + relations + " imported and stored"
                            : "INCOMPLETE: imported " + imported + ", stored " + stored) + "; calls "
                            + result.get("calls") + ", retries " + result.get("retries") + ", importer "
                            + result.get("gc").replace('_', ' ') + ", CPU "
                            + result.get("cpuSeconds") + " s");
        }
        System.out.println(Machine.load());
    }

    /** The importing JVM: imports the generated relations and prints what its heap went through. */
    public static final class Importer {

        private Importer() {
        }

        public static void main(String[] args) throws Exception {
            URI base = URI.create(args[0]);
            SecretKey key = SecretKey.fromFile(Path.of(args[1]));
            long relations = Long.parseLong(args[2]);
            int friends = Integer.parseInt(args[3]);
            int interleave = Integer.parseInt(args[4]);

            HeapSampler sampler = new HeapSampler();

            System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                    + ManagementFactory.getRuntimeMXBean().getInputArguments());
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            GcWatch gc = new GcWatch();
            AtomicLong nextMilestone = new AtomicLong(1_000_000);
            long cpu0 = cpuNanos();
            long start = System.nanoTime();
            ImportReport report;
            try (FriendImportClient client = FriendImportClient.builder(BenchApp.app(key, base))
                    .serverRateLimit(HIGH_RATE).paceMargin(0).build()) {
                report = BenchFriendImporter.builder(client)
                        .expectedTotal(relations)
                        .progressInterval(Duration.ofMillis(200))
                        .progress((ImportProgress p) -> {
                            if (p.done() >= nextMilestone.get() || p.finished()) {
                                nextMilestone.addAndGet(1_000_000);
                                System.out.printf(Locale.ROOT, "%,12d relations done after %5.1f s; %,d calls, "
                                                + "%d in flight; heap in use after the last GC %d MiB (%s)%n",
                                        p.done(), p.elapsed().toMillis() / 1000.0, p.calls(), p.inFlight(),
                                        mib(gc.lastUsedAfterGc()), gc.summary());
                            }
                        })
                        .build()
                        .run(Relations.stream(relations, friends, interleave));
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            sampler.close();
            gc.close();
            long poolPeaks = 0;
            for (MemoryPoolMXBean p : heapPools) {
                poolPeaks += p.getPeakUsage().getUsed();
            }
            System.out.println(report.summary(5));
            System.out.println(String.format(Locale.ROOT, "RESULT imported=%d failed=%d calls=%d retries=%d wallSeconds=%.1f "
                            + "cpuSeconds=%.1f poolPeaksMiB=%d sampledMaxMiB=%d maxAfterGcMiB=%d committedMaxMiB=%d "
                            + "peakRssMiB=%d gc=%s", report.imported(), report.failed(), report.calls(), report.retries(), wall, cpu,
                    mib(poolPeaks), mib(sampler.maxUsed()), mib(gc.maxUsedAfterGc()), mib(sampler.maxCommitted()),
                    Machine.peakRssMib(ProcessHandle.current().pid()), gc.summary().replace(' ', '_')));
            System.exit(0);
        }

        private static long cpuNanos() {
            return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static long mib(long bytes) {
            return bytes / (1024 * 1024);
        }
    }
}
