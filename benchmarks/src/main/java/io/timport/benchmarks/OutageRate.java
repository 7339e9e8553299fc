package io.timport.benchmarks;

import io.timport.testsupport.SwitchableProxy;
import io.timport.bulk.ImportListener;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.SecretKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An outage in figures: the engine with every default imports through a loopback TCP proxy in front of the
 * simulator jar; after {@code --before-seconds} the proxy closes its port and every connection (connections are
 * refused, as from a server that died) for {@code --outage-seconds}, then opens it again on the same port.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.OutageRate \
 *     [--outage-seconds 60] [--before-seconds 10] [--latency 50] [--limit 200] [--friends-per-user 100] \
 *     [--simulator-jar PATH]
 * </pre>
 *
 * Printed: the calls the client sent during the outage (all of them, and those after the engine noticed it), when
 * it noticed it, how long after the port opened again the import went on (the outage's end, as the engine saw it),
 * the calls in the second after that, and whether every relation was stored.
 */
public final class OutageRate {

    private static final String USAGE = "usage: OutageRate [--outage-seconds 60] [--before-seconds 10] [--latency 50]"
            + " [--limit 200] [--friends-per-user 100] [--simulator-jar PATH]";

    private OutageRate() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, USAGE, Map.of("outage-seconds", "60", "before-seconds", "10", "latency",
                "50", "limit", "200", "friends-per-user", "100", "simulator-jar",
                SimulatorProcess.defaultJar().toString()));
        int outage = args.integer("outage-seconds");
        int before = args.integer("before-seconds");
        int limit = args.integer("limit");
        int friends = args.integer("friends-per-user");
        String key = BenchApp.newKey();
        System.out.println("timport during an outage: connections refused for " + outage + " s, after " + before
                + " s of import; simulator limit " + limit + " calls/s, latency " + args.integer("latency") + " ms, "
                + friends + " items per call, engine defaults");
        System.out.println(Machine.describe());
        try (SimulatorProcess sim = SimulatorProcess.start(Path.of(args.string("simulator-jar")), List.of("-XX:+UseZGC"),
                "2g", BenchApp.keyFile(key), List.of("--rate", String.valueOf(limit), "--latency-ms",
                        args.string("latency")));
                SwitchableProxy proxy = new SwitchableProxy(sim.baseUri());
                FriendImportClient client = FriendImportClient.builder(BenchApp.app(SecretKey.of(key), proxy.uri()))
                        .build()) {
            long relations = (long) limit * (before + 20) * friends;
            AtomicLong calls = new AtomicLong();
            long[] noticed = {0};
            long[] ended = {0};
            long[] callsAtNotice = {0};
            ImportListener watch = new ImportListener() {
                @Override
                public void callSent(String api, int items, boolean retry) {
                    calls.incrementAndGet();
                }

                @Override
                public void outageStarted(String api, String cause) {
                    noticed[0] = System.nanoTime();
                    callsAtNotice[0] = calls.get();
                }

                @Override
                public void outageEnded(String api, long durationNanos, long probes) {
                    ended[0] = System.nanoTime();
                }
            };
            long[] marks = new long[4]; // down at, calls at down, up at, calls at up
            Thread outageThread = new Thread(() -> {
                try {
                    Thread.sleep(before * 1000L);
                    marks[1] = calls.get();
                    marks[0] = System.nanoTime();
                    proxy.down();
                    Thread.sleep(outage * 1000L);
                    marks[3] = calls.get();
                    proxy.up();
                    marks[2] = System.nanoTime();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long[] callsSecondAfter = {-1};
            outageThread.setDaemon(true);
            Thread after = new Thread(() -> {
                try {
                    while (ended[0] == 0) {
                        Thread.sleep(5);
                    }
                    long c = calls.get();
                    Thread.sleep(1000);
                    callsSecondAfter[0] = calls.get() - c;
                } catch (InterruptedException e) {
                    // done
                }
            });
            after.setDaemon(true);
            outageThread.start();
            after.start();
            ImportReport report = BenchFriendImporter.builder(client).listener(watch).build()
                    .run(Relations.stream(relations, friends, 1));
            outageThread.join();
            after.join(5_000);
            String summary = sim.stop();
            long stored = SimulatorProcess.counter(summary, "items stored");
            System.out.println();
            System.out.printf(Locale.ROOT, "calls during the %d s outage: %d, of which %d after the engine noticed it,"
                    + " %.2f s after it began%n", outage, marks[3] - marks[1], marks[3] - callsAtNotice[0],
                    (noticed[0] - marks[0]) / 1e9);
            System.out.printf(Locale.ROOT, "the import went on %.2f s after the server came back; %d calls in the"
                    + " second after that%n", (ended[0] - marks[2]) / 1e9, callsSecondAfter[0]);
            // A call the server applied but whose answer the closed connection lost is sent again: stored twice
            System.out.println("report: " + report.imported() + " imported, " + report.failed() + " failed; "
                    + (report.allImported() && stored >= relations ? "all stored (" + (stored - relations)
                            + " relations stored twice: calls in flight when the connections were cut)"
                            : "INCOMPLETE: " + stored + " of " + relations + " stored"));
            System.out.println(Machine.load());
        }
    }
}
