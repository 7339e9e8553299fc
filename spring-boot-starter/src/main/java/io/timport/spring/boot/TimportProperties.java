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

    /**
     * {@code timport.sdkappid}: the app's SDKAppID, from the Chat console (1 to 4294967295). Required.
     *
     * @return the value, or null when the property is not set
     */
    public Long getSdkappid() {
        return sdkappid;
    }

    /**
     * Sets {@code timport.sdkappid}: the app's SDKAppID, from the Chat console (1 to 4294967295). Required.
     *
     * @param sdkappid the new value, or null to leave the property unset
     */
    public void setSdkappid(Long sdkappid) {
        this.sdkappid = sdkappid;
    }

    /**
     * {@code timport.admin}: an app admin's UserID (1 to 32 bytes of UTF-8): friend_import accepts only admin accounts.
     * Required.
     *
     * @return the value, or null when the property is not set
     */
    public String getAdmin() {
        return admin;
    }

    /**
     * Sets {@code timport.admin}: an app admin's UserID (1 to 32 bytes of UTF-8): friend_import accepts only admin
     * accounts. Required.
     *
     * @param admin the new value, or null to leave the property unset
     */
    public void setAdmin(String admin) {
        this.admin = admin;
    }

    /**
     * {@code timport.secret-key}: the app's secret key, from the Chat console; used only to sign UserSigs, never sent,
     * logged or shown (the actuator prints it as ******). Prefer the environment variable TIMPORT_SECRET_KEY or
     * timport.secret-key-file to a key in a file under version control. One of the two is required.
     *
     * @return the value, or null when the property is not set
     */
    public String getSecretKey() {
        return secretKey;
    }

    /**
     * Sets {@code timport.secret-key}: the app's secret key, from the Chat console; used only to sign UserSigs, never
     * sent, logged or shown (the actuator prints it as ******). Prefer the environment variable TIMPORT_SECRET_KEY or
     * timport.secret-key-file to a key in a file under version control. One of the two is required.
     *
     * @param secretKey the new value, or null to leave the property unset
     */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    /**
     * {@code timport.secret-key-file}: a UTF-8 file holding only the app's secret key (a final newline is fine), e.g. a
     * mounted secret. Instead of timport.secret-key.
     *
     * @return the value, or null when the property is not set
     */
    public Path getSecretKeyFile() {
        return secretKeyFile;
    }

    /**
     * Sets {@code timport.secret-key-file}: a UTF-8 file holding only the app's secret key (a final newline is fine),
     * e.g. a mounted secret. Instead of timport.secret-key.
     *
     * @param secretKeyFile the new value, or null to leave the property unset
     */
    public void setSecretKeyFile(Path secretKeyFile) {
        this.secretKeyFile = secretKeyFile;
    }

    /**
     * {@code timport.region}: the data centre the app lives in (singapore, silicon-valley, ...): calls go to its REST
     * API domain. Either this or timport.endpoint is required.
     *
     * @return the value, or null when the property is not set
     */
    public Region getRegion() {
        return region;
    }

    /**
     * Sets {@code timport.region}: the data centre the app lives in (singapore, silicon-valley, ...): calls go to its
     * REST API domain. Either this or timport.endpoint is required.
     *
     * @param region the new value, or null to leave the property unset
     */
    public void setRegion(Region region) {
        this.region = region;
    }

    /**
     * {@code timport.endpoint}: the REST API's base URI, instead of timport.region: https, or plain http to a loopback
     * host (the embedded simulator). No query, fragment or user info.
     *
     * @return the value, or null when the property is not set
     */
    public URI getEndpoint() {
        return endpoint;
    }

    /**
     * Sets {@code timport.endpoint}: the REST API's base URI, instead of timport.region: https, or plain http to a
     * loopback host (the embedded simulator). No query, fragment or user info.
     *
     * @param endpoint the new value, or null to leave the property unset
     */
    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * {@code timport.rate}: how many friend_import calls per second the client keeps to. Unset: 196, i.e.
     * timport.server-rate-limit x (1 - timport.pace-margin). Give each process its share when several import for one
     * app. The other APIs: timport.api.*.rate.
     *
     * @return the value, or null when the property is not set
     */
    public Double getRate() {
        return rate;
    }

    /**
     * Sets {@code timport.rate}: how many friend_import calls per second the client keeps to. Unset: 196, i.e.
     * timport.server-rate-limit x (1 - timport.pace-margin). Give each process its share when several import for one
     * app. The other APIs: timport.api.*.rate.
     *
     * @param rate the new value, or null to leave the property unset
     */
    public void setRate(Double rate) {
        this.rate = rate;
    }

    /**
     * {@code timport.server-rate-limit}: the app's friend_import call limit on the server, in calls per second; the
     * default pace keeps timport.pace-margin under it. The other APIs: timport.api.*.server-rate-limit.
     *
     * @return the value (default {@code 200})
     */
    public double getServerRateLimit() {
        return serverRateLimit;
    }

    /**
     * Sets {@code timport.server-rate-limit}: the app's friend_import call limit on the server, in calls per second;
     * the default pace keeps timport.pace-margin under it. The other APIs: timport.api.*.server-rate-limit.
     *
     * @param serverRateLimit the new value
     */
    public void setServerRateLimit(double serverRateLimit) {
        this.serverRateLimit = serverRateLimit;
    }

    /**
     * {@code timport.pace-margin}: how far under each API's server limit its default pace stays, from 0 to below 1: it
     * absorbs network jitter that would otherwise get calls answered as throttled.
     *
     * @return the value (default {@code 0.02})
     */
    public double getPaceMargin() {
        return paceMargin;
    }

    /**
     * Sets {@code timport.pace-margin}: how far under each API's server limit its default pace stays, from 0 to below
     * 1: it absorbs network jitter that would otherwise get calls answered as throttled.
     *
     * @param paceMargin the new value
     */
    public void setPaceMargin(double paceMargin) {
        this.paceMargin = paceMargin;
    }

    /**
     * {@code timport.rate-limiter}: whose rate limiters pace the calls: shared (one per app and API in this JVM, taken
     * by every client of the app that does not bring its own) or private (limiters of this client's own, for a process
     * that is the only caller of its app in the JVM).
     *
     * @return the value (default {@code RateLimiterScope.SHARED})
     */
    public RateLimiterScope getRateLimiter() {
        return rateLimiter;
    }

    /**
     * Sets {@code timport.rate-limiter}: whose rate limiters pace the calls: shared (one per app and API in this JVM,
     * taken by every client of the app that does not bring its own) or private (limiters of this client's own, for a
     * process that is the only caller of its app in the JVM).
     *
     * @param rateLimiter the new value (not null)
     */
    public void setRateLimiter(RateLimiterScope rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    /**
     * {@code timport.api}: the pace of each Chat API other than by default (account-check, multiaccount-import,
     * account-import, friend-get, friend-check; friend-import too, instead of timport.rate and
     * timport.server-rate-limit): its rate, or its server-rate-limit, in calls per second. Unset: 2 % under the API's
     * documented limit.
     *
     * @return the settings by API, never null (empty unless set)
     */
    public Map<ChatApi, Api> getApi() {
        return api;
    }

    /**
     * Sets {@code timport.api}: the pace of each Chat API other than by default (account-check, multiaccount-import,
     * account-import, friend-get, friend-check; friend-import too, instead of timport.rate and
     * timport.server-rate-limit): its rate, or its server-rate-limit, in calls per second. Unset: 2 % under the API's
     * documented limit.
     *
     * @param api the new value (not null)
     */
    public void setApi(Map<ChatApi, Api> api) {
        this.api = api;
    }

    /**
     * {@code timport.max-answer-size}: the most one answer's body may hold; a larger answer fails its call (and the
     * call is retried).
     *
     * @return the value (default {@code DataSize.ofMegabytes(4)})
     */
    public DataSize getMaxAnswerSize() {
        return maxAnswerSize;
    }

    /**
     * Sets {@code timport.max-answer-size}: the most one answer's body may hold; a larger answer fails its call (and
     * the call is retried).
     *
     * @param maxAnswerSize the new value (not null)
     */
    public void setMaxAnswerSize(DataSize maxAnswerSize) {
        this.maxAnswerSize = maxAnswerSize;
    }

    /**
     * {@code timport.max-buffered-answer-size}: the most bytes of answers read at once, across every call in flight (at
     * least timport.max-answer-size): it bounds the heap answers take.
     *
     * @return the value (default {@code DataSize.ofMegabytes(64)})
     */
    public DataSize getMaxBufferedAnswerSize() {
        return maxBufferedAnswerSize;
    }

    /**
     * Sets {@code timport.max-buffered-answer-size}: the most bytes of answers read at once, across every call in
     * flight (at least timport.max-answer-size): it bounds the heap answers take.
     *
     * @param maxBufferedAnswerSize the new value (not null)
     */
    public void setMaxBufferedAnswerSize(DataSize maxBufferedAnswerSize) {
        this.maxBufferedAnswerSize = maxBufferedAnswerSize;
    }

    /**
     * {@code timport.connect-timeout}: how long to wait for a TCP (and TLS) connection.
     *
     * @return the value (default {@code Duration.ofSeconds(5)})
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets {@code timport.connect-timeout}: how long to wait for a TCP (and TLS) connection.
     *
     * @param connectTimeout the new value (not null)
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * {@code timport.request-timeout}: how long to wait for the answer to one call; keep it above the server's own 3 s.
     *
     * @return the value (default {@code Duration.ofSeconds(10)})
     */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * Sets {@code timport.request-timeout}: how long to wait for the answer to one call; keep it above the server's own
     * 3 s.
     *
     * @param requestTimeout the new value (not null)
     */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * {@code timport.user-sig-validity}: how long each UserSig the client signs is valid.
     *
     * @return the value (default {@code Duration.ofDays(1)})
     */
    public Duration getUserSigValidity() {
        return userSigValidity;
    }

    /**
     * Sets {@code timport.user-sig-validity}: how long each UserSig the client signs is valid.
     *
     * @param userSigValidity the new value (not null)
     */
    public void setUserSigValidity(Duration userSigValidity) {
        this.userSigValidity = userSigValidity;
    }

    /**
     * {@code timport.user-sig-renewal-margin}: how long before its expiry the UserSig is signed again.
     *
     * @return the value (default {@code Duration.ofMinutes(5)})
     */
    public Duration getUserSigRenewalMargin() {
        return userSigRenewalMargin;
    }

    /**
     * Sets {@code timport.user-sig-renewal-margin}: how long before its expiry the UserSig is signed again.
     *
     * @param userSigRenewalMargin the new value (not null)
     */
    public void setUserSigRenewalMargin(Duration userSigRenewalMargin) {
        this.userSigRenewalMargin = userSigRenewalMargin;
    }

    /**
     * The {@code timport.importer.*} settings: settings of the importers built with TimportImporterConfigurer.
     *
     * @return the nested settings object, never null; Spring Boot binds into it
     */
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

        /**
         * {@code timport.api.<api>.rate}: the calls per second the client keeps to for this API. Unset:
         * server-rate-limit less the pace margin.
         *
         * @return the value, or null when the property is not set
         */
        public Double getRate() {
            return rate;
        }

        /**
         * Sets {@code timport.api.<api>.rate}: the calls per second the client keeps to for this API. Unset:
         * server-rate-limit less the pace margin.
         *
         * @param rate the new value, or null to leave the property unset
         */
        public void setRate(Double rate) {
            this.rate = rate;
        }

        /**
         * {@code timport.api.<api>.server-rate-limit}: the app's call limit of this API on the server, in calls per
         * second. Unset: the documented one.
         *
         * @return the value, or null when the property is not set
         */
        public Double getServerRateLimit() {
            return serverRateLimit;
        }

        /**
         * Sets {@code timport.api.<api>.server-rate-limit}: the app's call limit of this API on the server, in calls
         * per second. Unset: the documented one.
         *
         * @param serverRateLimit the new value, or null to leave the property unset
         */
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

        /**
         * {@code timport.importer.batch-size}: items per friend_import call, 1 to 1000 (the API's limit).
         *
         * @return the value (default {@code 1000})
         */
        public int getBatchSize() {
            return batchSize;
        }

        /**
         * Sets {@code timport.importer.batch-size}: items per friend_import call, 1 to 1000 (the API's limit).
         *
         * @param batchSize the new value
         */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /**
         * {@code timport.importer.max-buffered-items}: the most items held in memory at once, waiting or in flight (at
         * least the batch size). Unsorted input is grouped by From_Account within this bound.
         *
         * @return the value (default {@code 100_000})
         */
        public int getMaxBufferedItems() {
            return maxBufferedItems;
        }

        /**
         * Sets {@code timport.importer.max-buffered-items}: the most items held in memory at once, waiting or in flight
         * (at least the batch size). Unsorted input is grouped by From_Account within this bound.
         *
         * @param maxBufferedItems the new value
         */
        public void setMaxBufferedItems(int maxBufferedItems) {
            this.maxBufferedItems = maxBufferedItems;
        }

        /**
         * {@code timport.importer.max-in-flight}: the most calls awaiting their answers at once; the rate limiter
         * usually bounds them first.
         *
         * @return the value (default {@code 512})
         */
        public int getMaxInFlight() {
            return maxInFlight;
        }

        /**
         * Sets {@code timport.importer.max-in-flight}: the most calls awaiting their answers at once; the rate limiter
         * usually bounds them first.
         *
         * @param maxInFlight the new value
         */
        public void setMaxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        /**
         * {@code timport.importer.max-attempts}: attempts per item before a transient error is reported as a failure.
         *
         * @return the value (default {@code 10})
         */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets {@code timport.importer.max-attempts}: attempts per item before a transient error is reported as a
         * failure.
         *
         * @param maxAttempts the new value
         */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /**
         * {@code timport.importer.initial-backoff}: the first backoff before retrying a transient error; it doubles
         * with each attempt, with jitter.
         *
         * @return the value (default {@code Duration.ofMillis(200)})
         */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /**
         * Sets {@code timport.importer.initial-backoff}: the first backoff before retrying a transient error; it
         * doubles with each attempt, with jitter.
         *
         * @param initialBackoff the new value (not null)
         */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /**
         * {@code timport.importer.max-backoff}: the longest backoff before retrying a transient error.
         *
         * @return the value (default {@code Duration.ofSeconds(10)})
         */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /**
         * Sets {@code timport.importer.max-backoff}: the longest backoff before retrying a transient error.
         *
         * @param maxBackoff the new value (not null)
         */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /**
         * {@code timport.importer.throttle-pause}: how long every call pauses when throttled answers persist (3 or more
         * within one second).
         *
         * @return the value (default {@code Duration.ofMillis(100)})
         */
        public Duration getThrottlePause() {
            return throttlePause;
        }

        /**
         * Sets {@code timport.importer.throttle-pause}: how long every call pauses when throttled answers persist (3 or
         * more within one second).
         *
         * @param throttlePause the new value (not null)
         */
        public void setThrottlePause(Duration throttlePause) {
            this.throttlePause = throttlePause;
        }

        /**
         * {@code timport.importer.lockout-pause}: how long every call pauses after 70050 (too many failed signature
         * checks).
         *
         * @return the value (default {@code Duration.ofSeconds(60)})
         */
        public Duration getLockoutPause() {
            return lockoutPause;
        }

        /**
         * Sets {@code timport.importer.lockout-pause}: how long every call pauses after 70050 (too many failed
         * signature checks).
         *
         * @param lockoutPause the new value (not null)
         */
        public void setLockoutPause(Duration lockoutPause) {
            this.lockoutPause = lockoutPause;
        }

        /**
         * {@code timport.importer.linger}: how long a From_Account's partial batch waits for more of its records before
         * it is sent anyway.
         *
         * @return the value (default {@code Duration.ofSeconds(2)})
         */
        public Duration getLinger() {
            return linger;
        }

        /**
         * Sets {@code timport.importer.linger}: how long a From_Account's partial batch waits for more of its records
         * before it is sent anyway.
         *
         * @param linger the new value (not null)
         */
        public void setLinger(Duration linger) {
            this.linger = linger;
        }

        /**
         * {@code timport.importer.journal}: an append-only journal of completed work (created if missing): a run
         * started again with the same input and journal skips what completed. Unset: none. One journal belongs to one
         * input: give each importer its own.
         *
         * @return the value, or null when the property is not set
         */
        public Path getJournal() {
            return journal;
        }

        /**
         * Sets {@code timport.importer.journal}: an append-only journal of completed work (created if missing): a run
         * started again with the same input and journal skips what completed. Unset: none. One journal belongs to one
         * input: give each importer its own.
         *
         * @param journal the new value, or null to leave the property unset
         */
        public void setJournal(Path journal) {
            this.journal = journal;
        }

        /**
         * {@code timport.importer.fsync-journal}: forces every journal entry to the device, so that the journal
         * survives power loss too (costs per call).
         *
         * @return the value (default {@code false})
         */
        public boolean isFsyncJournal() {
            return fsyncJournal;
        }

        /**
         * Sets {@code timport.importer.fsync-journal}: forces every journal entry to the device, so that the journal
         * survives power loss too (costs per call).
         *
         * @param fsyncJournal the new value
         */
        public void setFsyncJournal(boolean fsyncJournal) {
            this.fsyncJournal = fsyncJournal;
        }

        /**
         * {@code timport.importer.progress-interval}: how often progress listeners (and the metrics) get a snapshot.
         *
         * @return the value (default {@code Duration.ofMillis(500)})
         */
        public Duration getProgressInterval() {
            return progressInterval;
        }

        /**
         * Sets {@code timport.importer.progress-interval}: how often progress listeners (and the metrics) get a
         * snapshot.
         *
         * @param progressInterval the new value (not null)
         */
        public void setProgressInterval(Duration progressInterval) {
            this.progressInterval = progressInterval;
        }

        /**
         * {@code timport.importer.failures-file}: where every failure is written as it happens, as JSONL that imports
         * again once fixed. Unset: none.
         *
         * @return the value, or null when the property is not set
         */
        public Path getFailuresFile() {
            return failuresFile;
        }

        /**
         * Sets {@code timport.importer.failures-file}: where every failure is written as it happens, as JSONL that
         * imports again once fixed. Unset: none.
         *
         * @param failuresFile the new value, or null to leave the property unset
         */
        public void setFailuresFile(Path failuresFile) {
            this.failuresFile = failuresFile;
        }

        /**
         * {@code timport.importer.keep-failures}: the failures a report keeps in memory (every failure is counted, and
         * written to the failures file).
         *
         * @return the value (default {@code 1000})
         */
        public int getKeepFailures() {
            return keepFailures;
        }

        /**
         * Sets {@code timport.importer.keep-failures}: the failures a report keeps in memory (every failure is counted,
         * and written to the failures file).
         *
         * @param keepFailures the new value
         */
        public void setKeepFailures(int keepFailures) {
            this.keepFailures = keepFailures;
        }

        /**
         * {@code timport.importer.max-line-bytes}: the longest JSONL input line read; a longer one is reported by its
         * number and skipped, never held.
         *
         * @return the value (default {@code DataSize.ofMegabytes(1)})
         */
        public DataSize getMaxLineBytes() {
            return maxLineBytes;
        }

        /**
         * Sets {@code timport.importer.max-line-bytes}: the longest JSONL input line read; a longer one is reported by
         * its number and skipped, never held.
         *
         * @param maxLineBytes the new value (not null)
         */
        public void setMaxLineBytes(DataSize maxLineBytes) {
            this.maxLineBytes = maxLineBytes;
        }

        /**
         * {@code timport.importer.max-body-bytes}: the largest request body a call may have: a batch ends before the
         * item that would make it larger.
         *
         * @return the value (default {@code DataSize.ofMegabytes(1)})
         */
        public DataSize getMaxBodyBytes() {
            return maxBodyBytes;
        }

        /**
         * Sets {@code timport.importer.max-body-bytes}: the largest request body a call may have: a batch ends before
         * the item that would make it larger.
         *
         * @param maxBodyBytes the new value (not null)
         */
        public void setMaxBodyBytes(DataSize maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }

        /**
         * {@code timport.importer.pacing}: how calls are kept within the server's second: window (a model of the
         * server's sliding second; throttled calls go again with the next permits) or pause (the earlier rule: every
         * call pauses when throttled answers persist).
         *
         * @return the value (default {@code io.timport.bulk.Pacing.WINDOW})
         */
        public io.timport.bulk.Pacing getPacing() {
            return pacing;
        }

        /**
         * Sets {@code timport.importer.pacing}: how calls are kept within the server's second: window (a model of the
         * server's sliding second; throttled calls go again with the next permits) or pause (the earlier rule: every
         * call pauses when throttled answers persist).
         *
         * @param pacing the new value (not null)
         */
        public void setPacing(io.timport.bulk.Pacing pacing) {
            this.pacing = pacing;
        }

        /**
         * {@code timport.importer.outage-limit}: how long the server may give no usable answer (refused, timeouts, 5xx,
         * not a Chat answer) before the import stops; meanwhile nothing new is sent and one call at a time probes the
         * server.
         *
         * @return the value (default {@code Duration.ofMinutes(10)})
         */
        public Duration getOutageLimit() {
            return outageLimit;
        }

        /**
         * Sets {@code timport.importer.outage-limit}: how long the server may give no usable answer (refused, timeouts,
         * 5xx, not a Chat answer) before the import stops; meanwhile nothing new is sent and one call at a time probes
         * the server.
         *
         * @param outageLimit the new value (not null)
         */
        public void setOutageLimit(Duration outageLimit) {
            this.outageLimit = outageLimit;
        }

        /**
         * {@code timport.importer.accounts}: the accounts the relations name, before the relations: off, check (send no
         * relation naming a missing account) or import (create the missing accounts: this creates users in the app).
         *
         * @return the value (default {@code io.timport.bulk.AccountsMode.OFF})
         */
        public io.timport.bulk.AccountsMode getAccounts() {
            return accounts;
        }

        /**
         * Sets {@code timport.importer.accounts}: the accounts the relations name, before the relations: off, check
         * (send no relation naming a missing account) or import (create the missing accounts: this creates users in the
         * app).
         *
         * @param accounts the new value (not null)
         */
        public void setAccounts(io.timport.bulk.AccountsMode accounts) {
            this.accounts = accounts;
        }

        /**
         * {@code timport.importer.accounts-file}: the accounts to create, as JSONL of UserID, Nick and FaceUrl; with
         * it, import creates only these.
         *
         * @return the value, or null when the property is not set
         */
        public Path getAccountsFile() {
            return accountsFile;
        }

        /**
         * Sets {@code timport.importer.accounts-file}: the accounts to create, as JSONL of UserID, Nick and FaceUrl;
         * with it, import creates only these.
         *
         * @param accountsFile the new value, or null to leave the property unset
         */
        public void setAccountsFile(Path accountsFile) {
            this.accountsFile = accountsFile;
        }

        /**
         * {@code timport.importer.missing-accounts-file}: where the accounts that do not exist after the accounts phase
         * are written, in the accounts-file format.
         *
         * @return the value, or null when the property is not set
         */
        public Path getMissingAccountsFile() {
            return missingAccountsFile;
        }

        /**
         * Sets {@code timport.importer.missing-accounts-file}: where the accounts that do not exist after the accounts
         * phase are written, in the accounts-file format.
         *
         * @param missingAccountsFile the new value, or null to leave the property unset
         */
        public void setMissingAccountsFile(Path missingAccountsFile) {
            this.missingAccountsFile = missingAccountsFile;
        }

        /**
         * The {@code timport.importer.breaker.*} settings: the breaker for systematic failures.
         *
         * @return the nested settings object, never null; Spring Boot binds into it
         */
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

            /**
             * {@code timport.importer.breaker.enabled}: whether the breaker is on; off, every relation is sent whatever
             * the answers.
             *
             * @return the value (default {@code true})
             */
            public boolean isEnabled() {
                return enabled;
            }

            /**
             * Sets {@code timport.importer.breaker.enabled}: whether the breaker is on; off, every relation is sent
             * whatever the answers.
             *
             * @param enabled the new value
             */
            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            /**
             * {@code timport.importer.breaker.calls}: the calls in a row of one systematic failure that stop the
             * import.
             *
             * @return the value (default {@code 5})
             */
            public int getCalls() {
                return calls;
            }

            /**
             * Sets {@code timport.importer.breaker.calls}: the calls in a row of one systematic failure that stop the
             * import.
             *
             * @param calls the new value
             */
            public void setCalls(int calls) {
                this.calls = calls;
            }

            /**
             * {@code timport.importer.breaker.relations}: the relations those calls must hold at least.
             *
             * @return the value (default {@code 100})
             */
            public int getRelations() {
                return relations;
            }

            /**
             * Sets {@code timport.importer.breaker.relations}: the relations those calls must hold at least.
             *
             * @param relations the new value
             */
            public void setRelations(int relations) {
                this.relations = relations;
            }
        }
    }
}
