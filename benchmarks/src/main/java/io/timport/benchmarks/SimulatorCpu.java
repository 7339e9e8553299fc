package io.timport.benchmarks;

import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * The simulator's CPU per friend_import call: one client sends {@code --calls} calls of 100 rich items back to back
 * to an embedded simulator, after a warm-up; the CPU time of the server's threads (the simulator's handlers and the
 * JDK server's dispatcher) is read before and after. Unlike calls per second, CPU per call hardly depends on what
 * else the machine runs, so two simulator builds can be compared on a shared machine: run it once with each
 * build's simulator jar first on the class path.
 *
 * <pre>
 * java -cp simulator/target/timport-simulator.jar:benchmarks/target/benchmarks.jar \
 *     io.timport.benchmarks.SimulatorCpu [--calls 5000]
 * </pre>
 */
public final class SimulatorCpu {

    private SimulatorCpu() {
    }

    public static void main(String[] args) throws Exception {
        int calls = 5000;
        int warmup = 3000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--calls")) {
                calls = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: SimulatorCpu [--calls 5000]");
                System.exit(64);
            }
        }
        String key = BenchApp.newKey();
        SimulatorConfig config = SimulatorConfig.builder().sdkAppId(BenchApp.SDK_APP_ID).secretKey(key)
                .admin(BenchApp.ADMIN).rateLimitPerSecond(Integer.MAX_VALUE).maxFriendsPerUser(1_000_000)
                .customField("Level", CustomFieldType.INTEGER).customField("Guild", CustomFieldType.STRING).build();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (ChatSimulator sim = ChatSimulator.start(config)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long now = System.currentTimeMillis() / 1000;
            URI uri = URI.create(sim.friendImportUri() + "?sdkappid=" + BenchApp.SDK_APP_ID + "&identifier="
                    + BenchApp.ADMIN + "&usersig=" + SimulatorThroughput.userSig(key, BenchApp.ADMIN,
                    BenchApp.SDK_APP_ID, now, 86400) + "&random=1&contenttype=json");
            long process0 = 0;
            long server0 = 0;
            long wall0 = 0;
            for (int c = 0; c < warmup + calls; c++) {
                if (c == warmup) {
                    process0 = os.getProcessCpuTime();
                    server0 = serverCpu();
                    wall0 = System.nanoTime();
                }
                StringBuilder b = new StringBuilder(20_000);
                b.append("{\"From_Account\":\"user").append(c).append("\",\"AddFriendItem\":[");
                for (int i = 0; i < 100; i++) {
                    b.append(i == 0 ? "" : ",").append("{\"To_Account\":\"friend").append(i)
                            .append("\",\"AddSource\":\"AddSource_Type_Android\",\"Remark\":\"remark ").append(i)
                            .append("\",\"GroupName\":[\"Friends\",\"Guild").append(i % 5)
                            .append("\"],\"AddTime\":1700000000,\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",")
                            .append("\"Value\":").append(i).append("},{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"g")
                            .append(i % 50).append("\"}]}");
                }
                b.append("]}");
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (!r.body().contains("\"ErrorCode\":0") || r.body().contains("Fail_Account")) {
                    throw new IllegalStateException("unexpected answer: " + r.body());
                }
            }
            System.out.printf(Locale.ROOT, "%s; %d calls of 100 rich items, one client: server threads' CPU %.0f us "
                    + "per call, process CPU (client and server) %.0f us per call, wall %.0f us per call%n",
                    Machine.describe(), calls, (serverCpu() - server0) / 1e3 / calls,
                    (os.getProcessCpuTime() - process0) / 1e3 / calls, (System.nanoTime() - wall0) / 1e3 / calls);
        }
    }

    /** The CPU time of the simulator's handler threads and of the JDK server's dispatcher, alive now. */
    private static long serverCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("timport-simulator-") || t.getName().equals("HTTP-Dispatcher")) {
                long cpu = mx.getThreadCpuTime(t.getId());
                if (cpu > 0) {
                    sum += cpu;
                }
            }
        }
        return sum;
    }
}
