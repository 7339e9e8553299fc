package io.timport.simulator.junit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.Deflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A stand-in for a user's import code: one signed friend_import call, written from the API notes. */
final class Calls {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Calls() {
    }

    static void importFriend(URI base, String key, String from, String to, long level) {
        String body = "{\"From_Account\":\"" + from + "\",\"AddFriendItem\":[{\"To_Account\":\"" + to
                + "\",\"AddSource\":\"AddSource_Type_Test\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\","
                + "\"Value\":" + level + "}]}]}";
        String query = "sdkappid=1400000000&identifier=administrator&usersig=" + userSig(key, "administrator")
                + "&random=" + (System.nanoTime() & 0xffffffffL) + "&contenttype=json";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v4/sns/friend_import?"
                    + query)).timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("\"ErrorCode\":0") || r.body().contains("Fail_Account")) {
                throw new AssertionError("import failed: " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String userSig(String key, String identifier) {
        long time = System.currentTimeMillis() / 1000;
        String content = "TLS.identifier:" + identifier + "\nTLS.sdkappid:1400000000\nTLS.time:" + time
                + "\nTLS.expire:86400\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String sig = Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
            String doc = "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"" + identifier + "\",\"TLS.sdkappid\":1400000000,"
                    + "\"TLS.expire\":86400,\"TLS.time\":" + time + ",\"TLS.sig\":\"" + sig + "\"}";
            Deflater d = new Deflater();
            d.setInput(doc.getBytes(StandardCharsets.UTF_8));
            d.finish();
            byte[] buf = new byte[1024];
            int n = d.deflate(buf);
            d.end();
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf, n))
                    .replace('+', '*').replace('/', '-').replace('=', '_');
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
