package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/** Test helpers: configuration, hand-built requests over real HTTP, and readable answers. */
final class Sim {
    /** The shared notes' test-vector key, used as the simulated app's secret key. */
    static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    static final long APP = 1400000000L;
    static final String ADMIN = "administrator";

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final String SIG = TestUserSig.sign(KEY, ADMIN, APP);

    private Sim() {
    }

    static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder().sdkAppId(APP).secretKey(KEY).admin(ADMIN);
    }

    /** A valid query for the admin, with a fresh random. */
    static String query() {
        return query(APP, ADMIN, SIG, ThreadLocalRandom.current().nextLong(0, 4294967296L));
    }

    static String query(long app, String identifier, String userSig, long random) {
        return "sdkappid=" + app + "&identifier=" + identifier + "&usersig=" + userSig + "&random=" + random
                + "&contenttype=json";
    }

    static Answer post(ChatSimulator sim, String body) {
        return send(sim, "POST", RestApi.FRIEND_IMPORT.path() + "?" + query(), body);
    }

    /** A POST of {@code body} to {@code api} with a valid query. */
    static Answer call(ChatSimulator sim, RestApi api, String body) {
        return send(sim, "POST", api.path() + "?" + query(), body);
    }

    /** {@link #post} without waiting: the answer when it comes. */
    static CompletableFuture<Answer> postAsync(ChatSimulator sim, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.friendImportUri() + "?" + query()))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.body()));
    }

    static Answer postWithQuery(ChatSimulator sim, String query, String body) {
        return send(sim, "POST", RestApi.FRIEND_IMPORT.path() + "?" + query, body);
    }

    static Answer send(ChatSimulator sim, String method, String pathAndQuery, String body) {
        return send(sim.baseUri(), method, pathAndQuery, body);
    }

    static Answer send(URI base, String method, String pathAndQuery, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {"From_Account":from,"AddFriendItem":[items...]} with the items given as raw JSON. */
    static String body(String from, String... items) {
        return "{\"From_Account\":" + TestJson.str(from) + ",\"AddFriendItem\":[" + String.join(",", items) + "]}";
    }

    /** The smallest valid item. */
    static String item(String to) {
        return "{\"To_Account\":" + TestJson.str(to) + ",\"AddSource\":\"AddSource_Type_Test\"}";
    }

    /** {@code n} minimal items to a0..a(n-1) with a prefix. */
    static String[] items(String prefix, int from, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = item(prefix + (from + i));
        }
        return out;
    }

    record Answer(int status, String raw) {
        Map<String, Object> json() {
            assertEquals(200, status, "HTTP status; body: " + raw);
            return TestJson.object(raw);
        }

        long errorCode() {
            return (Long) json().get("ErrorCode");
        }

        String errorInfo() {
            return (String) json().get("ErrorInfo");
        }

        String actionStatus() {
            return (String) json().get("ActionStatus");
        }

        /** Asserts a request-level failure of an account API (no ErrorDisplay) with this code; returns ErrorInfo. */
        String assertAccountApiFails(long code) {
            Map<String, Object> j = json();
            assertEquals("FAIL", j.get("ActionStatus"), raw);
            assertEquals(code, j.get("ErrorCode"), raw);
            assertTrue(!j.containsKey("ErrorDisplay"), raw);
            return (String) j.get("ErrorInfo");
        }

        /** Asserts ActionStatus OK / ErrorCode 0 / ErrorInfo "" and returns the answer. */
        Map<String, Object> assertSucceeded() {
            Map<String, Object> j = json();
            assertEquals("OK", j.get("ActionStatus"), raw);
            assertEquals(0L, j.get("ErrorCode"), raw);
            assertEquals("", j.get("ErrorInfo"), raw);
            return j;
        }

        /** Asserts a request-level failure with this code and returns its ErrorInfo. */
        String assertFails(long code) {
            Map<String, Object> j = json();
            assertEquals("FAIL", j.get("ActionStatus"), raw);
            assertEquals(code, j.get("ErrorCode"), raw);
            assertEquals("", j.get("ErrorDisplay"), raw);
            assertTrue(!j.containsKey("ResultItem"), raw);
            return (String) j.get("ErrorInfo");
        }

        /** Asserts ActionStatus OK / ErrorCode 0 and returns the result items. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> assertOk() {
            Map<String, Object> j = json();
            assertEquals("OK", j.get("ActionStatus"), raw);
            assertEquals(0L, j.get("ErrorCode"), raw);
            assertEquals("", j.get("ErrorInfo"), raw);
            return (List<Map<String, Object>>) j.get("ResultItem");
        }

        /** Asserts OK and every item ResultCode 0, no Fail_Account. */
        void assertAllStored() {
            for (Map<String, Object> r : assertOk()) {
                assertEquals(0L, r.get("ResultCode"), raw);
            }
            assertTrue(!json().containsKey("Fail_Account"), raw);
        }

        /** Fail_Account, or an empty list when absent. */
        @SuppressWarnings("unchecked")
        List<String> failAccounts() {
            Object f = json().get("Fail_Account");
            return f == null ? List.of() : (List<String>) f;
        }

        /** ResultItem i as [To_Account, ResultCode, ResultInfo]. */
        List<Object> result(int i) {
            Map<String, Object> r = assertOk().get(i);
            List<Object> out = new ArrayList<>();
            out.add(r.get("To_Account"));
            out.add(r.get("ResultCode"));
            out.add(r.get("ResultInfo"));
            return out;
        }
    }
}
