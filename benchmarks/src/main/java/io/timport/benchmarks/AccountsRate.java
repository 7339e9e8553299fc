package io.timport.benchmarks;

import io.timport.bulk.AccountsMode;
import io.timport.bulk.ImportReport;
import io.timport.call.AccountClient;
import io.timport.call.AccountItem;
import io.timport.call.ChatClient;
import io.timport.config.SecretKey;
import io.timport.simulator.ApiStats;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.RestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The accounts phase's rate: account_check and multiaccount_import calls per second divided by each API's limit
 * (100 calls/s each), the engine against a one-call-at-a-time loop of the synchronous {@link AccountClient}, side by
 * side at each latency.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.AccountsRate \
 *     [--latencies 50] [--warmup-seconds 5] [--seconds 20] [--baseline-seconds 10]
 * </pre>
 *
 * <p>For each latency and client a fresh simulator is started in this JVM, in its known-accounts mode with no account
 * seeded (so every account checked is missing and is then imported), admitting each API's documented calls per
 * sliding second and holding every call {@code latency} ms.
 * <ul>
 *   <li>The loops: {@code checkAccounts} of 100 UserIDs, the next call once the answer is in, for
 *       {@code --baseline-seconds}; then {@code importAccounts} of 100 accounts likewise.</li>
 *   <li>The engine: {@code BenchFriendImporter} with {@code accounts(IMPORT)} and every other default, an accounts
 *       list of enough accounts to last past the window, no relations. Its client is built with no rate options, so
 *       each account API paces at 98 calls/s (2 % under 100) on its own limiter. Its rate per API is the number of
 *       calls the simulator answered between {@code --warmup-seconds} and {@code --warmup-seconds + --seconds}
 *       after the run started (sampled every 100 ms).</li>
 * </ul>
 */
public final class AccountsRate {

    private static final String USAGE = "usage: AccountsRate [--latencies 50] [--warmup-seconds 5] [--seconds 20]"
            + " [--baseline-seconds 10]";
    private static final int LIMIT = 100;

    private AccountsRate() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, USAGE, Map.of("latencies", "50", "warmup-seconds", "5", "seconds", "20",
                "baseline-seconds", "10"));
        int warmup = args.integer("warmup-seconds");
        int seconds = args.integer("seconds");
        int baseline = args.integer("baseline-seconds");
        String key = BenchApp.newKey();
        System.out.println("timport accounts-phase rate: calls/s divided by each account API's limit of " + LIMIT
                + " calls/s; simulator in this JVM, known-accounts mode, nothing seeded");
        System.out.println(Machine.describe());
        System.out.println(Machine.load());
        System.out.printf(Locale.ROOT, "%-8s %-28s %-20s %14s %8s %10s %12s%n", "latency", "client", "API", "calls/s",
                "ratio", "throttled", "max in 1 s");
        for (String latencyText : args.string("latencies").split(",")) {
            int latency = Integer.parseInt(latencyText.trim());
            loop(key, latency, baseline, true);
            loop(key, latency, baseline, false);
            engine(key, latency, warmup, seconds);
        }
        System.out.println(Machine.load());
    }

    private static ChatSimulator simulator(String key, int latency) throws Exception {
        return ChatSimulator.start(BenchApp.simulator(key).knownAccounts()
                .latency(Duration.ofMillis(latency), Duration.ofMillis(latency / 5)).build());
    }

    private static ChatClient client(String key, ChatSimulator sim) {
        return ChatClient.builder(BenchApp.app(SecretKey.of(key), sim.baseUri())).privateRateLimiters().build();
    }

    /** One call at a time: the next once the answer is in. */
    private static void loop(String key, int latency, int seconds, boolean check) throws Exception {
        try (ChatSimulator sim = simulator(key, latency); ChatClient chat = client(key, sim)) {
            AccountClient accounts = chat.accounts();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            long calls = 0;
            int next = 0;
            while (System.nanoTime() < end) {
                List<String> ids = new ArrayList<>(100);
                for (int i = 0; i < 100; i++) {
                    ids.add("loop" + next++);
                }
                if (check) {
                    accounts.checkAccounts(ids);
                } else {
                    accounts.importAccounts(ids.stream().map(AccountItem::of).toList());
                }
                calls++;
            }
            double rate = calls / ((System.nanoTime() - start) / 1e9);
            RestApi api = check ? RestApi.ACCOUNT_CHECK : RestApi.MULTIACCOUNT_IMPORT;
            row(latency, "one call at a time", api, rate, sim.stats().api(api));
        }
    }

    /** The engine's accounts phase: every account checked, found missing and imported. */
    private static void engine(String key, int latency, int warmup, int seconds) throws Exception {
        int accounts = (warmup + seconds + 5) * LIMIT * 100;
        List<AccountItem> list = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            list.add(new AccountItem(String.format(Locale.ROOT, "acc%08d", i), "Player " + i, null));
        }
        try (ChatSimulator sim = simulator(key, latency); ChatClient chat = client(key, sim)) {
            RestApi[] apis = {RestApi.ACCOUNT_CHECK, RestApi.MULTIACCOUNT_IMPORT};
            AtomicLongArray at = new AtomicLongArray(4); // calls at the window's start and end, per API
            long start = System.nanoTime();
            Thread sampler = new Thread(() -> {
                try {
                    Thread.sleep(warmup * 1000L);
                    for (int a = 0; a < 2; a++) {
                        at.set(a, sim.stats().api(apis[a]).calls());
                    }
                    Thread.sleep(seconds * 1000L);
                    for (int a = 0; a < 2; a++) {
                        at.set(2 + a, sim.stats().api(apis[a]).calls());
                    }
                } catch (InterruptedException e) {
                    // the run ended first
                }
            }, "sampler");
            sampler.start();
            ImportReport report = BenchFriendImporter.builder(chat.friendImport())
                    .accounts(AccountsMode.IMPORT)
                    .accountsList(list)
                    .build()
                    .run(List.of());
            long wall = System.nanoTime() - start;
            sampler.join();
            if (at.get(2) == 0) {
                System.out.println("the run ended before the window did: " + wall / 1e9 + " s; raise the accounts");
                return;
            }
            for (int a = 0; a < 2; a++) {
                double rate = (at.get(2 + a) - at.get(a)) / (double) seconds;
                row(latency, "engine, defaults", apis[a], rate, sim.stats().api(apis[a]));
            }
            System.out.println("  " + report.accounts().orElseThrow().summary(0).replace("\n", "\n  ").trim()
                    + " (all " + sim.accounts().size() + " stored)");
        }
    }

    private static void row(int latency, String client, RestApi api, double rate, ApiStats stats) {
        System.out.printf(Locale.ROOT, "%-8s %-28s %-20s %14.2f %8.3f %10d %12d%n", latency + " ms", client,
                api.path().substring(api.path().lastIndexOf('/') + 1), rate, rate / LIMIT, stats.throttled(),
                stats.maxAcceptedInAnySecond());
    }
}
