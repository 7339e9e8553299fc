package io.timport.call;

import com.fasterxml.jackson.core.JsonParser;
import io.timport.call.Redaction.Redactor;
import io.timport.config.AppConfig;
import io.timport.config.Timeouts;
import io.timport.limit.RateLimiter;
import io.timport.limit.RateLimiterRegistry;
import io.timport.wire.AddFriendItem;
import io.timport.wire.FriendImportRules;
import java.io.IOException;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * One signed, rate-limited {@code v4/sns/friend_import} call at a time, synchronous or asynchronous: the
 * friend_import layer of a {@link ChatClient}.
 *
 * <p>Each call: takes a permit from friend_import's {@link RateLimiter} (by default the JVM-wide limiter of the app and
 * API, 196 calls/s, 2 % under the documented 200), gets the admin's cached UserSig (renewed before it expires), writes
 * the body with jackson-core, POSTs it to
 * {@code <endpoint>/v4/sns/friend_import?sdkappid=…&identifier=…&usersig=…&random=…&contenttype=json} with a fresh
 * unsigned 32-bit {@code random}, and reads the answer.
 *
 * <p>Outcomes: an HTTP 200 answer with a Chat API JSON body is a {@link FriendImportResponse}, also when it reports
 * a request-level failure ({@code ActionStatus FAIL}) or failed items. Everything else (timeout, connection failure,
 * TLS failure, reset, HTTP status other than 200, a body that is not a Chat answer or is over the answer cap) is a
 * {@link TransportException}. Both carry the call's {@code random}. After 70001 or 70052 call {@link #renewUserSig()}
 * and retry once.
 *
 * <p>{@link #builder(AppConfig)} builds a {@link ChatClient} behind the scenes; {@link #chatClient()} reaches it, and
 * through it the sibling clients of the other APIs on the same transport (one UserSig cache, one HTTP client). One
 * {@link java.net.http.HttpClient} per transport, HTTP/1.1 with keep-alive connections, certificates verified by the
 * JVM's default trust store, redirects not followed. Thread-safe: share one client. Log output
 * ({@link System.Logger} {@code io.timport.call.FriendImportClient}, DEBUG) shows URLs with {@code usersig=<redacted>}.
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

    /** The API path: {@link ChatApi#FRIEND_IMPORT}'s. */
    public static final String API_PATH = ChatApi.FRIEND_IMPORT.path();
    /** The most items one call may carry (current English API page): {@link ChatApi#FRIEND_IMPORT}'s, 1000. */
    public static final int MAX_ITEMS_PER_CALL = ChatApi.FRIEND_IMPORT.maxItemsPerCall();

    private static final Logger LOG = System.getLogger(FriendImportClient.class.getName());
    private static final String NAME = "FriendImportClient";

    private final ChatClient chat;
    private final Transport transport;

    FriendImportClient(ChatClient chat, Transport transport) {
        this.chat = chat;
        this.transport = transport;
    }

    /**
     * A builder for a client of {@code app} (and of the {@link ChatClient} behind it).
     *
     * @param app who calls and where (not null)
     * @return a new builder with every default
     */
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
     * @param items 1 to 1000 ({@link #MAX_ITEMS_PER_CALL}) items
     * @return the server's answer, including request-level failures and failed items
     * @throws TransportException when no usable answer arrived within the request timeout
     * @throws InterruptedException when interrupted while waiting for a permit or the answer
     * @throws IllegalArgumentException when the arguments break a rule, or an item cannot be written
     * @throws IllegalStateException when the client is closed
     */
    public FriendImportResponse importFriends(String fromAccount, List<? extends AddFriendItem> items)
            throws TransportException, InterruptedException {
        transport.ensureOpen(NAME);
        byte[] body = requestBody(fromAccount, items);
        return transport.call(ChatApi.FRIEND_IMPORT, NAME, body, new Answer(), LOG,
                () -> items.size() + " items, From_Account " + fromAccount);
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
     * @param fromAccount the UserID whose friend list receives the items (1 to 32 bytes)
     * @param items 1 to 1000 ({@link #MAX_ITEMS_PER_CALL}) items
     * @return the answer to come: the server's answer, including request-level failures and failed items
     * @throws InterruptedException when interrupted while waiting for the permit (nothing was sent)
     * @throws IllegalArgumentException when the arguments break a rule, or an item cannot be written
     * @throws IllegalStateException when the client is closed
     */
    public CompletableFuture<FriendImportResponse> importFriendsAsync(String fromAccount,
            List<? extends AddFriendItem> items) throws InterruptedException {
        transport.ensureOpen(NAME);
        byte[] body = requestBody(fromAccount, items);
        return transport.send(ChatApi.FRIEND_IMPORT, NAME, body, new Answer(), LOG,
                () -> items.size() + " items, From_Account " + fromAccount);
    }

    /**
     * The exact request body {@link #importFriends} sends for these arguments, after the same checks:
     * {@code {"From_Account":…,"AddFriendItem":[item,…]}} in UTF-8, written with jackson-core from the items'
     * pre-encoded serializers. For tools that need the bytes themselves: the serialization benchmark, a body-size
     * budget, a dry run.
     *
     * @param fromAccount the UserID whose friend list receives the items (1 to 32 bytes)
     * @param items 1 to 1000 ({@link #MAX_ITEMS_PER_CALL}) items
     * @return the request body, UTF-8 JSON, exactly as {@link #importFriends} sends it
     * @throws IllegalArgumentException when the arguments break a rule, or an item cannot be written (naming its index
     *     and To_Account)
     * @throws NullPointerException when an argument or an item is null
     */
    public static byte[] requestBody(String fromAccount, List<? extends AddFriendItem> items) {
        Objects.requireNonNull(fromAccount, "fromAccount");
        Objects.requireNonNull(items, "items");
        String problem = FriendImportRules.userIdProblem("From_Account", fromAccount);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
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
        return RequestWriter.friendImport(Transport.JSON, fromAccount, items);
    }

    /**
     * Forgets the cached UserSig, so that the next call (of any API of the transport) signs a new one. Call it after
     * an answer with 70001 (expired) or 70052 (invalidated), then retry once.
     */
    public void renewUserSig() {
        transport.renewUserSig();
    }

    /**
     * The {@link ChatClient} this client belongs to: its {@link ChatClient#accounts()} and
     * {@link ChatClient#friends()} share this client's UserSig cache and HTTP client.
     *
     * @return the owning client, never null
     */
    public ChatClient chatClient() {
        return chat;
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
     * The limiter every friend_import call takes a permit from.
     *
     * @return the friend_import limiter, never null
     */
    public RateLimiter rateLimiter() {
        return transport.rateLimiter(ChatApi.FRIEND_IMPORT);
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
     * Refuses further calls, of this client and of its siblings on the same {@link ChatClient}. On JDK 21 and later
     * this also closes the HTTP client, waiting for calls in flight; on JDK 17 the HTTP client's connections are
     * released when it is garbage-collected.
     */
    @Override
    public void close() {
        chat.close();
    }

    /** Shows the app (key redacted), limiter and timeouts; never a UserSig. */
    @Override
    public String toString() {
        return "FriendImportClient[" + app() + ", " + rateLimiter() + ", " + timeouts() + "]";
    }

    /** A uniformly drawn unsigned 32-bit number, 0..4294967295, for the {@code random} parameter. */
    static long randomUint32(RandomGenerator random) {
        return UrlSigner.randomUint32(random);
    }

    /** Reads friend_import's own fields: {@code ResultItem}, {@code Fail_Account}, {@code Invalid_Account}. */
    private static final class Answer implements AnswerParser.Reader<FriendImportResponse> {
        private List<ResultItem> results = List.of();
        private List<String> failAccounts = List.of();
        private List<String> invalidAccounts = List.of();

        @Override
        public boolean field(String name, JsonParser p, Redactor redactor) throws IOException {
            switch (name) {
                case "ResultItem":
                    results = resultItems(p, redactor);
                    return true;
                case "Fail_Account":
                    failAccounts = AnswerParser.strings(p, redactor);
                    return true;
                case "Invalid_Account":
                    invalidAccounts = AnswerParser.strings(p, redactor);
                    return true;
                default:
                    return false;
            }
        }

        @Override
        public FriendImportResponse answer(AnswerParser.Envelope e, long random) {
            return new FriendImportResponse(e.actionStatus(), e.errorCode(), e.errorInfo(), e.errorDisplay(), results,
                    failAccounts, invalidAccounts, random);
        }

        @Override
        public String summary(FriendImportResponse a) {
            return "ActionStatus " + a.actionStatus() + ", ErrorCode " + a.errorCode() + ", " + a.resultItems().size()
                    + " results, " + a.failAccounts().size() + " failed";
        }

        private static List<ResultItem> resultItems(JsonParser p, Redactor redactor) throws IOException {
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                p.skipChildren();
                return List.of();
            }
            List<ResultItem> items = new ArrayList<>();
            while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String toAccount = "";
                Integer resultCode = null;
                String resultInfo = "";
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "To_Account":
                            toAccount = AnswerParser.text(p, redactor);
                            break;
                        case "ResultCode":
                            resultCode = AnswerParser.integer(p, "ResultCode");
                            break;
                        case "ResultInfo":
                            resultInfo = AnswerParser.text(p, redactor);
                            break;
                        default:
                            p.skipChildren();
                    }
                }
                items.add(new ResultItem(toAccount, resultCode == null ? -1 : resultCode, resultInfo));
            }
            return items;
        }
    }

    /**
     * Configures a {@link FriendImportClient} and the {@link ChatClient} behind it. The rate options here are
     * friend_import's (the other APIs keep their documented limits, at the same {@link #paceMargin margin}); for
     * everything else use {@link ChatClient#builder}.
     */
    public static final class Builder {
        private final ChatClient.Builder chat;

        private Builder(AppConfig app) {
            this.chat = ChatClient.builder(Objects.requireNonNull(app, "app"));
        }

        /**
         * Connect timeout and per-call deadline; default {@link Timeouts#DEFAULT} (5 s, 10 s).
         *
         * @param timeouts the connect timeout and per-call deadline (not null)
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            chat.timeouts(timeouts);
            return this;
        }

        /**
         * The connect timeout; default 5 s.
         *
         * @param connect how long to wait for a TCP (and TLS) connection (positive)
         * @return this builder
         */
        public Builder connectTimeout(Duration connect) {
            chat.connectTimeout(connect);
            return this;
        }

        /**
         * The request timeout: each call's deadline, covering connecting, the headers and the whole body; default
         * 10 s, keep it above the server's 3 s.
         *
         * @param request each call's deadline (positive)
         * @return this builder
         */
        public Builder requestTimeout(Duration request) {
            chat.requestTimeout(request);
            return this;
        }

        /**
         * The limiter to take a permit from before each friend_import call. Default: the JVM-wide limiter of the
         * app's SDKAppID and friend_import, {@code RateLimiterRegistry.global().forSdkAppId(sdkAppId)}, pacing at 196
         * calls/s, 2 % under the documented 200; with {@link #serverRateLimit} or {@link #paceMargin} set,
         * {@code forSdkAppId(sdkAppId, serverRateLimit × (1 − paceMargin))}; with {@link #privateRateLimiter()}, a
         * limiter of its own at that pace. Give a distributed limiter when several processes call for one app.
         *
         * @param rateLimiter the limiter friend_import calls take their permits from (not null)
         * @return this builder
         */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            chat.rateLimiter(ChatApi.FRIEND_IMPORT, rateLimiter);
            return this;
        }

        /**
         * The app's friend_import call limit on the server; default 200 calls/s
         * ({@link RateLimiterRegistry#DEFAULT_CALLS_PER_SECOND}), the documented limit. The default limiter paces a {@link #paceMargin margin} under it.
         *
         * @param callsPerSecond the server's friend_import limit for the app, in calls per second (positive)
         * @return this builder
         */
        public Builder serverRateLimit(double callsPerSecond) {
            if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
                throw new IllegalArgumentException("serverRateLimit must be positive and finite, was " + callsPerSecond);
            }
            chat.serverRateLimit(ChatApi.FRIEND_IMPORT, callsPerSecond);
            return this;
        }

        /**
         * How far under the {@link #serverRateLimit server's limit} the default limiters pace, as a fraction from 0
         * (exactly at the limit) to below 1; default {@value RateLimiterRegistry#DEFAULT_PACE_MARGIN}, so 196 calls/s
         * under a limit of 200. The margin absorbs network jitter that bunches calls up on their way to the server,
         * which would otherwise be answered as throttled.
         *
         * @param fraction the margin, at least 0 and below 1
         * @return this builder
         */
        public Builder paceMargin(double fraction) {
            chat.paceMargin(fraction);
            return this;
        }

        /**
         * Gives the client rate limiters of its own (one per API, friend_import's at
         * {@code serverRateLimit × (1 − paceMargin)}) instead of the JVM-wide ones shared per app and API: for a
         * process that is the only caller of its app.
         *
         * @return this builder
         */
        public Builder privateRateLimiter() {
            chat.privateRateLimiters();
            return this;
        }

        /**
         * The clock UserSigs are signed and renewed by; default the system clock.
         *
         * @param clock the clock UserSigs are signed by (not null)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            chat.clock(clock);
            return this;
        }

        /**
         * How long each UserSig is valid; default one day.
         *
         * @param validity the validity of each UserSig (at least one second)
         * @return this builder
         */
        public Builder userSigValidity(Duration validity) {
            chat.userSigValidity(validity);
            return this;
        }

        /**
         * How long before expiry the UserSig is renewed; default five minutes.
         *
         * @param margin how long before expiry a new UserSig is signed (zero or more, less than the validity)
         * @return this builder
         */
        public Builder userSigRenewalMargin(Duration margin) {
            chat.userSigRenewalMargin(margin);
            return this;
        }

        /**
         * The executor of the HTTP client (where asynchronous answers complete); default a cached pool of its own.
         *
         * @param executor the executor asynchronous answers complete on (not null)
         * @return this builder
         */
        public Builder executor(Executor executor) {
            chat.executor(executor);
            return this;
        }

        /**
         * The most bytes one answer may have; default 4 MiB. See {@link ChatClient.Builder#maxAnswerBytes}.
         *
         * @param bytes the cap in bytes, from 1024 to {@value ChatClient#MAX_ANSWER_BYTES_LIMIT}
         * @return this builder
         */
        public Builder maxAnswerBytes(long bytes) {
            chat.maxAnswerBytes(bytes);
            return this;
        }

        /**
         * The client.
         *
         * @return a new open client; close it to release its HTTP client
         * @throws IllegalArgumentException when the UserSig validity or margin break their rules, or an explicit rate
         *     contradicts one already chosen for the app's shared limiter
         */
        public FriendImportClient build() {
            return chat.build().friendImport();
        }
    }
}
