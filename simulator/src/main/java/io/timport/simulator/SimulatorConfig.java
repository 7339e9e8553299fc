package io.timport.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final Map<RestApi, Integer> rateLimits;
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
    private final int friendGetPageSize;
    private final boolean friendGetReturnsUnsetFields;
    private final Duration stallPeriod;
    private final Duration stallMinDuration;
    private final Duration stallMaxDuration;
    private final int maxRequestBodyBytes;
    private final long maxStoredRelations;
    private final int handlerThreads;
    private final double silentLossProbability;
    private final Map<String, Poison> poisons;

    /** A poisoned To_Account: the request-level answer of the first {@code times} requests that hold it. */
    record Poison(int code, String info, int times) {
    }

    private SimulatorConfig(Builder b) {
        this.poisons = Collections.unmodifiableMap(new LinkedHashMap<>(b.poisons));
        this.port = b.port;
        this.sdkAppId = b.sdkAppId;
        this.secretKey = b.secretKey;
        this.admins = Collections.unmodifiableSet(new LinkedHashSet<>(b.admins));
        this.rateLimits = Collections.unmodifiableMap(new EnumMap<>(b.rateLimits));
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
        this.friendGetPageSize = b.friendGetPageSize;
        this.friendGetReturnsUnsetFields = b.friendGetReturnsUnsetFields;
        this.stallPeriod = b.stallPeriod;
        this.stallMinDuration = b.stallMinDuration;
        this.stallMaxDuration = b.stallMaxDuration;
        this.maxRequestBodyBytes = b.maxRequestBodyBytes;
        this.maxStoredRelations = b.maxStoredRelations;
        this.handlerThreads = b.handlerThreads;
        this.silentLossProbability = b.silentLossProbability;
    }

    /**
     * A builder with the defaults: SDKAppID 1400000000, admin {@code administrator}, each API at its documented
     * rate, every account exists, no faults, no stalls.
     *
     * @return a new builder; a secret key must still be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this configuration's values, to derive a variant; {@code admin(...)} then adds.
     *
     * @return a new builder with this configuration's values
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.sdkAppId = sdkAppId;
        b.secretKey = secretKey;
        b.admins.clear();
        b.admins.addAll(admins);
        b.adminsSet = true;
        b.rateLimits.putAll(rateLimits);
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
        b.friendGetPageSize = friendGetPageSize;
        b.friendGetReturnsUnsetFields = friendGetReturnsUnsetFields;
        b.stallPeriod = stallPeriod;
        b.stallMinDuration = stallMinDuration;
        b.stallMaxDuration = stallMaxDuration;
        b.maxRequestBodyBytes = maxRequestBodyBytes;
        b.maxStoredRelations = maxStoredRelations;
        b.handlerThreads = handlerThreads;
        b.silentLossProbability = silentLossProbability;
        b.poisons.putAll(poisons);
        return b;
    }

    /** The poisoned To_Accounts ({@link Builder#poison}). */
    Map<String, Poison> poisons() {
        return poisons;
    }

    /**
     * The TCP port on 127.0.0.1; 0 lets the system pick a free one (see {@link ChatSimulator#baseUri()}).
     *
     * @return the configured port, 0 to 65535
     */
    public int port() {
        return port;
    }

    /**
     * The one SDKAppID this simulator serves.
     *
     * @return the SDKAppID, positive
     */
    public long sdkAppId() {
        return sdkAppId;
    }

    /**
     * The app's secret key, whose UTF-8 bytes key the UserSig HMAC: what a test signs its UserSigs with. Never
     * shown by {@link #toString()}.
     *
     * @return the secret key, never empty
     */
    public String secretKey() {
        return secretKey;
    }

    /**
     * The identifiers accepted as app admins.
     *
     * @return an unmodifiable set of identifiers, never empty
     */
    public Set<String> admins() {
        return admins;
    }

    /**
     * friend_import's calls admitted per sliding one-second window (see {@link #rateLimitPerSecond(RestApi)}).
     *
     * @return the calls per second admitted for friend_import
     */
    public int rateLimitPerSecond() {
        return rateLimitPerSecond(RestApi.FRIEND_IMPORT);
    }

    /**
     * This API's calls admitted per sliding one-second window: each API has a window of its own.
     *
     * @param api the API (not null)
     * @return the calls per second admitted for that API
     */
    public int rateLimitPerSecond(RestApi api) {
        return rateLimits.get(api);
    }

    /**
     * The request-level {@code ErrorCode} of a throttled call: one of {@link #THROTTLE_CODES}.
     *
     * @return the throttling code, such as 60011
     */
    public int throttleCode() {
        return throttleCode;
    }

    /**
     * Registered custom friend fields: keyword (the part after {@code Tag_SNS_Custom_}) to type, in order.
     *
     * @return an unmodifiable map, in registration order
     */
    public Map<String, CustomFieldType> customFields() {
        return customFields;
    }

    /**
     * The accounts seeded in the known-accounts mode (possibly none, when the account APIs create them all); absent
     * when every account exists.
     *
     * @return the seeded accounts, or empty when every account exists
     */
    public Optional<Set<String>> accounts() {
        return Optional.ofNullable(accounts);
    }

    /**
     * Whether only known accounts exist (seeded by {@link Builder#accounts} or {@link Builder#accountsFile}, or
     * created through account_import and multiaccount_import); then friend_import, friend_get and friend_check answer
     * 30003 for the others.
     *
     * @return true in the known-accounts mode
     */
    public boolean knownAccounts() {
        return accounts != null;
    }

    /**
     * The most friends one friend_get page returns (default 100).
     *
     * @return the page size, positive
     */
    public int friendGetPageSize() {
        return friendGetPageSize;
    }

    /**
     * Whether friend_get returns the fields a relation never had, with zero values ({@code ""}, {@code 0},
     * {@code []}, and every registered custom field); false (the default): it returns only the fields set.
     *
     * @return true when friend_get returns unset fields too
     */
    public boolean friendGetReturnsUnsetFields() {
        return friendGetReturnsUnsetFields;
    }

    /**
     * How often the server stalls; {@link Duration#ZERO} (the default) for never.
     *
     * @return the period between stalls, or {@link Duration#ZERO} for none
     */
    public Duration stallPeriod() {
        return stallPeriod;
    }

    /**
     * The shortest stall.
     *
     * @return the shortest stall
     */
    public Duration stallMinDuration() {
        return stallMinDuration;
    }

    /**
     * The longest stall.
     *
     * @return the longest stall
     */
    public Duration stallMaxDuration() {
        return stallMaxDuration;
    }

    /**
     * The largest request body accepted, in bytes (default 1 MiB); a larger one is answered HTTP 413.
     *
     * @return the limit in bytes
     */
    public int maxRequestBodyBytes() {
        return maxRequestBodyBytes;
    }

    /**
     * The most relations stored (default: no limit); past it a new relation is refused per item (30001).
     *
     * @return the limit, {@link Long#MAX_VALUE} for none
     */
    public long maxStoredRelations() {
        return maxStoredRelations;
    }

    /**
     * The most requests handled at once (server threads); more wait in a bounded queue (default 256).
     *
     * @return the number of handler threads, positive
     */
    public int handlerThreads() {
        return handlerThreads;
    }

    /**
     * The probability that a friend_import item which would be stored is answered {@code ResultCode} 0 but not
     * stored (a silent loss); 0 (the default) for never.
     *
     * @return the probability, 0 to 1
     */
    public double silentLossProbability() {
        return silentLossProbability;
    }

    /**
     * The most friends one user may hold (30010 beyond).
     *
     * @return the limit, positive
     */
    public int maxFriendsPerUser() {
        return maxFriendsPerUser;
    }

    /**
     * The most distinct friend groups one user may hold (30011 beyond).
     *
     * @return the limit, positive
     */
    public int maxGroupsPerUser() {
        return maxGroupsPerUser;
    }

    /**
     * The most {@code AddFriendItem} entries in one request (request-level 30001 beyond).
     *
     * @return the limit, positive
     */
    public int maxItemsPerRequest() {
        return maxItemsPerRequest;
    }

    /**
     * Added processing time while the {@code From_Account} is held.
     *
     * @return the base latency, {@link Duration#ZERO} for none
     */
    public Duration latency() {
        return latency;
    }

    /**
     * Up to this much more processing time, uniformly drawn per call.
     *
     * @return the jitter's upper bound, {@link Duration#ZERO} for none
     */
    public Duration latencyJitter() {
        return latencyJitter;
    }

    /**
     * The seed of every random draw (faults and jitter).
     *
     * @return the seed
     */
    public long faultSeed() {
        return faultSeed;
    }

    /**
     * The probability of a fault kind, 0 when not configured.
     *
     * @param fault the fault kind (not null)
     * @return the probability, 0 to 1
     */
    public double faultProbability(Fault fault) {
        return faults.getOrDefault(fault, 0.0);
    }

    /**
     * Faults with a non-zero probability.
     *
     * @return an unmodifiable map of fault to probability
     */
    public Map<Fault, Double> faults() {
        return faults;
    }

    /**
     * After this many failed UserSig checks for one identifier within {@link #lockoutDuration()}, that
     * identifier gets 70050 for {@link #lockoutDuration()}. 0 (the default) turns the lockout off.
     *
     * @return the number of failures, 0 when the lockout is off
     */
    public int lockoutAfterFailures() {
        return lockoutAfterFailures;
    }

    /**
     * See {@link #lockoutAfterFailures()}.
     *
     * @return the lockout's window and duration
     */
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
                + ", rateLimits=" + rateLimits
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
                + ", friendGetPageSize=" + friendGetPageSize
                + ", friendGetReturnsUnsetFields=" + friendGetReturnsUnsetFields
                + ", stalls=" + (stallPeriod.isZero() ? "off" : "every " + stallPeriod.toMillis() + "ms for "
                        + stallMinDuration.toMillis() + ".." + stallMaxDuration.toMillis() + "ms")
                + ", maxRequestBodyBytes=" + maxRequestBodyBytes
                + ", maxStoredRelations=" + (maxStoredRelations == Long.MAX_VALUE ? "unlimited" : maxStoredRelations)
                + ", handlerThreads=" + handlerThreads
                + ", silentLoss=" + silentLossProbability
                + '}';
    }

    /** Builds a {@link SimulatorConfig}. Every setter checks its argument at once, naming the rule. */
    public static final class Builder {
        private int port;
        private long sdkAppId = 1400000000L;
        private String secretKey;
        private final Set<String> admins = new LinkedHashSet<>(Set.of("administrator"));
        private boolean adminsSet;
        private final Map<RestApi, Integer> rateLimits = new EnumMap<>(RestApi.class);
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
        private int friendGetPageSize = 100;
        private boolean friendGetReturnsUnsetFields;
        private Duration stallPeriod = Duration.ZERO;
        private Duration stallMinDuration = Duration.ZERO;
        private Duration stallMaxDuration = Duration.ZERO;
        private int maxRequestBodyBytes = 1 << 20;
        private long maxStoredRelations = Long.MAX_VALUE;
        private int handlerThreads = 256;
        private double silentLossProbability;
        private final Map<String, Poison> poisons = new LinkedHashMap<>();

        private Builder() {
            for (RestApi api : RestApi.values()) {
                rateLimits.put(api, api.documentedCallsPerSecond());
            }
        }

        /**
         * TCP port on 127.0.0.1, 0..65535; 0 (the default) picks a free port.
         *
         * @param port the port, or 0
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The SDKAppID served (default 1400000000); must be positive.
         *
         * @param sdkAppId the SDKAppID
         * @return this builder
         */
        public Builder sdkAppId(long sdkAppId) {
            if (sdkAppId <= 0) {
                throw new IllegalArgumentException("sdkAppId must be positive, got " + sdkAppId);
            }
            this.sdkAppId = sdkAppId;
            return this;
        }

        /**
         * The app's secret key (required, non-empty).
         *
         * @param secretKey the secret key
         * @return this builder
         */
        public Builder secretKey(String secretKey) {
            Objects.requireNonNull(secretKey, "secretKey");
            if (secretKey.isEmpty()) {
                throw new IllegalArgumentException("secretKey must not be empty");
            }
            this.secretKey = secretKey;
            return this;
        }

        /**
         * Adds admin identifiers; the first call replaces the default {@code administrator}.
         *
         * @param identifiers the admin identifiers
         * @return this builder
         */
        public Builder admin(String... identifiers) {
            return admins(java.util.Arrays.asList(identifiers));
        }

        /**
         * Adds admin identifiers; the first call replaces the default {@code administrator}.
         *
         * @param identifiers the admin identifiers
         * @return this builder
         */
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

        /**
         * friend_import's calls admitted per sliding one-second window (default 200); must be positive. The other
         * APIs keep theirs: see {@link #rateLimitPerSecond(RestApi, int)}.
         *
         * @param callsPerSecond the limit
         * @return this builder
         */
        public Builder rateLimitPerSecond(int callsPerSecond) {
            return rateLimitPerSecond(RestApi.FRIEND_IMPORT, callsPerSecond);
        }

        /**
         * This API's calls admitted per sliding one-second window; must be positive. Defaults: Tencent's documented
         * limits ({@link RestApi#documentedCallsPerSecond()}): 200 for friend_import, friend_get, friend_check and
         * account_import, 100 for multiaccount_import and account_check.
         *
         * @param api the API (not null)
         * @param callsPerSecond the limit
         * @return this builder
         */
        public Builder rateLimitPerSecond(RestApi api, int callsPerSecond) {
            Objects.requireNonNull(api, "api");
            if (callsPerSecond <= 0) {
                throw new IllegalArgumentException("rateLimitPerSecond must be positive, got " + callsPerSecond);
            }
            rateLimits.put(api, callsPerSecond);
            return this;
        }

        /**
         * The code of a throttled call: 60007, 60011 (the default), 60018 or 60019.
         *
         * @param code the throttling code
         * @return this builder
         */
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
         * @param type the field's type (not null)
         * @return this builder
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
         * Seeds the known-accounts mode with these accounts (replacing any seeded before): only they, and the accounts
         * created through account_import or multiaccount_import, exist. An unknown {@code To_Account} then gets
         * per-item 30003 and an unknown {@code From_Account} request-level 30003. Not set (the default): every
         * account exists.
         *
         * @param userIds the accounts that exist
         * @return this builder
         */
        public Builder accounts(Collection<String> userIds) {
            Set<String> copy = new LinkedHashSet<>();
            for (String id : userIds) {
                copy.add(Objects.requireNonNull(id, "account"));
            }
            this.accounts = copy;
            return this;
        }

        /**
         * Turns on the known-accounts mode with no account seeded (or keeps the seeded ones): only accounts created
         * through account_import or multiaccount_import exist.
         *
         * @return this builder
         */
        public Builder knownAccounts() {
            if (accounts == null) {
                accounts = new LinkedHashSet<>();
            }
            return this;
        }

        /**
         * Adds the accounts listed in {@code file} (UTF-8, one UserID a line; blank lines and lines starting with
         * {@code #} are skipped; surrounding whitespace is ignored) and turns on the known-accounts mode.
         *
         * @param file the accounts file
         * @return this builder
         * @throws IOException if the file cannot be read
         */
        public Builder accountsFile(Path file) throws IOException {
            Objects.requireNonNull(file, "file");
            knownAccounts();
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(accounts::add);
            }
            return this;
        }

        /**
         * The most friends per user (default 3000); must be positive.
         *
         * @param max the limit
         * @return this builder
         */
        public Builder maxFriendsPerUser(int max) {
            this.maxFriendsPerUser = positive("maxFriendsPerUser", max);
            return this;
        }

        /**
         * The most distinct groups per user (default 32); must be positive.
         *
         * @param max the limit
         * @return this builder
         */
        public Builder maxGroupsPerUser(int max) {
            this.maxGroupsPerUser = positive("maxGroupsPerUser", max);
            return this;
        }

        /**
         * The most items per request (default 1000); must be positive.
         *
         * @param max the limit
         * @return this builder
         */
        public Builder maxItemsPerRequest(int max) {
            this.maxItemsPerRequest = positive("maxItemsPerRequest", max);
            return this;
        }

        /**
         * Processing time added to every call that holds its {@code From_Account}: base + uniform 0..jitter.
         *
         * @param base the latency added to every call (zero or more)
         * @param jitter the upper bound of the random extra (zero or more)
         * @return this builder
         */
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

        /**
         * The seed of fault and jitter draws (default 0).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /**
         * The probability, 0..1, of a fault kind (default 0 for each).
         *
         * @param fault the fault kind (not null)
         * @param probability the probability, 0 to 1
         * @return this builder
         */
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
         *
         * @param failures the failed checks that lock out, or 0 for no lockout
         * @param duration the window and the lockout's length
         * @return this builder
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

        /**
         * The most friends one friend_get page returns (default 100); must be positive.
         *
         * @param size the page size
         * @return this builder
         */
        public Builder friendGetPageSize(int size) {
            this.friendGetPageSize = positive("friendGetPageSize", size);
            return this;
        }

        /**
         * Whether friend_get also returns the fields a relation never had, with zero values (default false: only the
         * fields set). No source says what the real service does: test a client against both answers.
         *
         * @param returnsUnset true to return unset fields with zero values
         * @return this builder
         */
        public Builder friendGetReturnsUnsetFields(boolean returnsUnset) {
            this.friendGetReturnsUnsetFields = returnsUnset;
            return this;
        }

        /**
         * Stalls the server every {@code period} for a duration drawn uniformly (from the fault seed) within
         * {@code min..max}, as a GC pause or a hiccup would: requests arriving during a stall are admitted only when
         * it ends, all at once. {@code period} zero turns stalls off (the default).
         *
         * @param period the time between stalls, or zero for none
         * @param min the shortest stall
         * @param max the longest stall (at least {@code min})
         * @return this builder
         */
        public Builder stalls(Duration period, Duration min, Duration max) {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (period.isNegative() || min.isNegative() || max.isNegative()) {
                throw new IllegalArgumentException("stall period and durations must not be negative");
            }
            if (!period.isZero()) {
                if (min.isZero() || min.compareTo(max) > 0) {
                    throw new IllegalArgumentException("stall durations must satisfy 0 < min <= max, got "
                            + min.toMillis() + " ms .. " + max.toMillis() + " ms");
                }
                if (max.compareTo(period) >= 0) {
                    throw new IllegalArgumentException("the longest stall (" + max.toMillis()
                            + " ms) must be shorter than the stall period (" + period.toMillis() + " ms)");
                }
            }
            this.stallPeriod = period;
            this.stallMinDuration = period.isZero() ? Duration.ZERO : min;
            this.stallMaxDuration = period.isZero() ? Duration.ZERO : max;
            return this;
        }

        /**
         * The largest request body accepted, in bytes (default 1 MiB = 1048576); a larger one gets HTTP 413.
         *
         * @param bytes the limit in bytes (positive)
         * @return this builder
         */
        public Builder maxRequestBodyBytes(int bytes) {
            this.maxRequestBodyBytes = positive("maxRequestBodyBytes", bytes);
            return this;
        }

        /**
         * The most relations the store holds (default: no limit). Past it, a new relation is refused per item with
         * 30001 and a ResultInfo saying the store is full; overwriting a stored relation still succeeds.
         *
         * @param max the limit (positive)
         * @return this builder
         */
        public Builder maxStoredRelations(long max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxStoredRelations must be positive, got " + max);
            }
            this.maxStoredRelations = max;
            return this;
        }

        /**
         * The most requests handled at once (default 256): server threads are made as needed up to this, and
         * further requests wait in a queue of four times as many, past which connections are closed.
         *
         * @param threads the number of threads (positive)
         * @return this builder
         */
        public Builder handlerThreads(int threads) {
            this.handlerThreads = positive("handlerThreads", threads);
            return this;
        }

        /**
         * The probability, 0..1, that a friend_import item which passed every check is answered {@code ResultCode} 0
         * but <b>not</b> stored (default 0), so that a verification phase (friend_get, friend_check) has something
         * to find. Drawn per item from the fault seed, in a sequence of its own (it never shifts the {@link Fault}
         * draws); counted in {@link SimulatorStats#silentLosses()}. Apart from {@link Fault}, whose faults an import's
         * retries recover from.
         *
         * @param probability the probability, 0 to 1
         * @return this builder
         */
        public Builder silentLoss(double probability) {
            if (!(probability >= 0.0 && probability <= 1.0)) {
                throw new IllegalArgumentException(
                        "the probability of a silent loss must be within 0..1, got " + probability);
            }
            this.silentLossProbability = probability;
            return this;
        }

        /**
         * Poisons a To_Account: the first {@code times} friend_import requests holding an item for {@code toAccount}
         * are answered with the request-level {@code errorCode} and {@code errorInfo}, and nothing of them is stored
         * ({@link Integer#MAX_VALUE} times: every one). Shows what a client does with a request-level answer that one
         * item causes: 30001 for an item the server cannot take (a client splits the batch to isolate it), an
         * unknown code, or a transient one (70169) that a retry gets past. Counted as the request's code in
         * {@link SimulatorStats}.
         *
         * @param toAccount the To_Account whose requests are answered with the error
         * @param errorCode the request-level {@code ErrorCode} to answer
         * @param errorInfo the {@code ErrorInfo} to answer
         * @param times how many such requests are answered so (positive)
         * @return this builder
         */
        public Builder poison(String toAccount, int errorCode, String errorInfo, int times) {
            if (toAccount == null || toAccount.isEmpty()) {
                throw new IllegalArgumentException("poison needs a To_Account");
            }
            if (errorCode == 0) {
                throw new IllegalArgumentException("poison needs a non-zero error code");
            }
            poisons.put(toAccount, new Poison(errorCode, errorInfo == null ? "" : errorInfo,
                    positive("times", times)));
            return this;
        }

        /**
         * The configuration.
         *
         * @return a new configuration
         * @throws IllegalStateException when no secret key or no admin identifier was set
         */
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
