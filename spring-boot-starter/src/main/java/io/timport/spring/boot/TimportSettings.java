package io.timport.spring.boot;

import io.timport.call.ChatApi;
import io.timport.call.ChatClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.config.Timeouts;
import io.timport.limit.RateLimiterRegistry;
import io.timport.limit.SmoothRateLimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@link TimportProperties} into the runtime's objects, checking each property first so that a problem is
 * reported with the property's name ({@link InvalidTimportPropertyException}). No message holds a secret key.
 */
final class TimportSettings {

    static final String SDKAPPID = "timport.sdkappid";
    static final String ADMIN = "timport.admin";
    static final String SECRET_KEY = "timport.secret-key";
    static final String SECRET_KEY_FILE = "timport.secret-key-file";
    static final String REGION = "timport.region";
    static final String ENDPOINT = "timport.endpoint";
    static final String RATE = "timport.rate";
    static final String SERVER_RATE_LIMIT = "timport.server-rate-limit";
    static final String PACE_MARGIN = "timport.pace-margin";
    static final String CONNECT_TIMEOUT = "timport.connect-timeout";
    static final String REQUEST_TIMEOUT = "timport.request-timeout";
    static final String USER_SIG_VALIDITY = "timport.user-sig-validity";
    static final String USER_SIG_RENEWAL_MARGIN = "timport.user-sig-renewal-margin";
    static final String RATE_LIMITER = "timport.rate-limiter";
    static final String API = "timport.api.";
    static final String MAX_ANSWER_SIZE = "timport.max-answer-size";
    static final String MAX_BUFFERED_ANSWER_SIZE = "timport.max-buffered-answer-size";
    static final String IMPORTER = "timport.importer.";

    /** The defaults of {@link TimportProperties}, which are the runtime's. */
    static final double DEFAULT_SERVER_RATE_LIMIT = RateLimiterRegistry.DEFAULT_CALLS_PER_SECOND;
    static final double DEFAULT_PACE_MARGIN = RateLimiterRegistry.DEFAULT_PACE_MARGIN;

    private static final String OR_OWN_CLIENT = " (or define your own ChatClient, FriendImportClient or AppConfig bean)";

    private TimportSettings() {
    }

    /** The app: SDKAppID, admin, secret key and endpoint. */
    static AppConfig appConfig(TimportProperties p) {
        Long sdkAppId = p.getSdkappid();
        if (sdkAppId == null) {
            throw new InvalidTimportPropertyException(SDKAPPID, "is not set",
                    "Set " + SDKAPPID + " to the app's SDKAppID from the Chat console" + OR_OWN_CLIENT + ".");
        }
        if (sdkAppId < 1 || sdkAppId > AppConfig.MAX_SDK_APP_ID) {
            throw new InvalidTimportPropertyException(SDKAPPID, "must be between 1 and " + AppConfig.MAX_SDK_APP_ID
                    + ", was " + sdkAppId, "Set " + SDKAPPID + " to the app's SDKAppID from the Chat console.");
        }
        String admin = p.getAdmin();
        if (admin == null || admin.isBlank()) {
            throw new InvalidTimportPropertyException(ADMIN, admin == null ? "is not set" : "is blank",
                    "Set " + ADMIN + " to the UserID of an app admin (Chat console > Account Management)"
                            + OR_OWN_CLIENT + ".");
        }
        int bytes = admin.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 32) {
            throw new InvalidTimportPropertyException(ADMIN, "must be a UserID of 1 to 32 bytes of UTF-8, was \"" + admin
                    + "\" (" + bytes + " bytes)", "Set " + ADMIN + " to the UserID of an app admin.");
        }
        return new AppConfig(sdkAppId, admin, secretKey(p), endpoint(p));
    }

    static SecretKey secretKey(TimportProperties p) {
        String value = p.getSecretKey();
        if (value != null && p.getSecretKeyFile() != null) {
            throw new InvalidTimportPropertyException(SECRET_KEY, "and " + SECRET_KEY_FILE + " are both set",
                    "Set only one of them: the key (best through the environment variable TIMPORT_SECRET_KEY), or the "
                            + "file that holds it.");
        }
        if (value != null) {
            if (value.isBlank()) {
                throw new InvalidTimportPropertyException(SECRET_KEY, "is empty",
                        "Set " + SECRET_KEY + " (or the environment variable TIMPORT_SECRET_KEY) to the app's secret key "
                                + "from the Chat console.");
            }
            return SecretKey.of(value);
        }
        if (p.getSecretKeyFile() != null) {
            try {
                return SecretKey.fromFile(p.getSecretKeyFile());
            } catch (IOException e) {
                // The message of an I/O error names the file, never its content.
                throw new InvalidTimportPropertyException(SECRET_KEY_FILE, "names a file that cannot be read: "
                        + p.getSecretKeyFile() + " (" + e.getClass().getSimpleName() + ")",
                        "Make " + SECRET_KEY_FILE + " name a readable file that holds only the app's secret key.");
            } catch (IllegalArgumentException e) {
                throw new InvalidTimportPropertyException(SECRET_KEY_FILE, "names a file without a key: "
                        + e.getMessage(), "Put the app's secret key, in UTF-8, in " + p.getSecretKeyFile() + ".");
            }
        }
        throw new InvalidTimportPropertyException(SECRET_KEY, "is not set (nor " + SECRET_KEY_FILE + ")",
                "Set the environment variable TIMPORT_SECRET_KEY (or " + SECRET_KEY + ") to the app's secret key from "
                        + "the Chat console, or " + SECRET_KEY_FILE + " to a file that holds it" + OR_OWN_CLIENT + ".");
    }

    static Endpoint endpoint(TimportProperties p) {
        if (p.getRegion() != null && p.getEndpoint() != null) {
            throw new InvalidTimportPropertyException(REGION, "and " + ENDPOINT + " are both set",
                    "Set only one of them: the app's data centre, or the base URI of the REST API.");
        }
        if (p.getRegion() != null) {
            return p.getRegion().endpoint();
        }
        if (p.getEndpoint() == null) {
            throw new InvalidTimportPropertyException(REGION, "is not set (nor " + ENDPOINT + ")",
                    "Set " + REGION + " to the data centre the app lives in (china, singapore, seoul, tokyo, frankfurt, "
                            + "mumbai, silicon-valley, jakarta), or " + ENDPOINT + " to a base URI" + OR_OWN_CLIENT + ".");
        }
        try {
            return Endpoint.of(p.getEndpoint());
        } catch (IllegalArgumentException e) {
            throw new InvalidTimportPropertyException(ENDPOINT, "is not valid: " + e.getMessage(),
                    "Set " + ENDPOINT + " to an https base URI (plain http only to a loopback host), or set "
                            + REGION + " instead.");
        }
    }

    /**
     * A builder of the client for {@code app}: the timeouts, the UserSig settings, the answer caps and a rate limiter
     * for each API whose pace the properties choose (the others keep the builder's default, the limiter this JVM
     * shares for the app and API).
     */
    static ChatClient.Builder chatClientBuilder(AppConfig app, TimportProperties p) {
        ChatClient.Builder builder = ChatClient.builder(app)
                .timeouts(new Timeouts(positive(p.getConnectTimeout(), CONNECT_TIMEOUT),
                        positive(p.getRequestTimeout(), REQUEST_TIMEOUT)));
        Duration validity = notNull(p.getUserSigValidity(), USER_SIG_VALIDITY);
        Duration margin = notNull(p.getUserSigRenewalMargin(), USER_SIG_RENEWAL_MARGIN);
        if (validity.getSeconds() < 1) {
            throw new InvalidTimportPropertyException(USER_SIG_VALIDITY, "must be at least one second, was " + validity,
                    "Set " + USER_SIG_VALIDITY + " to how long each UserSig is valid (default 1d).");
        }
        if (margin.isNegative() || margin.getSeconds() >= validity.getSeconds()) {
            throw new InvalidTimportPropertyException(USER_SIG_RENEWAL_MARGIN, "must be at least zero and less than "
                    + USER_SIG_VALIDITY + " (" + validity + "), was " + margin,
                    "Set " + USER_SIG_RENEWAL_MARGIN + " to how long before expiry a UserSig is renewed (default 5m).");
        }
        builder.userSigValidity(validity).userSigRenewalMargin(margin);
        answerCaps(builder, p);
        rateLimiters(builder, app, p);
        return builder;
    }

    private static void answerCaps(ChatClient.Builder builder, TimportProperties p) {
        DataSize answer = notNull(p.getMaxAnswerSize(), MAX_ANSWER_SIZE, "4MB");
        DataSize buffered = notNull(p.getMaxBufferedAnswerSize(), MAX_BUFFERED_ANSWER_SIZE, "64MB");
        try {
            builder.maxAnswerBytes(answer.toBytes());
        } catch (IllegalArgumentException e) {
            throw new InvalidTimportPropertyException(MAX_ANSWER_SIZE, "must be 1KB to " + ChatClient.MAX_ANSWER_BYTES_LIMIT
                    + " bytes, was " + answer, "Set " + MAX_ANSWER_SIZE + " to a size such as 4MB (the default).");
        }
        if (buffered.toBytes() < answer.toBytes()) {
            throw new InvalidTimportPropertyException(MAX_BUFFERED_ANSWER_SIZE, "must be at least " + MAX_ANSWER_SIZE
                    + " (" + answer + "), was " + buffered,
                    "Set " + MAX_BUFFERED_ANSWER_SIZE + " to a size such as 64MB (the default).");
        }
        builder.maxBufferedAnswerBytes(buffered.toBytes());
    }

    /**
     * The limiter of each API whose pace the properties choose: its rate, or its server limit less the pace margin,
     * in the JVM's shared limiter of the app and API or in one of the client's own ({@code timport.rate-limiter}).
     * Each is made here rather than by the builder, so that a rate that contradicts one already chosen in the JVM is
     * reported with the property that chose it.
     */
    private static void rateLimiters(ChatClient.Builder builder, AppConfig app, TimportProperties p) {
        double margin = p.getPaceMargin();
        if (!(margin >= 0 && margin < 1)) {
            throw new InvalidTimportPropertyException(PACE_MARGIN, "must be at least 0 and less than 1, was " + margin,
                    "Set " + PACE_MARGIN + " to a fraction such as 0.02 (the default).");
        }
        boolean privately = notNull(p.getRateLimiter(), RATE_LIMITER, "shared") == TimportProperties.RateLimiterScope.PRIVATE;
        Map<ChatApi, TimportProperties.Api> apis = p.getApi() == null ? Map.of() : p.getApi();
        for (ChatApi api : ChatApi.values()) {
            TimportProperties.Api configured = apis.get(api);
            String rateProperty = apiProperty(api, "rate");
            String limitProperty = apiProperty(api, "server-rate-limit");
            Double rate = configured == null ? null : configured.getRate();
            Double limit = configured == null ? null : configured.getServerRateLimit();
            if (api == ChatApi.FRIEND_IMPORT) {
                if (p.getRate() != null) {
                    if (rate != null) {
                        throw new InvalidTimportPropertyException(RATE, "and " + rateProperty + " are both set",
                                "Set only one of them: they are the same setting.");
                    }
                    rate = p.getRate();
                    rateProperty = RATE;
                }
                if (p.getServerRateLimit() != DEFAULT_SERVER_RATE_LIMIT) {
                    if (limit != null) {
                        throw new InvalidTimportPropertyException(SERVER_RATE_LIMIT, "and " + limitProperty
                                + " are both set", "Set only one of them: they are the same setting.");
                    }
                    limit = p.getServerRateLimit();
                    limitProperty = SERVER_RATE_LIMIT;
                }
            }
            if (limit != null && !(limit > 0 && limit < Double.POSITIVE_INFINITY)) {
                throw new InvalidTimportPropertyException(limitProperty, "must be a positive number of calls per "
                        + "second, was " + limit, "Set " + limitProperty + " to the app's call limit of "
                        + api.apiName() + " on the server (default " + api.callsPerSecond() + ").");
            }
            String chosenBy;
            double pace;
            if (rate != null) {
                if (!(rate > 0 && rate < Double.POSITIVE_INFINITY)) {
                    throw new InvalidTimportPropertyException(rateProperty, "must be a positive number of calls per "
                            + "second, was " + rate, "Set " + rateProperty + " to the calls per second this JVM may "
                            + "make for the app, or unset it (" + number(RateLimiterRegistry.defaultPace(api))
                            + ", under the documented " + api.callsPerSecond() + ").");
                }
                if (limit != null) {
                    throw new InvalidTimportPropertyException(rateProperty, "is set together with " + limitProperty,
                            "Set either " + rateProperty + " (the pace itself), or " + limitProperty
                                    + " (the pace is then the limit less " + PACE_MARGIN + ").");
                }
                chosenBy = rateProperty;
                pace = rate;
            } else if (limit != null || margin != DEFAULT_PACE_MARGIN || privately) {
                chosenBy = limit != null ? limitProperty : margin != DEFAULT_PACE_MARGIN ? PACE_MARGIN : null;
                pace = (limit != null ? limit : api.callsPerSecond()) * (1 - margin);
            } else {
                continue; // the builder's default: the JVM's shared limiter at the API's default pace
            }
            if (privately) {
                builder.rateLimiter(api, new SmoothRateLimiter(pace));
                continue;
            }
            try {
                builder.rateLimiter(api, RateLimiterRegistry.global().forApi(app.sdkAppId(), api, pace));
            } catch (IllegalArgumentException e) {
                throw new InvalidTimportPropertyException(chosenBy, "conflicts with the rate already chosen in this "
                        + "JVM: " + e.getMessage(), "Give every client of one app in a JVM the same pace for "
                        + api.apiName() + ", or set " + RATE_LIMITER + "=private.");
            }
        }
    }

    /** {@code timport.api.<api>.<name>}, the API as Spring Boot binds it (friend_import: friend-import). */
    static String apiProperty(ChatApi api, String name) {
        return API + api.apiName().replace('_', '-') + "." + name;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Duration positive(Duration d, String property) {
        if (notNull(d, property).isNegative() || d.isZero()) {
            throw new InvalidTimportPropertyException(property, "must be positive, was " + d,
                    "Set " + property + " to a positive duration such as 10s, or remove it to take the default.");
        }
        return d;
    }

    private static <T> T notNull(T value, String property, String example) {
        if (value == null) {
            throw new InvalidTimportPropertyException(property, "is empty",
                    "Set " + property + " to a value such as " + example + ", or remove it to take the default.");
        }
        return value;
    }

    private static Duration notNull(Duration d, String property) {
        if (d == null) {
            throw new InvalidTimportPropertyException(property, "is empty",
                    "Set " + property + " to a duration such as 10s, or remove it to take the default.");
        }
        return d;
    }
}
