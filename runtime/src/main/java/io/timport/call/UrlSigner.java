package io.timport.call;

import io.timport.auth.UserSigCache;
import io.timport.call.Redaction.Redactor;
import io.timport.config.AppConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Signs the URL of each call: {@code <endpoint>/<api path>?sdkappid=…&identifier=…&usersig=…&random=…&contenttype=json}
 * with the admin's cached UserSig and a fresh unsigned 32-bit {@code random}; and the same URL for logs and messages,
 * with {@code usersig=<redacted>}.
 */
final class UrlSigner {

    /** One call's URL: the real one, the printable one, its {@code random}, and the redactor of its UserSig. */
    record SignedUrl(ChatApi api, URI uri, String logUrl, long random, Redactor redactor) {
        /** Never the UserSig. */
        @Override
        public String toString() {
            return logUrl;
        }
    }

    /** The current sig with what each call needs of it, worked out once per sig rather than once per call. */
    private record Sig(String token, String encoded, Redactor redactor) {}

    private final UserSigCache userSigs;
    private final Map<ChatApi, String> prefixes = new EnumMap<>(ChatApi.class);
    private volatile Sig sig;

    UrlSigner(AppConfig app, UserSigCache userSigs) {
        this.userSigs = userSigs;
        String identifier = URLEncoder.encode(app.adminIdentifier(), StandardCharsets.UTF_8);
        for (ChatApi api : ChatApi.values()) {
            prefixes.put(api, app.endpoint().apiUrl(api.path()) + "?sdkappid=" + app.sdkAppId() + "&identifier="
                    + identifier + "&usersig=");
        }
    }

    /** A signed URL for one call of {@code api}. */
    SignedUrl sign(ChatApi api) {
        Sig current = current();
        long random = randomUint32(ThreadLocalRandom.current());
        String prefix = prefixes.get(api);
        String suffix = "&random=" + random + "&contenttype=json";
        URI uri = URI.create(prefix + current.encoded + suffix);
        return new SignedUrl(api, uri, prefix + Redaction.REDACTED + suffix, random, current.redactor);
    }

    private Sig current() {
        String token = userSigs.current();
        Sig s = sig;
        if (s == null || s.token != token) { // the cache hands out the same instance until it renews
            s = new Sig(token, URLEncoder.encode(token, StandardCharsets.UTF_8), new Redactor(token));
            sig = s;
        }
        return s;
    }

    /** Forgets the cached UserSig: the next call signs a new one. */
    void renew() {
        userSigs.invalidate();
    }

    /** A uniformly drawn unsigned 32-bit number, 0..4294967295, for the {@code random} parameter. */
    static long randomUint32(RandomGenerator random) {
        return Integer.toUnsignedLong(random.nextInt());
    }
}
