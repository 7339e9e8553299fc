package io.timport.benchmarks;

import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import io.timport.simulator.SimulatorStats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A measured end-to-end run of the simulator's throughput with zero latency: {@code clients} threads, each
 * sending valid, hand-built 100-item {@code friend_import} calls back to back over loopback HTTP with the
 * JDK {@link HttpClient}, each thread for its own {@code From_Account}s (so no 30008), the rate limit set out
 * of the way. Every answer is checked (HTTP 200, {@code ErrorCode} 0, no {@code Fail_Account}).
 *
 * <p>Client and server run in this one JVM and share the machine's cores, so the figures are a lower bound
 * of what the server alone sustains.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.SimulatorThroughput \
 *     [--clients 4,16,64] [--warmup-seconds 5] [--seconds 10] [--items 100]
 * </pre>
 */
public final class SimulatorThroughput {

    private static final String KEY = "benchmark-secret-key";
    private static final long APP = 1400000000L;
    private static final String ADMIN = "administrator";
    /** Each client cycles its From_Accounts through this many distinct friends, so the store stays bounded. */
    private static final int FRIENDS_PER_ACCOUNT = 1000;
    private static final int ACCOUNTS_PER_CLIENT = 4;

    private SimulatorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int[] clientCounts = {4, 16, 64};
        int warmup = 5;
        int seconds = 10;
        int items = 100;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients":
                    clientCounts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                    break;
                case "--warmup-seconds":
                    warmup = Integer.parseInt(args[++i]);
                    break;
                case "--seconds":
                    seconds = Integer.parseInt(args[++i]);
                    break;
                case "--items":
                    items = Integer.parseInt(args[++i]);
                    break;
                default:
                    System.err.println("usage: SimulatorThroughput [--clients 4,16,64] [--warmup-seconds 5] "
                            + "[--seconds 10] [--items 100]");
                    System.exit(2);
            }
        }

        System.out.println("timport simulator throughput, " + ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE));
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        System.out.println("each call: " + items + " items with Remark, GroupName, AddTime and 2 custom fields; "
                + "zero latency, no faults; client and server in one JVM");
        System.out.println();
        System.out.printf(Locale.ROOT, "%8s %10s %12s %9s %9s %9s %8s %s%n",
                "clients", "calls/s", "items/s", "p50 ms", "p99 ms", "max ms", "errors", "server: calls / ok / max in flight");

        SimulatorConfig config = SimulatorConfig.builder()
                .sdkAppId(APP).secretKey(KEY).admin(ADMIN)
                .rateLimitPerSecond(Integer.MAX_VALUE)
                .maxFriendsPerUser(FRIENDS_PER_ACCOUNT)
                .customField("Level", CustomFieldType.INTEGER)
                .customField("Guild", CustomFieldType.STRING)
                .build();
        try (ChatSimulator sim = ChatSimulator.start(config)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String userSig = userSig(KEY, ADMIN, APP, System.currentTimeMillis() / 1000, 86400);
            for (int clients : clientCounts) {
                sim.reset();
                Result r = measure(sim, http, userSig, clients, items, warmup, seconds);
                SimulatorStats s = sim.stats();
                System.out.printf(Locale.ROOT, "%8d %10.0f %12.0f %9.2f %9.2f %9.2f %8d %d / %d / %d%n",
                        clients, r.calls / r.seconds, r.calls * (double) items / r.seconds,
                        r.percentileMs(0.50), r.percentileMs(0.99), r.percentileMs(1.0), r.errors,
                        s.calls(), s.succeeded(), s.maxConcurrentRequests());
            }
        }
    }

    private static final class Result {
        long calls;
        long errors;
        double seconds;
        long[] latencies;

        double percentileMs(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }
    }

    private static Result measure(ChatSimulator sim, HttpClient http, String userSig, int clients, int items,
            int warmupSeconds, int seconds) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencyLists = new ArrayList<>();
        List<int[]> latencyCounts = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        URI endpoint = sim.friendImportUri();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[] latencies = new long[1 << 16];
            int[] count = new int[1];
            latencyLists.add(latencies);
            latencyCounts.add(count);
            Thread t = new Thread(() -> {
                try {
                    long n = 0;
                    while (!stop.get()) {
                        String from = "c" + client + "-u" + (n % ACCOUNTS_PER_CLIENT);
                        int block = (int) ((n / ACCOUNTS_PER_CLIENT) % (FRIENDS_PER_ACCOUNT / items));
                        byte[] body = body(from, block * items, items);
                        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?sdkappid=" + APP
                                        + "&identifier=" + ADMIN + "&usersig=" + userSig + "&random=" + (n & 0xffffffffL)
                                        + "&contenttype=json"))
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            String answer = response.body();
                            ok = response.statusCode() == 200 && answer.contains("\"ActionStatus\":\"OK\"")
                                    && !answer.contains("Fail_Account");
                        } catch (IOException e) {
                            ok = false;
                        }
                        long elapsed = System.nanoTime() - start;
                        if (measuring.get() && !stop.get()) {
                            calls.incrementAndGet();
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            if (count[0] < latencies.length) {
                                latencies[count[0]++] = elapsed;
                            }
                        }
                        n++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        Thread.sleep(warmupSeconds * 1000L);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        double elapsed = (System.nanoTime() - start) / 1e9;
        done.await();

        Result r = new Result();
        r.calls = calls.get();
        r.errors = errors.get();
        r.seconds = elapsed;
        int total = 0;
        for (int[] count : latencyCounts) {
            total += count[0];
        }
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(latencyLists.get(i), 0, all, at, latencyCounts.get(i)[0]);
            at += latencyCounts.get(i)[0];
        }
        Arrays.sort(all);
        r.latencies = all;
        return r;
    }

    /** A valid call: {@code items} friends "f{first}".. with the fields a real import carries. */
    static byte[] body(String from, int first, int items) {
        StringBuilder s = new StringBuilder(64 + items * 220);
        s.append("{\"From_Account\":\"").append(from).append("\",\"AddFriendItem\":[");
        for (int i = 0; i < items; i++) {
            int f = first + i;
            if (i > 0) {
                s.append(',');
            }
            s.append("{\"To_Account\":\"friend").append(f)
                    .append("\",\"AddSource\":\"AddSource_Type_Import\",\"Remark\":\"Friend number ").append(f)
                    .append("\",\"GroupName\":[\"Friends\",\"Guild\"],\"AddTime\":1700000000,")
                    .append("\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":").append(f % 100)
                    .append("},{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"guild-").append(f % 7).append("\"}]}");
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** UserSig v2 (the benchmark's own signer; the simulator's tests pin an independent one to the test vector). */
    static String userSig(String key, String identifier, long sdkAppId, long time, long expire) throws Exception {
        String content = "TLS.identifier:" + identifier + "\nTLS.sdkappid:" + sdkAppId + "\nTLS.time:" + time
                + "\nTLS.expire:" + expire + "\n";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        String doc = "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"" + identifier + "\",\"TLS.sdkappid\":" + sdkAppId
                + ",\"TLS.expire\":" + expire + ",\"TLS.time\":" + time + ",\"TLS.sig\":\"" + sig + "\"}";
        Deflater deflater = new Deflater();
        deflater.setInput(doc.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] buffer = new byte[1024];
        int n = deflater.deflate(buffer);
        deflater.end();
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer, n))
                .replace('+', '*').replace('/', '-').replace('=', '_');
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through.
        }
        return System.getProperty("os.arch");
    }
}
