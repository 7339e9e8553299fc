package io.timport.simulator;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a {@link ChatSimulator} is started with. Immutable; made with {@link #builder()}.
 * {@link #toString()} never shows the secret key.
 */
public final class SimulatorConfig {

    /** The throttling codes the public error table lists for "call rate over the limit". */
    public static final Set<Integer> THROTTLE_CODES = Set.of(60007, 60011, 60018, 60019);

    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z]{1,8}");

    private final int port;
    private final long sdkAppId;
    private final String secretKey;
    private final Set<String> admins;
    private final int rateLimitPerSecond;
    private final int throttleCode;
    private final Map<String, CustomFieldType> customFields;
    private final Set<String> accounts;
    private final int maxFriendsPerUser;
    private final int maxGroupsPerUser;
    private final int maxItemsPerRequest;
    private final Duration latency;
    private final Duration latencyJitter;
    private final long faultSeed;
    private final Map<Fault, Double> faults;
    private final int lockoutAfterFailures;
    private final Duration lockoutDuration;

    private SimulatorConfig(Builder b) {
        this.port = b.port;
        this.sdkAppId = b.sdkAppId;
        this.secretKey = b.secretKey;
        this.admins = Collections.unmodifiableSet(new LinkedHashSet<>(b.admins));
        this.rateLimitPerSecond = b.rateLimitPerSecond;
        this.throttleCode = b.throttleCode;
        this.customFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.customFields));
        this.accounts = b.accounts == null ? null : Set.copyOf(b.accounts);
        this.maxFriendsPerUser = b.maxFriendsPerUser;
        this.maxGroupsPerUser = b.maxGroupsPerUser;
        this.maxItemsPerRequest = b.maxItemsPerRequest;
        this.latency = b.latency;
        this.latencyJitter = b.latencyJitter;
        this.faultSeed = b.faultSeed;
        this.faults = Collections.unmodifiableMap(new EnumMap<>(b.faults));
        this.lockoutAfterFailures = b.lockoutAfterFailures;
        this.lockoutDuration = b.lockoutDuration;
    }

    /** A builder with the defaults: SDKAppID 1400000000, admin {@code administrator}, 200 calls/s, no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to derive a variant; {@code admin(...)} then adds. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.sdkAppId = sdkAppId;
        b.secretKey = secretKey;
        b.admins.clear();
        b.admins.addAll(admins);
        b.adminsSet = true;
        b.rateLimitPerSecond = rateLimitPerSecond;
        b.throttleCode = throttleCode;
        b.customFields.putAll(customFields);
        b.accounts = accounts == null ? null : new LinkedHashSet<>(accounts);
        b.maxFriendsPerUser = maxFriendsPerUser;
        b.maxGroupsPerUser = maxGroupsPerUser;
        b.maxItemsPerRequest = maxItemsPerRequest;
        b.latency = latency;
        b.latencyJitter = latencyJitter;
        b.faultSeed = faultSeed;
        b.faults.putAll(faults);
        b.lockoutAfterFailures = lockoutAfterFailures;
        b.lockoutDuration = lockoutDuration;
        return b;
    }

    /** The TCP port on 127.0.0.1; 0 lets the system pick a free one (see {@link ChatSimulator#baseUri()}). */
    public int port() {
        return port;
    }

    /** The one SDKAppID this simulator serves. */
    public long sdkAppId() {
        return sdkAppId;
    }

    /** The app's secret key, whose UTF-8 bytes key the UserSig HMAC. */
    String secretKey() {
        return secretKey;
    }

    /** The identifiers accepted as app admins. */
    public Set<String> admins() {
        return admins;
    }

    /** Calls admitted per sliding one-second window. */
    public int rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    /** The request-level {@code ErrorCode} of a throttled call: one of {@link #THROTTLE_CODES}. */
    public int throttleCode() {
        return throttleCode;
    }

    /** Registered custom friend fields: keyword (the part after {@code Tag_SNS_Custom_}) to type, in order. */
    public Map<String, CustomFieldType> customFields() {
        return customFields;
    }

    /** The accounts that exist, if a list was configured; when absent, every account exists. */
    public Optional<Set<String>> accounts() {
        return Optional.ofNullable(accounts);
    }

    /** The most friends one user may hold (30010 beyond). */
    public int maxFriendsPerUser() {
        return maxFriendsPerUser;
    }

    /** The most distinct friend groups one user may hold (30011 beyond). */
    public int maxGroupsPerUser() {
        return maxGroupsPerUser;
    }

    /** The most {@code AddFriendItem} entries in one request (request-level 30001 beyond). */
    public int maxItemsPerRequest() {
        return maxItemsPerRequest;
    }

    /** Added processing time while the {@code From_Account} is held. */
    public Duration latency() {
        return latency;
    }

    /** Up to this much more processing time, uniformly drawn per call. */
    public Duration latencyJitter() {
        return latencyJitter;
    }

    /** The seed of every random draw (faults and jitter). */
    public long faultSeed() {
        return faultSeed;
    }

    /** The probability of a fault kind, 0 when not configured. */
    public double faultProbability(Fault fault) {
        return faults.getOrDefault(fault, 0.0);
    }

    /** Faults with a non-zero probability. */
    public Map<Fault, Double> faults() {
        return faults;
    }

    /**
     * After this many failed UserSig checks for one identifier within {@link #lockoutDuration()}, that
     * identifier gets 70050 for {@link #lockoutDuration()}. 0 (the default) turns the lockout off.
     */
    public int lockoutAfterFailures() {
        return lockoutAfterFailures;
    }

    /** See {@link #lockoutAfterFailures()}. */
    public Duration lockoutDuration() {
        return lockoutDuration;
    }

    /** Every setting except the secret key, which shows as {@code ***}. */
    @Override
    public String toString() {
        return "SimulatorConfig{port=" + port
                + ", sdkAppId=" + sdkAppId
                + ", secretKey=***"
                + ", admins=" + admins
                + ", rateLimitPerSecond=" + rateLimitPerSecond
                + ", throttleCode=" + throttleCode
                + ", customFields=" + customFields
                + ", accounts=" + (accounts == null ? "any" : accounts.size() + " listed")
                + ", maxFriendsPerUser=" + maxFriendsPerUser
                + ", maxGroupsPerUser=" + maxGroupsPerUser
                + ", maxItemsPerRequest=" + maxItemsPerRequest
                + ", latency=" + latency.toMillis() + "ms+0.." + latencyJitter.toMillis() + "ms"
                + ", faultSeed=" + faultSeed
                + ", faults=" + faults
                + ", lockout=" + (lockoutAfterFailures == 0
                        ? "off" : lockoutAfterFailures + " failures/" + lockoutDuration.toSeconds() + "s")
                + '}';
    }

    /** Builds a {@link SimulatorConfig}. Every setter checks its argument at once, naming the rule. */
    public static final class Builder {
        private int port;
        private long sdkAppId = 1400000000L;
        private String secretKey;
        private final Set<String> admins = new LinkedHashSet<>(Set.of("administrator"));
        private boolean adminsSet;
        private int rateLimitPerSecond = 200;
        private int throttleCode = 60011;
        private final Map<String, CustomFieldType> customFields = new LinkedHashMap<>();
        private Set<String> accounts;
        private int maxFriendsPerUser = 3000;
        private int maxGroupsPerUser = 32;
        private int maxItemsPerRequest = 1000;
        private Duration latency = Duration.ZERO;
        private Duration latencyJitter = Duration.ZERO;
        private long faultSeed;
        private final Map<Fault, Double> faults = new EnumMap<>(Fault.class);
        private int lockoutAfterFailures;
        private Duration lockoutDuration = Duration.ofSeconds(60);

        private Builder() {
        }

        /** TCP port on 127.0.0.1, 0..65535; 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The SDKAppID served (default 1400000000); must be positive. */
        public Builder sdkAppId(long sdkAppId) {
            if (sdkAppId <= 0) {
                throw new IllegalArgumentException("sdkAppId must be positive, got " + sdkAppId);
            }
            this.sdkAppId = sdkAppId;
            return this;
        }

        /** The app's secret key (required, non-empty). */
        public Builder secretKey(String secretKey) {
            Objects.requireNonNull(secretKey, "secretKey");
            if (secretKey.isEmpty()) {
                throw new IllegalArgumentException("secretKey must not be empty");
            }
            this.secretKey = secretKey;
            return this;
        }

        /** Adds admin identifiers; the first call replaces the default {@code administrator}. */
        public Builder admin(String... identifiers) {
            return admins(java.util.Arrays.asList(identifiers));
        }

        /** Adds admin identifiers; the first call replaces the default {@code administrator}. */
        public Builder admins(Collection<String> identifiers) {
            if (!adminsSet) {
                admins.clear();
                adminsSet = true;
            }
            for (String id : identifiers) {
                Objects.requireNonNull(id, "admin identifier");
                if (id.isEmpty()) {
                    throw new IllegalArgumentException("an admin identifier must not be empty");
                }
                admins.add(id);
            }
            return this;
        }

        /** Calls admitted per sliding one-second window (default 200); must be positive. */
        public Builder rateLimitPerSecond(int callsPerSecond) {
            if (callsPerSecond <= 0) {
                throw new IllegalArgumentException("rateLimitPerSecond must be positive, got " + callsPerSecond);
            }
            this.rateLimitPerSecond = callsPerSecond;
            return this;
        }

        /** The code of a throttled call: 60007, 60011 (the default), 60018 or 60019. */
        public Builder throttleCode(int code) {
            if (!THROTTLE_CODES.contains(code)) {
                throw new IllegalArgumentException(
                        "throttleCode must be one of 60007, 60011, 60018, 60019, got " + code);
            }
            this.throttleCode = code;
            return this;
        }

        /**
         * Registers a custom friend field, as if created in the Chat console.
         *
         * @param keyword 1..8 English letters; the wire tag is {@code Tag_SNS_Custom_} + keyword
         */
        public Builder customField(String keyword, CustomFieldType type) {
            Objects.requireNonNull(keyword, "keyword");
            Objects.requireNonNull(type, "type");
            if (!KEYWORD.matcher(keyword).matches()) {
                throw new IllegalArgumentException("custom field keyword \"" + keyword
                        + "\" must be 1 to 8 English letters (it becomes Tag_SNS_Custom_" + keyword + ")");
            }
            customFields.put(keyword, type);
            return this;
        }

        /**
         * The accounts that exist in the app. When set, an unknown {@code To_Account} gets per-item 30003 and
         * an unknown {@code From_Account} request-level 30003. Not set (the default): every account exists.
         */
        public Builder accounts(Collection<String> userIds) {
            Set<String> copy = new LinkedHashSet<>();
            for (String id : userIds) {
                copy.add(Objects.requireNonNull(id, "account"));
            }
            this.accounts = copy;
            return this;
        }

        /** The most friends per user (default 3000); must be positive. */
        public Builder maxFriendsPerUser(int max) {
            this.maxFriendsPerUser = positive("maxFriendsPerUser", max);
            return this;
        }

        /** The most distinct groups per user (default 32); must be positive. */
        public Builder maxGroupsPerUser(int max) {
            this.maxGroupsPerUser = positive("maxGroupsPerUser", max);
            return this;
        }

        /** The most items per request (default 1000); must be positive. */
        public Builder maxItemsPerRequest(int max) {
            this.maxItemsPerRequest = positive("maxItemsPerRequest", max);
            return this;
        }

        /** Processing time added to every call that holds its {@code From_Account}: base + uniform 0..jitter. */
        public Builder latency(Duration base, Duration jitter) {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(jitter, "jitter");
            if (base.isNegative() || jitter.isNegative()) {
                throw new IllegalArgumentException("latency and jitter must not be negative");
            }
            this.latency = base;
            this.latencyJitter = jitter;
            return this;
        }

        /** The seed of fault and jitter draws (default 0). */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /** The probability, 0..1, of a fault kind (default 0 for each). */
        public Builder fault(Fault fault, double probability) {
            Objects.requireNonNull(fault, "fault");
            if (!(probability >= 0.0 && probability <= 1.0)) {
                throw new IllegalArgumentException(
                        "the probability of " + fault + " must be within 0..1, got " + probability);
            }
            if (probability == 0.0) {
                faults.remove(fault);
            } else {
                faults.put(fault, probability);
            }
            return this;
        }

        /**
         * Locks an identifier out (70050) for {@code duration} after {@code failures} failed UserSig checks
         * within {@code duration}. {@code failures} 0 turns the lockout off (the default).
         */
        public Builder signatureLockout(int failures, Duration duration) {
            if (failures < 0) {
                throw new IllegalArgumentException("lockout failures must not be negative, got " + failures);
            }
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("lockout duration must be positive");
            }
            this.lockoutAfterFailures = failures;
            this.lockoutDuration = duration;
            return this;
        }

        /** The configuration; fails if the secret key or every admin is missing. */
        public SimulatorConfig build() {
            if (secretKey == null) {
                throw new IllegalStateException("secretKey is required");
            }
            if (admins.isEmpty()) {
                throw new IllegalStateException("at least one admin identifier is required");
            }
            return new SimulatorConfig(this);
        }

        private static int positive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
