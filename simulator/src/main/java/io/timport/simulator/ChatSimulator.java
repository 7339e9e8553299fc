package io.timport.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded simulator of the Tencent Cloud Chat REST APIs a friend migration uses ({@link RestApi}:
 * friend_import, friend_get, friend_check, account_import, multiaccount_import, account_check): a real HTTP
 * server on 127.0.0.1 that checks the query, the UserSig, the admin identifier, each API's call rate and the body
 * as the APIs document, stores accounts and one-way friend relations, and can inject faults and stalls.
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
 * <p>Thread-safe. Each request in progress holds one server thread (threads are created as needed, up to
 * {@link SimulatorConfig#handlerThreads()}, and reused), so latency can keep hundreds of requests in flight.
 *
 * <p>Loading this class sets two system properties of the JDK's HTTP server unless they are already set:
 * {@value #NODELAY_PROPERTY} to {@code true} (without it, JDK 17's server delays every answer by about 40 ms on
 * Linux loopback) and {@value #MAX_REQUEST_TIME_PROPERTY} to {@value #DEFAULT_MAX_REQUEST_SECONDS} (a connection
 * that has not delivered its whole request, headers and body, within that many seconds is closed, so that slow
 * connections cannot hold the server's threads). The JDK reads both once, so they only take effect if no
 * {@code com.sun.net.httpserver} server was started in the JVM before, and they apply to every such server in it.
 *
 * <p>Out of memory: an embedded simulator never ends the JVM it runs in. An {@link OutOfMemoryError} in a server
 * thread closes that request's connection and goes to the JVM's uncaught-exception handler; bound the store with
 * {@link SimulatorConfig.Builder#maxStoredRelations(long)}. The command line ({@link SimulatorMain}) exits instead.
 */
public final class ChatSimulator implements AutoCloseable {

    /**
     * The JDK system property that turns on TCP_NODELAY in {@code com.sun.net.httpserver}; the simulator sets
     * it to {@code true} unless it is already set, before its first server starts.
     */
    public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /**
     * The JDK system property that closes a connection whose request (headers and body) has not arrived within that
     * many seconds; the simulator sets it to {@value #DEFAULT_MAX_REQUEST_SECONDS} unless it is already set.
     */
    public static final String MAX_REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";

    /** The default of {@value #MAX_REQUEST_TIME_PROPERTY}, in seconds. */
    public static final String DEFAULT_MAX_REQUEST_SECONDS = "5";

    /** Server threads are named {@code timport-simulator-PORT-N}. */
    static final String THREAD_PREFIX = "timport-simulator-";

    static {
        // JDK 17's HttpServer writes the response headers and body in two writes; with Nagle's algorithm on,
        // the body then waits for the client's delayed ACK (~40 ms on Linux loopback) on every answer.
        // The JDK reads these properties once, when its server configuration class is first loaded.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        // The JDK's server reads a request's headers in a server thread: without a deadline, each slow connection
        // holds a thread for ever (3,000 slow connections made 3,025 threads).
        if (System.getProperty(MAX_REQUEST_TIME_PROPERTY) == null) {
            System.setProperty(MAX_REQUEST_TIME_PROPERTY, DEFAULT_MAX_REQUEST_SECONDS);
        }
    }

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Stats stats = new Stats();
    private final FriendStore store;
    private final AccountBook accounts;
    private final RestHandler handler;
    private final URI baseUri;

    private ChatSimulator(SimulatorConfig config, SimClock clock) throws IOException {
        this.config = config;
        this.store = new FriendStore(config.maxFriendsPerUser(), config.maxGroupsPerUser(),
                config.maxStoredRelations());
        this.accounts = new AccountBook(config.accounts());
        AccountApis accountApis = new AccountApis(config, stats, accounts);
        FriendReadApis reads = new FriendReadApis(config, stats, store, accounts);
        Map<RestApi, ApiHandler> handlers = new EnumMap<>(RestApi.class);
        handlers.put(RestApi.FRIEND_IMPORT, new FriendImportApi(config, stats, store, accounts));
        handlers.put(RestApi.FRIEND_GET, reads.friendGet());
        handlers.put(RestApi.FRIEND_CHECK, reads.friendCheck());
        handlers.put(RestApi.ACCOUNT_IMPORT, accountApis.accountImport());
        handlers.put(RestApi.MULTIACCOUNT_IMPORT, accountApis.multiaccountImport());
        handlers.put(RestApi.ACCOUNT_CHECK, accountApis.accountCheck());
        this.handler = new RestHandler(config, clock, stats, handlers);
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, config.port()), 1024);
        String prefix = THREAD_PREFIX + server.getAddress().getPort() + "-";
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, prefix + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Threads as needed up to the bound, idle ones end after 30 s; past the bound requests queue, and past the
        // queue the JDK's dispatcher closes the connection (it treats a refused task so).
        this.executor = HandlerPool.create(config.handlerThreads(), factory);
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts a simulator listening on 127.0.0.1 (on {@link SimulatorConfig#port()}, a free port if 0).
     *
     * @param config the configuration (not null)
     * @return the running simulator; close it to stop it
     * @throws IOException if the port cannot be bound
     */
    public static ChatSimulator start(SimulatorConfig config) throws IOException {
        return start(config, SimClock.SYSTEM);
    }

    /** For tests that drive time themselves. */
    static ChatSimulator start(SimulatorConfig config, SimClock clock) throws IOException {
        return new ChatSimulator(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * {@code http://127.0.0.1:PORT}, without a trailing slash: the "domain" a client is pointed at.
     *
     * @return the base URI to give a client's endpoint
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * {@code http://127.0.0.1:PORT/v4/sns/friend_import}, without a query.
     *
     * @return friend_import's URL
     */
    public URI friendImportUri() {
        return uri(RestApi.FRIEND_IMPORT);
    }

    /**
     * This API's URL without a query, e.g. {@code http://127.0.0.1:PORT/v4/sns/friend_get}.
     *
     * @param api the API (not null)
     * @return the API's URL
     */
    public URI uri(RestApi api) {
        return URI.create(baseUri + api.path());
    }

    /**
     * The port actually bound.
     *
     * @return the bound port, 1 to 65535
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The configuration this simulator was started with.
     *
     * @return the configuration, never null
     */
    public SimulatorConfig config() {
        return config;
    }

    /**
     * The friends stored for {@code fromAccount}, by {@code To_Account} in first-import order; a copy.
     *
     * @param fromAccount the user whose list is read
     * @return an unmodifiable copy, empty when the user has no friends
     */
    public Map<String, StoredFriend> friendsOf(String fromAccount) {
        return store.friendsOf(fromAccount);
    }

    /**
     * One stored relation, if {@code toAccount} is in {@code fromAccount}'s list.
     *
     * @param fromAccount the user whose list is read
     * @param toAccount the friend
     * @return the stored relation, or empty when there is none
     */
    public Optional<StoredFriend> friend(String fromAccount, String toAccount) {
        return Optional.ofNullable(store.friendsOf(fromAccount).get(toAccount));
    }

    /**
     * The friend groups {@code fromAccount} holds, in creation order.
     *
     * @param fromAccount the user whose groups are read
     * @return an unmodifiable copy, empty when the user has no groups
     */
    public Set<String> groupsOf(String fromAccount) {
        return store.groupsOf(fromAccount);
    }

    /**
     * Every {@code From_Account} holding at least one stored friend.
     *
     * @return a copy, empty when nothing is stored
     */
    public Set<String> fromAccounts() {
        return store.fromAccounts();
    }

    /**
     * The number of stored one-way relations.
     *
     * @return the number of relations, 0 or more
     */
    public long relationCount() {
        return store.relationCount();
    }

    /**
     * Every stored relation, by {@code From_Account} then {@code To_Account}: a copy, meant for tests.
     *
     * @return a copy of the store (the inner maps unmodifiable)
     */
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

    /**
     * The accounts seeded or created through account_import and multiaccount_import (in the known-accounts mode,
     * exactly the accounts that exist); a copy.
     *
     * @return an unmodifiable copy of the UserIDs
     */
    public Set<String> accounts() {
        return accounts.ids();
    }

    /**
     * One account seeded or imported, with the profile fields its last import carried.
     *
     * @param userId the account's UserID
     * @return the account, or empty when it was neither seeded nor imported
     */
    public Optional<StoredAccount> account(String userId) {
        return accounts.get(userId);
    }

    /**
     * Whether {@code userId} exists: always, unless {@link SimulatorConfig#knownAccounts()}.
     *
     * @param userId the account's UserID
     * @return true when the account exists
     */
    public boolean accountExists(String userId) {
        return accounts.exists(userId);
    }

    /**
     * A snapshot of the counters.
     *
     * @return the counters at this moment
     */
    public SimulatorStats stats() {
        return stats.snapshot(handler.limiters());
    }

    /** Zeroes the counters (the store, rate windows and fault sequences stay). */
    public void resetStats() {
        stats.reset();
        handler.resetMaxima();
    }

    /** Removes every stored relation and group. */
    public void clearStore() {
        store.clear();
    }

    /**
     * Back to the state just after start: empty store, only the seeded accounts, zero counters, empty rate windows,
     * no lockouts, the stall schedule and every fault sequence restarted.
     */
    public void reset() {
        store.clear();
        accounts.reset();
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
