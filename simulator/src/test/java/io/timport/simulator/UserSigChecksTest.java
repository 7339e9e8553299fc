package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UserSig v2 verification against the configured key, with UserSigs built by the tests' own signer. */
class UserSigChecksTest {

    private static final String BODY = Sim.body("alice", Sim.item("bob"));
    private static ChatSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = ChatSimulator.start(Sim.config().admin("ops").build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Sim.Answer call(String identifier, String userSig) {
        return Sim.postWithQuery(sim, Sim.query(Sim.APP, identifier, userSig, 42), BODY);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void everyConfiguredAdminIsAccepted() {
        call("administrator", TestUserSig.sign(Sim.KEY, "administrator", Sim.APP)).assertAllStored();
        call("ops", TestUserSig.sign(Sim.KEY, "ops", Sim.APP)).assertAllStored();
    }

    @Test
    void aSigWithUserbufIsVerifiedWithTheUserbufLine() {
        long t = now();
        String userbuf = Base64.getEncoder().encodeToString("buf".getBytes(StandardCharsets.UTF_8));
        String content = "TLS.identifier:administrator\nTLS.sdkappid:1400000000\nTLS.time:" + t
                + "\nTLS.expire:600\nTLS.userbuf:" + userbuf + "\n";
        String sig;
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(Sim.KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            sig = Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        String doc = "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"administrator\",\"TLS.sdkappid\":1400000000,"
                + "\"TLS.expire\":600,\"TLS.time\":" + t + ",\"TLS.sig\":\"" + sig + "\",\"TLS.userbuf\":\""
                + userbuf + "\"}";
        call("administrator", TestUserSig.pack(doc.getBytes(StandardCharsets.UTF_8))).assertAllStored();
    }

    @Test
    void wrongKeyIs70009() {
        String forged = TestUserSig.sign("another-key", "administrator", Sim.APP);
        assertEquals("the UserSig's signature does not verify with this SDKAppID's secret key",
                call("administrator", forged).assertFails(70009));
    }

    @Test
    void aForgedSigIs70009EvenWhenItIsAlsoExpired() {
        String forged = TestUserSig.sign("another-key", "administrator", Sim.APP, now() - 1000, 10);
        call("administrator", forged).assertFails(70009);
    }

    @Test
    void wrongIdentifierIs70013() {
        String sig = TestUserSig.sign(Sim.KEY, "ops", Sim.APP);
        assertEquals("the UserSig was made for identifier \"ops\", the request names \"administrator\"",
                call("administrator", sig).assertFails(70013));
    }

    @Test
    void wrongSdkAppIdIs70014() {
        String sig = TestUserSig.sign(Sim.KEY, "administrator", 1400000001L);
        assertEquals("the UserSig was made for SDKAppID 1400000001, the request names 1400000000",
                call("administrator", sig).assertFails(70014));
    }

    @Test
    void expiredIs70001() {
        long t = now() - 1000;
        String sig = TestUserSig.sign(Sim.KEY, "administrator", Sim.APP, t, 100);
        String info = call("administrator", sig).assertFails(70001);
        String prefix = "the UserSig expired at " + (t + 100) + " (Unix seconds); it is now ";
        assertTrue(info.startsWith(prefix), info);
        assertTrue(Math.abs(Long.parseLong(info.substring(prefix.length())) - now()) <= 1, info);
    }

    @Test
    void aSigVerifiedOnceStillExpires() throws Exception {
        ManualClock clock = new ManualClock();
        try (ChatSimulator timed = ChatSimulator.start(Sim.config().build(), clock)) {
            String sig = TestUserSig.sign(Sim.KEY, "administrator", Sim.APP, clock.epochSeconds(), 1);
            Sim.postWithQuery(timed, Sim.query(Sim.APP, Sim.ADMIN, sig, 1), BODY).assertAllStored();
            clock.advance(Duration.ofSeconds(1));
            Sim.postWithQuery(timed, Sim.query(Sim.APP, Sim.ADMIN, sig, 2), BODY).assertAllStored();
            clock.advance(Duration.ofSeconds(1));
            Sim.postWithQuery(timed, Sim.query(Sim.APP, Sim.ADMIN, sig, 3), BODY).assertFails(70001);
        }
    }

    @Test
    void aCachedSigIsStillCheckedAgainstTheRequestIdentifier() {
        String sig = TestUserSig.sign(Sim.KEY, "administrator", Sim.APP);
        call("administrator", sig).assertAllStored();
        call("ops", sig).assertFails(70013);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not!base64",
        "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl+UVQBcUp2YkFBZkpSlaGJgZQAJFJrSjILEpVsrIwM4E=",
        "AAAA",
    })
    void notDecodableIs70003(String userSig) {
        String info = Sim.postWithQuery(sim, "sdkappid=1400000000&identifier=administrator&usersig="
                + java.net.URLEncoder.encode(userSig, StandardCharsets.UTF_8) + "&random=1&contenttype=json", BODY)
                .assertFails(70003);
        assertTrue(info.startsWith("the UserSig cannot be parsed: "), info);
    }

    @Test
    void plainBase64InsteadOfTheUrlAlphabetIs70003() {
        String sig = TestUserSig.sign(Sim.KEY, "administrator", Sim.APP);
        String plain = sig.replace('*', '+').replace('-', '/').replace('_', '=');
        assertTrue(!plain.equals(sig), "the test sig must contain a mapped character");
        String info = Sim.postWithQuery(sim, "sdkappid=1400000000&identifier=administrator&usersig="
                + java.net.URLEncoder.encode(plain, StandardCharsets.UTF_8) + "&random=1&contenttype=json", BODY)
                .assertFails(70003);
        assertEquals("the UserSig cannot be parsed: it is not Base64 in UserSig's URL-safe alphabet (A-Z a-z 0-9 * - _)",
                info);
    }

    @Test
    void notZlibIs70003() {
        String sig = TestUserSig.urlAlphabet(Base64.getEncoder().encodeToString(
                "{\"TLS.ver\":\"2.0\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("the UserSig cannot be parsed: its decoded bytes are not zlib-compressed",
                call("administrator", sig).assertFails(70003));
    }

    @Test
    void notJsonIs70003() {
        assertEquals("the UserSig cannot be parsed: its inflated content is not a JSON document",
                call("administrator", TestUserSig.pack("TLS.ver:2.0".getBytes(StandardCharsets.UTF_8)))
                        .assertFails(70003));
    }

    @Test
    void wrongVersionIs70003() {
        long t = now();
        String doc = TestUserSig.document("administrator", Sim.APP, t, 600,
                TestUserSig.tlsSig(Sim.KEY, "administrator", Sim.APP, t, 600)).replace("\"2.0\"", "\"1.0\"");
        assertEquals("the UserSig cannot be parsed: its TLS.ver is \"1.0\", not \"2.0\"",
                call("administrator", TestUserSig.pack(doc.getBytes(StandardCharsets.UTF_8))).assertFails(70003));
    }

    @Test
    void missingOrMistypedFieldIs70003() {
        long t = now();
        String sig = TestUserSig.tlsSig(Sim.KEY, "administrator", Sim.APP, t, 600);
        String quotedAppId = TestUserSig.document("administrator", Sim.APP, t, 600, sig)
                .replace("\"TLS.sdkappid\":1400000000", "\"TLS.sdkappid\":\"1400000000\"");
        String noSig = "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"administrator\",\"TLS.sdkappid\":1400000000,"
                + "\"TLS.expire\":600,\"TLS.time\":" + t + "}";
        for (String doc : new String[] {quotedAppId, noSig}) {
            String info = call("administrator", TestUserSig.pack(doc.getBytes(StandardCharsets.UTF_8)))
                    .assertFails(70003);
            assertTrue(info.startsWith("the UserSig cannot be parsed: its document lacks a field or has one of the "
                    + "wrong type"), info);
        }
    }

    @Test
    void aValidSigOfANonAdminIs60010() {
        String sig = TestUserSig.sign(Sim.KEY, "alice", Sim.APP);
        assertEquals("identifier \"alice\" is not an app admin; REST calls need an admin identifier",
                call("alice", sig).assertFails(60010));
    }

    @Test
    void noMessageShowsTheKeyOrTheSig() {
        String sig = TestUserSig.sign("another-key", "administrator", Sim.APP);
        String raw = call("administrator", sig).raw();
        assertFalse(raw.contains(Sim.KEY));
        assertFalse(raw.contains(sig));
        assertFalse(raw.contains("another-key"));
    }

    @Test
    void lockoutAfterTooManyFailuresIs70050ThenLifts() throws Exception {
        ManualClock clock = new ManualClock();
        try (ChatSimulator locking = ChatSimulator.start(Sim.config()
                .signatureLockout(3, Duration.ofMillis(1500)).build(), clock)) {
            String good = TestUserSig.sign(Sim.KEY, "administrator", Sim.APP);
            String bad = TestUserSig.sign("wrong", "administrator", Sim.APP);
            for (int i = 0; i < 2; i++) {
                Sim.postWithQuery(locking, Sim.query(Sim.APP, Sim.ADMIN, bad, i), BODY).assertFails(70009);
            }
            // Two failures are below the threshold: a good call still passes.
            Sim.postWithQuery(locking, Sim.query(Sim.APP, Sim.ADMIN, good, 2), BODY).assertAllStored();
            Sim.postWithQuery(locking, Sim.query(Sim.APP, Sim.ADMIN, bad, 3), BODY).assertFails(70009);
            String info = Sim.postWithQuery(locking, Sim.query(Sim.APP, Sim.ADMIN, good, 9), BODY).assertFails(70050);
            assertEquals("too many failed UserSig checks for identifier \"administrator\"; it is locked out for 1.5 s "
                    + "after the last failure", info);
            // Another identifier is not locked.
            Sim.postWithQuery(locking, Sim.query(Sim.APP, "ops", TestUserSig.sign(Sim.KEY, "ops", Sim.APP), 4), BODY)
                    .assertFails(60010);
            clock.advance(Duration.ofMillis(1499));
            Sim.postWithQuery(locking, Sim.query(Sim.APP, Sim.ADMIN, good, 10), BODY).assertFails(70050);
            clock.advance(Duration.ofMillis(1));
            Sim.postWithQuery(locking, Sim.query(Sim.APP, Sim.ADMIN, good, 11), BODY).assertAllStored();
            assertEquals(2, locking.stats().requestFailures(70050));
            assertEquals(3, locking.stats().requestFailures(70009));
        }
    }

    @Test
    void failuresOlderThanThePeriodDoNotCount() throws Exception {
        ManualClock clock = new ManualClock();
        try (ChatSimulator locking = ChatSimulator.start(Sim.config()
                .signatureLockout(2, Duration.ofSeconds(60)).build(), clock)) {
            String good = TestUserSig.sign(Sim.KEY, "administrator", Sim.APP);
            String bad = TestUserSig.sign("wrong", "administrator", Sim.APP);
            Sim.postWithQuery(locking, Sim.query(Sim.APP, Sim.ADMIN, bad, 1), BODY).assertFails(70009);
            clock.advance(Duration.ofSeconds(60));
            Sim.postWithQuery(locking, Sim.query(Sim.APP, Sim.ADMIN, bad, 2), BODY).assertFails(70009);
            Sim.postWithQuery(locking, Sim.query(Sim.APP, Sim.ADMIN, good, 3), BODY).assertAllStored();
        }
    }
}
