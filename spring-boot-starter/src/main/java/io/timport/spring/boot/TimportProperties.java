package io.timport.spring.boot;

import io.timport.call.ChatApi;
import io.timport.config.Region;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code timport.*} properties: who calls Tencent Cloud Chat and where ({@code sdkappid}, {@code admin}, the
 * secret key, {@code region} or {@code endpoint}), how (timeouts, rates, UserSig, answer caps), and the settings of every importer
 * built with {@link TimportImporterConfigurer} ({@code timport.importer.*}). Every setting but the four that name
 * the app has the default of the runtime's builders.
 *
 * <p>The secret key is never shown: the actuator's {@code env} and {@code configprops} endpoints print it as
 * {@code ******} even with {@code show-values=always}, and no message of the starter contains it.
 */
@ConfigurationProperties(prefix = TimportProperties.PREFIX)
public class TimportProperties {

    /** The prefix of every property. */
    public static final String PREFIX = "timport";

    /** The app's SDKAppID, from the Chat console (1 to 4294967295). Required. */
    private Long sdkappid;

    /**
     * An app admin's UserID (1 to 32 bytes of UTF-8): friend_import accepts only admin accounts. Required.
     */
    private String admin;

    /**
     * The app's secret key, from the Chat console; used only to sign UserSigs, never sent, logged or shown (the
     * actuator prints it as ******). Prefer the environment variable TIMPORT_SECRET_KEY or timport.secret-key-file
     * to a key in a file under version control. One of the two is required.
     */
    private String secretKey;

    /**
     * A UTF-8 file holding only the app's secret key (a final newline is fine), e.g. a mounted secret. Instead of
     * timport.secret-key.
     */
    private Path secretKeyFile;

    /**
     * The data centre the app lives in (singapore, silicon-valley, ...): calls go to its REST API domain. Either this
     * or timport.endpoint is required.
     */
    private Region region;

    /**
     * The REST API's base URI, instead of timport.region: https, or plain http to a loopback host (the embedded
     * simulator). No query, fragment or user info.
     */
    private URI endpoint;

    /**
     * How many friend_import calls per second the client keeps to. Unset: 196, i.e. timport.server-rate-limit x (1 -
     * timport.pace-margin). Give each process its share when several import for one app. The other APIs:
     * timport.api.*.rate.
     */
    private Double rate;

    /**
     * The app's friend_import call limit on the server, in calls per second; the default pace keeps
     * timport.pace-margin under it. The other APIs: timport.api.*.server-rate-limit.
     */
    private double serverRateLimit = 200;

    /**
     * How far under each API's server limit its default pace stays, from 0 to below 1: it absorbs network jitter
     * that would otherwise get calls answered as throttled.
     */
    private double paceMargin = 0.02;

    /**
     * Whose rate limiters pace the calls: shared (one per app and API in this JVM, taken by every client of the app
     * that does not bring its own) or private (limiters of this client's own, for a process that is the only caller
     * of its app in the JVM).
     */
    private RateLimiterScope rateLimiter = RateLimiterScope.SHARED;

    /**
     * The pace of each Chat API other than by default (account-check, multiaccount-import, account-import,
     * friend-get, friend-check; friend-import too, instead of timport.rate and timport.server-rate-limit): its rate,
     * or its server-rate-limit, in calls per second. Unset: 2 % under the API's documented limit.
     */
    private Map<ChatApi, Api> api = new LinkedHashMap<>();

    /** The most one answer's body may hold; a larger answer fails its call (and the call is retried). */
    private DataSize maxAnswerSize = DataSize.ofMegabytes(4);

    /**
     * The most bytes of answers read at once, across every call in flight (at least timport.max-answer-size): it
     * bounds the heap answers take.
     */
    private DataSize maxBufferedAnswerSize = DataSize.ofMegabytes(64);

    /** How long to wait for a TCP (and TLS) connection. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** How long to wait for the answer to one call; keep it above the server's own 3 s. */
    private Duration requestTimeout = Duration.ofSeconds(10);

    /** How long each UserSig the client signs is valid. */
    private Duration userSigValidity = Duration.ofDays(1);

    /** How long before its expiry the UserSig is signed again. */
    private Duration userSigRenewalMargin = Duration.ofMinutes(5);

    /** Settings of the importers built with TimportImporterConfigurer. */
    private final Importer importer = new Importer();

    public Long getSdkappid() {
        return sdkappid;
    }

    public void setSdkappid(Long sdkappid) {
        this.sdkappid = sdkappid;
    }

    public String getAdmin() {
        return admin;
    }

    public void setAdmin(String admin) {
        this.admin = admin;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public Path getSecretKeyFile() {
        return secretKeyFile;
    }

    public void setSecretKeyFile(Path secretKeyFile) {
        this.secretKeyFile = secretKeyFile;
    }

    public Region getRegion() {
        return region;
    }

    public void setRegion(Region region) {
        this.region = region;
    }

    public URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    public Double getRate() {
        return rate;
    }

    public void setRate(Double rate) {
        this.rate = rate;
    }

    public double getServerRateLimit() {
        return serverRateLimit;
    }

    public void setServerRateLimit(double serverRateLimit) {
        this.serverRateLimit = serverRateLimit;
    }

    public double getPaceMargin() {
        return paceMargin;
    }

    public void setPaceMargin(double paceMargin) {
        this.paceMargin = paceMargin;
    }

    public RateLimiterScope getRateLimiter() {
        return rateLimiter;
    }

    public void setRateLimiter(RateLimiterScope rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public Map<ChatApi, Api> getApi() {
        return api;
    }

    public void setApi(Map<ChatApi, Api> api) {
        this.api = api;
    }

    public DataSize getMaxAnswerSize() {
        return maxAnswerSize;
    }

    public void setMaxAnswerSize(DataSize maxAnswerSize) {
        this.maxAnswerSize = maxAnswerSize;
    }

    public DataSize getMaxBufferedAnswerSize() {
        return maxBufferedAnswerSize;
    }

    public void setMaxBufferedAnswerSize(DataSize maxBufferedAnswerSize) {
        this.maxBufferedAnswerSize = maxBufferedAnswerSize;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getUserSigValidity() {
        return userSigValidity;
    }

    public void setUserSigValidity(Duration userSigValidity) {
        this.userSigValidity = userSigValidity;
    }

    public Duration getUserSigRenewalMargin() {
        return userSigRenewalMargin;
    }

    public void setUserSigRenewalMargin(Duration userSigRenewalMargin) {
        this.userSigRenewalMargin = userSigRenewalMargin;
    }

    public Importer getImporter() {
        return importer;
    }

    /** Shows no value: the properties hold the secret key. */
    @Override
    public String toString() {
        return "TimportProperties[sdkappid=" + sdkappid + ", admin=" + admin + ", secretKey="
                + (secretKey == null ? "null" : "<redacted>") + ", secretKeyFile=" + secretKeyFile + ", region=" + region
                + ", endpoint=" + endpoint + "]";
    }

    /** Whose rate limiters pace the calls ({@code timport.rate-limiter}). */
    public enum RateLimiterScope {
        /**
         * The limiters this JVM shares per app and API ({@code RateLimiterRegistry.global()}): two clients or
         * importers of one app take their permits from the same limiter of each API.
         */
        SHARED,
        /** Limiters of this client's own, one per API: for a process that is the only caller of its app. */
        PRIVATE
    }

    /** The pace of one Chat API ({@code timport.api.*}). */
    public static class Api {

        /** The calls per second the client keeps to for this API. Unset: server-rate-limit less the pace margin. */
        private Double rate;

        /** The app's call limit of this API on the server, in calls per second. Unset: the documented one. */
        private Double serverRateLimit;

        public Double getRate() {
            return rate;
        }

        public void setRate(Double rate) {
            this.rate = rate;
        }

        public Double getServerRateLimit() {
            return serverRateLimit;
        }

        public void setServerRateLimit(Double serverRateLimit) {
            this.serverRateLimit = serverRateLimit;
        }
    }

    /** The {@code timport.importer.*} settings, applied by {@link TimportImporterConfigurer}. */
    public static class Importer {

        /** Items per friend_import call, 1 to 1000 (the API's limit). */
        private int batchSize = 1000;

        /**
         * The most items held in memory at once, waiting or in flight (at least the batch size). Unsorted input is
         * grouped by From_Account within this bound.
         */
        private int maxBufferedItems = 100_000;

        /** The most calls awaiting their answers at once; the rate limiter usually bounds them first. */
        private int maxInFlight = 512;

        /** Attempts per item before a transient error is reported as a failure. */
        private int maxAttempts = 10;

        /** The first backoff before retrying a transient error; it doubles with each attempt, with jitter. */
        private Duration initialBackoff = Duration.ofMillis(200);

        /** The longest backoff before retrying a transient error. */
        private Duration maxBackoff = Duration.ofSeconds(10);

        /** How long every call pauses when throttled answers persist (3 or more within one second). */
        private Duration throttlePause = Duration.ofMillis(100);

        /** How long every call pauses after 70050 (too many failed signature checks). */
        private Duration lockoutPause = Duration.ofSeconds(60);

        /** How long a From_Account's partial batch waits for more of its records before it is sent anyway. */
        private Duration linger = Duration.ofSeconds(2);

        /**
         * An append-only journal of completed work (created if missing): a run started again with the same input and
         * journal skips what completed. Unset: none. One journal belongs to one input: give each importer its own.
         */
        private Path journal;

        /** Forces every journal entry to the device, so that the journal survives power loss too (costs per call). */
        private boolean fsyncJournal = false;

        /** How often progress listeners (and the metrics) get a snapshot. */
        private Duration progressInterval = Duration.ofMillis(500);

        /** Where every failure is written as it happens, as JSONL that imports again once fixed. Unset: none. */
        private Path failuresFile;

        /** The failures a report keeps in memory (every failure is counted, and written to the failures file). */
        private int keepFailures = 1000;

        /** The longest JSONL input line read; a longer one is reported by its number and skipped, never held. */
        private DataSize maxLineBytes = DataSize.ofMegabytes(1);

        /** The largest request body a call may have: a batch ends before the item that would make it larger. */
        private DataSize maxBodyBytes = DataSize.ofMegabytes(1);

        /**
         * How calls are kept within the server's second: window (a model of the server's sliding second; throttled
         * calls go again with the next permits) or pause (the earlier rule: every call pauses when throttled answers
         * persist).
         */
        private io.timport.bulk.Pacing pacing = io.timport.bulk.Pacing.WINDOW;

        /**
         * How long the server may give no usable answer (refused, timeouts, 5xx, not a Chat answer) before the import
         * stops; meanwhile nothing new is sent and one call at a time probes the server.
         */
        private Duration outageLimit = Duration.ofMinutes(10);

        /**
         * The accounts the relations name, before the relations: off, check (send no relation naming a missing
         * account) or import (create the missing accounts: this creates users in the app).
         */
        private io.timport.bulk.AccountsMode accounts = io.timport.bulk.AccountsMode.OFF;

        /** The accounts to create, as JSONL of UserID, Nick and FaceUrl; with it, import creates only these. */
        private Path accountsFile;

        /** Where the accounts that do not exist after the accounts phase are written, in the accounts-file format. */
        private Path missingAccountsFile;

        /** The breaker for systematic failures. */
        private final Breaker breaker = new Breaker();

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public int getMaxBufferedItems() {
            return maxBufferedItems;
        }

        public void setMaxBufferedItems(int maxBufferedItems) {
            this.maxBufferedItems = maxBufferedItems;
        }

        public int getMaxInFlight() {
            return maxInFlight;
        }

        public void setMaxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getThrottlePause() {
            return throttlePause;
        }

        public void setThrottlePause(Duration throttlePause) {
            this.throttlePause = throttlePause;
        }

        public Duration getLockoutPause() {
            return lockoutPause;
        }

        public void setLockoutPause(Duration lockoutPause) {
            this.lockoutPause = lockoutPause;
        }

        public Duration getLinger() {
            return linger;
        }

        public void setLinger(Duration linger) {
            this.linger = linger;
        }

        public Path getJournal() {
            return journal;
        }

        public void setJournal(Path journal) {
            this.journal = journal;
        }

        public boolean isFsyncJournal() {
            return fsyncJournal;
        }

        public void setFsyncJournal(boolean fsyncJournal) {
            this.fsyncJournal = fsyncJournal;
        }

        public Duration getProgressInterval() {
            return progressInterval;
        }

        public void setProgressInterval(Duration progressInterval) {
            this.progressInterval = progressInterval;
        }

        public Path getFailuresFile() {
            return failuresFile;
        }

        public void setFailuresFile(Path failuresFile) {
            this.failuresFile = failuresFile;
        }

        public int getKeepFailures() {
            return keepFailures;
        }

        public void setKeepFailures(int keepFailures) {
            this.keepFailures = keepFailures;
        }

        public DataSize getMaxLineBytes() {
            return maxLineBytes;
        }

        public void setMaxLineBytes(DataSize maxLineBytes) {
            this.maxLineBytes = maxLineBytes;
        }

        public DataSize getMaxBodyBytes() {
            return maxBodyBytes;
        }

        public void setMaxBodyBytes(DataSize maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }

        public io.timport.bulk.Pacing getPacing() {
            return pacing;
        }

        public void setPacing(io.timport.bulk.Pacing pacing) {
            this.pacing = pacing;
        }

        public Duration getOutageLimit() {
            return outageLimit;
        }

        public void setOutageLimit(Duration outageLimit) {
            this.outageLimit = outageLimit;
        }

        public io.timport.bulk.AccountsMode getAccounts() {
            return accounts;
        }

        public void setAccounts(io.timport.bulk.AccountsMode accounts) {
            this.accounts = accounts;
        }

        public Path getAccountsFile() {
            return accountsFile;
        }

        public void setAccountsFile(Path accountsFile) {
            this.accountsFile = accountsFile;
        }

        public Path getMissingAccountsFile() {
            return missingAccountsFile;
        }

        public void setMissingAccountsFile(Path missingAccountsFile) {
            this.missingAccountsFile = missingAccountsFile;
        }

        public Breaker getBreaker() {
            return breaker;
        }

        /**
         * The {@code timport.importer.breaker.*} settings: when that many calls in a row, holding at least that many
         * relations, failed the same way for nearly every relation, the import stops with a diagnosis.
         */
        public static class Breaker {

            /** Whether the breaker is on; off, every relation is sent whatever the answers. */
            private boolean enabled = true;

            /** The calls in a row of one systematic failure that stop the import. */
            private int calls = 5;

            /** The relations those calls must hold at least. */
            private int relations = 100;

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public int getCalls() {
                return calls;
            }

            public void setCalls(int calls) {
                this.calls = calls;
            }

            public int getRelations() {
                return relations;
            }

            public void setRelations(int relations) {
                this.relations = relations;
            }
        }
    }
}
