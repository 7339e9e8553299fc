package io.timport.benchmarks;

import io.timport.bulk.ImportProgress;
import io.timport.bulk.ImportReport;
import io.timport.bulk.Pacing;
import io.timport.call.FriendImportClient;
import io.timport.config.SecretKey;
import io.timport.limit.RateLimiterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pacing against a server that stalls now and then: the engine with {@link Pacing#WINDOW} (the default) and with
 * {@link Pacing#PAUSE} (the rule before it), side by side in one run, against the simulator jar holding every call
 * {@code --latency} ms and stalling every {@code --stall-every-ms} for 50 to 150 ms ({@code --stall-min-ms},
 * {@code --stall-max-ms}); and against a steady one (no stalls), so that the new rule is seen to cost nothing there.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.StallRate \
 *     [--stall-every-ms 0,3000,10000] [--stall-min-ms 50] [--stall-max-ms 150] [--latency 50] [--limit 200] \
 *     [--friends-per-user 100] [--warmup-seconds 5] [--seconds 25] [--rounds 1] [--pacings pause,window] \
 *     [--limiters old,new] [--simulator-jar PATH] [--simulator-jvm-options "-XX:+UseZGC"]
 * </pre>
 *
 * <p>Each pacing runs with each limiter at 196 calls/s ({@code --limiters}): {@code old}, {@link GrantSpacedLimiter}
 * (permits spaced from the last grant: timport's limiter until 2026-12-02) and {@code new},
 * {@link io.timport.limit.SmoothRateLimiter} (keeps its schedule). A {@link LimiterProbe} around the limiter says
 * how late the dispatcher came for its permits and how long it waited in them.
 *
 * <p>Each row: a fresh simulator in a JVM of its own (stalls from the simulator's own schedule, drawn from its seed,
 * the same in every row), the engine with every default but the pacing, on users of {@code --friends-per-user}
 * friends sorted by From_Account, enough to last past the window. Figures, from {@code --warmup-seconds} to
 * {@code --warmup-seconds + --seconds} after the start, from progress snapshots every 100 ms:
 * <ul>
 *   <li><b>ratio</b>: calls per second in the window ÷ {@code --limit};</li>
 *   <li><b>worst second</b>: the fewest calls the client sent in any one second of the window;</li>
 *   <li><b>throttled</b>: throttled answers over the whole run, and their share of the calls the simulator got;</li>
 *   <li><b>most in a second</b>: the most calls the simulator admitted in any sliding second;</li>
 *   <li><b>ceiling</b>: what a client at the default pace (196 calls/s) that never makes up lost time can reach at
 *       best against those stalls, {@code 196 − (196 × d − 4) ÷ period} calls/s for a mean stall {@code d}: the calls
 *       a stall holds are admitted together at its end, and the second that ends one second later has room only for
 *       200 minus them. The old limiter loses that room for good; the new one makes it up afterwards (its schedule
 *       owes up to 100 ms of permits), so that its ceiling is the pace itself, 0.98.</li>
 * </ul>
 * Rounds alternate the order of the clients (pacing and limiter), so that the machine's load falls on all alike.
 */
public final class StallRate {

    private static final String USAGE = "usage: StallRate [--stall-every-ms 0,3000,10000] [--stall-min-ms 50]"
            + " [--stall-max-ms 150] [--latency 50] [--limit 200] [--friends-per-user 100] [--warmup-seconds 5]"
            + " [--seconds 25] [--rounds 1] [--pacings pause,window] [--limiters old,new] [--simulator-jar PATH]"
            + " [--simulator-jvm-options \"-XX:+UseZGC\"]";

    private StallRate() {
    }

    private record Settings(int limit, int latency, int friends, int warmup, int seconds, int stallMin, int stallMax,
            Path jar, List<String> jvmOptions, String key) {
    }

    private record Result(double callsPerSecond, double worstSecond, long throttled, long calls, long maxAccepted,
            long stalls, String pacer, double inFlight, String check) {
    }

    /** One row's client: a pacing and a limiter. */
    private record Client(Pacing pacing, String limiter) {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, USAGE, Map.ofEntries(Map.entry("stall-every-ms", "0,3000,10000"),
                Map.entry("stall-min-ms", "50"), Map.entry("stall-max-ms", "150"), Map.entry("latency", "50"),
                Map.entry("limit", "200"), Map.entry("friends-per-user", "100"), Map.entry("warmup-seconds", "5"),
                Map.entry("seconds", "25"), Map.entry("rounds", "1"), Map.entry("pacings", "pause,window"),
                Map.entry("limiters", "old,new"),
                Map.entry("simulator-jar", SimulatorProcess.defaultJar().toString()),
                Map.entry("simulator-jvm-options", "-XX:+UseZGC")));
        String jvm = args.string("simulator-jvm-options");
        Settings s = new Settings(args.integer("limit"), args.integer("latency"), args.integer("friends-per-user"),
                args.integer("warmup-seconds"), args.integer("seconds"), args.integer("stall-min-ms"),
                args.integer("stall-max-ms"), Path.of(args.string("simulator-jar")),
                jvm.isBlank() ? List.of() : List.of(jvm.trim().split("\\s+")), BenchApp.newKey());
        System.out.println("timport pacing against a stalling server: the engine's calls/s divided by the simulator's"
                + " limit of " + s.limit + " calls/s, latency " + s.latency + " ms, stalls of " + s.stallMin + ".."
                + s.stallMax + " ms; " + s.friends + " items per call");
        System.out.println(Machine.describe());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %-7s %-7s %-6s %8s %7s %9s %9s %7s %9s %7s %9s %s%n", "stalls", "pacing",
                "limiter", "round", "calls/s", "ratio", "worst s", "throttled", "%", "most/s", "ceiling", "in flight",
                "check");
        List<Client> clients = new ArrayList<>();
        for (String pacing : args.string("pacings").split(",")) {
            for (String limiter : args.string("limiters").split(",")) {
                clients.add(new Client(Pacing.valueOf(pacing.trim().toUpperCase(Locale.ROOT)), limiter.trim()));
            }
        }
        int rounds = args.integer("rounds");
        for (int period : args.integers("stall-every-ms")) {
            for (int round = 1; round <= rounds; round++) {
                List<Client> order = new ArrayList<>(clients);
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (Client client : order) {
                    Result r = run(s, period, client);
                    double ceiling = period == 0 ? 196 : 196 - (196 * (s.stallMin + s.stallMax) / 2000.0 - 4)
                            / (period / 1000.0);
                    System.out.printf(Locale.ROOT,
                            "%-12s %-7s %-7s %-6d %8.2f %7.4f %9.0f %9d %6.2f%% %9d %7.4f %9.1f %s%n",
                            period == 0 ? "none" : "every " + period / 1000.0 + " s", client.pacing.name().toLowerCase(
                                    Locale.ROOT), client.limiter, round, r.callsPerSecond, r.callsPerSecond / s.limit,
                            r.worstSecond, r.throttled, r.calls == 0 ? 0 : 100.0 * r.throttled / r.calls,
                            r.maxAccepted, ceiling / s.limit, r.inFlight, r.check + "; " + r.pacer + "; "
                                    + Machine.load());
                }
            }
        }
        System.out.println();
        System.out.println("calls/s and worst s: sent by the client in the window (worst s: the fewest in any one"
                + " second of it); throttled, % and most/s: over the whole run, as the simulator counted them;"
                + " ceiling: the best ratio a client at 196 calls/s that never makes up lost time (the old limiter)"
                + " can reach against those stalls (the new limiter makes it up: its ceiling is 0.98); limiter: old ="
                + " permits spaced from the last grant (timport's limiter until 2026-12-02), new = SmoothRateLimiter"
                + " keeping its schedule; in flight: calls awaiting answers, mean over the window's samples; late:"
                + " time the dispatcher came for its permit after the old rule would have granted it, waited: time"
                + " it spent in acquire, overslept: of that, the time past the moment the old rule would have granted"
                + " it (a waiter woken late); all as shares of the window.");
        System.out.println(Machine.load());
    }

    private record Sample(long nanos, long calls, int inFlight, LimiterProbe.Counters limiter) {
    }

    private static Result run(Settings s, int period, Client who) throws Exception {
        Pacing pacing = who.pacing;
        LimiterProbe probe = LimiterProbe.of(who.limiter, RateLimiterRegistry.DEFAULT_PACE);
        List<String> options = new ArrayList<>(List.of("--rate", String.valueOf(s.limit), "--latency-ms",
                String.valueOf(s.latency)));
        if (period > 0) {
            options.addAll(List.of("--stall-every-ms", String.valueOf(period), "--stall-min-ms",
                    String.valueOf(s.stallMin), "--stall-max-ms", String.valueOf(s.stallMax)));
        }
        try (SimulatorProcess sim = SimulatorProcess.start(s.jar, s.jvmOptions, "2g", BenchApp.keyFile(s.key),
                options)) {
            long relations = (long) s.limit * (s.warmup + s.seconds + 8) * s.friends;
            List<Sample> samples = new ArrayList<>();
            ImportReport report;
            long start;
            try (FriendImportClient client = FriendImportClient.builder(BenchApp.app(SecretKey.of(s.key),
                    sim.baseUri())).rateLimiter(probe).build()) {
                BenchFriendImporter importer = BenchFriendImporter.builder(client)
                        .pacing(pacing)
                        .progressInterval(Duration.ofMillis(100))
                        .progress((ImportProgress p) -> {
                            synchronized (samples) {
                                samples.add(new Sample(System.nanoTime(), p.calls(), p.inFlight(),
                                        probe.counters()));
                            }
                        })
                        .build();
                start = System.nanoTime();
                report = importer.run(Relations.stream(relations, s.friends, 1));
            }
            String summary = sim.stop();
            long calls = SimulatorProcess.counter(summary, "calls");
            long throttled = SimulatorProcess.counter(summary, "throttled");
            long maxAccepted = SimulatorProcess.counter(summary, "max accepted in a second");
            long stored = SimulatorProcess.counter(summary, "items stored");
            long stalls = SimulatorProcess.counter(summary, "stalls");
            long from = start + Duration.ofSeconds(s.warmup).toNanos();
            long to = from + Duration.ofSeconds(s.seconds).toNanos();
            List<Sample> window = new ArrayList<>();
            synchronized (samples) {
                for (Sample x : samples) {
                    if (x.nanos >= from && x.nanos <= to + 50_000_000L) {
                        window.add(x);
                    }
                }
            }
            if (window.size() < 2 || window.get(window.size() - 1).nanos - window.get(0).nanos
                    < Duration.ofSeconds(s.seconds).toNanos() * 0.95) {
                throw new IllegalStateException("the import ended before the window did");
            }
            Sample first = window.get(0);
            Sample last = window.get(window.size() - 1);
            double rate = (last.calls - first.calls) / ((last.nanos - first.nanos) / 1e9);
            double worst = Double.MAX_VALUE;
            int j = 0;
            for (int i = 0; i < window.size(); i++) {
                while (j < window.size() && window.get(j).nanos - window.get(i).nanos < 1_000_000_000L) {
                    j++;
                }
                if (j == window.size()) {
                    break;
                }
                Sample a = window.get(i);
                Sample b = window.get(j);
                worst = Math.min(worst, (b.calls - a.calls) / ((b.nanos - a.nanos) / 1e9));
            }
            String check = (report.allImported() && stored == relations ? "all stored" : "INCOMPLETE: " + stored
                    + " stored; " + report.summary(3)) + (period > 0 ? "; " + stalls + " stalls" : "");
            double inFlight = window.stream().mapToInt(Sample::inFlight).average().orElse(0);
            String pacer = last.limiter.sharesSince(first.limiter, last.nanos - first.nanos);
            return new Result(rate, worst, throttled, calls, maxAccepted, stalls, pacer, inFlight, check);
        }
    }
}
