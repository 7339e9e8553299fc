package io.timport.call;

import com.sun.net.httpserver.HttpExchange;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.limit.SmoothRateLimiter;
import io.timport.testing.TestItem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Run in a JVM of its own with {@code -Xmx256m} by {@link AnswerCapTest}: a loopback server answers 2 GB, once with a
 * {@code Content-Length} of 2 GB and once chunked, streamed lazily (it writes until the client hangs up); the client
 * must fail each of those calls as a malformed answer, then make a normal call. Prints {@code DONE} and exits 0 when
 * it does; anything else (an exception, an {@link OutOfMemoryError}, a hang the parent kills) fails the test.
 *
 * <p>Uses only API that existed before the answer cap, so that it can be run against the old client to show it fail.
 */
public final class HugeAnswerMain {

    static final long TWO_GB = 2L << 30;
    static final byte[] OK = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ResultItem\":[{\"To_Account\":\"bob\",\"ResultCode\":0}]}"
            .getBytes(StandardCharsets.UTF_8);

    private HugeAnswerMain() {}

    static void stream(HttpExchange exchange, boolean chunked) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, chunked ? 0 : TWO_GB);
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        byte[] start = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(start);
            for (long sent = start.length; sent + block.length <= TWO_GB; sent += block.length) {
                out.write(block);
            }
        } catch (IOException hungUp) {
            // the client stopped reading: what it should do
        } finally {
            exchange.close();
        }
    }

    public static void main(String[] args) throws Exception {
        try (RawServer server = new RawServer(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/fixed/")) {
                stream(exchange, false);
            } else if (path.startsWith("/chunked/")) {
                stream(exchange, true);
            } else {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, OK.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(OK);
                }
            }
        })) {
            for (String kind : List.of("fixed", "chunked", "chunked")) {
                FriendImportClient client = client(server.baseUri() + "/" + kind + "/");
                long start = System.nanoTime();
                try {
                    client.importFriends("alice", List.of(new TestItem("bob")));
                    System.out.println("FAILED: a 2 GB " + kind + " answer was accepted");
                    System.exit(1);
                } catch (TransportException e) {
                    System.out.println(kind + ": " + e.kind() + " after " + (System.nanoTime() - start) / 1_000_000
                            + " ms: " + e.getMessage());
                    if (e.kind() != TransportException.Kind.MALFORMED_BODY) {
                        System.exit(1);
                    }
                }
                client.close();
            }
            FriendImportClient ok = client(server.baseUri() + "/ok/");
            System.out.println("then: " + ok.importFriends("alice", List.of(new TestItem("bob"))).isFullSuccess());
            System.out.println("heap used: " + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                    / (1 << 20) + " MiB of " + Runtime.getRuntime().maxMemory() / (1 << 20));
            System.out.println("DONE");
        }
        System.exit(0);
    }

    static FriendImportClient client(String base) {
        AppConfig app = new AppConfig(1400000777L, "administrator", SecretKey.of("huge-answer-test-key"),
                Endpoint.of(URI.create(base)));
        return FriendImportClient.builder(app).rateLimiter(new SmoothRateLimiter(1000))
                .requestTimeout(Duration.ofSeconds(60)).build();
    }
}
