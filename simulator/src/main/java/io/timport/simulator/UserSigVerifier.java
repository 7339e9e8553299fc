package io.timport.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a UserSig v2 against the app's secret key, written from the project's API notes and not shared
 * with the client: undo the URL-safe alphabet ({@code * - _} → {@code + / =}), Base64-decode, zlib-inflate,
 * read the JSON document, then check SDKAppID, identifier, HMAC-SHA256 and expiry, in that order.
 *
 * <p>Codes: 70003 anything unparsable (alphabet, Base64, zlib, JSON, missing or mistyped field, version
 * other than "2.0"), 70014 SDKAppID mismatch, 70013 identifier mismatch, 70009 wrong key (HMAC mismatch),
 * 70001 expired ({@code now > TLS.time + TLS.expire}). A forged signature is reported as 70009 even when it
 * is also expired. No message ever contains the UserSig or the key.
 */
final class UserSigVerifier {

    private static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    private static final int CACHE_LIMIT = 4096;

    private final byte[] key;
    private final ThreadLocal<Mac> macs;
    /** UserSigs already verified with this key: their claims, so only expiry needs checking again. */
    private final Map<String, Claims> verified = new ConcurrentHashMap<>();

    private record Claims(String identifier, long sdkAppId, long expiresAt) {
    }

    UserSigVerifier(String secretKey) {
        this.key = secretKey.getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Returns null when the UserSig is valid for this identifier and SDKAppID at {@code nowSeconds}. */
    Failure verify(String userSig, String identifier, long sdkAppId, long nowSeconds) {
        Claims cached = verified.get(userSig);
        if (cached != null) {
            return check(cached, identifier, sdkAppId, nowSeconds);
        }
        byte[] document;
        try {
            document = inflate(Base64.getDecoder().decode(fromUrlAlphabet(userSig)));
        } catch (IllegalArgumentException e) {
            return unparsable("it is not Base64 in UserSig's URL-safe alphabet (A-Z a-z 0-9 * - _)");
        } catch (DataFormatException e) {
            return unparsable("its decoded bytes are not zlib-compressed");
        }
        Object tree;
        try {
            tree = JsonTree.parse(document);
        } catch (JsonTree.SyntaxException e) {
            return unparsable("its inflated content is not a JSON document");
        }
        if (!(tree instanceof Map)) {
            return unparsable("its document is not a JSON object");
        }
        Map<?, ?> doc = (Map<?, ?>) tree;
        Object ver = doc.get("TLS.ver");
        if (!"2.0".equals(ver)) {
            return unparsable(ver == null ? "its document lacks TLS.ver"
                    : "its TLS.ver is " + (ver instanceof String ? "\"" + ver + "\"" : JsonTree.describe(ver))
                    + ", not \"2.0\"");
        }
        String sigIdentifier = string(doc, "TLS.identifier");
        Long sigSdkAppId = integer(doc, "TLS.sdkappid");
        Long time = integer(doc, "TLS.time");
        Long expire = integer(doc, "TLS.expire");
        String sig = string(doc, "TLS.sig");
        Object userbuf = doc.get("TLS.userbuf");
        if (sigIdentifier == null || sigSdkAppId == null || time == null || expire == null || sig == null
                || (userbuf != null && !(userbuf instanceof String))) {
            return unparsable("its document lacks a field or has one of the wrong type "
                    + "(TLS.identifier string, TLS.sdkappid, TLS.time, TLS.expire integers, TLS.sig string)");
        }
        if (sigSdkAppId != sdkAppId) {
            return new Failure(Codes.SIG_SDKAPPID_MISMATCH,
                    "the UserSig was made for SDKAppID " + sigSdkAppId + ", the request names " + sdkAppId);
        }
        if (!sigIdentifier.equals(identifier)) {
            return new Failure(Codes.SIG_IDENTIFIER_MISMATCH,
                    "the UserSig was made for identifier \"" + sigIdentifier + "\", the request names \""
                            + identifier + "\"");
        }
        StringBuilder content = new StringBuilder(128)
                .append("TLS.identifier:").append(sigIdentifier).append('\n')
                .append("TLS.sdkappid:").append(sigSdkAppId).append('\n')
                .append("TLS.time:").append(time).append('\n')
                .append("TLS.expire:").append(expire).append('\n');
        if (userbuf != null) {
            content.append("TLS.userbuf:").append((String) userbuf).append('\n');
        }
        byte[] expected = Base64.getEncoder().encode(
                macs.get().doFinal(content.toString().getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.UTF_8))) {
            return new Failure(Codes.SIG_WRONG_KEY,
                    "the UserSig's signature does not verify with this SDKAppID's secret key");
        }
        Claims claims = new Claims(sigIdentifier, sigSdkAppId, saturatedAdd(time, expire));
        if (verified.size() >= CACHE_LIMIT) {
            verified.clear();
        }
        verified.put(userSig, claims);
        return check(claims, identifier, sdkAppId, nowSeconds);
    }

    private static Failure check(Claims claims, String identifier, long sdkAppId, long nowSeconds) {
        if (claims.sdkAppId != sdkAppId) {
            return new Failure(Codes.SIG_SDKAPPID_MISMATCH,
                    "the UserSig was made for SDKAppID " + claims.sdkAppId + ", the request names " + sdkAppId);
        }
        if (!claims.identifier.equals(identifier)) {
            return new Failure(Codes.SIG_IDENTIFIER_MISMATCH,
                    "the UserSig was made for identifier \"" + claims.identifier + "\", the request names \""
                            + identifier + "\"");
        }
        if (nowSeconds > claims.expiresAt) {
            return new Failure(Codes.SIG_EXPIRED, "the UserSig expired at " + claims.expiresAt
                    + " (Unix seconds); it is now " + nowSeconds);
        }
        return null;
    }

    void clearCache() {
        verified.clear();
    }

    private static Failure unparsable(String why) {
        return new Failure(Codes.SIG_UNPARSABLE, "the UserSig cannot be parsed: " + why);
    }

    private static String fromUrlAlphabet(String userSig) {
        char[] chars = userSig.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            switch (chars[i]) {
                case '*':
                    chars[i] = '+';
                    break;
                case '-':
                    chars[i] = '/';
                    break;
                case '_':
                    chars[i] = '=';
                    break;
                case '+':
                case '/':
                case '=':
                    // Plain Base64 characters are not part of UserSig's alphabet.
                    throw new IllegalArgumentException();
                default:
                    break;
            }
        }
        return new String(chars);
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            byte[] buffer = new byte[512];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_DOCUMENT_BYTES) {
                    throw new DataFormatException("too large");
                }
            }
            if (inflater.getRemaining() > 0) {
                throw new DataFormatException("trailing bytes");
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static String string(Map<?, ?> doc, String name) {
        Object v = doc.get(name);
        return v instanceof String ? (String) v : null;
    }

    private static Long integer(Map<?, ?> doc, String name) {
        Object v = doc.get(name);
        return v instanceof Long ? (Long) v : null;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : r;
    }
}
