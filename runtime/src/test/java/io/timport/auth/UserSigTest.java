package io.timport.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.config.SecretKey;
import io.timport.testing.DecodedUserSig;
import io.timport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserSigTest {

    // The test vector of ../shared/docs/friend-import-api.md, computed with Tencent's algorithm.
    static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    static final String VECTOR_SIG = "yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=";

    @Test
    void signatureMatchesTheDocumentedTestVector() {
        assertEquals(VECTOR_SIG, UserSig.signature(1400000000L, "administrator", SecretKey.of(KEY), 1700000000L, 86400L));
    }

    @Test
    void decodingOurOwnSigGivesTheDocumentedJson() throws Exception {
        String sig = UserSig.generate(1400000000L, "administrator", SecretKey.of(KEY), 1700000000L, 86400L);

        assertTrue(sig.matches("[A-Za-z0-9*_-]+"), "URL-safe alphabet only (no + / =): " + sig.length() + " chars");
        DecodedUserSig decoded = DecodedUserSig.decode(sig);
        assertEquals(0x78, decoded.compressed[0] & 0xff, "zlib header");
        assertEquals(0, ((decoded.compressed[0] & 0xff) * 256 + (decoded.compressed[1] & 0xff)) % 31, "zlib header check");
        Map<String, Object> f = decoded.fields;
        assertEquals(List.of("TLS.ver", "TLS.identifier", "TLS.sdkappid", "TLS.expire", "TLS.time", "TLS.sig"),
                List.copyOf(f.keySet()));
        assertEquals("2.0", f.get("TLS.ver"), "TLS.ver is the string 2.0");
        assertEquals("administrator", f.get("TLS.identifier"));
        assertEquals(1400000000L, f.get("TLS.sdkappid"), "sdkappid is a JSON number");
        assertEquals(86400L, f.get("TLS.expire"), "expire is a JSON number, relative seconds");
        assertEquals(1700000000L, f.get("TLS.time"), "time is a JSON number");
        assertEquals(VECTOR_SIG, f.get("TLS.sig"));
    }

    @Test
    void sigOfAnotherIdentityVerifiesWithAnIndependentHmac() throws Exception {
        String key = "another-key-ü";
        String sig = UserSig.generate(20001234L, "ops_admin-1", SecretKey.of(key), 1234567890L, 3600L);
        DecodedUserSig decoded = DecodedUserSig.decode(sig);
        assertTrue(decoded.verifies(key));
        assertEquals(false, decoded.verifies(KEY), "a different key gives a different sig");
        assertEquals("ops_admin-1", decoded.fields.get("TLS.identifier"));
        assertEquals(20001234L, decoded.fields.get("TLS.sdkappid"));
    }

    @Test
    void clockFormTakesUnixSecondsFromTheClock() throws Exception {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_750_000_000L, 999_000_000));
        String sig = UserSig.generate(1400000000L, "administrator", SecretKey.of(KEY), Duration.ofHours(2), clock);
        DecodedUserSig decoded = DecodedUserSig.decode(sig);
        assertEquals(1_750_000_000L, decoded.fields.get("TLS.time"));
        assertEquals(7200L, decoded.fields.get("TLS.expire"));
        assertTrue(decoded.verifies(KEY));
    }

    @Test
    void rejectsBadArguments() {
        SecretKey key = SecretKey.of(KEY);
        assertThrows(IllegalArgumentException.class, () -> UserSig.generate(1400000000L, "admin", key, 1L, 0L));
        assertThrows(IllegalArgumentException.class, () -> UserSig.generate(0L, "admin", key, 1L, 60L));
        assertThrows(IllegalArgumentException.class, () -> UserSig.generate(1400000000L, "", key, 1L, 60L));
        assertThrows(IllegalArgumentException.class,
                () -> UserSig.generate(1400000000L, "admin", key, Duration.ofMillis(500)));
    }
}
