package io.timport.benchmarks;

import io.timport.bulk.ImportProgress;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.call.FriendImportResponse;
import io.timport.call.TransportException;
import io.timport.config.SecretKey;
import io.timport.limit.RateLimiter;
import io.timport.limit.RateLimiterRegistry;
import io.timport.limit.SmoothRateLimiter;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.SimulatorStats;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rate efficiency: calls per second divided by the server's limit, the bulk import engine at its default pace
 * against a one-call-at-a-time loop of the synchronous client (how today's SDKs are used), side by side at each
 * latency.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.EngineRate \
 *     [--latencies 50,200] [--limit 200] [--friends-per-user 100] [--warmup-seconds 5] [--seconds 25] \
 *     [--baseline-seconds 20] [--simulator process|in-process] [--simulator-jar PATH] \
 *     [--simulator-jvm-options "-XX:+UseZGC"] [--diagnostics true]
 * </pre>
 *
 * <p>For each latency and each client, a fresh simulator is started: by default the simulator jar in a JVM of its
 * own ({@code --simulator process}), so that its garbage collections do not pause the client, as a real server's
 * would not; {@code --simulator in-process} runs it in this JVM instead. It admits {@code --limit} calls per sliding
 * second and holds every call {@code latency} ms. Its JVM runs the Z garbage collector by default
 * ({@code --simulator-jvm-options}; pass {@code ""} for the JVM's default, G1): the simulator stores every relation,
 * and G1's pauses of 50 to 100 ms with that growing heap hold calls back and then admit them together, which makes
 * the simulator, not the client, overflow its one-second window. A real server's pauses are not the client's to
 * measure.
 * <ul>
 *   <li>The loop imports users one call each ({@code --friends-per-user} items), waiting for each answer, for
 *       {@code --baseline-seconds}.</li>
 *   <li>The engine ({@code BenchFriendImporter} with every default; its client built with no rate options paces at
 *       196 calls/s, 2 % under 200) imports users sorted by {@code From_Account}, enough of them to last past the
 *       measurement window. Its steady-state rate is the number of calls it sent between {@code --warmup-seconds} and
 *       {@code --warmup-seconds + --seconds} after it started, from its progress snapshots.</li>
 * </ul>
 * The simulator counts throttled answers and the most calls accepted in any one-second window over its whole life,
 * and the relations it stored, which must be all of them. With the simulator in a JVM of its own, each row also gives
 * the client's CPU time per million relations over its whole run: at the real pace, unlike {@link EngineCpu}.
 *
 * <p>With {@code --diagnostics true} (the default) more measurements say where a shortfall comes from: the default
 * limiter alone (one thread calling {@code acquire()} in a loop, no HTTP), and the engine once more with a
 * {@link SchedulePacedLimiter} at the same pace. They are labelled as diagnostics; the engine's figure is the row
 * with the default limiter. The client JVM's garbage collections during each window are listed too.
 */
public final class EngineRate {

    private static final String USAGE = "usage: EngineRate [--latencies 50,200] [--limit 200] [--friends-per-user 100]"
            + " [--warmup-seconds 5] [--seconds 25] [--baseline-seconds 20] [--simulator process|in-process]"
            + " [--simulator-jar PATH] [--simulator-jvm-options \"-XX:+UseZGC\"] [--diagnostics true|false]";

    private EngineRate() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, USAGE, Map.of("latencies", "50,200", "limit", "200", "friends-per-user",
                "100", "warmup-seconds", "5", "seconds", "25", "baseline-seconds", "20", "simulator", "process",
                "simulator-jar", SimulatorProcess.defaultJar().toString(), "simulator-jvm-options", "-XX:+UseZGC",
                "diagnostics", "true"));
        Settings s = new Settings(args.integer("limit"), args.integer("friends-per-user"),
                args.integer("warmup-seconds"), args.integer("seconds"), args.integer("baseline-seconds"),
                !"in-process".equals(args.string("simulator")), Path.of(args.string("simulator-jar")),
                jvmOptions(args.string("simulator-jvm-options")), BenchApp.newKey());
        boolean diagnostics = Boolean.parseBoolean(args.string("diagnostics"));
        double pace = RateLimiterRegistry.DEFAULT_PACE;

        System.out.println("timport rate efficiency: calls/s divided by the simulator's limit of " + s.limit
                + " calls/s; " + s.friends + " items per call (users of " + s.friends + " friends, sorted input)");
        System.out.println(Machine.describe());
        System.out.println("simulator " + (s.separateProcess ? "in a JVM of its own (" + s.jar + ", JVM options "
                + (s.jvmOptions.isEmpty() ? "none" : String.join(" ", s.jvmOptions)) + ")" : "in this JVM")
                + "; engine: steady state from " + s.warmup + " s to " + (s.warmup + s.seconds)
                + " s after its start; loop: " + s.baselineSeconds + " s");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-7s %-38s %8s %7s %9s %9s %8s %s%n", "latency", "client", "calls/s", "ratio",
                "throttled", "max acc/s", "calls", "check");
        if (diagnostics) {
            limiterAlone("limiter alone: SmoothRateLimiter (diag.)", new SmoothRateLimiter(pace), s);
            limiterAlone("limiter alone: SchedulePaced (diag.)", new SchedulePacedLimiter(pace), s);
        }
        for (int latency : args.integers("latencies")) {
            row(latency, "one call at a time (sync loop)", s, baseline(s, latency));
            row(latency, "engine, default limiter (" + fmt(pace) + "/s)", s, engine(s, latency, null));
            if (diagnostics) {
                row(latency, "engine, SchedulePaced " + fmt(pace) + "/s (diag.)", s,
                        engine(s, latency, new SchedulePacedLimiter(pace)));
            }
        }
        System.out.println();
        System.out.println("calls/s: calls per second sent by the client (engine: in the steady-state window); ratio: "
                + "calls/s / " + s.limit + "; throttled: answers over the limit; max acc/s: most calls the simulator "
                + "accepted in any sliding second; calls: calls the simulator received; these three over the whole "
                + "run. GCs: this (client) JVM's collections in the window.");
        System.out.println(Machine.load());
    }

    private static List<String> jvmOptions(String options) {
        return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private record Settings(int limit, int friends, int warmup, int seconds, int baselineSeconds,
            boolean separateProcess, Path jar, List<String> jvmOptions, String key) {
    }

    /** One row's figures. */
    private record Result(double callsPerSecond, long throttled, long maxAcceptedInAnySecond, long calls,
            String check) {
    }

    /** The simulator's counters at the end of a run. */
    private record Counters(long calls, long throttled, long maxAccepted, long itemsStored, String gc) {
    }

    /** A simulator for one row: in this JVM or in its own. */
    private interface Target extends AutoCloseable {
        URI baseUri();

        /** Stops the simulator and returns its counters. */
        Counters finish() throws Exception;
    }

    private static Target start(Settings s, int latency) throws Exception {
        if (s.separateProcess) {
            SimulatorProcess p = SimulatorProcess.start(s.jar, s.jvmOptions, "2g", BenchApp.keyFile(s.key), List.of(
                    "--rate", String.valueOf(s.limit), "--latency-ms", String.valueOf(latency)));
            return new Target() {
                @Override
                public URI baseUri() {
                    return p.baseUri();
                }

                @Override
                public Counters finish() throws Exception {
                    String summary = p.stop();
                    return new Counters(SimulatorProcess.counter(summary, "calls"),
                            SimulatorProcess.counter(summary, "throttled"),
                            SimulatorProcess.counter(summary, "max accepted in a second"),
                            SimulatorProcess.counter(summary, "items stored"), "simulator: " + p.gcPauses());
                }

                @Override
                public void close() throws Exception {
                    p.close();
                }
            };
        }
        ChatSimulator sim = ChatSimulator.start(BenchApp.simulator(s.key).rateLimitPerSecond(s.limit)
                .latency(Duration.ofMillis(latency), Duration.ZERO).build());
        return new Target() {
            @Override
            public URI baseUri() {
                return sim.baseUri();
            }

            @Override
            public Counters finish() {
                SimulatorStats st = sim.stats();
                sim.close();
                return new Counters(st.calls(), st.throttled(), st.maxAcceptedInAnySecond(), st.itemsStored(), "");
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    private static void row(int latency, String client, Settings s, Result r) {
        System.out.printf(Locale.ROOT, "%-7s %-38s %8.2f %7.4f %9d %9d %8d %s%n", latency + " ms", client,
                r.callsPerSecond, r.callsPerSecond / s.limit, r.throttled, r.maxAcceptedInAnySecond, r.calls, r.check);
    }

    /** One thread taking permits in a loop: the limiter's own rate, with no HTTP and no engine. */
    private static void limiterAlone(String name, RateLimiter limiter, Settings s) throws InterruptedException {
        int seconds = Math.max(1, s.baselineSeconds / 2);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        long permits = 0;
        while (System.nanoTime() - end < 0) {
            limiter.acquire();
            permits++;
        }
        double rate = permits / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "%-7s %-38s %8.2f %7.4f %9s %9s %8s %s%n", "-", name, rate, rate / s.limit, "-",
                "-", "-", String.format(Locale.ROOT, "%d permits in %d s, %.2f %% of its pace of %s/s", permits,
                        seconds, 100 * rate / limiter.permitsPerSecond(), fmt(limiter.permitsPerSecond())));
    }

    /** The synchronous client in a loop: one user's friends per call, the next call when the answer is in. */
    private static Result baseline(Settings s, int latency) throws Exception {
        try (Target target = start(s, latency);
                FriendImportClient client = FriendImportClient.builder(
                        BenchApp.app(SecretKey.of(s.key), target.baseUri())).build()) {
            long start = System.nanoTime();
            long cpu0 = EngineCpu.cpuNanos();
            long end = start + Duration.ofSeconds(s.baselineSeconds).toNanos();
            long calls = 0;
            long failed = 0;
            long user = 0;
            while (System.nanoTime() - end < 0) {
                List<BenchFriendItem> items = Relations.friendsOf(user, s.friends, false);
                try {
                    FriendImportResponse answer = client.importFriends(Relations.userId(user), items);
                    if (!answer.isFullSuccess()) {
                        failed++;
                    }
                } catch (TransportException e) {
                    failed++;
                }
                calls++;
                user++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            String cpu = clientCpu(s, EngineCpu.cpuNanos() - cpu0, calls * s.friends);
            Counters c = target.finish();
            String check = (failed == 0 && c.itemsStored == calls * s.friends ? "all stored"
                    : "INCOMPLETE: " + failed + " calls failed, " + c.itemsStored + " of " + calls * s.friends
                            + " stored") + cpu + (c.gc.isEmpty() ? "" : "; " + c.gc);
            return new Result(calls / elapsed, c.throttled, c.maxAccepted, c.calls, check);
        }
    }

    /** A progress snapshot and when it arrived. */
    private record Sample(long nanos, long calls) {
    }

    /**
     * The engine with every default (and {@code limiter}, when given, instead of the default one) on sorted input
     * lasting past the window.
     */
    private static Result engine(Settings s, int latency, RateLimiter limiter) throws Exception {
        try (Target target = start(s, latency)) {
            FriendImportClient.Builder builder =
                    FriendImportClient.builder(BenchApp.app(SecretKey.of(s.key), target.baseUri()));
            if (limiter != null) {
                builder.rateLimiter(limiter);
            }
            // Enough users to keep the engine busy for 8 s beyond the window even at the full limit.
            long relations = (long) s.limit * (s.warmup + s.seconds + 8) * s.friends;
            List<Sample> samples = new ArrayList<>();
            ImportReport report;
            long start;
            long cpu0;
            String cpu;
            GcWatch gc = new GcWatch();
            try (FriendImportClient client = builder.build()) {
                BenchFriendImporter importer = BenchFriendImporter.builder(client)
                        .progressInterval(Duration.ofMillis(100))
                        .progress((ImportProgress p) -> {
                            synchronized (samples) {
                                samples.add(new Sample(System.nanoTime(), p.calls()));
                            }
                        })
                        .build();
                start = System.nanoTime();
                cpu0 = EngineCpu.cpuNanos();
                report = importer.run(Relations.stream(relations, s.friends, 1));
                cpu = clientCpu(s, EngineCpu.cpuNanos() - cpu0, report.imported());
            } finally {
                gc.close();
            }
            Counters c = target.finish();
            long from = start + Duration.ofSeconds(s.warmup).toNanos();
            Sample first = null;
            Sample last = null;
            synchronized (samples) {
                for (Sample x : samples) {
                    if (first == null && x.nanos >= from) {
                        first = x;
                    }
                    if (first != null && x.nanos - first.nanos <= Duration.ofSeconds(s.seconds).toNanos()) {
                        last = x;
                    }
                }
            }
            double seconds = report.duration().toNanos() / 1e9;
            if (first == null || last == null || (last.nanos - first.nanos) < Duration.ofSeconds(s.seconds).toNanos() * 0.95) {
                throw new IllegalStateException("the import ended before the window did (" + seconds + " s)");
            }
            double rate = (last.calls - first.calls) / ((last.nanos - first.nanos) / 1e9);
            String check = (report.allImported() && c.itemsStored == relations ? "all stored" : "INCOMPLETE: "
                    + c.itemsStored + " stored; " + report.summary(3))
                    + String.format(Locale.ROOT, "; whole run %.1f calls/s over %.1f s", report.calls() / seconds,
                            seconds)
                    + cpu + "; client in the window: " + gc.summary(first.nanos, last.nanos)
                    + (c.gc.isEmpty() ? "" : "; " + c.gc)
                    + (report.throttled() != c.throttled ? "; engine counted " + report.throttled() + " throttled" : "");
            return new Result(rate, c.throttled, c.maxAccepted, c.calls, check);
        }
    }

    /**
     * "; client CPU x s per M relations" over a whole run, when the simulator has a JVM of its own (otherwise this
     * JVM's CPU time is the simulator's too). At the real pace, unlike {@link EngineCpu}'s unthrottled one.
     */
    private static String clientCpu(Settings s, long cpuNanos, long relations) {
        return !s.separateProcess || relations == 0 ? "" : String.format(Locale.ROOT,
                "; client CPU %.2f s per M relations", cpuNanos / 1e9 * 1_000_000 / relations);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
