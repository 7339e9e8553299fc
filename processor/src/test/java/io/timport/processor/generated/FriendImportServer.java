package io.timport.processor.generated;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.limit.SmoothRateLimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real {@code friend_import} endpoint on 127.0.0.1 (port chosen by the OS), on the JDK's HTTP server: it records
 * each request's From_Account and To_Accounts, read with jackson-core, and answers {@code ActionStatus OK} with one
 * {@code ResultItem} per item: code 0, or the code {@link #reject} gave that To_Account (then also listed in
 * {@code Fail_Account}). The project's simulator lives in a module the processor must not depend on.
 */
final class FriendImportServer implements AutoCloseable {

    static {
        // JDK 17's HttpServer writes without TCP_NODELAY, so each exchange would stall ~40 ms on delayed ACKs. The
        // property is read once, when the server classes load: before the first server of this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** One request as the server read it. */
    record Request(String fromAccount, List<String> toAccounts) {
    }

    private record Rejection(int code, String info) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Rejection> rejected = new ConcurrentHashMap<>();

    FriendImportServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v4/sns/friend_import", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Answers {@code code} (a permanent item error such as 30003) and {@code info} for items with this To_Account. */
    FriendImportServer reject(String toAccount, int code, String info) {
        rejected.put(toAccount, new Rejection(code, info));
        return this;
    }

    /** A client of this server; its own limiter, at 1,000 calls/s, keeps the tests fast. */
    FriendImportClient client() {
        AppConfig app = new AppConfig(1400000042L, "administrator", SecretKey.of("importer-test-secret-key"),
                Endpoint.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
        return FriendImportClient.builder(app).rateLimiter(new SmoothRateLimiter(1000)).build();
    }

    /** Every request received, in arrival order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = parse(exchange.getRequestBody().readAllBytes());
            requests.add(request);
            byte[] answer = answer(request);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static Request parse(byte[] body) throws IOException {
        String from = null;
        List<String> to = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("From_Account")) {
                    from = p.getText();
                } else if (name.equals("AddFriendItem")) {
                    expect(value, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            if (field.equals("To_Account")) {
                                to.add(p.getText());
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return new Request(from, List.copyOf(to));
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", got " + actual);
        }
    }

    private byte[] answer(Request request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> failed = new ArrayList<>();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeArrayFieldStart("ResultItem");
            for (String to : request.toAccounts()) {
                Rejection rejection = rejected.getOrDefault(to, new Rejection(0, ""));
                g.writeStartObject();
                g.writeStringField("To_Account", to);
                g.writeNumberField("ResultCode", rejection.code());
                g.writeStringField("ResultInfo", rejection.info());
                g.writeEndObject();
                if (rejection.code() != 0) {
                    failed.add(to);
                }
            }
            g.writeEndArray();
            if (!failed.isEmpty()) {
                g.writeArrayFieldStart("Fail_Account");
                for (String to : failed) {
                    g.writeString(to);
                }
                g.writeEndArray();
            }
            g.writeStringField("ActionStatus", "OK");
            g.writeNumberField("ErrorCode", 0);
            g.writeStringField("ErrorInfo", "");
            g.writeStringField("ErrorDisplay", "");
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
