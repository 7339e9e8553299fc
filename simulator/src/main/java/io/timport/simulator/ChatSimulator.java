package io.timport.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded simulator of Tencent Cloud Chat's REST API {@code POST /v4/sns/friend_import}: a real HTTP
 * server on 127.0.0.1 that checks the query, the UserSig, the admin identifier, the call rate and the body
 * as the API documents, stores one-way friend relations, and can inject faults.
 *
 * <pre>{@code
 * try (ChatSimulator sim = ChatSimulator.start(SimulatorConfig.builder()
 *         .secretKey("test-key")
 *         .customField("Level", CustomFieldType.INTEGER)
 *         .build())) {
 *     URI base = sim.baseUri();          // http://127.0.0.1:PORT
 *     // ... point the client at base, run the import ...
 *     sim.friendsOf("alice");            // what was stored
 *     sim.stats();                       // calls, throttled, failures by code, ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. Each request in progress holds one server thread (threads are created as needed and
 * reused), so latency can keep hundreds of requests in flight.
 *
 * <p>Loading this class sets the system property {@value #NODELAY_PROPERTY} to {@code true} unless it is
 * already set: without it, JDK 17's HTTP server delays every answer by about 40 ms on Linux loopback. The
 * JDK reads the property once, so it only takes effect if no {@code com.sun.net.httpserver} server was
 * started in the JVM before.
 */
public final class ChatSimulator implements AutoCloseable {

    /**
     * The JDK system property that turns on TCP_NODELAY in {@code com.sun.net.httpserver}; the simulator sets
     * it to {@code true} unless it is already set, before its first server starts.
     */
    public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    static {
        // JDK 17's HttpServer writes the response headers and body in two writes; with Nagle's algorithm on,
        // the body then waits for the client's delayed ACK (~40 ms on Linux loopback) on every answer.
        // The JDK reads this property once, when its server configuration class is first loaded.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Stats stats = new Stats();
    private final FriendStore store;
    private final FriendImportHandler handler;
    private final URI baseUri;

    private ChatSimulator(SimulatorConfig config, SimClock clock) throws IOException {
        this.config = config;
        this.store = new FriendStore(config.maxFriendsPerUser(), config.maxGroupsPerUser());
        this.handler = new FriendImportHandler(config, stats, store, clock);
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, config.port()), 1024);
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "timport-simulator-" + instance + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(factory);
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts a simulator listening on 127.0.0.1 (on {@link SimulatorConfig#port()}, a free port if 0).
     *
     * @throws IOException if the port cannot be bound
     */
    public static ChatSimulator start(SimulatorConfig config) throws IOException {
        return start(config, SimClock.SYSTEM);
    }

    /** For tests that drive time themselves. */
    static ChatSimulator start(SimulatorConfig config, SimClock clock) throws IOException {
        return new ChatSimulator(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash: the "domain" a client is pointed at. */
    public URI baseUri() {
        return baseUri;
    }

    /** {@code http://127.0.0.1:PORT/v4/sns/friend_import}, without a query. */
    public URI friendImportUri() {
        return URI.create(baseUri + FriendImportHandler.PATH);
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The configuration this simulator was started with. */
    public SimulatorConfig config() {
        return config;
    }

    /** The friends stored for {@code fromAccount}, by {@code To_Account} in first-import order; a copy. */
    public Map<String, StoredFriend> friendsOf(String fromAccount) {
        return store.friendsOf(fromAccount);
    }

    /** One stored relation, if {@code toAccount} is in {@code fromAccount}'s list. */
    public Optional<StoredFriend> friend(String fromAccount, String toAccount) {
        return Optional.ofNullable(store.friendsOf(fromAccount).get(toAccount));
    }

    /** The friend groups {@code fromAccount} holds, in creation order. */
    public Set<String> groupsOf(String fromAccount) {
        return store.groupsOf(fromAccount);
    }

    /** Every {@code From_Account} holding at least one stored friend. */
    public Set<String> fromAccounts() {
        return store.fromAccounts();
    }

    /** The number of stored one-way relations. */
    public long relationCount() {
        return store.relationCount();
    }

    /** Every stored relation, by {@code From_Account} then {@code To_Account}: a copy, meant for tests. */
    public Map<String, Map<String, StoredFriend>> relations() {
        Map<String, Map<String, StoredFriend>> all = new LinkedHashMap<>();
        for (String from : store.fromAccounts()) {
            Map<String, StoredFriend> friends = store.friendsOf(from);
            if (!friends.isEmpty()) {
                all.put(from, friends);
            }
        }
        return all;
    }

    /** A snapshot of the counters. */
    public SimulatorStats stats() {
        return stats.snapshot(handler.limiter());
    }

    /** Zeroes the counters (the store, rate window and fault sequences stay). */
    public void resetStats() {
        stats.reset();
        handler.limiter().resetMax();
    }

    /** Removes every stored relation and group. */
    public void clearStore() {
        store.clear();
    }

    /**
     * Back to the state just after start: empty store, zero counters, empty rate window, no lockouts, and
     * every account's fault sequence restarted.
     */
    public void reset() {
        store.clear();
        handler.reset();
        stats.reset();
    }

    /** Stops listening and ends the server threads; requests in progress are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ChatSimulator{" + baseUri + ", " + config + '}';
    }
}
