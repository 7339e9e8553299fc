package io.timport.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (port chosen by the OS) that records every request and answers what the test
 * says: a status and body, or nothing at all (it holds the exchange until closed).
 */
public final class LoopbackServer implements AutoCloseable {

    static {
        tuneJdkHttpServer();
    }

    /**
     * JDK 17's HttpServer writes without TCP_NODELAY, and with the client's delayed ACK every exchange then stalls
     * about 40 ms (measured: ~45 ms a call on JDK 17, ~2 ms with this property or on JDK 25). The property is read
     * once, when the JDK's server classes load, so call this before the first server of the JVM is created.
     */
    public static void tuneJdkHttpServer() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One request as it arrived. */
    public static final class Recorded {
        public final String method;
        public final URI uri;
        public final String protocol;
        public final Headers headers;
        public final byte[] body;
        public final InetSocketAddress remote;

        Recorded(HttpExchange exchange, byte[] body) {
            this.method = exchange.getRequestMethod();
            this.uri = exchange.getRequestURI();
            this.protocol = exchange.getProtocol();
            this.headers = exchange.getRequestHeaders();
            this.body = body;
            this.remote = exchange.getRemoteAddress();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
    private volatile boolean silent;
    private volatile Function<Recorded, String> answers;

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Recorded recorded = new Recorded(exchange, body);
        requests.add(recorded);
        Function<Recorded, String> answering = answers;
        if (answering != null) {
            byte[] out = answering.apply(recorded).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
            return;
        }
        if (silent) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] out = answer;
        String template = new String(out, StandardCharsets.UTF_8);
        if (template.contains("${")) {
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String usersig = "";
            for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
                if (pair.startsWith("usersig=")) {
                    usersig = pair.substring("usersig=".length());
                }
            }
            out = template.replace("${uri}", exchange.getRequestURI().toString()).replace("${usersig}", usersig)
                    .getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    /**
     * Answer {@code status} with {@code body} from now on. In the body, {@code ${uri}} stands for the request's URI
     * and {@code ${usersig}} for its usersig parameter: a server that echoes what it got.
     */
    public LoopbackServer answer(int status, String body) {
        this.status = status;
        this.answer = body.getBytes(StandardCharsets.UTF_8);
        this.silent = false;
        this.answers = null;
        return this;
    }

    /**
     * Answer each request with status 200 and the body {@code answers} makes of it, from now on: a server whose answer
     * depends on the request (pages of a list, a code per call).
     */
    public LoopbackServer answerWith(Function<Recorded, String> answers) {
        this.answers = answers;
        this.silent = false;
        return this;
    }

    /** Never answer: hold every exchange until {@link #close()}. */
    public LoopbackServer silent() {
        this.silent = true;
        this.answers = null;
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
