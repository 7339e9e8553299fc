package io.timport.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A UserSig v2 signer written in the test from the shared API notes (steps 1-6), so that the simulator's
 * verifier is checked against an independent implementation. {@link UserSigTestVectorTest} pins it to the
 * notes' test vector.
 */
final class TestUserSig {
    private TestUserSig() {
    }

    /** Step 3: standard Base64 of HMAC-SHA256 over the four lines, keyed by the key's UTF-8 bytes. */
    static String tlsSig(String key, String identifier, long sdkAppId, long time, long expire) {
        String content = "TLS.identifier:" + identifier + "\n"
                + "TLS.sdkappid:" + sdkAppId + "\n"
                + "TLS.time:" + time + "\n"
                + "TLS.expire:" + expire + "\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Steps 4: the JSON document. */
    static String document(String identifier, long sdkAppId, long time, long expire, String sig) {
        return "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"" + identifier + "\",\"TLS.sdkappid\":" + sdkAppId
                + ",\"TLS.expire\":" + expire + ",\"TLS.time\":" + time + ",\"TLS.sig\":\"" + sig + "\"}";
    }

    /** Steps 5-6: zlib (Deflater defaults), Base64, then + → *, / → -, = → _. */
    static String pack(byte[] bytes) {
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[4096];
        int n = deflater.deflate(buffer);
        deflater.end();
        byte[] compressed = java.util.Arrays.copyOf(buffer, n);
        return urlAlphabet(Base64.getEncoder().encodeToString(compressed));
    }

    static String urlAlphabet(String base64) {
        return base64.replace('+', '*').replace('/', '-').replace('=', '_');
    }

    static String sign(String key, String identifier, long sdkAppId, long time, long expire) {
        String sig = tlsSig(key, identifier, sdkAppId, time, expire);
        return pack(document(identifier, sdkAppId, time, expire, sig).getBytes(StandardCharsets.UTF_8));
    }

    /** A UserSig valid for a day from now. */
    static String sign(String key, String identifier, long sdkAppId) {
        return sign(key, identifier, sdkAppId, System.currentTimeMillis() / 1000, 86400);
    }
}
