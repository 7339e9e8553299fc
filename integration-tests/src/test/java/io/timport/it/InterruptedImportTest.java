package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.timport.bulk.ImportRecord;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.micrometer.TimportMetrics;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real engine interrupted mid-run, with the metrics listening: the phase ends (no longer active, no pace), the
 * call still in flight stays counted as such until its answer comes, and that answer is counted.
 */
@Timeout(30)
class InterruptedImportTest {

    @Test
    void anInterruptedImportEndsItsPhaseAndItsLastAnswerIsCounted() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            received.countDown();
            try {
                answer.await(20, TimeUnit.SECONDS); // the server holds the call until the test lets it answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":30006,\"ErrorInfo\":\"server busy\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TimportMetrics metrics = new TimportMetrics();
        metrics.bindTo(registry);
        AppConfig app = new AppConfig(1_400_300_001L, "administrator", SecretKey.of("interrupted-key"),
                Endpoint.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
        try (FriendImportClient client = FriendImportClient.builder(app).privateRateLimiter().build()) {
            GameFriendImporter importer = GameFriendImporter.builder(client).listener(metrics.listener())
                    .batchSize(1).maxBufferedItems(100).build();
            Iterable<ImportRecord<GameFriendItem>> endless = () -> new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public ImportRecord<GameFriendItem> next() {
                    int n = next++;
                    return GameFriendImporter.record("user" + n % 100, GameFriendItem.builder().toAccount("friend" + n)
                            .addSource("AddSource_Type_Test"));
                }
            };
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    importer.run(endless);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            caller.start();
            assertTrue(received.await(10, TimeUnit.SECONDS), "the first call reaches the server");
            assertEquals(1, Meters.gauge(registry, "timport.calls.active"));
            assertEquals(1, Meters.gauge(registry, "timport.phase.active"));
            assertEquals(196, Meters.gauge(registry, "timport.pace"));
            caller.interrupt();
            caller.join(10_000);
            assertFalse(caller.isAlive());
            assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
            assertEquals(0, Meters.gauge(registry, "timport.phase.active"), "the phase ended");
            assertEquals(0, Meters.gauge(registry, "timport.pace"));
            assertEquals(1, Meters.gauge(registry, "timport.calls.active"), "left to finish");
            assertEquals(0, Meters.sum(registry, "timport.calls"));
            answer.countDown();
            awaitTrue(() -> Meters.gauge(registry, "timport.calls.active") == 0, "the answer arrives");
            awaitTrue(() -> Meters.count(registry, "timport.calls", "outcome", "transient") == 1,
                    "the answer is counted");
            assertEquals(1, Meters.sum(registry, "timport.calls"));
        } finally {
            answer.countDown();
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - until > 0) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
