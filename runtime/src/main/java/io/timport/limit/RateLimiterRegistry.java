package io.timport.limit;

import io.timport.call.ChatApi;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link SmoothRateLimiter} per SDKAppID and API, so that everything calling one API for one app shares its limit.
 *
 * <p>Tencent limits calls per app <em>and per API</em> (friend_import 200 calls/s, account_check 100 calls/s, …, see
 * {@link ChatApi}): an app's friend_import calls do not use up its account_check calls. {@link #global()} is the
 * JVM-wide registry every {@code ChatClient} (and {@code FriendImportClient}) uses by default: two clients (or two
 * importers) for the same SDKAppID in one JVM take their friend_import permits from the same limiter.
 *
 * <p>Rates: {@link #forApi(long, ChatApi)} takes the limiter as it is, creating it at the API's
 * {@link #defaultPace(ChatApi) default pace} ({@value #DEFAULT_PACE_MARGIN} under the documented limit).
 * {@link #forApi(long, ChatApi, double)} chooses a rate explicitly: it replaces the default rate of an existing
 * limiter (everyone sharing it slows down or speeds up together), and must agree with an earlier explicit choice:
 * two different explicit rates for one app and API are an error rather than a silent second limit.
 * {@link #forSdkAppId(long)} and {@link #forSdkAppId(long, double)} are the friend_import forms.
 */
public final class RateLimiterRegistry {

    /** The documented limit of {@code friend_import}: 200 calls per second per app; {@link ChatApi#FRIEND_IMPORT}'s. */
    public static final double DEFAULT_CALLS_PER_SECOND = ChatApi.FRIEND_IMPORT.callsPerSecond();

    /**
     * How far under the server's limit a default limiter paces: 2 %. Network jitter bunches calls up on their way
     * to the server; the margin keeps a strictly paced client from being answered as throttled.
     */
    public static final double DEFAULT_PACE_MARGIN = 0.02;

    /** The rate of a friend_import limiter created with the defaults: {@code 200 × (1 − 0.02)} = 196 calls/s. */
    public static final double DEFAULT_PACE = defaultPace(ChatApi.FRIEND_IMPORT);

    private static final RateLimiterRegistry GLOBAL = new RateLimiterRegistry(NanoClock.system());

    private final NanoClock clock;
    private final ConcurrentMap<Key, SmoothRateLimiter> limiters = new ConcurrentHashMap<>();
    /** Keys whose rate was chosen explicitly; guarded by {@code this}. */
    private final Set<Key> explicit = new HashSet<>();

    private record Key(long sdkAppId, ChatApi api) {}

    /**
     * A private registry (for tests, or to isolate limiters); most code wants {@link #global()}.
     *
     * @param clock the clock the registry's limiters pace by (not null)
     */
    public RateLimiterRegistry(NanoClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The JVM-wide registry, on the system clock.
     *
     * @return the registry every client shares by default
     */
    public static RateLimiterRegistry global() {
        return GLOBAL;
    }

    /**
     * The pace of a default limiter of {@code api}: its documented limit less {@value #DEFAULT_PACE_MARGIN}.
     *
     * @param api the Chat API (not null)
     * @return the default pace in calls per second: {@code api.callsPerSecond() × (1 − DEFAULT_PACE_MARGIN)}
     */
    public static double defaultPace(ChatApi api) {
        return api.callsPerSecond() * (1 - DEFAULT_PACE_MARGIN);
    }

    /**
     * The shared friend_import limiter of {@code sdkAppId}: {@code forApi(sdkAppId, ChatApi.FRIEND_IMPORT)}.
     *
     * @param sdkAppId the app's SDKAppID
     * @return the shared limiter, created at the default pace if new
     */
    public RateLimiter forSdkAppId(long sdkAppId) {
        return forApi(sdkAppId, ChatApi.FRIEND_IMPORT);
    }

    /**
     * The shared friend_import limiter of {@code sdkAppId} at {@code callsPerSecond}:
     * {@code forApi(sdkAppId, ChatApi.FRIEND_IMPORT, callsPerSecond)}.
     *
     * @param sdkAppId the app's SDKAppID
     * @param callsPerSecond the rate, positive and finite
     * @return the shared limiter at that rate
     * @throws IllegalArgumentException as {@link #forApi(long, ChatApi, double)}
     */
    public RateLimiter forSdkAppId(long sdkAppId, double callsPerSecond) {
        return forApi(sdkAppId, ChatApi.FRIEND_IMPORT, callsPerSecond);
    }

    /**
     * The shared limiter of {@code api} for {@code sdkAppId}, at its current rate; created at the default pace if new.
     *
     * @param sdkAppId the app's SDKAppID
     * @param api the Chat API (not null)
     * @return the shared limiter, never null
     */
    public RateLimiter forApi(long sdkAppId, ChatApi api) {
        Objects.requireNonNull(api, "api");
        return limiters.computeIfAbsent(new Key(sdkAppId, api), k -> new SmoothRateLimiter(defaultPace(api), clock));
    }

    /**
     * The shared limiter of {@code api} for {@code sdkAppId} at {@code callsPerSecond}: created at that rate if new;
     * an existing limiter at the default rate is set to it.
     *
     * @param sdkAppId the app's SDKAppID
     * @param api the Chat API (not null)
     * @param callsPerSecond the rate, positive and finite
     * @return the shared limiter at that rate
     * @throws IllegalArgumentException when another rate was already chosen explicitly for this SDKAppID and API, or
     *     the rate is not positive and finite
     */
    public synchronized RateLimiter forApi(long sdkAppId, ChatApi api, double callsPerSecond) {
        Objects.requireNonNull(api, "api");
        Key key = new Key(sdkAppId, api);
        SmoothRateLimiter limiter = limiters.computeIfAbsent(key, k -> new SmoothRateLimiter(callsPerSecond, clock));
        if (Double.compare(limiter.permitsPerSecond(), callsPerSecond) != 0) {
            if (explicit.contains(key)) {
                throw new IllegalArgumentException("SDKAppID " + sdkAppId + " already has a shared rate limiter at "
                        + limiter.permitsPerSecond() + " calls/s for " + api.apiName() + "; asked for " + callsPerSecond
                        + " calls/s. All users of one app's API in a JVM must agree on its rate.");
            }
            limiter.setPermitsPerSecond(callsPerSecond);
        }
        explicit.add(key);
        return limiter;
    }
}
