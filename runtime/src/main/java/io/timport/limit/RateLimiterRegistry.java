package io.timport.limit;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link SmoothRateLimiter} per SDKAppID, so that everything calling the API for one app shares its limit.
 *
 * <p>{@link #global()} is the JVM-wide registry every {@code FriendImportClient} uses by default: two clients (or
 * two importers) for the same SDKAppID in one JVM take permits from the same limiter.
 *
 * <p>Rates: {@link #forSdkAppId(long)} takes the limiter as it is, creating it at the default
 * {@value #DEFAULT_PACE} calls/s (a 2 % margin under the documented 200). {@link #forSdkAppId(long, double)} chooses a rate explicitly: it
 * replaces the default rate of an existing limiter (everyone sharing it slows down or speeds up together), and
 * must agree with an earlier explicit choice: two different explicit rates for one app are an error rather than a
 * silent second limit.
 */
public final class RateLimiterRegistry {

    /** The documented limit of {@code friend_import} and its related APIs: 200 calls per second per app. */
    public static final double DEFAULT_CALLS_PER_SECOND = 200;

    /**
     * How far under the server's limit a default limiter paces: 2 %. Network jitter bunches calls up on their way
     * to the server; the margin keeps a strictly paced client from being answered as throttled.
     */
    public static final double DEFAULT_PACE_MARGIN = 0.02;

    /** The rate of a limiter created with the defaults: {@code 200 × (1 − 0.02)} = 196 calls/s. */
    public static final double DEFAULT_PACE = DEFAULT_CALLS_PER_SECOND * (1 - DEFAULT_PACE_MARGIN);

    private static final RateLimiterRegistry GLOBAL = new RateLimiterRegistry(NanoClock.system());

    private final NanoClock clock;
    private final ConcurrentMap<Long, SmoothRateLimiter> limiters = new ConcurrentHashMap<>();
    /** SDKAppIDs whose rate was chosen explicitly; guarded by {@code this}. */
    private final Set<Long> explicit = new HashSet<>();

    /** A private registry (for tests, or to isolate limiters); most code wants {@link #global()}. */
    public RateLimiterRegistry(NanoClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The JVM-wide registry, on the system clock. */
    public static RateLimiterRegistry global() {
        return GLOBAL;
    }

    /** The shared limiter of {@code sdkAppId}, at its current rate; created at the default rate if new. */
    public RateLimiter forSdkAppId(long sdkAppId) {
        return limiters.computeIfAbsent(sdkAppId, id -> new SmoothRateLimiter(DEFAULT_PACE, clock));
    }

    /**
     * The shared limiter of {@code sdkAppId} at {@code callsPerSecond}: created at that rate if new; an existing
     * limiter at the default rate is set to it.
     *
     * @throws IllegalArgumentException when another rate was already chosen explicitly for this SDKAppID, or the rate
     *     is not positive and finite
     */
    public synchronized RateLimiter forSdkAppId(long sdkAppId, double callsPerSecond) {
        SmoothRateLimiter limiter =
                limiters.computeIfAbsent(sdkAppId, id -> new SmoothRateLimiter(callsPerSecond, clock));
        if (Double.compare(limiter.permitsPerSecond(), callsPerSecond) != 0) {
            if (explicit.contains(sdkAppId)) {
                throw new IllegalArgumentException("SDKAppID " + sdkAppId + " already has a shared rate limiter at "
                        + limiter.permitsPerSecond() + " calls/s; asked for " + callsPerSecond
                        + " calls/s. All users of one app in a JVM must agree on its rate.");
            }
            limiter.setPermitsPerSecond(callsPerSecond);
        }
        explicit.add(sdkAppId);
        return limiter;
    }
}
