package io.timport.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.config.SecretKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * UserSig v2, the signature that authenticates a REST call ({@code usersig} query parameter), exactly as Tencent's
 * {@code tls-sig-api-v2} computes it without a userbuf.
 *
 * <ol>
 *   <li>{@code TLS.sig} = standard Base64 of HMAC-SHA256, keyed by the secret key, over the UTF-8 text
 *       {@code "TLS.identifier:<id>\nTLS.sdkappid:<app>\nTLS.time:<time>\nTLS.expire:<expire>\n"};</li>
 *   <li>the JSON document {@code {"TLS.ver":"2.0","TLS.identifier":…,"TLS.sdkappid":…,"TLS.expire":…,
 *       "TLS.time":…,"TLS.sig":…}} (numbers as JSON numbers);</li>
 *   <li>zlib-compressed ({@link Deflater} defaults), Base64-encoded, then {@code +}→{@code *}, {@code /}→{@code -},
 *       {@code =}→{@code _}.</li>
 * </ol>
 *
 * <p>A UserSig is a bearer credential: log it, print it or put it in an exception message nowhere. Use this class
 * when a UserSig is needed outside timport; the client itself caches and renews one through {@link UserSigCache}.
 *
 * <pre>{@code
 * String sig = UserSig.generate(1400000000L, "administrator", SecretKey.fromEnv("TIMPORT_SECRET_KEY"),
 *         Duration.ofDays(1));
 * }</pre>
 */
public final class UserSig {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private UserSig() {}

    /**
     * A UserSig valid from now, by the system clock, for {@code validity} (whole seconds).
     *
     * @param sdkAppId the app's SDKAppID (positive)
     * @param identifier the UserID the sig is for (an app admin for REST calls; not empty)
     * @param key the app's secret key (not null)
     * @param validity how long the sig is valid from now; fractions of a second are dropped (at least one second)
     * @return the UserSig, URL-safe Base64 text to pass as the {@code usersig} query parameter
     * @throws IllegalArgumentException when an argument breaks its rule
     */
    public static String generate(long sdkAppId, String identifier, SecretKey key, Duration validity) {
        return generate(sdkAppId, identifier, key, validity, Clock.systemUTC());
    }

    /**
     * A UserSig valid from now, by {@code clock}, for {@code validity} (whole seconds).
     *
     * @param sdkAppId the app's SDKAppID (positive)
     * @param identifier the UserID the sig is for (an app admin for REST calls; not empty)
     * @param key the app's secret key (not null)
     * @param validity how long the sig is valid from the clock's now; fractions of a second are dropped (at least one
     *     second)
     * @param clock the source of the issue time (not null)
     * @return the UserSig, URL-safe Base64 text to pass as the {@code usersig} query parameter
     * @throws IllegalArgumentException when an argument breaks its rule
     */
    public static String generate(long sdkAppId, String identifier, SecretKey key, Duration validity, Clock clock) {
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(clock, "clock");
        return generate(sdkAppId, identifier, key, clock.instant().getEpochSecond(), validity.getSeconds());
    }

    /**
     * The UserSig for an explicit issue time: the algorithm itself.
     *
     * @param sdkAppId the app's SDKAppID (positive)
     * @param identifier the UserID the sig is for (an app admin for REST calls)
     * @param key the app's secret key
     * @param timeSeconds {@code TLS.time}: issue time, Unix seconds
     * @param expireSeconds {@code TLS.expire}: validity in seconds, relative to {@code timeSeconds} (positive)
     * @return the UserSig, URL-safe Base64 text to pass as the {@code usersig} query parameter
     * @throws IllegalArgumentException when an argument breaks its rule
     */
    public static String generate(long sdkAppId, String identifier, SecretKey key, long timeSeconds, long expireSeconds) {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(key, "key");
        if (sdkAppId <= 0) {
            throw new IllegalArgumentException("sdkAppId must be positive, was " + sdkAppId);
        }
        if (identifier.isEmpty()) {
            throw new IllegalArgumentException("identifier must not be empty");
        }
        if (expireSeconds <= 0) {
            throw new IllegalArgumentException("validity must be at least one second, was " + expireSeconds + " s");
        }
        String sig = signature(sdkAppId, identifier, key, timeSeconds, expireSeconds);
        byte[] json = document(sdkAppId, identifier, timeSeconds, expireSeconds, sig);
        String base64 = Base64.getEncoder().encodeToString(zlib(json));
        return base64.replace('+', '*').replace('/', '-').replace('=', '_');
    }

    /** {@code TLS.sig}: standard Base64 of the HMAC-SHA256 of the content to sign. */
    static String signature(long sdkAppId, String identifier, SecretKey key, long timeSeconds, long expireSeconds) {
        String content = "TLS.identifier:" + identifier + "\n"
                + "TLS.sdkappid:" + sdkAppId + "\n"
                + "TLS.time:" + timeSeconds + "\n"
                + "TLS.expire:" + expireSeconds + "\n";
        return Base64.getEncoder().encodeToString(key.hmacSha256(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] document(long sdkAppId, String identifier, long time, long expire, String sig) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("TLS.ver", "2.0");
            json.writeStringField("TLS.identifier", identifier);
            json.writeNumberField("TLS.sdkappid", sdkAppId);
            json.writeNumberField("TLS.expire", expire);
            json.writeNumberField("TLS.time", time);
            json.writeStringField("TLS.sig", sig);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static byte[] zlib(byte[] input) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
            byte[] buffer = new byte[512];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
