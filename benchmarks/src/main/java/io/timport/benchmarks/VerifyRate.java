package io.timport.benchmarks;

import io.timport.bulk.ImportReport;
import io.timport.bulk.Verification;
import io.timport.bulk.VerificationReport;
import io.timport.call.ChatApi;
import io.timport.call.ChatClient;
import io.timport.call.FriendImportClient;
import io.timport.config.SecretKey;
import io.timport.limit.RateLimiterRegistry;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.RestApi;
import io.timport.simulator.SimulatorStats;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verification's rate: friend_get calls per second divided by friend_get's limit, and calls per relation verified,
 * at a latency, for users of a given number of friends and a given friend_get page size.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.VerifyRate \
 *     [--latency 50] [--users 4000] [--friends-per-user 100] [--page-sizes 100,20] [--limit 200] \
 *     [--limiters old,new] [--rounds 1] [--simulator process|in-process] [--simulator-jar PATH] \
 *     [--simulator-jvm-options "-XX:+UseZGC"]
 * </pre>
 *
 * <p>For each page size a simulator is started with that {@code friend_get} page size, {@code --limit} calls per
 * sliding second for each API and {@code --latency} ms on every call: by default the simulator jar in a JVM of its
 * own ({@code --simulator process}, as {@link StallRate} and {@link EngineRate} do), so that the simulator's work
 * (it writes every friend's fields on each page) does not take the client's CPU; {@code in-process} runs it in this
 * JVM, as this benchmark did until 2026-12-02. The relations are imported once (not measured), then verified in
 * full, report only ({@code BenchFriendImporter.verify}, every default), once with each limiter of
 * {@code --limiters} at friend_get's default pace (196 calls/s): {@code old}, {@link GrantSpacedLimiter} (permits
 * spaced from the last grant, timport's limiter until 2026-12-02), and {@code new},
 * {@link io.timport.limit.SmoothRateLimiter} (keeps its schedule); rounds alternate their order. The rate is the
 * verification's friend_get calls over its whole duration, the first call alone included; the simulator's counters
 * check that nothing was throttled and that every relation was found equal. The import's own ratio over its whole
 * run is printed beside it: on a busy machine both fall short of the limit alike.
 */
public final class VerifyRate {

    private static final String USAGE = "usage: VerifyRate [--latency 50] [--users 4000] [--friends-per-user 100]"
            + " [--page-sizes 100,20] [--limit 200] [--limiters old,new] [--rounds 1] [--simulator process|in-process]"
            + " [--simulator-jar PATH] [--simulator-jvm-options \"-XX:+UseZGC\"]";

    private VerifyRate() {
    }

    private record Settings(int latency, int users, int friends, int limit, List<String> limiters, int rounds,
            boolean separateProcess, Path jar, List<String> jvmOptions) {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, USAGE, Map.ofEntries(Map.entry("latency", "50"), Map.entry("users", "4000"),
                Map.entry("friends-per-user", "100"), Map.entry("page-sizes", "100,20"), Map.entry("limit", "200"),
                Map.entry("limiters", "old,new"), Map.entry("rounds", "1"), Map.entry("simulator", "process"),
                Map.entry("simulator-jar", SimulatorProcess.defaultJar().toString()),
                Map.entry("simulator-jvm-options", "-XX:+UseZGC")));
        String jvm = args.string("simulator-jvm-options");
        List<String> limiters = new ArrayList<>();
        for (String l : args.string("limiters").split(",")) {
            limiters.add(l.trim());
        }
        Settings s = new Settings(args.integer("latency"), args.integer("users"), args.integer("friends-per-user"),
                args.integer("limit"), limiters, args.integer("rounds"),
                !"in-process".equals(args.string("simulator")), Path.of(args.string("simulator-jar")),
                jvm.isBlank() ? List.of() : List.of(jvm.trim().split("\\s+")));
        System.out.println("timport verification rate: friend_get calls/s divided by its limit of " + s.limit
                + " calls/s, at " + s.latency + " ms latency; " + s.users + " users of " + s.friends + " friends");
        System.out.println(Machine.describe());
        System.out.println("simulator " + (s.separateProcess ? "in a JVM of its own (" + s.jar + ", JVM options "
                + (s.jvmOptions.isEmpty() ? "none" : String.join(" ", s.jvmOptions)) + ")" : "in this JVM"));
        System.out.println();
        System.out.printf(Locale.ROOT, "%-9s %-7s %-5s %9s %9s %8s %7s %13s %9s %9s %15s %s%n", "page size", "limiter",
                "round", "relations", "calls", "seconds", "calls/s", "ratio", "calls/rel", "throttled", "import ratio",
                "check");
        for (int pageSize : args.integers("page-sizes")) {
            pageSize(s, pageSize);
        }
        System.out.println();
        System.out.println("calls: friend_get calls of the verification; calls/s: calls / seconds (the whole "
                + "verification); ratio: calls/s / " + s.limit + "; calls/rel: calls per relation verified; import "
                + "ratio: the import just before, friend_import calls/s over its whole run / " + s.limit + ", the same "
                + "machine at the same moment, for comparison; limiter: old = permits spaced from the last grant "
                + "(timport's limiter until 2026-12-02), new = SmoothRateLimiter keeping its schedule; late: time "
                + "the dispatcher came for its permit after the old rule would have granted it, waited: time it spent "
                + "in acquire, overslept: of that, the time past the moment the old rule would have granted it (a "
                + "waiter woken late); all as shares of the verification's duration.");
        System.out.println(Machine.load());
    }

    /** A simulator in this JVM for one page size (in its own JVM, see {@link #pageSize}: one per row). */
    private interface Target extends AutoCloseable {
        URI baseUri();

        /** friend_get calls and throttled answers so far. */
        long[] friendGet() throws Exception;
    }

    private static Target startInProcess(Settings s, String key, int pageSize) throws Exception {
        ChatSimulator sim = ChatSimulator.start(BenchApp.simulator(key)
                .rateLimitPerSecond(s.limit)
                .friendGetPageSize(pageSize)
                .latency(Duration.ofMillis(s.latency), Duration.ZERO)
                .build());
        return new Target() {
            @Override
            public URI baseUri() {
                return sim.baseUri();
            }

            @Override
            public long[] friendGet() {
                SimulatorStats st = sim.stats();
                return new long[] {st.api(RestApi.FRIEND_GET).calls(), st.api(RestApi.FRIEND_GET).throttled()};
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    private static void pageSize(Settings s, int pageSize) throws Exception {
        List<String> order = new ArrayList<>();
        for (int round = 1; round <= s.rounds; round++) {
            List<String> these = new ArrayList<>(s.limiters);
            if (round % 2 == 0) {
                Collections.reverse(these);
            }
            order.addAll(these);
        }
        if (s.separateProcess) {
            // One simulator process per row: its counters come when it stops. Each row imports, then verifies.
            int i = 0;
            for (String limiter : order) {
                int round = i++ / s.limiters.size() + 1;
                String key = BenchApp.newKey();
                try (SimulatorProcess sim = SimulatorProcess.start(s.jar, s.jvmOptions, "4g", BenchApp.keyFile(key),
                        List.of("--rate", String.valueOf(s.limit), "--latency-ms", String.valueOf(s.latency),
                                "--page-size", String.valueOf(pageSize)))) {
                    Row row = importAndVerify(s, key, sim.baseUri(), limiter);
                    String summary = sim.stop();
                    Matcher m = Pattern.compile("friend-get calls (\\d+) \\(throttled (\\d+)\\)").matcher(summary);
                    long[] fg = m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))}
                            : new long[] {-1, -1};
                    print(s, pageSize, limiter, round, row, fg[0], fg[1]);
                }
            }
            return;
        }
        String key = BenchApp.newKey();
        try (Target sim = startInProcess(s, key, pageSize)) {
            double importRatio = importAll(s, key, sim.baseUri());
            int i = 0;
            for (String limiter : order) {
                int round = i++ / s.limiters.size() + 1;
                long[] before = sim.friendGet();
                Row row = verify(s, key, sim.baseUri(), limiter, importRatio);
                long[] after = sim.friendGet();
                print(s, pageSize, limiter, round, row, after[0] - before[0], after[1] - before[1]);
            }
        }
    }

    private record Row(VerificationReport report, double importRatio, String pacer, String pace) {
    }

    private static Row importAndVerify(Settings s, String key, URI base, String limiter) throws Exception {
        double importRatio = importAll(s, key, base);
        return verify(s, key, base, limiter, importRatio);
    }

    /** Imports every relation with a default client; returns the import's ratio. */
    private static double importAll(Settings s, String key, URI base) throws Exception {
        long relations = (long) s.users * s.friends;
        try (FriendImportClient client = FriendImportClient.builder(BenchApp.app(SecretKey.of(key), base))
                .privateRateLimiter().build()) {
            ImportReport imported = BenchFriendImporter.builder(client).build()
                    .run(Relations.stream(relations, s.friends, 1));
            if (!imported.allImported()) {
                throw new IllegalStateException("the import failed: " + imported.summary(3));
            }
            return imported.calls() / (imported.duration().toNanos() / 1e9) / s.limit;
        }
    }

    private static Row verify(Settings s, String key, URI base, String limiter, double importRatio) throws Exception {
        long relations = (long) s.users * s.friends;
        LimiterProbe probe = LimiterProbe.of(limiter, RateLimiterRegistry.defaultPace(ChatApi.FRIEND_GET));
        try (ChatClient chat = ChatClient.builder(BenchApp.app(SecretKey.of(key), base))
                .privateRateLimiters()
                .rateLimiter(ChatApi.FRIEND_GET, probe)
                .build()) {
            BenchFriendImporter importer = BenchFriendImporter.builder(chat.friendImport())
                    .verify(Verification.full().withoutRepairs())
                    .build();
            LimiterProbe.Counters before = probe.counters();
            long start = System.nanoTime();
            VerificationReport v = importer.verify(Relations.stream(relations, s.friends, 1));
            long nanos = System.nanoTime() - start;
            return new Row(v, importRatio, probe.counters().sharesSince(before, nanos),
                    String.valueOf(chat.rateLimiter(ChatApi.FRIEND_GET)));
        }
    }

    private static void print(Settings s, int pageSize, String limiter, int round, Row row, long friendGetCalls,
            long throttled) {
        VerificationReport v = row.report;
        long relations = (long) s.users * s.friends;
        double seconds = v.duration().toNanos() / 1e9;
        double rate = v.calls() / seconds;
        String check = v.allEqual() && v.equal() == relations && friendGetCalls == v.calls() ? "ok, all equal"
                : "FAILED: " + v.summary(3) + "; simulator friend_get calls " + friendGetCalls;
        System.out.printf(Locale.ROOT, "%-9d %-7s %-5d %,9d %,9d %8.1f %7.1f %6.3f (%3.1f%%) %9.4f %,9d %15.3f %s%n",
                pageSize, limiter, round, relations, v.calls(), seconds, rate, rate / s.limit, 100 * rate / s.limit,
                (double) v.calls() / relations, throttled, row.importRatio, check + "; " + row.pacer + "; "
                        + row.pace + "; " + Machine.load());
    }
}
