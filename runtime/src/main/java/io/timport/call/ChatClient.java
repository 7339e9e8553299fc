package io.timport.call;

import io.timport.auth.UserSigCache;
import io.timport.config.AppConfig;
import io.timport.config.Timeouts;
import io.timport.limit.RateLimiter;
import io.timport.limit.RateLimiterRegistry;
import io.timport.limit.SmoothRateLimiter;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The Chat REST APIs of one app, over one signed transport: one UserSig cache, one {@link java.net.http.HttpClient},
 * one rate limiter per API, the same error classes for all. It hands out a typed client per family of APIs, which
 * share that transport:
 * <ul>
 *   <li>{@link #friendImport()}: {@code friend_import} ({@link FriendImportClient});</li>
 *   <li>{@link #accounts()}: {@code account_check}, {@code multiaccount_import}, {@code account_import}
 *       ({@link AccountClient});</li>
 *   <li>{@link #friends()}: {@code friend_get}, {@code friend_check} ({@link FriendReadClient}).</li>
 * </ul>
 * A {@link FriendImportClient} built on its own ({@link FriendImportClient#builder}) has a {@code ChatClient} behind
 * it too: {@link FriendImportClient#chatClient()} reaches the siblings.
 *
 * <p><b>Rate limits are per API</b> (friend_import 200 calls/s, account_check 100 calls/s, …; {@link ChatApi}). By
 * default each API takes its permits from the JVM-wide limiter of the app and API
 * ({@link RateLimiterRegistry#forApi(long, ChatApi)}), pacing {@value RateLimiterRegistry#DEFAULT_PACE_MARGIN} under
 * the documented limit, so that every client of the app in the JVM shares it. {@link Builder#privateRateLimiters()}
 * gives this client limiters of its own at the same pace; {@link Builder#rateLimiter(ChatApi, RateLimiter)} plugs in
 * any limiter (a distributed one, when several processes call for one app).
 *
 * <p><b>Each call</b> has a deadline, the request timeout, that covers connecting, the headers and the whole body;
 * its answer is read into memory up to {@link Builder#maxAnswerBytes a cap} (4 MiB by default); a larger answer fails
 * that call as {@link TransportException.Kind#MALFORMED_BODY}, never the client. Every answer ({@link ChatAnswer})
 * and every {@link TransportException} carries the call's {@code random}, the number Tencent support asks for.
 *
 * <p>Thread-safe; share one per app. {@link #toString()}, log lines and exception messages never show the secret key
 * or a UserSig. Closing it (or any {@link FriendImportClient} it handed out) closes the transport for all of them.
 *
 * <pre>{@code
 * try (ChatClient chat = ChatClient.builder(app).build()) {
 *     AccountCheckResponse present = chat.accounts().checkAccounts(List.of("alice", "bob"));
 *     FriendImportResponse answer = chat.friendImport().importFriends("alice", items);
 *     FriendList friends = chat.friends().getAllFriends("alice");
 * }
 * }</pre>
 */
public final class ChatClient implements AutoCloseable {

    /** The default cap on one answer's body: 4 MiB (a friend_import answer for 1000 items is a few tens of KB). */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 4L << 20;
    /** The default cap on the answers being read at once, across every call in flight: 64 MiB. */
    public static final long DEFAULT_MAX_BUFFERED_ANSWER_BYTES = 64L << 20;
    /** The largest cap an answer may be given: what fits a Java array. */
    public static final long MAX_ANSWER_BYTES_LIMIT = Integer.MAX_VALUE - 8;

    private static final Logger LOG = System.getLogger(ChatClient.class.getName());

    private final Transport transport;
    private final FriendImportClient friendImport;
    private final AccountClient accounts;
    private final FriendReadClient friends;

    private ChatClient(Builder b) {
        AppConfig app = b.app;
        Map<ChatApi, RateLimiter> limiters = new EnumMap<>(ChatApi.class);
        for (ChatApi api : ChatApi.values()) { // in order: friend_import first, so a conflict names it first
            limiters.put(api, b.limiterOf(api));
        }
        UserSigCache userSigs = new UserSigCache(app, b.clock, b.userSigValidity, b.userSigRenewalMargin);
        HttpPost post = new HttpPost(b.timeouts, b.executor, b.maxAnswerBytes, b.maxBufferedAnswerBytes,
                "http".equals(app.endpoint().baseUri().getScheme()));
        this.transport = new Transport(app, b.timeouts, userSigs, post, limiters);
        this.friendImport = new FriendImportClient(this, transport);
        this.accounts = new AccountClient(this, transport);
        this.friends = new FriendReadClient(this, transport);
        if (b.timeouts.request().compareTo(Timeouts.SERVER_TIMEOUT) <= 0) {
            LOG.log(Level.WARNING, () -> "request timeout " + b.timeouts.request() + " is not longer than the server's own "
                    + Timeouts.SERVER_TIMEOUT + ": calls the server would still answer will time out here");
        }
    }

    /**
     * A builder for a client of {@code app}.
     *
     * @param app who calls and where (not null)
     * @return a new builder with every default
     */
    public static Builder builder(AppConfig app) {
        return new Builder(app);
    }

    /**
     * The friend_import client on this transport.
     *
     * @return the friend_import client, sharing this client's UserSig cache, HTTP client and limiters
     */
    public FriendImportClient friendImport() {
        return friendImport;
    }

    /**
     * The account_check, multiaccount_import and account_import client on this transport.
     *
     * @return the accounts client, sharing this client's UserSig cache, HTTP client and limiters
     */
    public AccountClient accounts() {
        return accounts;
    }

    /**
     * The friend_get and friend_check client on this transport.
     *
     * @return the friend-reading client, sharing this client's UserSig cache, HTTP client and limiters
     */
    public FriendReadClient friends() {
        return friends;
    }

    /**
     * The app this client calls for.
     *
     * @return the app configuration the client was built with
     */
    public AppConfig app() {
        return transport.app();
    }

    /**
     * The connect timeout and the per-call deadline.
     *
     * @return the timeouts the client was built with
     */
    public Timeouts timeouts() {
        return transport.timeouts();
    }

    /**
     * The limiter every call of {@code api} takes a permit from.
     *
     * @param api any Chat API this client calls
     * @return the limiter of {@code api}: one given to the builder, a private one, or the JVM-wide shared one
     */
    public RateLimiter rateLimiter(ChatApi api) {
        return transport.rateLimiter(Objects.requireNonNull(api, "api"));
    }

    /**
     * The most bytes one answer may have.
     *
     * @return the per-answer cap in bytes
     */
    public long maxAnswerBytes() {
        return transport.maxAnswerBytes();
    }

    /**
     * The most bytes of answers read at once, across every call in flight.
     *
     * @return the cap in bytes on answer bodies held in memory at once
     */
    public long maxBufferedAnswerBytes() {
        return transport.maxBufferedAnswerBytes();
    }

    /**
     * Forgets the cached UserSig, so that the next call (of any API) signs a new one. Call it after an answer with
     * 70001 (expired) or 70052 (invalidated), then retry once.
     */
    public void renewUserSig() {
        transport.renewUserSig();
    }

    /**
     * True once {@link #close()} was called (on this or on its {@link FriendImportClient}).
     *
     * @return true once closed; a closed client refuses new calls
     */
    public boolean isClosed() {
        return transport.isClosed();
    }

    /**
     * Refuses further calls of every API. On JDK 21 and later this also closes the HTTP client, waiting for calls in
     * flight; on JDK 17 the HTTP client's connections are released when it is garbage-collected.
     */
    @Override
    public void close() {
        transport.close();
    }

    /** Shows the app (key redacted), the limiters and the timeouts; never a UserSig. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ChatClient[").append(app());
        for (ChatApi api : ChatApi.values()) {
            s.append(", ").append(api.apiName()).append('=').append(rateLimiter(api));
        }
        return s.append(", ").append(timeouts()).append(", maxAnswerBytes=").append(maxAnswerBytes()).append(']')
                .toString();
    }

    /** Configures a {@link ChatClient}. */
    public static final class Builder {
        private final AppConfig app;
        private Timeouts timeouts = Timeouts.DEFAULT;
        private final Map<ChatApi, RateLimiter> rateLimiters = new EnumMap<>(ChatApi.class);
        private final Map<ChatApi, Double> serverRateLimits = new EnumMap<>(ChatApi.class);
        private double paceMargin = RateLimiterRegistry.DEFAULT_PACE_MARGIN;
        private boolean paceMarginChosen;
        private boolean privateRateLimiters;
        private RateLimiterRegistry registry = RateLimiterRegistry.global();
        private Clock clock = Clock.systemUTC();
        private Duration userSigValidity = UserSigCache.DEFAULT_VALIDITY;
        private Duration userSigRenewalMargin = UserSigCache.DEFAULT_RENEWAL_MARGIN;
        private Executor executor;
        private long maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
        private long maxBufferedAnswerBytes = DEFAULT_MAX_BUFFERED_ANSWER_BYTES;

        private Builder(AppConfig app) {
            this.app = Objects.requireNonNull(app, "app");
        }

        /**
         * Connect timeout and per-call deadline; default {@link Timeouts#DEFAULT} (5 s, 10 s).
         *
         * @param timeouts the connect timeout and per-call deadline (not null)
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * The connect timeout; default 5 s.
         *
         * @param connect how long to wait for a TCP (and TLS) connection (positive)
         * @return this builder
         */
        public Builder connectTimeout(Duration connect) {
            this.timeouts = timeouts.withConnect(connect);
            return this;
        }

        /**
         * The request timeout: each call's deadline, from sending it, covering connecting, the headers and the whole
         * body; default 10 s. Keep it above the server's own 3 s.
         *
         * @param request each call's deadline (positive)
         * @return this builder
         */
        public Builder requestTimeout(Duration request) {
            this.timeouts = timeouts.withRequest(request);
            return this;
        }

        /**
         * The limiter the calls of {@code api} take their permits from, instead of the default (the JVM-wide limiter of
         * the app and API, or a private one with {@link #privateRateLimiters()}). Give a distributed limiter when
         * several processes call for one app.
         *
         * @param api the API whose calls use the limiter (not null)
         * @param rateLimiter the limiter those calls take their permits from (not null)
         * @return this builder
         */
        public Builder rateLimiter(ChatApi api, RateLimiter rateLimiter) {
            rateLimiters.put(Objects.requireNonNull(api, "api"), Objects.requireNonNull(rateLimiter, "rateLimiter"));
            return this;
        }

        /**
         * The app's call limit of {@code api} on the server; default the documented one
         * ({@link ChatApi#callsPerSecond()}). The default limiter paces a {@link #paceMargin margin} under it.
         *
         * @param api the API (not null)
         * @param callsPerSecond the server's limit for the app, in calls per second (positive)
         * @return this builder
         */
        public Builder serverRateLimit(ChatApi api, double callsPerSecond) {
            Objects.requireNonNull(api, "api");
            if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
                throw new IllegalArgumentException("serverRateLimit of " + api.apiName()
                        + " must be positive and finite, was " + callsPerSecond);
            }
            serverRateLimits.put(api, callsPerSecond);
            return this;
        }

        /**
         * How far under each API's {@link #serverRateLimit server limit} the default limiters pace, as a fraction
         * from 0 (exactly at the limit) to below 1; default {@value RateLimiterRegistry#DEFAULT_PACE_MARGIN}, so 196
         * calls/s under a limit of 200. The margin absorbs network jitter that bunches calls up on their way to the
         * server, which would otherwise be answered as throttled.
         *
         * @param fraction the margin, at least 0 and below 1
         * @return this builder
         */
        public Builder paceMargin(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("paceMargin must be in [0, 1), was " + fraction);
            }
            this.paceMargin = fraction;
            this.paceMarginChosen = true;
            return this;
        }

        /**
         * Gives this client rate limiters of its own, one per API, at {@code serverRateLimit × (1 − paceMargin)},
         * instead of the JVM-wide ones shared per app and API. For a process that is the only caller of its app, or
         * that was given its share of the app's rate. (Limiters given with {@link #rateLimiter(ChatApi, RateLimiter)}
         * are kept.)
         *
         * @return this builder
         */
        public Builder privateRateLimiters() {
            this.privateRateLimiters = true;
            return this;
        }

        /**
         * The registry of shared limiters; default {@link RateLimiterRegistry#global()}.
         *
         * @param registry the registry the default shared limiters come from (not null)
         * @return this builder
         */
        public Builder rateLimiterRegistry(RateLimiterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * The clock UserSigs are signed and renewed by; default the system clock.
         *
         * @param clock the clock UserSigs are signed by (not null)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How long each UserSig is valid; default one day.
         *
         * @param validity the validity of each UserSig (at least one second)
         * @return this builder
         */
        public Builder userSigValidity(Duration validity) {
            this.userSigValidity = Objects.requireNonNull(validity, "validity");
            return this;
        }

        /**
         * How long before expiry the UserSig is renewed; default five minutes.
         *
         * @param margin how long before expiry a new UserSig is signed (zero or more, less than the validity)
         * @return this builder
         */
        public Builder userSigRenewalMargin(Duration margin) {
            this.userSigRenewalMargin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /**
         * The executor of the HTTP client (where asynchronous answers complete); default a cached pool of its own.
         *
         * @param executor the executor asynchronous answers complete on (not null)
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The most bytes one answer's body may have; default {@value ChatClient#DEFAULT_MAX_ANSWER_BYTES} (4 MiB).
         * A larger answer fails its call ({@link TransportException.Kind#MALFORMED_BODY}) after at most this many
         * bytes were read, or none when its {@code Content-Length} says so.
         *
         * @param bytes the cap in bytes, from 1024 to {@value ChatClient#MAX_ANSWER_BYTES_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException when not between 1 KiB and {@value ChatClient#MAX_ANSWER_BYTES_LIMIT}
         */
        public Builder maxAnswerBytes(long bytes) {
            if (bytes < 1024 || bytes > MAX_ANSWER_BYTES_LIMIT) {
                throw new IllegalArgumentException("maxAnswerBytes must be 1024 to " + MAX_ANSWER_BYTES_LIMIT
                        + ", was " + bytes);
            }
            this.maxAnswerBytes = bytes;
            return this;
        }

        /**
         * The most bytes of answers held while being read, across every call in flight; default
         * {@value ChatClient#DEFAULT_MAX_BUFFERED_ANSWER_BYTES} (64 MiB). An answer that would pass it fails its call
         * as one over the cap. This bounds the heap answers can take whatever the number of calls in flight.
         *
         * @param bytes the cap in bytes (positive, not below the per-answer cap)
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxBufferedAnswerBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBufferedAnswerBytes must be positive, was " + bytes);
            }
            this.maxBufferedAnswerBytes = bytes;
            return this;
        }

        /** The limiter of {@code api} as configured. */
        private RateLimiter limiterOf(ChatApi api) {
            RateLimiter given = rateLimiters.get(api);
            if (given != null) {
                return given;
            }
            Double limit = serverRateLimits.get(api);
            double pace = (limit != null ? limit : api.callsPerSecond()) * (1 - paceMargin);
            if (privateRateLimiters) {
                return new SmoothRateLimiter(pace);
            }
            if (limit != null || paceMarginChosen) {
                return registry.forApi(app.sdkAppId(), api, pace);
            }
            return registry.forApi(app.sdkAppId(), api);
        }

        /**
         * The client.
         *
         * @return a new open client; close it to release its HTTP client
         * @throws IllegalArgumentException when the UserSig validity or margin break their rules, the answer caps
         *     disagree (a budget below one answer's cap), or an explicit rate contradicts one already chosen for a
         *     shared limiter of the app
         */
        public ChatClient build() {
            if (maxBufferedAnswerBytes < maxAnswerBytes) {
                throw new IllegalArgumentException("maxBufferedAnswerBytes (" + maxBufferedAnswerBytes
                        + ") must be at least maxAnswerBytes (" + maxAnswerBytes + ")");
            }
            // The UserSig settings are checked before any shared limiter is touched, so that they fail without side effects.
            new UserSigCache(app, clock, userSigValidity, userSigRenewalMargin);
            return new ChatClient(this);
        }
    }
}
