package io.timport.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves {@code POST /v4/sns/friend_import}. The checks run in this order, the first failing one answering:
 * path (60009), method (60002), query (60012 / 60002), SDKAppID (70020), lockout (70050), UserSig (700xx),
 * admin (60010), rate limit (throttle code), JSON (60003), body (30001), From_Account existence (30003),
 * From_Account held by another call (30008); then latency, injected faults, and the items one by one.
 */
final class FriendImportHandler implements HttpHandler {

    static final String PATH = "/v4/sns/friend_import";

    private static final System.Logger LOG = System.getLogger(FriendImportHandler.class.getName());

    private final SimulatorConfig config;
    private final Set<String> accounts;
    private final Stats stats;
    private final FriendStore store;
    private final ItemRules rules;
    private final UserSigVerifier verifier;
    private final SignatureLockout lockout;
    private final SlidingWindow limiter;
    private final SimClock clock;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> callsPerAccount = new ConcurrentHashMap<>();

    FriendImportHandler(SimulatorConfig config, Stats stats, FriendStore store, SimClock clock) {
        this.config = config;
        this.clock = clock;
        this.accounts = config.accounts().orElse(null);
        this.stats = stats;
        this.store = store;
        this.rules = new ItemRules(config.customFields());
        this.verifier = new UserSigVerifier(config.secretKey());
        this.lockout = new SignatureLockout(config.lockoutAfterFailures(), config.lockoutDuration().toNanos());
        this.limiter = new SlidingWindow(config.rateLimitPerSecond());
    }

    SlidingWindow limiter() {
        return limiter;
    }

    /** Forgets rate windows, lockouts, fault sequences and cached UserSigs. */
    void reset() {
        limiter.clear();
        lockout.clear();
        callsPerAccount.clear();
        verifier.clearCache();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        stats.enter();
        stats.calls.increment();
        try {
            reply = process(exchange);
        } catch (IOException e) {
            reply = null; // the client went away while we read its request: nothing to answer
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "simulator bug while handling a request", e);
            reply = Reply.internal(e);
        } finally {
            // Handled once the answer is decided, before it is written: a client that sends its next call as soon
            // as it has read this answer must not find this one still counted as in progress.
            stats.leave();
        }
        try {
            if (reply != null && reply != Reply.DROP) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType);
                if ("HEAD".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(reply.status, -1);
                } else {
                    exchange.sendResponseHeaders(reply.status, reply.body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(reply.body);
                    }
                }
            }
        } finally {
            // Without response headers, close() closes the connection itself: that is the dropped connection.
            exchange.close();
        }
    }

    private Reply process(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        if (!PATH.equals(path)) {
            return fail(Codes.BAD_RESOURCE, "unknown resource " + path + "; this simulator serves POST " + PATH);
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return fail(Codes.HTTP_PARSE_ERROR,
                    "method " + exchange.getRequestMethod() + " is not supported by " + PATH + "; use POST");
        }
        long now = clock.nanoTime();
        stats.callsWindow.tryAdmit(now);

        Object parsedQuery = Query.parse(exchange.getRequestURI().getRawQuery());
        if (parsedQuery instanceof Failure) {
            return fail((Failure) parsedQuery);
        }
        Query query = (Query) parsedQuery;
        if (query.sdkAppId() != config.sdkAppId()) {
            return fail(Codes.SDKAPPID_NOT_FOUND, "SDKAppID " + query.sdkAppId()
                    + " does not exist here (this simulator serves SDKAppID " + config.sdkAppId() + ")");
        }
        if (lockout.isLocked(query.identifier(), now)) {
            return fail(Codes.SIG_LOCKED_OUT, "too many failed UserSig checks for identifier \""
                    + query.identifier() + "\"; it is locked out for "
                    + seconds(config.lockoutDuration()) + " s after the last failure");
        }
        Failure sig = verifier.verify(query.userSig(), query.identifier(), query.sdkAppId(),
                clock.epochSeconds());
        if (sig != null) {
            lockout.recordFailure(query.identifier(), now);
            return fail(sig);
        }
        if (!config.admins().contains(query.identifier())) {
            return fail(Codes.NOT_ADMIN, "identifier \"" + query.identifier()
                    + "\" is not an app admin; REST calls need an admin identifier");
        }
        if (!limiter.tryAdmit(clock.nanoTime())) {
            stats.throttled.increment();
            return fail(config.throttleCode(), "the call rate of SDKAppID " + config.sdkAppId()
                    + " is over its limit of " + config.rateLimitPerSecond() + " calls per second");
        }
        stats.accepted.increment();

        Object tree;
        try {
            tree = JsonTree.parse(body);
        } catch (JsonTree.SyntaxException e) {
            return fail(Codes.JSON_PARSE_ERROR, "the request body is " + e.getMessage());
        }
        Object checked = ImportRequest.check(tree, config.maxItemsPerRequest());
        if (checked instanceof Failure) {
            return fail((Failure) checked);
        }
        ImportRequest request = (ImportRequest) checked;
        String from = request.fromAccount;
        if (accounts != null && !accounts.contains(from)) {
            return fail(Codes.ACCOUNT_NOT_FOUND, "From_Account \"" + from + "\" does not exist in this app");
        }
        if (!inProgress.add(from)) {
            stats.conflicts.increment();
            return fail(Codes.WRITE_CONFLICT, "From_Account \"" + from + "\" is still being processed by another "
                    + "request: write conflict (never send two requests for one From_Account at once)");
        }
        try {
            return importItems(request);
        } finally {
            // Released before the answer is written, so a client's next call after reading it never conflicts.
            inProgress.remove(from);
        }
    }

    private Reply importItems(ImportRequest request) {
        String from = request.fromAccount;
        long n = callsPerAccount.computeIfAbsent(from, k -> new AtomicLong()).incrementAndGet();
        CallDraws draws = new CallDraws(config, from, n);
        if (draws.latencyNanos > 0) {
            try {
                Thread.sleep(draws.latencyNanos / 1_000_000, (int) (draws.latencyNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail(Codes.INTERNAL_ERROR, "the simulator is shutting down");
            }
        }
        Fault fault = draws.requestFault;
        if (fault != null) {
            stats.injected(fault);
            switch (fault) {
                case DROPPED_CONNECTION:
                    return Reply.DROP;
                case HTTP_502:
                    return Reply.BAD_GATEWAY;
                case REQUEST_30006:
                    return fail(Codes.INTERNAL_ERROR, "internal server error (injected fault); try again");
                case REQUEST_30007:
                    return fail(Codes.TIMEOUT, "network timeout (injected fault); try again later");
                default:
                    break; // APPLIED_THEN_30007: store first, answer 30007 below
            }
        }
        List<Reply.ItemResult> results = new ArrayList<>(request.items.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        int stored = 0;
        for (int i = 0; i < request.items.size(); i++) {
            Map<String, Object> item = request.items.get(i);
            boolean itemFault = draws.nextItemFault();
            String to = (String) item.get("To_Account");
            Integer first = firstIndex.putIfAbsent(to, i);
            Failure failure;
            if (first != null) {
                failure = new Failure(Codes.BAD_PARAMETER, "To_Account \"" + to + "\" appears more than once in "
                        + "this request (first at AddFriendItem[" + first + "]); only its first item is processed");
            } else {
                Object outcome = rules.check(from, item);
                if (outcome instanceof Failure) {
                    failure = (Failure) outcome;
                } else if (accounts != null && !accounts.contains(to)) {
                    failure = new Failure(Codes.ACCOUNT_NOT_FOUND, "To_Account \"" + to + "\" does not exist in this app");
                } else if (itemFault) {
                    stats.injected(Fault.ITEM_30006);
                    failure = new Failure(Codes.INTERNAL_ERROR, "internal server error (injected fault); try again");
                } else {
                    failure = store.put(from, (Relation) outcome);
                }
            }
            if (failure == null) {
                stored++;
            } else {
                stats.itemFailed(failure.code());
            }
            results.add(new Reply.ItemResult(to, failure));
        }
        stats.itemsStored.add(stored);
        if (fault == Fault.APPLIED_THEN_30007) {
            return fail(Codes.TIMEOUT, "network timeout (injected fault); try again later");
        }
        stats.succeeded.increment();
        return Reply.ok(results);
    }

    private static String seconds(java.time.Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private Reply fail(int code, String info) {
        return fail(new Failure(code, info));
    }

    private Reply fail(Failure failure) {
        stats.requestFailed(failure.code());
        return Reply.error(failure);
    }
}
