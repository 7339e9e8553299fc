package io.timport.benchmarks;

import io.timport.bulk.AccountsMode;
import io.timport.bulk.AccountsReport;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.ChatApi;
import io.timport.call.ChatClient;
import io.timport.config.SecretKey;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Peak heap of a whole migration, accounts then relations, in a JVM limited to {@code -Xmx256m}: ten million unsorted
 * relations naming two million distinct accounts, 30 % of which do not exist yet.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.AccountsHeap \
 *     [--users 2000000] [--friends 5] [--importer-heap 256m] [--simulator-heap 10g] [--simulator-jar PATH]
 * </pre>
 *
 * <p>This JVM writes the accounts that exist (7 users in 10) to a file and starts the simulator jar in its known-accounts
 * mode seeded from it, every API's rate limit at 1,000,000 calls/s; then the importer,
 * {@code java -Xmx256m -cp <this class path> io.timport.benchmarks.AccountsHeap$Importer}, which runs
 * {@code BenchFriendImporter} with {@code accounts(IMPORT)} and every other default but the rates (its client's
 * limiters at 1,000,000 calls/s, so that the run takes minutes). Its input is an {@code Iterable} generated as it is
 * read (twice: the accounts phase collects the accounts, then the relations): user {@code u} has {@code --friends}
 * friends, and the records come in a scrambled order (record {@code i} is the {@code (i × 7,777,777 + 12,345) mod n}th
 * relation), so the accounts are far from sorted. The importer samples its heap in use every 10 ms and records the
 * heap in use after each collection, for each phase.
 */
public final class AccountsHeap {

    private static final String USAGE = "usage: AccountsHeap [--users 2000000] [--friends 5] [--importer-heap 256m]"
            + " [--simulator-heap 10g] [--simulator-jar PATH]";
    private static final int HIGH_RATE = 1_000_000;
    private static final long[] OFFSETS = {1, 7_919, 104_729, 611_953, 1_299_709, 15_485_863, 32_452_843, 49_979_687};

    private AccountsHeap() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, USAGE, Map.of("users", "2000000", "friends", "5", "importer-heap", "256m",
                "simulator-heap", "10g", "simulator-jar", SimulatorProcess.defaultJar().toString()));
        int users = args.integer("users");
        int friends = args.integer("friends");
        String key = BenchApp.newKey();
        Path keyFile = BenchApp.keyFile(key);
        Path existing = Files.createTempFile("timport-existing-accounts", ".txt");
        int seeded = 0;
        try (BufferedWriter w = Files.newBufferedWriter(existing, StandardCharsets.UTF_8)) {
            for (int u = 0; u < users; u++) {
                if (exists(u)) {
                    w.write(user(u));
                    w.write('\n');
                    seeded++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "timport migration heap: %,d relations (%,d users of %d friends, scrambled) "
                + "naming %,d accounts, %,d of which exist; importer -Xmx%s; simulator in a JVM of its own, -Xmx%s, "
                + "rate limits %,d calls/s%n", (long) users * friends, users, friends, users, seeded,
                args.string("importer-heap"), args.string("simulator-heap"), HIGH_RATE);
        System.out.println(Machine.describe());
        List<String> rates = List.of("--rate", "" + HIGH_RATE, "--rate-account-check", "" + HIGH_RATE,
                "--rate-multiaccount-import", "" + HIGH_RATE, "--rate-account-import", "" + HIGH_RATE,
                "--accounts-file", existing.toString());
        try (SimulatorProcess sim = SimulatorProcess.start(Path.of(args.string("simulator-jar")),
                args.string("simulator-heap"), keyFile, rates)) {
            List<String> command = List.of(SimulatorProcess.javaExecutable(), "-Xmx" + args.string("importer-heap"),
                    "-cp", System.getProperty("java.class.path"), Importer.class.getName(), sim.baseUri().toString(),
                    keyFile.toString(), String.valueOf(users), String.valueOf(friends));
            Process importer = new ProcessBuilder(command).redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(importer::destroyForcibly, "kill-importer"));
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(importer.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("  importer: " + line);
                }
            }
            int status = importer.waitFor();
            System.out.println("simulator: " + sim.stop());
            System.out.println("importer exit status " + status);
        } finally {
            Files.deleteIfExists(existing);
        }
        System.out.println(Machine.load());
    }

    static boolean exists(int u) {
        return u % 10 >= 3;
    }

    static String user(int u) {
        return "user" + u;
    }

    /** The scrambled relations, generated as they are read. */
    static Iterable<ImportRecord<BenchFriendItem>> relations(int users, int friends) {
        long n = (long) users * friends;
        return () -> new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public ImportRecord<BenchFriendItem> next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                long j = Math.floorMod(i++ * 7_777_777L + 12_345L, n);
                int u = (int) (j / friends);
                int k = (int) (j % friends);
                int friend = (int) ((u + OFFSETS[k]) % users);
                return ImportRecord.of(user(u), BenchFriendItem.builder().toAccount(user(friend))
                        .addSource("AddSource_Type_Bench").build());
            }
        };
    }

    /** The importing JVM. */
    public static final class Importer {

        private Importer() {
        }

        public static void main(String[] args) throws Exception {
            URI base = URI.create(args[0]);
            SecretKey key = SecretKey.fromFile(Path.of(args[1]));
            int users = Integer.parseInt(args[2]);
            int friends = Integer.parseInt(args[3]);
            HeapSampler sampler = new HeapSampler();
            System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
                    + ManagementFactory.getRuntimeMXBean().getInputArguments());
            GcWatch gc = new GcWatch();
            long start = System.nanoTime();
            long[] accountsEnd = {0};
            long[] accountsPeak = {0};
            long[] accountsAfterGc = {0};
            ImportReport report;
            ChatClient.Builder chat = ChatClient.builder(BenchApp.app(key, base)).privateRateLimiters().paceMargin(0);
            for (ChatApi api : ChatApi.values()) {
                chat.serverRateLimit(api, HIGH_RATE);
            }
            try (ChatClient client = chat.build()) {
                report = BenchFriendImporter.builder(client.friendImport())
                        .accounts(AccountsMode.IMPORT)
                        .expectedTotal((long) users * friends)
                        .listener(new io.timport.bulk.ImportListener() {
                            @Override
                            public void phaseEnded(String phase, io.timport.bulk.ImportProgress last,
                                    boolean stopped) {
                                if (phase.equals("accounts")) {
                                    accountsEnd[0] = System.nanoTime();
                                    accountsPeak[0] = sampler.maxUsed();
                                    accountsAfterGc[0] = gc.maxUsedAfterGc();
                                    System.out.printf(Locale.ROOT, "accounts phase done after %.1f s: heap sampled "
                                            + "max %d MiB, max after GC %d MiB (%s)%n", (accountsEnd[0] - start) / 1e9,
                                            mib(accountsPeak[0]), mib(accountsAfterGc[0]), gc.summary());
                                }
                            }
                        })
                        .build()
                        .run(relations(users, friends));
            }
            double wall = (System.nanoTime() - start) / 1e9;
            sampler.close();
            gc.close();
            AccountsReport accounts = report.accounts().orElseThrow();
            System.out.println(report.summary(5));
            System.out.printf(Locale.ROOT, "RESULT accounts=%d present=%d imported=%d relations=%d relationsImported=%d "
                            + "failed=%d accountsSeconds=%.1f wallSeconds=%.1f accountsSampledMaxMiB=%d "
                            + "accountsMaxAfterGcMiB=%d sampledMaxMiB=%d maxAfterGcMiB=%d peakRssMiB=%d gc=%s%n",
                    accounts.named(), accounts.alreadyPresent(), accounts.imported(), report.records(),
                    report.imported(), report.failed(), (accountsEnd[0] - start) / 1e9, wall, mib(accountsPeak[0]),
                    mib(accountsAfterGc[0]), mib(sampler.maxUsed()), mib(gc.maxUsedAfterGc()),
                    Machine.peakRssMib(ProcessHandle.current().pid()), gc.summary().replace(' ', '_'));
            System.exit(0);
        }

        private static long mib(long bytes) {
            return bytes / (1024 * 1024);
        }
    }
}
