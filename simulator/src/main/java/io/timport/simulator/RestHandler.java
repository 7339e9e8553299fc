package io.timport.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The common part of every call, in the order the first failing check answers: stall (the request waits), body
 * size (HTTP 413), path (60009), method (60002), query (60012 / 70002 / 60002), SDKAppID (70020), lockout (70050),
 * UserSig (700xx), admin (60010), the API's own rate window (throttle code), JSON (60003); then the API's handler.
 */
final class RestHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(RestHandler.class.getName());
    private static final String SERVED = Stream.of(RestApi.values()).map(RestApi::path)
            .collect(Collectors.joining(", "));

    private final SimulatorConfig config;
    private final SimClock clock;
    private final Stats stats;
    private final UserSigVerifier verifier;
    private final SignatureLockout lockout;
    private final Map<RestApi, SlidingWindow> limiters = new EnumMap<>(RestApi.class);
    private final Map<RestApi, ApiHandler> handlers;
    private final Stalls stalls;

    RestHandler(SimulatorConfig config, SimClock clock, Stats stats, Map<RestApi, ApiHandler> handlers) {
        this.config = config;
        this.clock = clock;
        this.stats = stats;
        this.handlers = handlers;
        this.verifier = new UserSigVerifier(config.secretKey());
        this.lockout = new SignatureLockout(config.lockoutAfterFailures(), config.lockoutDuration().toNanos());
        for (RestApi api : RestApi.values()) {
            limiters.put(api, new SlidingWindow(config.rateLimitPerSecond(api)));
        }
        this.stalls = config.stallPeriod().isZero() ? null : new Stalls(config.stallPeriod().toNanos(),
                config.stallMinDuration().toNanos(), config.stallMaxDuration().toNanos(), config.faultSeed(),
                clock.nanoTime());
    }

    Map<RestApi, SlidingWindow> limiters() {
        return limiters;
    }

    /** Forgets rate windows, lockouts, cached UserSigs, the stall schedule and every handler's call state. */
    void reset() {
        limiters.values().forEach(SlidingWindow::clear);
        lockout.clear();
        verifier.clearCache();
        if (stalls != null) {
            stalls.reset(clock.nanoTime());
        }
        handlers.values().forEach(ApiHandler::reset);
    }

    void resetMaxima() {
        limiters.values().forEach(SlidingWindow::resetMax);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = null; // the simulator is closing
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
                if (reply.close) {
                    exchange.getResponseHeaders().set("Connection", "close");
                }
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

    private Reply process(HttpExchange exchange) throws IOException, InterruptedException {
        if (stalls != null) {
            long stall = stalls.stallAt(clock.nanoTime());
            if (stall != 0) {
                stats.stalledRequests.increment();
                if (stalls.firstHeldBy(stall)) {
                    stats.stalls.increment();
                }
                clock.awaitUntil(stalls.end(stall));
            }
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            stats.oversizedBodies.increment();
            return Reply.TOO_LARGE;
        }
        String path = exchange.getRequestURI().getRawPath();
        RestApi api = RestApi.forPath(path).orElse(null);
        if (api == null) {
            return fail(null, Codes.BAD_RESOURCE, "unknown resource " + path + "; this simulator serves POST "
                    + SERVED);
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return fail(api, Codes.HTTP_PARSE_ERROR,
                    "method " + exchange.getRequestMethod() + " is not supported by " + path + "; use POST");
        }
        Stats.PerApi counters = stats.api(api);
        counters.calls.increment();
        long now = clock.nanoTime();
        counters.callsWindow.tryAdmit(now);

        Checked<Query> parsed = Query.parse(exchange.getRequestURI().getRawQuery());
        if (parsed instanceof Checked.Refused<Query> refused) {
            return fail(api, refused.failure());
        }
        Query query = parsed.value();
        if (query.sdkAppId() != config.sdkAppId()) {
            return fail(api, Codes.SDKAPPID_NOT_FOUND, "SDKAppID " + query.sdkAppId()
                    + " does not exist here (this simulator serves SDKAppID " + config.sdkAppId() + ")");
        }
        if (lockout.isLocked(query.identifier(), now)) {
            return fail(api, Codes.SIG_LOCKED_OUT, "too many failed UserSig checks for identifier \""
                    + query.identifier() + "\"; it is locked out for "
                    + seconds(config.lockoutDuration()) + " s after the last failure");
        }
        Failure sig = verifier.verify(query.userSig(), query.identifier(), query.sdkAppId(), clock.epochSeconds());
        if (sig != null) {
            lockout.recordFailure(query.identifier(), now);
            return fail(api, sig);
        }
        if (!config.admins().contains(query.identifier())) {
            return fail(api, Codes.NOT_ADMIN, "identifier \"" + query.identifier()
                    + "\" is not an app admin; REST calls need an admin identifier");
        }
        if (!limiters.get(api).tryAdmit(clock.nanoTime())) {
            counters.throttled.increment();
            return fail(api, config.throttleCode(), "the call rate of SDKAppID " + config.sdkAppId() + " on "
                    + api.path() + " is over its limit of " + config.rateLimitPerSecond(api) + " calls per second");
        }
        counters.accepted.increment();

        Object tree;
        try {
            tree = JsonTree.parse(body);
        } catch (JsonTree.SyntaxException e) {
            return fail(api, Codes.JSON_PARSE_ERROR, "the request body is " + e.getMessage());
        }
        Reply reply = handlers.get(api).handle(new ApiHandler.Call(api, query, tree));
        if (reply.failure != null) {
            stats.requestFailed(api, reply.failure.code());
        } else if (reply.succeeded) {
            counters.succeeded.increment();
        }
        return reply;
    }

    /** The body, or null when it is over the cap (never reading more than the cap and one byte). */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        int max = config.maxRequestBodyBytes();
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > max) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // the JDK's server has already refused a malformed Content-Length
            }
        }
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes((int) Math.min((long) max + 1, Integer.MAX_VALUE - 8));
        return body.length > max ? null : body;
    }

    private static String seconds(java.time.Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private Reply fail(RestApi api, int code, String info) {
        return fail(api, new Failure(code, info));
    }

    private Reply fail(RestApi api, Failure failure) {
        stats.requestFailed(api, failure.code());
        return Reply.error(failure, api == null || !isAccountApi(api));
    }

    /** The account APIs answer without {@code ErrorDisplay}, as Tencent's pages show them. */
    static boolean isAccountApi(RestApi api) {
        return api == RestApi.ACCOUNT_IMPORT || api == RestApi.MULTIACCOUNT_IMPORT || api == RestApi.ACCOUNT_CHECK;
    }
}
