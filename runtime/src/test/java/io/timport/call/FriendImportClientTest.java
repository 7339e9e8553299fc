package io.timport.call;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.errors.ErrorClass;
import io.timport.limit.RateLimiter;
import io.timport.limit.SmoothRateLimiter;
import io.timport.testing.DecodedUserSig;
import io.timport.testing.LoopbackServer;
import io.timport.testing.MutableClock;
import io.timport.testing.TestItem;
import io.timport.wire.AddFriendItem;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP server on 127.0.0.1. */
class FriendImportClientTest {

    static final String KEY = "loopback-test-secret-key-0123456789abcdef";
    static final long SDK_APP_ID = 1400000123L;
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    static final String OK = "{\"ResultItem\":[{\"To_Account\":\"bob\",\"ResultCode\":0,\"ResultInfo\":\"\"},"
            + "{\"To_Account\":\"卡罗尔\",\"ResultCode\":0,\"ResultInfo\":\"\"}],"
            + "\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"ErrorDisplay\":\"\"}";

    LoopbackServer server;
    MutableClock clock;
    FriendImportClient client;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        clock = new MutableClock(NOW);
        client = clientFor(server.baseUri()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    FriendImportClient.Builder clientFor(URI base) {
        AppConfig app = new AppConfig(SDK_APP_ID, "administrator", SecretKey.of(KEY), Endpoint.of(base));
        return FriendImportClient.builder(app).clock(clock).requestTimeout(Duration.ofSeconds(5));
    }

    static List<AddFriendItem> twoItems() {
        return List.of(new TestItem("bob"), new TestItem("卡罗尔", "says \"hi\" \uD83D\uDE00\n"));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void sendsTheExactRequestLineQueryHeadersAndBody() throws Exception {
        server.answer(200, OK);
        client.importFriends("alice", twoItems());

        LoopbackServer.Recorded r = server.lastRequest();
        assertEquals("POST", r.method);
        assertEquals("HTTP/1.1", r.protocol);
        assertEquals("/v4/sns/friend_import", r.uri.getRawPath());
        String sig = query(r.uri).get("usersig");
        String random = query(r.uri).get("random");
        assertEquals("sdkappid=1400000123&identifier=administrator&usersig=" + sig + "&random=" + random
                + "&contenttype=json", r.uri.getRawQuery(), "parameters, in order, names and values case as documented");
        assertEquals(List.of("sdkappid", "identifier", "usersig", "random", "contenttype"),
                List.copyOf(query(r.uri).keySet()));

        DecodedUserSig decoded = DecodedUserSig.decode(sig);
        assertTrue(decoded.verifies(KEY), "the usersig verifies with the app key");
        assertEquals("administrator", decoded.fields.get("TLS.identifier"));
        assertEquals(SDK_APP_ID, decoded.fields.get("TLS.sdkappid"));
        assertEquals(NOW.getEpochSecond(), decoded.fields.get("TLS.time"));
        assertEquals(86_400L, decoded.fields.get("TLS.expire"));
        long rnd = Long.parseLong(random);
        assertTrue(rnd >= 0 && rnd <= 4294967295L, random);

        byte[] expectedBody = ("{\"From_Account\":\"alice\",\"AddFriendItem\":["
                + "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Test\"},"
                + "{\"To_Account\":\"卡罗尔\",\"Remark\":\"says \\\"hi\\\" \uD83D\uDE00\\n\",\"AddSource\":\"AddSource_Type_Test\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expectedBody, r.body, "emoji as 4 raw UTF-8 bytes, not \\uD83D\\uDE00 escapes: " + r.bodyText());

        assertEquals(List.of("application/json"), r.headers.get("Content-Type"));
        assertEquals(List.of("application/json"), r.headers.get("Accept"));
        assertEquals(List.of("timport"), r.headers.get("User-Agent"));
        assertEquals(List.of(String.valueOf(expectedBody.length)), r.headers.get("Content-Length"));
        assertEquals(List.of("127.0.0.1:" + server.port()), r.headers.get("Host"));
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(r.headers.keySet());
        Set<String> expected = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        expected.addAll(List.of("Accept", "Content-Length", "Content-Type", "Host", "User-Agent"));
        assertEquals(expected, names, "no other headers: no Authorization, no Upgrade");
    }

    @Test
    void pacesTwoPercentUnderTheServersLimitByDefaultAndAsConfigured() {
        AppConfig byDefault = new AppConfig(1400000901L, "administrator", SecretKey.of(KEY), Endpoint.of(server.baseUri()));
        try (FriendImportClient c = FriendImportClient.builder(byDefault).build()) {
            assertEquals(196.0, c.rateLimiter().permitsPerSecond(), "200 calls/s less the 2 % margin");
        }
        AppConfig chosen = new AppConfig(1400000902L, "administrator", SecretKey.of(KEY), Endpoint.of(server.baseUri()));
        try (FriendImportClient c = FriendImportClient.builder(chosen).serverRateLimit(100).paceMargin(0.1).build()) {
            assertEquals(90.0, c.rateLimiter().permitsPerSecond(), 1e-9);
        }
        try (FriendImportClient c = FriendImportClient.builder(chosen).serverRateLimit(100).paceMargin(0.1).build()) {
            assertEquals(90.0, c.rateLimiter().permitsPerSecond(), 1e-9, "a second client of the app shares it");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FriendImportClient.builder(chosen).paceMargin(0).build());
        assertTrue(e.getMessage().startsWith("SDKAppID 1400000902 already has a shared rate limiter at 90.0"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FriendImportClient.builder(chosen).paceMargin(1));
        assertThrows(IllegalArgumentException.class, () -> FriendImportClient.builder(chosen).serverRateLimit(0));
    }

    @Test
    void keepsTheConnectionAlive() throws Exception {
        server.answer(200, OK);
        client.importFriends("alice", twoItems());
        client.importFriends("dave", twoItems());
        List<LoopbackServer.Recorded> rs = server.requests();
        assertEquals(2, rs.size());
        assertEquals(rs.get(0).remote, rs.get(1).remote, "the second call reused the first call's connection");
        assertNotEquals(query(rs.get(0).uri).get("random"), query(rs.get(1).uri).get("random"), "a fresh random per call");
    }

    @Test
    void keepsAPathPrefixOfTheBaseUri() throws Exception {
        server.answer(200, OK);
        try (FriendImportClient prefixed = clientFor(URI.create(server.baseUri() + "/chat/api/")).build()) {
            prefixed.importFriends("alice", twoItems());
        }
        assertEquals("/chat/api/v4/sns/friend_import", server.lastRequest().uri.getRawPath());
    }

    @Test
    void okAnswer() throws Exception {
        server.answer(200, OK);
        FriendImportResponse answer = client.importFriends("alice", twoItems());
        assertTrue(answer.isRequestOk());
        assertTrue(answer.isFullSuccess());
        assertEquals("OK", answer.actionStatus());
        assertEquals(0, answer.errorCode());
        assertEquals(ErrorClass.OK, answer.requestError().errorClass());
        assertEquals(List.of(new ResultItem("bob", 0, ""), new ResultItem("卡罗尔", 0, "")), answer.resultItems());
        assertEquals(List.of(), answer.failAccounts());
    }

    @Test
    void partialFailureIsAnAnswerWithFailedItems() throws Exception {
        // The API page's batch example, plus fields an older or newer server may add.
        server.answer(200, "{\"ResultItem\":[{\"To_Account\":\"id1\",\"ResultCode\":0,\"ResultInfo\":\"\"},"
                + "{\"To_Account\":\"id2\",\"ResultCode\":30010,"
                + "\"ResultInfo\":\"Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold\",\"Extra\":{\"a\":[1,{\"b\":null}]}},"
                + "{\"To_Account\":\"id3\",\"ResultCode\":30002,\"ResultInfo\":\"Err_SNS_FriendImport_SdkAppId_Illegal\"}],"
                + "\"Fail_Account\":[\"id2\",\"id3\"],\"Invalid_Account\":[\"id9\"],"
                + "\"NewField\":{\"nested\":[[],{}],\"x\":\"y\"},\"ActionStatus\":\"OK\",\"ErrorCode\":0,"
                + "\"ErrorInfo\":\"\",\"ErrorDisplay\":\"\",\"Trailing\":[1,2,3]}");
        FriendImportResponse answer = client.importFriends("id", List.of(new TestItem("id1"), new TestItem("id2"),
                new TestItem("id3")));
        assertTrue(answer.isRequestOk());
        assertFalse(answer.isFullSuccess());
        assertEquals(List.of("id2", "id3"), answer.failAccounts());
        assertEquals(List.of("id9"), answer.invalidAccounts());
        assertEquals(3, answer.resultItems().size());
        ResultItem id2 = answer.resultItems().get(1);
        assertEquals("id2", id2.toAccount());
        assertEquals(30010, id2.resultCode());
        assertEquals("Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold", id2.resultInfo());
        assertEquals(ErrorClass.PERMANENT, id2.error().errorClass());
        assertEquals(ErrorClass.PERMANENT, answer.resultItems().get(2).error().errorClass());
        assertTrue(answer.resultItems().get(0).isOk());
    }

    @Test
    void requestLevelFailureIsAnAnswerNotAnException() throws Exception {
        server.answer(200, "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":70001,\"ErrorInfo\":\"usersig is expired\","
                + "\"ErrorDisplay\":\"\"}");
        FriendImportResponse answer = client.importFriends("alice", twoItems());
        assertFalse(answer.isRequestOk());
        assertEquals("FAIL", answer.actionStatus());
        assertEquals(70001, answer.errorCode());
        assertEquals("usersig is expired", answer.errorInfo());
        assertEquals(ErrorClass.RESIGN, answer.requestError().errorClass());
        assertEquals(List.of(), answer.resultItems());
    }

    @Test
    void toleratesMissingFieldsAndOddTypes() throws Exception {
        server.answer(200, "{\"ActionStatus\":\"OK\",\"ResultItem\":[{\"To_Account\":\"bob\",\"ResultCode\":\"0\"},"
                + "{\"To_Account\":\"eve\"},7,null],\"Fail_Account\":null,\"ErrorInfo\":null}");
        FriendImportResponse answer = client.importFriends("alice", twoItems());
        assertTrue(answer.isRequestOk());
        assertEquals(0, answer.errorCode(), "missing ErrorCode with ActionStatus OK");
        assertEquals("", answer.errorInfo());
        assertEquals(List.of(new ResultItem("bob", 0, ""), new ResultItem("eve", -1, "")), answer.resultItems(),
                "a ResultItem without ResultCode is a failure, never a silent success");
        assertEquals(ErrorClass.UNKNOWN, answer.resultItems().get(1).error().errorClass());

        server.answer(200, "{\"ActionStatus\":\"FAIL\"}");
        FriendImportResponse fail = client.importFriends("alice", twoItems());
        assertFalse(fail.isRequestOk());
        assertEquals(-1, fail.errorCode());
        assertEquals(ErrorClass.UNKNOWN, fail.requestError().errorClass(), "no code: never an ordinary failure");
    }

    @Test
    void http502IsATransportError() {
        server.answer(502, "<html><body>502 Bad Gateway</body></html>");
        TransportException e = assertThrows(TransportException.class, () -> client.importFriends("alice", twoItems()));
        assertEquals(TransportException.Kind.HTTP_STATUS, e.kind());
        assertEquals(502, e.httpStatus().getAsInt());
        assertEquals("<html><body>502 Bad Gateway</body></html>", e.bodyExcerpt());
        assertEquals(ErrorClass.TRANSIENT, e.errorClass());
        assertTrue(e.getMessage().contains("answered HTTP status 502; body: <html><body>502 Bad Gateway"), e.getMessage());
        assertTrue(e.getMessage().contains("usersig=<redacted>"), e.getMessage());
    }

    @Test
    void otherStatusesAreClassified() {
        server.answer(404, "");
        TransportException notFound = assertThrows(TransportException.class, () -> client.importFriends("a", twoItems()));
        assertEquals(ErrorClass.FATAL_CONFIG, notFound.errorClass());
        assertEquals("", notFound.bodyExcerpt());
        server.answer(429, "slow down");
        TransportException throttled = assertThrows(TransportException.class, () -> client.importFriends("a", twoItems()));
        assertEquals(ErrorClass.THROTTLED, throttled.errorClass());
    }

    @Test
    void longBodiesAreTruncated() {
        server.answer(503, "x".repeat(10_000));
        TransportException e = assertThrows(TransportException.class, () -> client.importFriends("alice", twoItems()));
        assertEquals("x".repeat(500) + "… (10000 bytes in all)", e.bodyExcerpt());
        assertTrue(e.getMessage().length() < 1000, e.getMessage());
    }

    @Test
    void malformedBodiesAreTransportErrors() {
        for (String body : List.of("<html>oops</html>", "{\"ActionStatus\":\"OK\",\"ResultItem\":[", "",
                "[1,2]", "{\"message\":\"hello from a proxy\"}", "{\"ActionStatus\":\"OK\"} trailing",
                "{\"ActionStatus\":\"OK\",\"ErrorCode\":1.5}", "{\"ActionStatus\":\"OK\",\"ErrorCode\":99999999999}")) {
            server.answer(200, body);
            TransportException e = assertThrows(TransportException.class, () -> client.importFriends("alice", twoItems()),
                    body);
            assertEquals(TransportException.Kind.MALFORMED_BODY, e.kind(), body);
            assertEquals(200, e.httpStatus().getAsInt());
            assertEquals(body, e.bodyExcerpt());
            assertEquals(ErrorClass.TRANSIENT, e.errorClass());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (FriendImportClient impatient = clientFor(server.baseUri()).requestTimeout(Duration.ofMillis(300)).build()) {
            // First a call that is answered, so that the timed-out calls below reuse a kept-alive connection: on a
            // busy machine, the JDK reports a request timeout that runs out while still connecting as a connect
            // timeout. A few tries, in case the first ones, which load the HTTP client's classes, are slow.
            server.answer(200, OK);
            boolean warm = false;
            for (int i = 0; i < 10 && !warm; i++) {
                try {
                    warm = impatient.importFriends("alice", twoItems()).isRequestOk();
                } catch (TransportException slow) {
                    // try again
                }
            }
            assertTrue(warm, "a loopback call answered within 300 ms");
            server.silent();
            long start = System.nanoTime();
            TransportException e = assertThrows(TransportException.class, () -> impatient.importFriends("alice", twoItems()));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(TransportException.Kind.TIMEOUT, e.kind());
            assertEquals(ErrorClass.TRANSIENT, e.errorClass());
            assertTrue(e.httpStatus().isEmpty());
            assertTrue(millis >= 250 && millis < 5000, millis + " ms");
            assertTrue(e.getMessage().contains("got no answer within the request timeout of PT0.3S"), e.getMessage());

            ExecutionException async = assertThrows(ExecutionException.class,
                    () -> impatient.importFriendsAsync("alice", twoItems()).get(5, TimeUnit.SECONDS));
            TransportException cause = assertInstanceOf(TransportException.class, async.getCause());
            assertEquals(TransportException.Kind.TIMEOUT, cause.kind());
        }
    }

    @Test
    void aClosedPortIsAConnectFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (FriendImportClient nowhere = clientFor(URI.create("http://127.0.0.1:" + port)).build()) {
            TransportException e = assertThrows(TransportException.class, () -> nowhere.importFriends("alice", twoItems()));
            assertEquals(TransportException.Kind.CONNECT, e.kind());
            assertEquals(ErrorClass.TRANSIENT, e.errorClass());
        }
    }

    @Test
    void asyncCompletesWithTheAnswerOrTheTransportError() throws Exception {
        server.answer(200, OK);
        FriendImportResponse answer = client.importFriendsAsync("alice", twoItems()).get(5, TimeUnit.SECONDS);
        assertEquals(2, answer.resultItems().size());

        server.answer(200, "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":60011,\"ErrorInfo\":\"rate\"}");
        FriendImportResponse throttled = client.importFriendsAsync("alice", twoItems()).get(5, TimeUnit.SECONDS);
        assertEquals(ErrorClass.THROTTLED, throttled.requestError().errorClass());

        server.answer(502, "bad gateway");
        CompletableFuture<FriendImportResponse> failed = client.importFriendsAsync("alice", twoItems());
        ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
        TransportException cause = assertInstanceOf(TransportException.class, e.getCause());
        assertEquals(502, cause.httpStatus().getAsInt());
    }

    @Test
    void asyncTakesItsPermitOnTheCallingThreadBeforeReturning() throws Exception {
        server.answer(200, OK);
        List<Thread> acquiredOn = Collections.synchronizedList(new ArrayList<>());
        RateLimiter recording = new RateLimiter() {
            @Override
            public void acquire() {
                acquiredOn.add(Thread.currentThread());
            }

            @Override
            public boolean tryAcquire(Duration maxWait) {
                throw new AssertionError("the client uses acquire()");
            }

            @Override
            public double permitsPerSecond() {
                return 200;
            }
        };
        try (FriendImportClient paced = clientFor(server.baseUri()).rateLimiter(recording).build()) {
            CompletableFuture<FriendImportResponse> f1 = paced.importFriendsAsync("alice", twoItems());
            CompletableFuture<FriendImportResponse> f2 = paced.importFriendsAsync("dave", twoItems());
            assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), acquiredOn,
                    "both permits taken on the caller's thread before the methods returned");
            f1.get(5, TimeUnit.SECONDS);
            f2.get(5, TimeUnit.SECONDS);
            paced.importFriends("erin", twoItems());
            assertEquals(3, acquiredOn.size());
            assertEquals(2 + 1, server.requests().size());
        }
    }

    @Test
    void aLoopOfAsyncCallsIsPacedByTheLimiter() throws Exception {
        server.answer(200, OK);
        try (FriendImportClient paced = clientFor(server.baseUri()).rateLimiter(new SmoothRateLimiter(1000)).build()) {
            List<CompletableFuture<FriendImportResponse>> answers = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                answers.add(paced.importFriendsAsync("user" + i, twoItems()));
            }
            long loopNanos = System.nanoTime() - start;
            assertTrue(loopNanos >= 99 * 1_000_000L, "100 permits at 1000/s: the loop itself takes >= 99 ms, took "
                    + loopNanos / 1_000_000 + " ms");
            for (CompletableFuture<FriendImportResponse> answer : answers) {
                assertTrue(answer.get(5, TimeUnit.SECONDS).isRequestOk());
            }
        }
        assertEquals(100, server.requests().size());
        Set<String> froms = new TreeSet<>();
        server.requests().forEach(r -> froms.add(r.bodyText().substring(0, 24)));
        assertEquals(100, froms.size(), "every call arrived once");
    }

    @Test
    void renewUserSigSignsAFreshOneForTheNextCall() throws Exception {
        server.answer(200, OK);
        client.importFriends("alice", twoItems());
        String first = query(server.lastRequest().uri).get("usersig");
        clock.advance(Duration.ofSeconds(30));
        client.importFriends("alice", twoItems());
        assertEquals(first, query(server.lastRequest().uri).get("usersig"), "cached");
        client.renewUserSig();
        client.importFriends("alice", twoItems());
        String renewed = query(server.lastRequest().uri).get("usersig");
        assertNotEquals(first, renewed);
        assertEquals(NOW.getEpochSecond() + 30, DecodedUserSig.decode(renewed).fields.get("TLS.time"));
    }

    @Test
    void randomIsAnUnsignedThirtyTwoBitNumber() throws Exception {
        for (int value : new int[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, -2}) {
            RandomGenerator fixed = () -> ((long) value) << 32;
            long r = FriendImportClient.randomUint32(fixed);
            assertTrue(r >= 0 && r <= 4294967295L, value + " -> " + r);
            assertEquals(value, (int) r, "all 32 bits kept");
        }
        assertEquals(4294967295L, FriendImportClient.randomUint32(() -> -1L));
        assertEquals(2147483648L, FriendImportClient.randomUint32(() -> ((long) Integer.MIN_VALUE) << 32));

        server.answer(200, OK);
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            client.importFriends("alice", twoItems());
            String random = query(server.lastRequest().uri).get("random");
            assertTrue(random.matches("0|[1-9][0-9]{0,9}"), random);
            long r = Long.parseLong(random);
            assertTrue(r >= 0 && r <= 4294967295L, random);
            seen.add(random);
        }
        assertTrue(seen.size() >= 19, "fresh per call: " + seen);
    }

    @Test
    void rejectsBadArgumentsBeforeSendingAnything() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> client.importFriends("alice", List.of()));
        assertEquals("a friend_import call carries 1 to 1000 items, got 0 for From_Account alice", empty.getMessage());
        List<AddFriendItem> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(new TestItem("u" + i));
        }
        assertThrows(IllegalArgumentException.class, () -> client.importFriends("alice", tooMany));
        assertThrows(IllegalArgumentException.class, () -> client.importFriends("", twoItems()));
        assertThrows(IllegalArgumentException.class, () -> client.importFriends("x".repeat(33), twoItems()));
        List<AddFriendItem> withNull = new ArrayList<>(twoItems());
        withNull.add(null);
        NullPointerException npe = assertThrows(NullPointerException.class, () -> client.importFriends("alice", withNull));
        assertEquals("AddFriendItem[2] for From_Account alice is null", npe.getMessage());
        AddFriendItem broken = new AddFriendItem() {
            @Override
            public String toAccount() {
                return "mallory";
            }

            @Override
            public void writeFields(com.fasterxml.jackson.core.JsonGenerator json) throws java.io.IOException {
                json.writeStartObject(); // a field was expected here
            }
        };
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> client.importFriends("alice", List.of(new TestItem("bob"), broken)));
        assertTrue(bad.getMessage().startsWith("AddFriendItem[1] (To_Account mallory"), bad.getMessage());
        assertEquals(0, server.requests().size());

        client.close();
        assertThrows(IllegalStateException.class, () -> client.importFriends("alice", twoItems()));
    }

    @Test
    void everyAnswerAndEveryFailureCarriesTheCallsRandom() throws Exception {
        server.answer(200, OK);
        FriendImportResponse answer = client.importFriends("alice", twoItems());
        assertEquals(Long.parseLong(query(server.lastRequest().uri).get("random")), answer.random());
        FriendImportResponse async = client.importFriendsAsync("alice", twoItems()).get(5, TimeUnit.SECONDS);
        assertEquals(Long.parseLong(query(server.lastRequest().uri).get("random")), async.random());

        server.answer(200, "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":30001,\"ErrorInfo\":\"bad\"}");
        FriendImportResponse failed = client.importFriends("alice", twoItems());
        assertEquals(Long.parseLong(query(server.lastRequest().uri).get("random")), failed.random());

        for (String body : List.of("<html>", "")) {
            server.answer(body.isEmpty() ? 503 : 200, body);
            TransportException e = assertThrows(TransportException.class, () -> client.importFriends("alice", twoItems()));
            long random = Long.parseLong(query(server.lastRequest().uri).get("random"));
            assertEquals(random, e.random());
            assertTrue(e.getMessage().contains("&random=" + random + "&contenttype=json"), e.getMessage());
        }
        assertEquals(ChatAnswer.NO_RANDOM, new FriendImportResponse("OK", 0, "", "", List.of(), List.of(), List.of())
                .random(), "the constructor without random still builds");
        assertEquals(ChatAnswer.NO_RANDOM,
                new TransportException(TransportException.Kind.IO, "m", -1, "", null).random());
    }

    @Test
    void theSiblingsShareOneTransportOneUserSigAndOneConnection() throws Exception {
        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0}");
        ChatClient chat = client.chatClient();
        assertTrue(chat.friendImport() == client, "the client is its ChatClient's friend_import layer");
        client.importFriends("alice", twoItems());
        chat.accounts().checkAccounts(List.of("alice"));
        chat.friends().checkFriends("alice", List.of("bob"), FriendCheckType.BOTH);
        chat.friends().getFriends(FriendGetRequest.firstPage("alice"));
        List<LoopbackServer.Recorded> rs = server.requests();
        assertEquals(List.of("/v4/sns/friend_import", "/v4/im_open_login_svc/account_check", "/v4/sns/friend_check",
                "/v4/sns/friend_get"), rs.stream().map(r -> r.uri.getRawPath()).toList());
        assertEquals(1, rs.stream().map(r -> query(r.uri).get("usersig")).distinct().count(), "one UserSig cache");
        assertEquals(1, rs.stream().map(r -> r.remote).distinct().count(), "one HTTP client: one kept-alive connection");

        client.renewUserSig();
        clock.advance(Duration.ofSeconds(1));
        chat.accounts().importAccount(AccountItem.of("zoe"));
        assertNotEquals(query(rs.get(0).uri).get("usersig"), query(server.lastRequest().uri).get("usersig"),
                "renewing through one renews for all");

        assertTrue(client.rateLimiter() == chat.rateLimiter(ChatApi.FRIEND_IMPORT));
        assertFalse(client.rateLimiter() == chat.rateLimiter(ChatApi.FRIEND_GET), "one limiter per API");
        client.close();
        assertTrue(chat.isClosed(), "closing the friend_import client closes the transport it shares");
        assertThrows(IllegalStateException.class, () -> chat.friends().getAllFriends("alice"));
    }

    @Test
    void aPrivateRateLimiterPacesAtTheDefaultMarginWithoutTouchingTheSharedOne() {
        AppConfig app = new AppConfig(1400000903L, "administrator", SecretKey.of(KEY), Endpoint.of(server.baseUri()));
        try (FriendImportClient shared = FriendImportClient.builder(app).build();
                FriendImportClient own = FriendImportClient.builder(app).serverRateLimit(150).privateRateLimiter().build();
                FriendImportClient other = FriendImportClient.builder(app).privateRateLimiter().build()) {
            assertEquals(147.0, own.rateLimiter().permitsPerSecond(), 1e-9, "150 less the 2 % margin");
            assertEquals(196.0, shared.rateLimiter().permitsPerSecond(), 1e-9, "the shared one is left alone");
            assertFalse(own.rateLimiter() == shared.rateLimiter());
            assertFalse(own.rateLimiter() == other.rateLimiter(), "private means private");
            assertEquals(98.0, own.chatClient().rateLimiter(ChatApi.ACCOUNT_CHECK).permitsPerSecond(), 1e-9,
                    "the siblings' private limiters keep their own documented limits");
            assertFalse(own.chatClient().rateLimiter(ChatApi.ACCOUNT_CHECK)
                    == shared.chatClient().rateLimiter(ChatApi.ACCOUNT_CHECK));
        }
    }

    @Test
    void theRequestBodyIsPublicForToolsAndEqualsWhatIsSent() throws Exception {
        server.answer(200, OK);
        client.importFriends("alice", twoItems());
        assertArrayEquals(server.lastRequest().body, FriendImportClient.requestBody("alice", twoItems()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FriendImportClient.requestBody("x".repeat(33), twoItems()));
        assertEquals("From_Account must be 1 to 32 UTF-8 bytes, was 33 bytes (\"" + "x".repeat(33) + "\")",
                e.getMessage());
        assertEquals("v4/sns/friend_import", FriendImportClient.API_PATH);
        assertEquals(1000, FriendImportClient.MAX_ITEMS_PER_CALL);
    }
}
