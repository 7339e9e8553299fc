package io.timport.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.config.AppConfig;
import io.timport.config.Region;
import io.timport.config.SecretKey;
import io.timport.testing.DecodedUserSig;
import io.timport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserSigCacheTest {

    static final String KEY = "cache-test-key";
    static final AppConfig APP = new AppConfig(1400000001L, "administrator", SecretKey.of(KEY), Region.TOKYO.endpoint());
    static final long T0 = 1_700_000_000L;

    final MutableClock clock = new MutableClock(Instant.ofEpochSecond(T0));
    final UserSigCache cache = new UserSigCache(APP, clock, Duration.ofDays(1), Duration.ofSeconds(100));

    @Test
    void reusesTheSigUntilTheRenewalMarginThenSignsANewOneBeforeExpiry() throws Exception {
        assertNull(cache.expiresAt(), "nothing is signed before the first use");
        String first = cache.current();
        assertEquals(Instant.ofEpochSecond(T0 + 86_400), cache.expiresAt());
        assertEquals(T0, DecodedUserSig.decode(first).fields.get("TLS.time"));
        assertEquals(86_400L, DecodedUserSig.decode(first).fields.get("TLS.expire"));

        clock.set(Instant.ofEpochSecond(T0 + 86_400 - 101));
        assertSame(first, cache.current(), "still 101 s before expiry: the cached sig");

        clock.set(Instant.ofEpochSecond(T0 + 86_400 - 100));
        String second = cache.current();
        assertNotEquals(first, second, "100 s before expiry (the margin): renewed while the old one is still valid");
        DecodedUserSig decoded = DecodedUserSig.decode(second);
        assertEquals(T0 + 86_300, decoded.fields.get("TLS.time"));
        assertTrue(decoded.verifies(KEY));
        assertEquals(Instant.ofEpochSecond(T0 + 86_300 + 86_400), cache.expiresAt());

        clock.advance(Duration.ofHours(12));
        assertSame(second, cache.current());
    }

    @Test
    void invalidateForcesANewSigOnTheNextCall() throws Exception {
        String first = cache.current();
        clock.advance(Duration.ofSeconds(10));
        assertSame(first, cache.current());
        cache.invalidate();
        assertNull(cache.expiresAt());
        String renewed = cache.current();
        assertNotEquals(first, renewed);
        assertEquals(T0 + 10, DecodedUserSig.decode(renewed).fields.get("TLS.time"));
    }

    @Test
    void defaultsAreOneDayAndFiveMinutes() throws Exception {
        UserSigCache defaults = new UserSigCache(APP);
        assertEquals(86_400L, DecodedUserSig.decode(defaults.current()).fields.get("TLS.expire"));
        assertEquals(Duration.ofDays(1), UserSigCache.DEFAULT_VALIDITY);
        assertEquals(Duration.ofMinutes(5), UserSigCache.DEFAULT_RENEWAL_MARGIN);
    }

    @Test
    void rejectsAMarginNotBelowTheValidity() {
        assertThrows(IllegalArgumentException.class,
                () -> new UserSigCache(APP, clock, Duration.ofMinutes(5), Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class,
                () -> new UserSigCache(APP, clock, Duration.ofMinutes(5), Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> new UserSigCache(APP, clock, Duration.ofMillis(999), Duration.ZERO));
    }

    @Test
    void toStringNeverShowsTheSig() {
        String sig = cache.current();
        String text = cache.toString();
        assertFalse(text.contains(sig));
        assertFalse(text.contains(KEY));
        assertTrue(text.contains("administrator"), text);
    }
}
