package io.timport.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.auth.UserSig;
import io.timport.auth.UserSigCache;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.testing.LogCapture;
import io.timport.testing.LoopbackServer;
import io.timport.testing.MutableClock;
import io.timport.testing.TestItem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The secret key and the UserSig never show in toString, exception messages, exception chains or log output, even
 * when a misbehaving server echoes the request URL and the usersig back in its answer.
 */
@Isolated // captures every timport log record of the JVM: no other class may log meanwhile
class SecretsNeverLeakTest {

    static final String KEY = "never-print-me-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    static void assertClean(String where, String text, String userSig) {
        assertFalse(text.contains(KEY), where + " shows the secret key: " + text);
        assertFalse(text.contains(userSig), where + " shows the usersig: " + text);
        assertFalse(text.contains(userSig.replace("*", "%2A")), where + " shows the encoded usersig: " + text);
        // A piece of a sig is as bad as the whole: no 16 consecutive characters of it may show.
        for (int i = 0; i + 16 <= userSig.length(); i++) {
            String piece = userSig.substring(i, i + 16);
            assertFalse(text.contains(piece), where + " shows part of the usersig (" + piece + "): " + text);
        }
    }

    @Test
    void neitherKeyNorUserSigInToStringExceptionsOrLogs() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        List<Throwable> failures = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String logs;
        String userSig;
        try (LogCapture log = new LogCapture(); LoopbackServer server = new LoopbackServer()) {
            AppConfig app = new AppConfig(1400000777L, "administrator", SecretKey.of(KEY), Endpoint.of(server.baseUri()));
            userSig = UserSig.generate(app.sdkAppId(), app.adminIdentifier(), app.secretKey(), Duration.ofDays(1), clock);
            assertTrue(userSig.length() > 100);
            try (FriendImportClient client = FriendImportClient.builder(app).clock(clock).build();
                    FriendImportClient impatient = FriendImportClient.builder(app).clock(clock)
                            .requestTimeout(Duration.ofMillis(300)).build()) {
                texts.add(client.toString());
                texts.add(app.toString());
                texts.add(app.secretKey().toString());

                // A gateway error page that quotes the request line.
                server.answer(502, "<html>upstream failed for POST ${uri} (sig ${usersig})</html>");
                failures.add(assertThrows(TransportException.class, () -> client.importFriends("alice", List.of(new TestItem("bob")))));
                // A body that is the usersig itself: the JSON parser's error message quotes the token it choked on.
                server.answer(200, "${usersig}");
                failures.add(assertThrows(TransportException.class, () -> client.importFriends("alice", List.of(new TestItem("bob")))));
                server.answer(200, "{\"echo\":\"${uri}\",\"ActionStatus\":");
                failures.add(assertThrows(TransportException.class, () -> client.importFriends("alice", List.of(new TestItem("bob")))));
                // The same, asynchronously.
                server.answer(503, "retry ${uri}");
                ExecutionException async = assertThrows(ExecutionException.class,
                        () -> client.importFriendsAsync("alice", List.of(new TestItem("bob"))).get(5, TimeUnit.SECONDS));
                failures.add(async.getCause());
                // A request-level answer that quotes the sig is an answer: its texts are redacted too.
                server.answer(200, "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":70009,\"ErrorInfo\":\"bad sig ${usersig}\","
                        + "\"ErrorDisplay\":\"${uri}\",\"ResultItem\":[{\"To_Account\":\"bob\",\"ResultCode\":70009,"
                        + "\"ResultInfo\":\"${usersig}\"}]}");
                FriendImportResponse echoed = client.importFriends("alice", List.of(new TestItem("bob")));
                assertEquals("bad sig <redacted>", echoed.errorInfo());
                assertEquals("<redacted>", echoed.resultItems().get(0).resultInfo());
                texts.add(echoed.toString());
                // No answer at all.
                server.silent();
                failures.add(assertThrows(TransportException.class,
                        () -> impatient.importFriends("alice", List.of(new TestItem("bob")))));
            }
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            AppConfig nowhere = new AppConfig(1400000777L, "administrator", SecretKey.of(KEY),
                    Endpoint.of(URI.create("http://127.0.0.1:" + closedPort)));
            try (FriendImportClient client = FriendImportClient.builder(nowhere).clock(clock).build()) {
                failures.add(assertThrows(TransportException.class, () -> client.importFriends("alice", List.of(new TestItem("bob")))));
            }
            UserSigCache cache = new UserSigCache(app, clock, Duration.ofDays(1), Duration.ofMinutes(5));
            cache.current();
            texts.add(cache.toString());

            assertEquals(userSig, server.requests().get(0).uri.getRawQuery().replaceAll(".*usersig=([^&]*).*", "$1"),
                    "the sig the test looks for is the one that was sent");
            logs = log.all();
        }

        assertEquals(6, failures.size());
        for (Throwable failure : failures) {
            TransportException e = (TransportException) failure;
            assertClean("getMessage of " + e.kind(), e.getMessage(), userSig);
            assertClean("toString of " + e.kind(), e.toString(), userSig);
            assertClean("stack trace of " + e.kind(), stackTrace(e), userSig);
            assertClean("bodyExcerpt of " + e.kind(), e.bodyExcerpt(), userSig);
        }
        assertTrue(failures.get(0).getMessage().contains("sig <redacted>"), failures.get(0).getMessage());
        assertTrue(failures.get(0).getMessage().contains("usersig=<redacted>"), failures.get(0).getMessage());
        assertTrue(failures.get(1).getCause() != null, "the parser's error is kept as the cause, redacted");
        for (String text : texts) {
            assertClean("toString", text, userSig);
        }
        assertTrue(logs.contains("usersig=<redacted>"), "calls are logged, redacted:\n" + logs);
        assertTrue(logs.contains("signed a new UserSig for admin administrator"), logs);
        assertClean("log output", logs, userSig);
    }

    /** The same promise for the account and friend-reading APIs, and for the failures the answer cap and deadline make. */
    @Test
    void theOtherApisAndTheNewFailuresNeitherShowTheKeyNorTheUserSig() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        List<Throwable> failures = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String logs;
        String userSig;
        try (LogCapture log = new LogCapture(); LoopbackServer server = new LoopbackServer()) {
            AppConfig app = new AppConfig(1400000778L, "administrator", SecretKey.of(KEY), Endpoint.of(server.baseUri()));
            userSig = UserSig.generate(app.sdkAppId(), app.adminIdentifier(), app.secretKey(), Duration.ofDays(1), clock);
            try (ChatClient chat = ChatClient.builder(app).clock(clock).privateRateLimiters().build()) {
                texts.add(chat.toString());
                texts.add(chat.accounts().toString());
                texts.add(chat.friends().toString());
                texts.add(chat.friendImport().toString());

                // Answers that quote the sig, raw and as the URL carried it, in every string the APIs read.
                String sigs = "raw " + userSig + " encoded ${usersig}";
                server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"" + sigs + "\","
                        + "\"ResultItem\":[{\"UserID\":\"${usersig}\",\"ResultCode\":70107,\"ResultInfo\":\"" + sigs
                        + "\",\"AccountStatus\":\"NotImported\"}],\"FailAccounts\":[\"" + userSig + "\"],"
                        + "\"InfoItem\":[{\"To_Account\":\"bob\",\"Relation\":\"CheckResult_Type_BothWay\",\"ResultCode\":1,"
                        + "\"ResultInfo\":\"" + sigs + "\"}],\"Fail_Account\":[\"${usersig}\"],"
                        + "\"UserDataItem\":[{\"To_Account\":\"bob\",\"ValueItem\":[{\"Tag\":\"Tag_SNS_IM_Remark\","
                        + "\"Value\":\"" + sigs + "\"},{\"Tag\":\"Tag_SNS_IM_Group\",\"Value\":[\"${usersig}\"]},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Obj\",\"Value\":{\"k\":\"" + userSig + "\"}}]}],\"CompleteFlag\":1}");
                AccountCheckResponse check = chat.accounts().checkAccounts(List.of("alice"));
                assertEquals("raw <redacted> encoded <redacted>", check.errorInfo());
                assertEquals("<redacted>", check.resultItems().get(0).userId());
                texts.add(check.toString());
                texts.add(chat.accounts().importAccounts(List.of(AccountItem.of("alice"))).toString());
                texts.add(chat.accounts().importAccount(AccountItem.of("alice")).toString());
                texts.add(chat.friends().checkFriends("alice", List.of("bob"), FriendCheckType.BOTH).toString());
                FriendGetPage page = chat.friends().getFriends(FriendGetRequest.firstPage("alice"));
                assertEquals("raw <redacted> encoded <redacted>", page.friends().get(0).value("Tag_SNS_IM_Remark"));
                assertEquals(List.of("<redacted>"), page.friends().get(0).value("Tag_SNS_IM_Group"));
                texts.add(page.toString());
                texts.add(chat.friends().getAllFriends("alice").toString());

                // Every API's transport failures: a gateway page quoting the request.
                server.answer(502, "<html>upstream failed for POST ${uri} (sig ${usersig}) " + userSig + "</html>");
                failures.add(assertThrows(TransportException.class, () -> chat.accounts().checkAccounts(List.of("a"))));
                failures.add(assertThrows(TransportException.class,
                        () -> chat.accounts().importAccounts(List.of(AccountItem.of("a")))));
                failures.add(assertThrows(TransportException.class, () -> chat.accounts().importAccount(AccountItem.of("a"))));
                failures.add(assertThrows(TransportException.class, () -> chat.friends().getAllFriends("a")));
                failures.add(assertThrows(TransportException.class,
                        () -> chat.friends().checkFriends("a", List.of("b"), FriendCheckType.SINGLE)));
                // A body that is not an answer, quoting the sig where the parser chokes.
                server.answer(200, "${usersig}");
                failures.add(assertThrows(TransportException.class, () -> chat.friends().getAllFriends("a")));
                // friend_get pages that do not advance.
                server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"${usersig}\",\"CompleteFlag\":0}");
                failures.add(assertThrows(TransportException.class, () -> chat.friends().getAllFriends("a")));
            }
            // An answer over the cap whose first bytes quote the sig, and a body trickled past the deadline.
            try (RawServer huge = new RawServer(exchange -> {
                exchange.getRequestBody().readAllBytes();
                String query = exchange.getRequestURI().getRawQuery();
                String echoed = query.replaceAll(".*usersig=([^&]*).*", "$1");
                exchange.sendResponseHeaders(200, 0);
                try (java.io.OutputStream out = exchange.getResponseBody()) {
                    out.write(("{\"ErrorInfo\":\"" + echoed + " " + userSig + " " + query).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8));
                    out.flush();
                    if (exchange.getRequestURI().getPath().startsWith("/slow/")) {
                        Thread.sleep(3000);
                    }
                    out.write(new byte[200_000]);
                } catch (IOException | InterruptedException hungUp) {
                    // expected
                } finally {
                    exchange.close();
                }
            })) {
                for (String path : List.of("/big/", "/slow/")) {
                    AppConfig there = new AppConfig(1400000778L, "administrator", SecretKey.of(KEY),
                            Endpoint.of(URI.create(huge.baseUri() + path)));
                    try (ChatClient chat = ChatClient.builder(there).clock(clock).privateRateLimiters()
                            .maxAnswerBytes(64 * 1024).requestTimeout(Duration.ofSeconds(1)).build()) {
                        failures.add(assertThrows(TransportException.class,
                                () -> chat.accounts().checkAccounts(List.of("a"))));
                    }
                }
            }
            logs = log.all();
        }
        assertEquals(9, failures.size());
        assertEquals(TransportException.Kind.MALFORMED_BODY, ((TransportException) failures.get(7)).kind());
        assertEquals(TransportException.Kind.TIMEOUT, ((TransportException) failures.get(8)).kind());
        for (Throwable failure : failures) {
            TransportException e = (TransportException) failure;
            assertClean("getMessage of " + e.kind(), e.getMessage(), userSig);
            assertClean("toString of " + e.kind(), e.toString(), userSig);
            assertClean("stack trace of " + e.kind(), stackTrace(e), userSig);
            assertClean("bodyExcerpt of " + e.kind(), e.bodyExcerpt(), userSig);
            assertTrue(e.random() >= 0, "every failure carries its call's random: " + e.getMessage());
        }
        for (String text : texts) {
            assertClean("toString", text, userSig);
        }
        assertTrue(logs.contains("v4/im_open_login_svc/account_check?sdkappid=1400000778&identifier=administrator"
                + "&usersig=<redacted>&random="), "calls are logged, redacted:\n" + logs);
        assertTrue(logs.contains("v4/sns/friend_get?"), logs);
        assertClean("log output", logs, userSig);
    }
}
