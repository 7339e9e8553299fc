package io.timport.limit;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link SmoothRateLimiter} per SDKAppID, so that everything calling the API for one app shares its limit.
 *
 * <p>{@link #global()} is the JVM-wide registry every {@code FriendImportClient} uses by default: two clients (or
 * two importers) for the same SDKAppID in one JVM take permits from the same limiter. The first request for an
 * SDKAppID fixes its rate; asking again with another rate is an error rather than a silent second limit.
 */
public final class RateLimiterRegistry {

    /** The documented limit of {@code friend_import} and its related APIs: 200 calls per second per app. */
    public static final double DEFAULT_CALLS_PER_SECOND = 200;

    private static final RateLimiterRegistry GLOBAL = new RateLimiterRegistry(NanoClock.system());

    private final NanoClock clock;
    private final ConcurrentMap<Long, SmoothRateLimiter> limiters = new ConcurrentHashMap<>();

    /** A private registry (for tests, or to isolate limiters); most code wants {@link #global()}. */
    public RateLimiterRegistry(NanoClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The JVM-wide registry, on the system clock. */
    public static RateLimiterRegistry global() {
        return GLOBAL;
    }

    /** The shared limiter of {@code sdkAppId}, created at {@value #DEFAULT_CALLS_PER_SECOND} calls/s if new. */
    public RateLimiter forSdkAppId(long sdkAppId) {
        return forSdkAppId(sdkAppId, DEFAULT_CALLS_PER_SECOND);
    }

    /**
     * The shared limiter of {@code sdkAppId}, created at {@code callsPerSecond} if new.
     *
     * @throws IllegalArgumentException when a limiter for this SDKAppID already exists with another rate
     */
    public RateLimiter forSdkAppId(long sdkAppId, double callsPerSecond) {
        SmoothRateLimiter limiter =
                limiters.computeIfAbsent(sdkAppId, id -> new SmoothRateLimiter(callsPerSecond, clock));
        if (Double.compare(limiter.permitsPerSecond(), callsPerSecond) != 0) {
            throw new IllegalArgumentException("SDKAppID " + sdkAppId + " already has a shared rate limiter at "
                    + limiter.permitsPerSecond() + " calls/s; asked for " + callsPerSecond
                    + " calls/s. All users of one app in a JVM must agree on its rate.");
        }
        return limiter;
    }
}
