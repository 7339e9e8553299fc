package io.timport.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.errors.ErrorClass;
import io.timport.limit.NanoClock;
import io.timport.limit.RateLimiterRegistry;
import io.timport.testing.LoopbackServer;
import io.timport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** account_check, multiaccount_import and account_import against a real HTTP server on 127.0.0.1. */
@Timeout(60)
class AccountClientTest {

    static final String KEY = "loopback-test-secret-key-0123456789abcdef";
    static final long SDK_APP_ID = 1400000321L;

    LoopbackServer server;
    ChatClient chat;
    AccountClient accounts;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        chat = ChatClient.builder(app(server)).clock(new MutableClock(Instant.ofEpochSecond(1_700_000_000L)))
                .requestTimeout(Duration.ofSeconds(5)).rateLimiterRegistry(new RateLimiterRegistry(NanoClock.system()))
                .build();
        accounts = chat.accounts();
    }

    @AfterEach
    void stop() {
        chat.close();
        server.close();
    }

    static AppConfig app(LoopbackServer server) {
        return new AppConfig(SDK_APP_ID, "administrator", SecretKey.of(KEY), Endpoint.of(server.baseUri()));
    }

    static long randomOf(LoopbackServer.Recorded r) {
        return Long.parseLong(FriendImportClientTest.query(r.uri).get("random"));
    }

    @Test
    void accountCheckSendsTheDocumentedRequestAndReadsEachAccountsStatus() throws Exception {
        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"ResultItem\":["
                + "{\"UserID\":\"alice\",\"ResultCode\":0,\"ResultInfo\":\"\",\"AccountStatus\":\"Imported\"},"
                + "{\"UserID\":\"bob\",\"ResultCode\":0,\"ResultInfo\":\"\",\"AccountStatus\":\"NotImported\"},"
                + "{\"UserID\":\"卡罗尔\",\"ResultCode\":70107,\"ResultInfo\":\"not found\",\"Extra\":[1]},"
                + "{\"UserID\":\"dave\",\"ResultCode\":0,\"AccountStatus\":\"Frozen\"}]}");
        AccountCheckResponse answer = accounts.checkAccounts(List.of("alice", "bob", "卡罗尔", "dave"));

        LoopbackServer.Recorded r = server.lastRequest();
        assertEquals("/v4/im_open_login_svc/account_check", r.uri.getRawPath());
        assertEquals(List.of("sdkappid", "identifier", "usersig", "random", "contenttype"),
                List.copyOf(FriendImportClientTest.query(r.uri).keySet()));
        assertEquals("{\"CheckItem\":[{\"UserID\":\"alice\"},{\"UserID\":\"bob\"},{\"UserID\":\"卡罗尔\"},"
                + "{\"UserID\":\"dave\"}]}", r.bodyText());

        assertTrue(answer.isRequestOk());
        assertEquals(randomOf(r), answer.random(), "the answer carries the call's random");
        assertEquals(List.of(new AccountCheckItem("alice", 0, "", AccountStatus.IMPORTED),
                new AccountCheckItem("bob", 0, "", AccountStatus.NOT_IMPORTED),
                new AccountCheckItem("卡罗尔", 70107, "not found", AccountStatus.UNKNOWN),
                new AccountCheckItem("dave", 0, "", AccountStatus.UNKNOWN)), answer.resultItems());
        assertEquals(List.of("alice"), answer.existing());
        assertEquals(List.of("bob"), answer.missing(), "an account that could not be checked is neither");
        assertEquals(ErrorClass.PERMANENT, answer.resultItems().get(2).error().errorClass());
    }

    @Test
    void multiaccountImportSendsTheAccountListFormAndReadsFailAccounts() throws Exception {
        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"ErrorDisplay\":\"\","
                + "\"FailAccounts\":[\"bob\"]}");
        MultiAccountImportResponse answer = accounts.importAccounts(List.of(
                new AccountItem("alice", "Alice \uD83D\uDE00", "https://example.com/a.png"), AccountItem.of("bob"),
                new AccountItem("carol", "Carol", null)));
        LoopbackServer.Recorded r = server.lastRequest();
        assertEquals("/v4/im_open_login_svc/multiaccount_import", r.uri.getRawPath());
        assertEquals("{\"AccountList\":[{\"UserID\":\"alice\",\"Nick\":\"Alice \uD83D\uDE00\",\"FaceUrl\":"
                + "\"https://example.com/a.png\"},{\"UserID\":\"bob\"},{\"UserID\":\"carol\",\"Nick\":\"Carol\"}]}",
                r.bodyText(), "optional Nick and FaceUrl left out when absent; emoji as UTF-8");
        assertTrue(answer.isRequestOk());
        assertFalse(answer.isFullSuccess());
        assertEquals(List.of("bob"), answer.failAccounts());
        assertEquals(randomOf(r), answer.random());

        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0}");
        assertTrue(accounts.importAccounts(List.of(AccountItem.of("dave"))).isFullSuccess(), "FailAccounts is optional");
    }

    @Test
    void accountImportSendsOneAccount() throws Exception {
        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"}");
        AccountImportResponse answer = accounts.importAccount(new AccountItem("alice", null, "https://x/y.png"));
        LoopbackServer.Recorded r = server.lastRequest();
        assertEquals("/v4/im_open_login_svc/account_import", r.uri.getRawPath());
        assertEquals("{\"UserID\":\"alice\",\"FaceUrl\":\"https://x/y.png\"}", r.bodyText());
        assertTrue(answer.isRequestOk());
        assertEquals(randomOf(r), answer.random());
    }

    @Test
    void requestLevelFailuresAreAnswersWithTheirClass() throws Exception {
        Map<Integer, ErrorClass> codes = Map.of(70398, ErrorClass.FATAL_CONFIG, 70402, ErrorClass.CLIENT_BUG,
                70403, ErrorClass.FATAL_CONFIG, 70169, ErrorClass.TRANSIENT, 70202, ErrorClass.TRANSIENT,
                70500, ErrorClass.TRANSIENT, 40601, ErrorClass.PERMANENT, 70206, ErrorClass.CLIENT_BUG,
                12345, ErrorClass.UNKNOWN);
        for (Map.Entry<Integer, ErrorClass> c : codes.entrySet()) {
            server.answer(200, "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":" + c.getKey() + ",\"ErrorInfo\":\"no\"}");
            AccountImportResponse one = accounts.importAccount(AccountItem.of("alice"));
            MultiAccountImportResponse many = accounts.importAccounts(List.of(AccountItem.of("alice")));
            AccountCheckResponse check = accounts.checkAccounts(List.of("alice"));
            for (ChatAnswer answer : List.<ChatAnswer>of(one, many, check)) {
                assertFalse(answer.isRequestOk());
                assertEquals(c.getKey(), answer.errorCode());
                assertEquals("no", answer.errorInfo());
                assertEquals(c.getValue(), answer.requestError().errorClass(), c.getKey() + " " + answer);
            }
            assertEquals(List.of(), check.resultItems());
        }
    }

    @Test
    void transportFailuresCarryTheRandomToo() {
        server.answer(502, "bad gateway");
        TransportException e = assertThrows(TransportException.class, () -> accounts.checkAccounts(List.of("a")));
        assertEquals(randomOf(server.lastRequest()), e.random());
        assertTrue(e.getMessage().startsWith("account_check POST "), e.getMessage());
        assertTrue(e.getMessage().contains("&random=" + e.random() + "&"), e.getMessage());
        assertTrue(e.getMessage().contains("usersig=<redacted>"), e.getMessage());
    }

    @Test
    void asyncFormsTakeThePermitAndCompleteWithTheAnswerOrTheFailure() throws Exception {
        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ResultItem\":[{\"UserID\":\"a\",\"ResultCode\":0,"
                + "\"AccountStatus\":\"Imported\"}]}");
        assertEquals(List.of("a"), accounts.checkAccountsAsync(List.of("a")).get(5, TimeUnit.SECONDS).existing());
        assertTrue(accounts.importAccountsAsync(List.of(AccountItem.of("a"))).get(5, TimeUnit.SECONDS).isRequestOk());
        assertTrue(accounts.importAccountAsync(AccountItem.of("a")).get(5, TimeUnit.SECONDS).isRequestOk());
        server.answer(503, "later");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> accounts.importAccountAsync(AccountItem.of("a")).get(5, TimeUnit.SECONDS));
        assertEquals(503, assertInstanceOf(TransportException.class, e.getCause()).httpStatus().getAsInt());
    }

    @Test
    void limitsAndRulesAreCheckedBeforeAnythingIsSent() {
        List<String> hundredAndOne = new ArrayList<>();
        List<AccountItem> hundredAndOneItems = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            hundredAndOne.add("u" + i);
            hundredAndOneItems.add(AccountItem.of("u" + i));
        }
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> accounts.checkAccounts(hundredAndOne));
        assertEquals("each account_check call carries 1 to 100 UserIDs, got 101", tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> accounts.importAccounts(hundredAndOneItems));
        assertThrows(IllegalArgumentException.class, () -> accounts.checkAccounts(List.of()));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> accounts.importAccount(AccountItem.of("x".repeat(33))));
        assertEquals("UserID must be 1 to 32 UTF-8 bytes, was 33 bytes (\"" + "x".repeat(33) + "\")", tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> accounts.checkAccounts(List.of("ok", "")));
        assertThrows(IllegalArgumentException.class,
                () -> accounts.importAccounts(List.of(AccountItem.of("ok"), AccountItem.of("é".repeat(17)))));
        List<String> withNull = new ArrayList<>(List.of("a"));
        withNull.add(null);
        NullPointerException npe = assertThrows(NullPointerException.class, () -> accounts.checkAccounts(withNull));
        assertEquals("UserID[1] is null", npe.getMessage());
        assertEquals(0, server.requests().size(), "nothing was sent");

        List<String> hundred = hundredAndOne.subList(0, 100);
        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0}");
        assertEquals(List.of(), assertDoesNotThrowCheck(hundred).resultItems(), "100 is allowed");
    }

    private AccountCheckResponse assertDoesNotThrowCheck(List<String> ids) {
        try {
            return accounts.checkAccounts(ids);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eachApiHasItsOwnLimiterAtItsOwnDocumentedRate() {
        assertEquals(98.0, accounts.rateLimiter(ChatApi.ACCOUNT_CHECK).permitsPerSecond(), 1e-9);
        assertEquals(98.0, accounts.rateLimiter(ChatApi.MULTIACCOUNT_IMPORT).permitsPerSecond(), 1e-9);
        assertEquals(196.0, accounts.rateLimiter(ChatApi.ACCOUNT_IMPORT).permitsPerSecond(), 1e-9);
        assertFalse(accounts.rateLimiter(ChatApi.ACCOUNT_CHECK) == accounts.rateLimiter(ChatApi.MULTIACCOUNT_IMPORT),
                "the same rate, two limiters: the server counts each API apart");
        assertTrue(accounts.toString().contains("account_check=SmoothRateLimiter[98.0 permits/s]"), accounts.toString());
    }

    @Test
    void aClosedClientRefusesEveryApi() {
        chat.close();
        assertThrows(IllegalStateException.class, () -> accounts.checkAccounts(List.of("a")));
        assertThrows(IllegalStateException.class, () -> accounts.importAccount(AccountItem.of("a")));
        assertThrows(IllegalStateException.class, () -> chat.friendImport().importFriends("a",
                List.of(new io.timport.testing.TestItem("b"))));
        assertTrue(chat.isClosed());
    }
}
