package io.timport.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.call.FriendImportResponse;
import io.timport.config.SecretKey;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Client CPU seconds per million relations: the bulk import engine against a one-call-at-a-time loop of the
 * synchronous client, side by side, both importing into the simulator jar running in a JVM of its own, so that the
 * CPU time of this JVM ({@code OperatingSystemMXBean.getProcessCpuTime}, every thread: import, HTTP, JIT, GC) is the
 * client's alone.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.EngineCpu \
 *     [--relations 1000000] [--warmup-relations 200000] [--friends-per-user 100,1000] [--simulator-jar PATH] \
 *     [--diagnostics true]
 * </pre>
 *
 * <p>The simulator's rate limit is set to 1,000,000 calls/s and the client's to the same (its default pace would
 * make the run take minutes at 196 calls/s; CPU per relation does not depend on the pace), with no latency. For each
 * {@code --friends-per-user} (so 100- and 1000-item calls): a warm-up of both clients, then the engine, then the
 * loop, each importing the same {@code --relations} relations sorted by {@code From_Account} (the second import of
 * a pair overwrites it in the simulator). Both read the same lazily generated input, whose cost (building and
 * validating every item) is measured alone too.
 *
 * <p>With {@code --diagnostics true} (the default) the engine runs twice more, labelled as diagnostics: with
 * {@code maxInFlight(16)} instead of its default 512, and with {@code maxBufferedItems(5000)} instead of its default
 * 100,000. At this unthrottled pace the engine puts up to 512 calls in flight (at the real pace of 196 calls/s and
 * 50 to 200 ms, 10 to 40), and the items of calls in flight outlive young collections: these rows show how much of
 * its CPU that costs.
 */
public final class EngineCpu {

    private static final String USAGE = "usage: EngineCpu [--relations 1000000] [--warmup-relations 200000]"
            + " [--friends-per-user 100,1000] [--simulator-jar PATH] [--simulator-heap 3g] [--diagnostics true|false]";
    private static final int HIGH_RATE = 1_000_000;

    private EngineCpu() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, USAGE, Map.of("relations", "1000000", "warmup-relations", "200000",
                "friends-per-user", "100,1000", "simulator-jar", SimulatorProcess.defaultJar().toString(),
                "simulator-heap", "3g", "diagnostics", "true"));
        boolean diagnostics = Boolean.parseBoolean(args.string("diagnostics"));
        long relations = args.number("relations");
        long warmupRelations = args.number("warmup-relations");
        String key = BenchApp.newKey();

        System.out.println("timport client CPU per million relations; simulator in a JVM of its own, rate limit "
                + HIGH_RATE + " calls/s, no latency; client paced at the same rate");
        System.out.println(Machine.describe());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-8s %-38s %10s %7s %7s %11s %7s %14s %s%n", "friends", "client", "relations",
                "calls", "wall s", "relations/s", "CPU s", "CPU s per M", "client GC");
        try (SimulatorProcess sim = SimulatorProcess.start(Path.of(args.string("simulator-jar")),
                args.string("simulator-heap"), BenchApp.keyFile(key), List.of("--rate", String.valueOf(HIGH_RATE)))) {
            try (FriendImportClient client = FriendImportClient.builder(BenchApp.app(SecretKey.of(key), sim.baseUri()))
                    .serverRateLimit(HIGH_RATE).paceMargin(0).build()) {
                for (int friends : args.integers("friends-per-user")) {
                    // Warm-up: the JIT compiles both paths before anything is measured.
                    engine(client, warmupRelations, friends, 0, 0);
                    loop(client, warmupRelations, friends);
                    generationOnly(warmupRelations, friends);
                    print(friends, "input generation only", relations, generationOnly(relations, friends));
                    print(friends, "engine (defaults)", relations, engine(client, relations, friends, 0, 0));
                    print(friends, "one call at a time (sync loop)", relations, loop(client, relations, friends));
                    if (diagnostics) {
                        print(friends, "engine, maxInFlight 16 (diag.)", relations,
                                engine(client, relations, friends, 0, 16));
                        print(friends, "engine, maxBufferedItems 5000 (diag.)", relations,
                                engine(client, relations, friends, 5000, 0));
                    }
                }
            }
            String summary = sim.stop();
            long expected = ((diagnostics ? 4 : 2) * relations + 2 * warmupRelations)
                    * args.integers("friends-per-user").length;
            long stored = SimulatorProcess.counter(summary, "items stored");
            System.out.println();
            System.out.println("simulator: " + summary);
            System.out.println("simulator stored " + stored + " items, expected " + expected
                    + (stored == expected ? ": all stored" : ": MISMATCH"));
            System.out.println("simulator: " + sim.gcPauses() + "; peak RSS " + sim.peakRssMib() + " MiB");
        }
        System.out.println("CPU s: this JVM's CPU time (all threads: input, engine, HTTP client, JIT, GC) during the "
                + "import; the simulator's is not included. " + Machine.load());
    }

    /** What one measured import cost. */
    private record Cost(long calls, double wallSeconds, double cpuSeconds, String gc, String check) {
    }

    private static void print(int friends, String client, long relations, Cost c) {
        System.out.printf(Locale.ROOT, "%-8d %-38s %,10d %7d %7.2f %,11.0f %7.2f %14.2f %s%s%n", friends, client,
                relations, c.calls, c.wallSeconds, relations / c.wallSeconds, c.cpuSeconds,
                c.cpuSeconds * 1_000_000 / relations, c.gc, c.check.isEmpty() ? "" : "; " + c.check);
    }

    /** This JVM's CPU time so far, every thread. */
    static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A callable measured for CPU and wall time. */
    private interface Work {
        /** Returns the number of calls and a check ("" when all is well). */
        Object[] run() throws Exception;
    }

    private static Cost measure(Work work) throws Exception {
        System.gc(); // start each measurement from a clean heap, outside the measured interval
        GcWatch gc = new GcWatch();
        long cpu0 = cpuNanos();
        long wall0 = System.nanoTime();
        Object[] r;
        try {
            r = work.run();
        } finally {
            gc.close();
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        return new Cost((Long) r[0], wall, cpu, gc.summary(), (String) r[1]);
    }

    private static Cost generationOnly(long relations, int friends) throws Exception {
        return measure(() -> {
            long blackhole = 0;
            Iterator<ImportRecord<BenchFriendItem>> it = Relations.stream(relations, friends, 1).iterator();
            while (it.hasNext()) {
                blackhole += it.next().item().toAccount().length();
            }
            return new Object[] {0L, blackhole > 0 ? "" : "nothing generated"};
        });
    }

    /** The engine with every default, but {@code maxBufferedItems} and {@code maxInFlight} when they are positive. */
    private static Cost engine(FriendImportClient client, long relations, int friends, int maxBufferedItems,
            int maxInFlight) throws Exception {
        return measure(() -> {
            BenchFriendImporter.Builder builder = BenchFriendImporter.builder(client);
            if (maxBufferedItems > 0) {
                builder.maxBufferedItems(maxBufferedItems);
            }
            if (maxInFlight > 0) {
                builder.maxInFlight(maxInFlight);
            }
            ImportReport report = builder.build().run(Relations.stream(relations, friends, 1));
            return new Object[] {report.calls(), report.allImported() && report.imported() == relations ? ""
                    : "INCOMPLETE: " + report.summary(3)};
        });
    }

    /** The synchronous client over the same input: each From_Account's run of records is one call (≤ 1000). */
    private static Cost loop(FriendImportClient client, long relations, int friends) throws Exception {
        return measure(() -> {
            long calls = 0;
            long failed = 0;
            String current = null;
            List<BenchFriendItem> batch = new ArrayList<>(1000);
            Iterator<ImportRecord<BenchFriendItem>> it = Relations.stream(relations, friends, 1).iterator();
            while (true) {
                ImportRecord<BenchFriendItem> r = it.hasNext() ? it.next() : null;
                if (!batch.isEmpty() && (r == null || !r.fromAccount().equals(current) || batch.size() == 1000)) {
                    FriendImportResponse answer = client.importFriends(current, batch);
                    calls++;
                    if (!answer.isFullSuccess()) {
                        failed++;
                    }
                    batch = new ArrayList<>(1000);
                }
                if (r == null) {
                    break;
                }
                current = r.fromAccount();
                batch.add(r.item());
            }
            return new Object[] {calls, failed == 0 ? "" : "INCOMPLETE: " + failed + " calls failed"};
        });
    }
}
