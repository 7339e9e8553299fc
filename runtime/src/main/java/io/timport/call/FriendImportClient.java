package io.timport.call;

import com.fasterxml.jackson.core.JsonFactory;
import io.timport.auth.UserSigCache;
import io.timport.config.AppConfig;
import io.timport.config.Timeouts;
import io.timport.limit.RateLimiter;
import io.timport.limit.RateLimiterRegistry;
import io.timport.wire.AddFriendItem;
import io.timport.wire.WireWriter;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;

/**
 * One signed, rate-limited {@code v4/sns/friend_import} call at a time, synchronous or asynchronous.
 *
 * <p>Each call: takes a permit from the {@link RateLimiter} (by default the JVM-wide limiter of the SDKAppID, 200
 * calls/s), gets the admin's cached UserSig (renewed before it expires), writes the body with jackson-core, POSTs it
 * to {@code <endpoint>/v4/sns/friend_import?sdkappid=…&identifier=…&usersig=…&random=…&contenttype=json} with a fresh
 * unsigned 32-bit {@code random}, and parses the answer.
 *
 * <p>Outcomes: an HTTP 200 answer with a Chat API JSON body is a {@link FriendImportResponse}, also when it reports
 * a request-level failure ({@code ActionStatus FAIL}) or failed items. Everything else (timeout, connection failure,
 * TLS failure, reset, HTTP status other than 200, a body that is not a Chat answer) is a {@link TransportException}.
 * After 70001 or 70052 call {@link #renewUserSig()} and retry once.
 *
 * <p>One {@link HttpClient} per client, HTTP/1.1 with keep-alive connections, certificates verified by the JVM's
 * default trust store, redirects not followed. Thread-safe: share one client. Log output ({@link System.Logger}
 * {@code io.timport.call.FriendImportClient}, DEBUG) shows URLs with {@code usersig=<redacted>}.
 *
 * <pre>{@code
 * AppConfig app = new AppConfig(1400000000L, "administrator", SecretKey.fromEnv("TIMPORT_SECRET_KEY"),
 *         Region.SINGAPORE.endpoint());
 * try (FriendImportClient client = FriendImportClient.builder(app).build()) {
 *     FriendImportResponse answer = client.importFriends("alice", items);
 * }
 * }</pre>
 */
public final class FriendImportClient implements AutoCloseable {

    /** The API path. */
    public static final String API_PATH = "v4/sns/friend_import";
    /** The most items one call may carry (current English API page). */
    public static final int MAX_ITEMS_PER_CALL = 1000;

    private static final Logger LOG = System.getLogger(FriendImportClient.class.getName());
    /** Writes supplementary characters (emoji) as raw UTF-8, as the server stores them; see {@link WireWriter}. */
    private static final JsonFactory JSON = WireWriter.jsonFactory();
    private static final String USER_AGENT = "timport";

    private final AppConfig app;
    private final Timeouts timeouts;
    private final RateLimiter rateLimiter;
    private final UserSigCache userSigs;
    private final HttpClient http;
    private final String urlPrefix;
    private volatile boolean closed;

    private FriendImportClient(Builder b) {
        this.app = b.app;
        this.timeouts = b.timeouts;
        if (b.rateLimiter != null) {
            this.rateLimiter = b.rateLimiter;
        } else if (b.paceChosen) {
            this.rateLimiter =
                    RateLimiterRegistry.global().forSdkAppId(app.sdkAppId(), b.serverRateLimit * (1 - b.paceMargin));
        } else {
            this.rateLimiter = RateLimiterRegistry.global().forSdkAppId(app.sdkAppId());
        }
        this.userSigs = new UserSigCache(app, b.clock, b.userSigValidity, b.userSigRenewalMargin);
        // HTTP/1.1 with the JDK's keep-alive pool: what the API documents. HTTP_2 would send an h2c Upgrade on
        // plain-http loopback and multiplex every call on one connection, which nothing in Tencent's pages covers.
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (b.executor != null) {
            http.executor(b.executor);
        }
        this.http = http.build();
        this.urlPrefix = app.endpoint().apiUrl(API_PATH)
                + "?sdkappid=" + app.sdkAppId()
                + "&identifier=" + URLEncoder.encode(app.adminIdentifier(), StandardCharsets.UTF_8)
                + "&usersig=";
        if (timeouts.request().compareTo(Timeouts.SERVER_TIMEOUT) <= 0) {
            LOG.log(Level.WARNING, () -> "request timeout " + timeouts.request() + " is not longer than the server's own "
                    + Timeouts.SERVER_TIMEOUT + ": calls the server would still answer will time out here");
        }
    }

    /** A builder for a client of {@code app}. */
    public static Builder builder(AppConfig app) {
        return new Builder(app);
    }

    /**
     * Imports {@code items} into {@code fromAccount}'s friend list: one call, on the calling thread.
     *
     * <p>Waits for a rate-limiter permit first. Do not run two calls for one {@code fromAccount} at once: the server
     * answers 30008 to concurrent writes.
     *
     * @param fromAccount the UserID whose friend list receives the items (1 to 32 bytes)
     * @param items 1 to {@value #MAX_ITEMS_PER_CALL} items
     * @return the server's answer, including request-level failures and failed items
     * @throws TransportException when no usable answer arrived
     * @throws InterruptedException when interrupted while waiting for a permit or the answer
     * @throws IllegalArgumentException when the arguments break a rule, or an item cannot be written
     * @throws IllegalStateException when the client is closed
     */
    public FriendImportResponse importFriends(String fromAccount, List<? extends AddFriendItem> items)
            throws TransportException, InterruptedException {
        byte[] body = prepare(fromAccount, items);
        rateLimiter.acquire();
        Call call = newCall(fromAccount, items.size(), body);
        HttpResponse<byte[]> response;
        try {
            response = http.send(call.request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw failure(call, e);
        }
        return interpret(call, response);
    }

    /**
     * Imports {@code items} into {@code fromAccount}'s friend list, returning at once with the answer to come.
     *
     * <p><b>The rate-limiter permit is taken on the calling thread, before this method returns</b>: a loop calling
     * this method is paced at the limiter's rate, and the number of calls in flight is bounded by rate × latency
     * (about 200 × 0.1 s = 20 for a 100 ms round trip). Arguments are checked and the body written on the calling
     * thread too.
     *
     * <p>The future completes with the {@link FriendImportResponse} (also for request-level failures and failed
     * items), or exceptionally with a {@link TransportException} ({@link CompletableFuture#join()} wraps it in a
     * {@link CompletionException}, {@link CompletableFuture#get()} in an {@link ExecutionException}). Cancelling the
     * future abandons the exchange; whether the server applied the call is then unknown.
     *
     * @throws InterruptedException when interrupted while waiting for the permit (nothing was sent)
     * @throws IllegalArgumentException when the arguments break a rule, or an item cannot be written
     * @throws IllegalStateException when the client is closed
     */
    public CompletableFuture<FriendImportResponse> importFriendsAsync(String fromAccount, List<? extends AddFriendItem> items)
            throws InterruptedException {
        byte[] body = prepare(fromAccount, items);
        rateLimiter.acquire();
        Call call = newCall(fromAccount, items.size(), body);
        CompletableFuture<HttpResponse<byte[]>> exchange =
                http.sendAsync(call.request, HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<FriendImportResponse> result = new CompletableFuture<>();
        exchange.whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(failure(call, unwrap(error)));
                return;
            }
            try {
                result.complete(interpret(call, response));
            } catch (TransportException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((response, error) -> {
            if (result.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    /**
     * Forgets the cached UserSig, so that the next call signs a new one. Call it after an answer with 70001 (expired)
     * or 70052 (invalidated), then retry once.
     */
    public void renewUserSig() {
        userSigs.invalidate();
    }

    /** The app this client calls for. */
    public AppConfig app() {
        return app;
    }

    /** The limiter every call takes a permit from. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** The connect and request timeouts. */
    public Timeouts timeouts() {
        return timeouts;
    }

    /**
     * Refuses further calls. On JDK 21 and later this also closes the HTTP client, waiting for calls in flight; on
     * JDK 17 the HTTP client's connections are released when it is garbage-collected.
     */
    @Override
    public void close() {
        closed = true;
        if (http instanceof AutoCloseable) {
            try {
                ((AutoCloseable) http).close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "closing the HTTP client failed", e);
            }
        }
    }

    /** Shows the app (key redacted), limiter and timeouts; never a UserSig. */
    @Override
    public String toString() {
        return "FriendImportClient[" + app + ", " + rateLimiter + ", " + timeouts + "]";
    }

    // ---------------------------------------------------------------------------------------------------------------

    private byte[] prepare(String fromAccount, List<? extends AddFriendItem> items) {
        if (closed) {
            throw new IllegalStateException("this FriendImportClient is closed");
        }
        Objects.requireNonNull(fromAccount, "fromAccount");
        Objects.requireNonNull(items, "items");
        int bytes = fromAccount.getBytes(StandardCharsets.UTF_8).length;
        if (fromAccount.isEmpty() || bytes > 32) {
            throw new IllegalArgumentException("From_Account must be a UserID of 1 to 32 bytes, was \"" + fromAccount
                    + "\" (" + bytes + " bytes)");
        }
        if (items.isEmpty() || items.size() > MAX_ITEMS_PER_CALL) {
            throw new IllegalArgumentException("a friend_import call carries 1 to " + MAX_ITEMS_PER_CALL
                    + " items, got " + items.size() + " for From_Account " + fromAccount);
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new NullPointerException("AddFriendItem[" + i + "] for From_Account " + fromAccount + " is null");
            }
        }
        return RequestWriter.body(JSON, fromAccount, items);
    }

    private Call newCall(String fromAccount, int itemCount, byte[] body) {
        String userSig = userSigs.current();
        long random = randomUint32(ThreadLocalRandom.current());
        String suffix = "&random=" + random + "&contenttype=json";
        URI uri = URI.create(urlPrefix + URLEncoder.encode(userSig, StandardCharsets.UTF_8) + suffix);
        String logUrl = urlPrefix + Redaction.REDACTED + suffix;
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeouts.request())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        LOG.log(Level.DEBUG, () -> "POST " + logUrl + " (" + itemCount + " items, " + body.length
                + " bytes, From_Account " + fromAccount + ")");
        return new Call(request, userSig, logUrl, System.nanoTime());
    }

    private FriendImportResponse interpret(Call call, HttpResponse<byte[]> response) throws TransportException {
        byte[] body = response.body();
        int status = response.statusCode();
        long millis = (System.nanoTime() - call.startNanos) / 1_000_000;
        if (status != 200) {
            String excerpt = Redaction.excerpt(body, call.userSig);
            LOG.log(Level.DEBUG, () -> "POST " + call.logUrl + " answered HTTP " + status + " in " + millis + " ms");
            throw new TransportException(TransportException.Kind.HTTP_STATUS, "friend_import POST " + call.logUrl
                    + " answered HTTP status " + status + (excerpt.isEmpty() ? " with no body" : "; body: " + excerpt),
                    status, excerpt, null);
        }
        FriendImportResponse answer;
        try {
            answer = ResponseParser.parse(JSON, body);
        } catch (IOException e) {
            String excerpt = Redaction.excerpt(body, call.userSig);
            String reason = Redaction.redact(e.getMessage(), call.userSig);
            LOG.log(Level.DEBUG, () -> "POST " + call.logUrl + " answered a malformed body in " + millis + " ms: " + reason);
            throw new TransportException(TransportException.Kind.MALFORMED_BODY, "friend_import POST " + call.logUrl
                    + " answered HTTP 200 with a body that is not a Chat API answer (" + reason + "); body: "
                    + (excerpt.isEmpty() ? "<empty>" : excerpt), status, excerpt, Redaction.sanitize(e, call.userSig));
        }
        answer = redacted(answer, call.userSig);
        FriendImportResponse logged = answer;
        LOG.log(Level.DEBUG, () -> "POST " + call.logUrl + " answered in " + millis + " ms: ActionStatus "
                + logged.actionStatus() + ", ErrorCode " + logged.errorCode() + ", " + logged.resultItems().size()
                + " results, " + logged.failAccounts().size() + " failed");
        return answer;
    }

    /** The answer with the UserSig redacted from its texts, should a server ever echo it (the same object if not). */
    private static FriendImportResponse redacted(FriendImportResponse answer, String userSig) {
        boolean leaks = Redaction.leaks(answer.errorInfo(), userSig) || Redaction.leaks(answer.errorDisplay(), userSig)
                || answer.resultItems().stream().anyMatch(item -> Redaction.leaks(item.resultInfo(), userSig));
        if (!leaks) {
            return answer;
        }
        List<ResultItem> items = new ArrayList<>(answer.resultItems().size());
        for (ResultItem item : answer.resultItems()) {
            items.add(new ResultItem(item.toAccount(), item.resultCode(), Redaction.redact(item.resultInfo(), userSig)));
        }
        return new FriendImportResponse(answer.actionStatus(), answer.errorCode(),
                Redaction.redact(answer.errorInfo(), userSig), Redaction.redact(answer.errorDisplay(), userSig), items,
                answer.failAccounts(), answer.invalidAccounts());
    }

    private TransportException failure(Call call, Throwable error) {
        TransportException.Kind kind = kindOf(error);
        String detail = Redaction.redact(String.valueOf(error), call.userSig);
        String what;
        switch (kind) {
            case TIMEOUT:
                what = "got no answer within the request timeout of " + timeouts.request();
                break;
            case CONNECT:
                // A request timeout that runs out while connecting is reported by the JDK as a connect timeout too.
                what = "could not connect (connect timeout " + timeouts.connect() + ", request timeout "
                        + timeouts.request() + ")";
                break;
            case TLS:
                what = "failed the TLS handshake (certificates are always verified)";
                break;
            default:
                what = "failed with an I/O error";
        }
        LOG.log(Level.DEBUG, () -> "POST " + call.logUrl + " " + what + ": " + detail);
        return new TransportException(kind, "friend_import POST " + call.logUrl + " " + what + ": " + detail, -1, "",
                Redaction.sanitize(error, call.userSig));
    }

    private static TransportException.Kind kindOf(Throwable error) {
        if (error instanceof HttpConnectTimeoutException) {
            return TransportException.Kind.CONNECT;
        }
        if (error instanceof HttpTimeoutException) {
            return TransportException.Kind.TIMEOUT;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
                return TransportException.Kind.CONNECT;
            }
            if (t instanceof SSLException) {
                return TransportException.Kind.TLS;
            }
        }
        return TransportException.Kind.IO;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A uniformly drawn unsigned 32-bit number, 0..4294967295, for the {@code random} parameter. */
    static long randomUint32(RandomGenerator random) {
        return Integer.toUnsignedLong(random.nextInt());
    }

    private static final class Call {
        final HttpRequest request;
        final String userSig;
        final String logUrl;
        final long startNanos;

        Call(HttpRequest request, String userSig, String logUrl, long startNanos) {
            this.request = request;
            this.userSig = userSig;
            this.logUrl = logUrl;
            this.startNanos = startNanos;
        }
    }

    /** Configures a {@link FriendImportClient}. */
    public static final class Builder {
        private final AppConfig app;
        private Timeouts timeouts = Timeouts.DEFAULT;
        private RateLimiter rateLimiter;
        private double serverRateLimit = RateLimiterRegistry.DEFAULT_CALLS_PER_SECOND;
        private double paceMargin = RateLimiterRegistry.DEFAULT_PACE_MARGIN;
        private boolean paceChosen;
        private Clock clock = Clock.systemUTC();
        private Duration userSigValidity = UserSigCache.DEFAULT_VALIDITY;
        private Duration userSigRenewalMargin = UserSigCache.DEFAULT_RENEWAL_MARGIN;
        private Executor executor;

        private Builder(AppConfig app) {
            this.app = Objects.requireNonNull(app, "app");
        }

        /** Connect and request timeouts; default {@link Timeouts#DEFAULT} (5 s, 10 s). */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /** The connect timeout; default 5 s. */
        public Builder connectTimeout(Duration connect) {
            this.timeouts = timeouts.withConnect(connect);
            return this;
        }

        /** The request timeout: how long to wait for an answer; default 10 s, keep it above the server's 3 s. */
        public Builder requestTimeout(Duration request) {
            this.timeouts = timeouts.withRequest(request);
            return this;
        }

        /**
         * The limiter to take a permit from before each call. Default: the JVM-wide limiter of the app's SDKAppID,
         * {@code RateLimiterRegistry.global().forSdkAppId(sdkAppId)}, pacing at 196 calls/s, 2 % under the
         * documented 200; with {@link #serverRateLimit} or {@link #paceMargin} set,
         * {@code forSdkAppId(sdkAppId, serverRateLimit × (1 − paceMargin))}. Give a distributed limiter when several
         * processes call for one app.
         */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /**
         * The app's call limit on the server; default {@value RateLimiterRegistry#DEFAULT_CALLS_PER_SECOND} calls/s,
         * the documented limit of {@code friend_import}. The default limiter paces a {@link #paceMargin margin}
         * under it.
         */
        public Builder serverRateLimit(double callsPerSecond) {
            if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
                throw new IllegalArgumentException("serverRateLimit must be positive and finite, was " + callsPerSecond);
            }
            this.serverRateLimit = callsPerSecond;
            this.paceChosen = true;
            return this;
        }

        /**
         * How far under the {@link #serverRateLimit server's limit} the default limiter paces, as a fraction from 0
         * (exactly at the limit) to below 1; default {@value RateLimiterRegistry#DEFAULT_PACE_MARGIN}, so 196 calls/s
         * under a limit of 200. The margin absorbs network jitter that bunches calls up on their way to the server,
         * which would otherwise be answered as throttled.
         */
        public Builder paceMargin(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("paceMargin must be in [0, 1), was " + fraction);
            }
            this.paceMargin = fraction;
            this.paceChosen = true;
            return this;
        }

        /** The clock UserSigs are signed and renewed by; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long each UserSig is valid; default one day. */
        public Builder userSigValidity(Duration validity) {
            this.userSigValidity = Objects.requireNonNull(validity, "validity");
            return this;
        }

        /** How long before expiry the UserSig is renewed; default five minutes. */
        public Builder userSigRenewalMargin(Duration margin) {
            this.userSigRenewalMargin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /** The executor of the HTTP client (where asynchronous answers complete); default the JDK's. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException when the UserSig validity or margin break their rules
         */
        public FriendImportClient build() {
            return new FriendImportClient(this);
        }
    }
}
