package io.timport.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decodes a UserSig the way the server does, written independently of the production code: undo the URL-safe
 * alphabet, Base64-decode, zlib-inflate, read the JSON. Values keep their JSON type (String, Long).
 */
public final class DecodedUserSig {
    /** The raw zlib bytes (to check the header). */
    public final byte[] compressed;
    /** The JSON text. */
    public final String json;
    /** The fields, in document order, as String or Long. */
    public final Map<String, Object> fields;

    private DecodedUserSig(byte[] compressed, String json, Map<String, Object> fields) {
        this.compressed = compressed;
        this.json = json;
        this.fields = fields;
    }

    public static DecodedUserSig decode(String userSig) throws Exception {
        String standard = userSig.replace('*', '+').replace('-', '/').replace('_', '=');
        byte[] compressed = Base64.getDecoder().decode(standard);
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new IllegalArgumentException("truncated zlib stream");
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        String json = out.toString(StandardCharsets.UTF_8);
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an object: " + json);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    fields.put(name, p.getText());
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, p.getLongValue());
                } else {
                    throw new IllegalArgumentException("unexpected " + t + " for " + name);
                }
            }
        }
        return new DecodedUserSig(compressed, json, fields);
    }

    /** Recomputes TLS.sig from the decoded fields with {@code key}: Base64(HMAC-SHA256(key, content)). */
    public String expectedSig(String key) throws Exception {
        String content = "TLS.identifier:" + fields.get("TLS.identifier") + "\n"
                + "TLS.sdkappid:" + fields.get("TLS.sdkappid") + "\n"
                + "TLS.time:" + fields.get("TLS.time") + "\n"
                + "TLS.expire:" + fields.get("TLS.expire") + "\n";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** True when TLS.sig is what {@code key} gives. */
    public boolean verifies(String key) throws Exception {
        return expectedSig(key).equals(fields.get("TLS.sig"));
    }
}
