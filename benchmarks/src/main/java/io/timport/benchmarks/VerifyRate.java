package io.timport.benchmarks;

import io.timport.bulk.ImportReport;
import io.timport.bulk.Verification;
import io.timport.bulk.VerificationReport;
import io.timport.call.ChatApi;
import io.timport.call.FriendImportClient;
import io.timport.config.SecretKey;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.RestApi;
import io.timport.simulator.SimulatorStats;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The verification's rate: friend_get calls per second divided by friend_get's limit, and calls per relation verified,
 * at a latency, for users of a given number of friends and a given friend_get page size.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.VerifyRate \
 *     [--latency 50] [--users 4000] [--friends-per-user 100] [--page-sizes 100,20] [--limit 200]
 * </pre>
 *
 * <p>For each page size, an in-process simulator is started with that {@code friend_get} page size, {@code --limit}
 * calls per sliding second for each API and {@code --latency} ms on every call; the relations are imported (not
 * measured), then verified in full, report only ({@code BenchFriendImporter.verify}, every default: the client's
 * friend_get limiter paces 2 % under the limit). The rate is the verification's friend_get calls over its whole
 * duration, the first call alone included; the simulator's counters check that nothing was throttled and that every
 * relation was found equal. The import's own ratio over its whole run is printed beside it: on a busy machine both
 * fall short of the limit alike.
 */
public final class VerifyRate {

    private static final String USAGE = "usage: VerifyRate [--latency 50] [--users 4000] [--friends-per-user 100]"
            + " [--page-sizes 100,20] [--limit 200]";

    private VerifyRate() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, USAGE, Map.of("latency", "50", "users", "4000", "friends-per-user", "100",
                "page-sizes", "100,20", "limit", "200"));
        int latency = args.integer("latency");
        int users = args.integer("users");
        int friends = args.integer("friends-per-user");
        int limit = args.integer("limit");
        System.out.println("timport verification rate: friend_get calls/s divided by its limit of " + limit
                + " calls/s, at " + latency + " ms latency; " + users + " users of " + friends + " friends");
        System.out.println(Machine.describe());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-9s %9s %9s %8s %7s %13s %9s %9s %15s %s%n", "page size", "relations",
                "calls", "seconds", "calls/s", "ratio", "calls/rel", "throttled", "import ratio", "check");
        for (int pageSize : args.integers("page-sizes")) {
            row(latency, users, friends, limit, pageSize);
        }
        System.out.println();
        System.out.println("calls: friend_get calls of the verification; calls/s: calls / seconds (the whole "
                + "verification); ratio: calls/s / " + limit + "; calls/rel: calls per relation verified; import "
                + "ratio: the import just before, friend_import calls/s over its whole run / " + limit + ", the same "
                + "machine at the same moment, for comparison.");
        System.out.println(Machine.load());
    }

    private static void row(int latency, int users, int friends, int limit, int pageSize) throws Exception {
        String key = BenchApp.newKey();
        try (ChatSimulator sim = ChatSimulator.start(BenchApp.simulator(key)
                .rateLimitPerSecond(limit)
                .friendGetPageSize(pageSize)
                .latency(Duration.ofMillis(latency), Duration.ZERO)
                .build());
                FriendImportClient client = FriendImportClient.builder(BenchApp.app(SecretKey.of(key), sim.baseUri()))
                        .build()) {
            long relations = (long) users * friends;
            BenchFriendImporter importer = BenchFriendImporter.builder(client)
                    .verify(Verification.full().withoutRepairs())
                    .build();
            ImportReport imported = importer.run(Relations.stream(relations, friends, 1));
            if (!imported.allImported()) {
                throw new IllegalStateException("the import failed: " + imported.summary(3));
            }
            sim.resetStats();
            VerificationReport v = importer.verify(Relations.stream(relations, friends, 1));
            SimulatorStats stats = sim.stats();
            double seconds = v.duration().toNanos() / 1e9;
            double rate = v.calls() / seconds;
            double importRatio = imported.calls() / (imported.duration().toNanos() / 1e9) / limit;
            String check = v.allEqual() && v.equal() == relations
                    && stats.api(RestApi.FRIEND_GET).calls() == v.calls() ? "ok, all equal" : "FAILED: " + v.summary(3);
            System.out.printf(Locale.ROOT, "%-9d %,9d %,9d %8.1f %7.1f %6.3f (%3.1f%%) %9.4f %,9d %15.3f %s%n",
                    pageSize, relations, v.calls(), seconds, rate, rate / limit, 100 * rate / limit,
                    (double) v.calls() / relations, stats.api(RestApi.FRIEND_GET).throttled(), importRatio, check);
            System.out.println("          client pace " + client.chatClient().rateLimiter(ChatApi.FRIEND_GET));
        }
    }
}
