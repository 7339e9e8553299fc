package io.timport.benchmarks;

import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * The simulator's heap per million stored relations: imports {@code --users} × 1000 relations over HTTP into an
 * embedded simulator and compares the heap in use after full collections, before and after. Run it in a JVM of its
 * own with heap to spare:
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.SimulatorMemory [--users 1000]
 * </pre>
 *
 * Two kinds of item: minimal ({@code To_Account}, {@code AddSource}) and rich ({@code Remark}, two groups,
 * {@code AddTime}, an integer and a string custom field), each in a fresh simulator.
 */
public final class SimulatorMemory {

    private SimulatorMemory() {
    }

    public static void main(String[] args) throws Exception {
        int users = 1000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--users")) {
                users = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: SimulatorMemory [--users 1000]");
                System.exit(64);
            }
        }
        System.out.println("timport simulator memory per million stored relations; " + Machine.describe());
        for (boolean rich : new boolean[] {false, true}) {
            measure(users, rich);
        }
    }

    private static void measure(int users, boolean rich) throws Exception {
        String key = BenchApp.newKey();
        SimulatorConfig config = SimulatorConfig.builder().sdkAppId(BenchApp.SDK_APP_ID).secretKey(key)
                .admin(BenchApp.ADMIN).rateLimitPerSecond(Integer.MAX_VALUE).maxFriendsPerUser(1000)
                .customField("Level", CustomFieldType.INTEGER).customField("Guild", CustomFieldType.STRING).build();
        try (ChatSimulator sim = ChatSimulator.start(config)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long now = System.currentTimeMillis() / 1000;
            String query = "?sdkappid=" + BenchApp.SDK_APP_ID + "&identifier=" + BenchApp.ADMIN + "&usersig="
                    + SimulatorThroughput.userSig(key, BenchApp.ADMIN, BenchApp.SDK_APP_ID, now, 86400)
                    + "&random=1&contenttype=json";
            long before = usedAfterGc();
            for (int u = 0; u < users; u++) {
                StringBuilder b = new StringBuilder(rich ? 150_000 : 60_000);
                b.append("{\"From_Account\":\"user").append(u).append("\",\"AddFriendItem\":[");
                for (int i = 0; i < 1000; i++) {
                    b.append(i == 0 ? "" : ",").append("{\"To_Account\":\"friend").append(u * 7 + i)
                            .append("\",\"AddSource\":\"AddSource_Type_Android\"");
                    if (rich) {
                        b.append(",\"Remark\":\"remark ").append(i).append("\",\"GroupName\":[\"Friends\",\"Guild")
                                .append(i % 5).append("\"],\"AddTime\":1700000000,\"CustomItem\":[{\"Tag\":")
                                .append("\"Tag_SNS_Custom_Level\",\"Value\":").append(i)
                                .append("},{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"g").append(i % 50)
                                .append("\"}]");
                    }
                    b.append('}');
                }
                b.append("]}");
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.friendImportUri() + query))
                        .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("\"ErrorCode\":0") || r.body().contains("Fail_Account")) {
                    throw new IllegalStateException("unexpected answer: " + r.body());
                }
            }
            long after = usedAfterGc();
            System.out.printf(Locale.ROOT, "%-8s %,d relations: heap in use %.1f MiB before, %.1f MiB after: "
                    + "%.1f MiB per million relations%n", rich ? "rich" : "minimal", sim.relationCount(),
                    before / 1048576.0, after / 1048576.0, (after - before) / 1048576.0 / (sim.relationCount() / 1e6));
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
