package io.timport.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.errors.ErrorClass;
import io.timport.limit.NanoClock;
import io.timport.limit.RateLimiterRegistry;
import io.timport.testing.LoopbackServer;
import io.timport.wire.ItemType;
import io.timport.wire.JsonValues;
import io.timport.wire.WireWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** friend_get (one page and all pages) and friend_check against a real HTTP server on 127.0.0.1. */
@Timeout(60)
class FriendReadClientTest {

    static final String KEY = "loopback-test-secret-key-0123456789abcdef";

    LoopbackServer server;
    ChatClient chat;
    FriendReadClient friends;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        AppConfig app = new AppConfig(1400000654L, "administrator", SecretKey.of(KEY), Endpoint.of(server.baseUri()));
        chat = ChatClient.builder(app).requestTimeout(Duration.ofSeconds(5))
                .rateLimiterRegistry(new RateLimiterRegistry(NanoClock.system())).build();
        friends = chat.friends();
    }

    @AfterEach
    void stop() {
        chat.close();
        server.close();
    }

    static Map<String, Object> json(String text) throws Exception {
        try (JsonParser p = WireWriter.jsonFactory().createParser(text)) {
            return JsonValues.readObject(p);
        }
    }

    static final String PAGE = "{\"UserDataItem\":[{\"To_Account\":\"id1\",\"ValueItem\":["
            + "{\"Tag\":\"Tag_SNS_IM_AddSource\",\"Value\":\"AddSource_Type_Android\"},"
            + "{\"Tag\":\"Tag_SNS_IM_Remark\",\"Value\":\"Remark1 \uD83D\uDE00\"},"
            + "{\"Tag\":\"Tag_SNS_IM_Group\",\"Value\":[\"Group1\",\"Group2\"]},"
            + "{\"Tag\":\"Tag_SNS_IM_AddTime\",\"Value\":1563867420},"
            + "{\"Tag\":\"Tag_SNS_Custom_Test\",\"Value\":\"CustomData1\"},"
            + "{\"Tag\":\"Tag_SNS_Custom_Big\",\"Value\":18446744073709551615},"
            + "{\"Tag\":\"Tag_SNS_Custom_Obj\",\"Value\":{\"a\":[1,null]},\"Extra\":true}]},"
            + "{\"To_Account\":\"id2\",\"ValueItem\":[{\"Tag\":\"Tag_SNS_IM_AddSource\",\"Value\":\"AddSource_Type_IOS\"},"
            + "{\"Tag\":\"Tag_SNS_IM_Group\",\"Value\":[\"Group1\"]},{\"Tag\":\"Tag_SNS_IM_AddTime\",\"Value\":1563867425}]},"
            + "{\"To_Account\":\"id3\"},7],"
            + "\"StandardSequence\":88,\"CustomSequence\":2,\"FriendNum\":3,\"CompleteFlag\":1,\"NextStartIndex\":0,"
            + "\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"ErrorDisplay\":\"\"}";

    @Test
    void onePageSendsTheDocumentedRequestAndGivesValuesAsJsonValuesReadsThem() throws Exception {
        server.answer(200, PAGE);
        FriendGetPage page = friends.getFriends(FriendGetRequest.firstPage("alice"));

        LoopbackServer.Recorded r = server.lastRequest();
        assertEquals("/v4/sns/friend_get", r.uri.getRawPath());
        assertEquals("{\"From_Account\":\"alice\",\"StartIndex\":0}", r.bodyText(),
                "sequences 0 are left out: the server would otherwise omit the data it thinks we hold");
        assertTrue(page.isRequestOk());
        assertTrue(page.isComplete());
        assertEquals(88, page.standardSequence());
        assertEquals(2, page.customSequence());
        assertEquals(3, page.friendNum());
        assertEquals(0, page.nextStartIndex());
        assertEquals(AccountClientTest.randomOf(r), page.random());
        assertEquals(List.of("id1", "id2", "id3"), page.friends().stream().map(Friend::toAccount).toList(),
                "an element that is not an object is skipped");

        Friend first = page.friends().get(0);
        // Exactly the shape io.timport.wire.JsonValues gives for the same JSON.
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Tag_SNS_IM_AddSource", "AddSource_Type_Android");
        expected.put("Tag_SNS_IM_Remark", "Remark1 \uD83D\uDE00");
        expected.put("Tag_SNS_IM_Group", List.of("Group1", "Group2"));
        expected.put("Tag_SNS_IM_AddTime", 1563867420L);
        expected.put("Tag_SNS_Custom_Test", "CustomData1");
        expected.put("Tag_SNS_Custom_Big", new BigInteger("18446744073709551615"));
        expected.put("Tag_SNS_Custom_Obj", json("{\"a\":[1,null]}"));
        assertEquals(expected, first.values());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(first.values().keySet()), "in answer order");
        assertInstanceOf(Long.class, first.value("Tag_SNS_IM_AddTime"));
        assertEquals(Map.of(), page.friends().get(2).values());
        assertThrows(UnsupportedOperationException.class, () -> first.values().put("x", 1));

        List<Object> readWith = new ArrayList<>();
        ItemType<io.timport.testing.TestItem> type = ItemType.of(io.timport.testing.TestItem.class, List.of(), m -> null,
                (toAccount, tags) -> {
                    readWith.add(toAccount);
                    readWith.add(tags);
                    return null;
                }, (want, found) -> List.of());
        first.readAs(type);
        assertEquals(List.of("id1", expected), readWith, "a generated type reads exactly To_Account and the values");

        friends.getFriends(new FriendGetRequest("alice", 100, 88, 2));
        assertEquals("{\"From_Account\":\"alice\",\"StartIndex\":100,\"StandardSequence\":88,\"CustomSequence\":2}",
                server.lastRequest().bodyText());
    }

    /** A server holding {@code total} friends of alice, answering pages of {@code pageSize} from StartIndex. */
    static String pageOf(LoopbackServer.Recorded r, int total, int pageSize) {
        try {
            Map<String, Object> request = json(r.bodyText());
            int start = ((Long) request.get("StartIndex")).intValue();
            StringBuilder items = new StringBuilder();
            int end = Math.min(total, start + pageSize);
            for (int i = start; i < end; i++) {
                if (items.length() > 0) {
                    items.append(',');
                }
                items.append("{\"To_Account\":\"f").append(i).append("\",\"ValueItem\":[{\"Tag\":\"Tag_SNS_IM_AddTime\","
                        + "\"Value\":").append(i).append("}]}");
            }
            boolean last = end >= total;
            return "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"UserDataItem\":[" + items + "],\"StandardSequence\":5,"
                    + "\"CustomSequence\":6,\"FriendNum\":" + total + ",\"CompleteFlag\":" + (last ? 1 : 0)
                    + ",\"NextStartIndex\":" + (last ? 0 : end) + "}";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void allPagesFollowNextStartIndexUntilCompleteFlag() throws Exception {
        server.answerWith(r -> pageOf(r, 250, 100));
        FriendList list = friends.getAllFriends("alice");
        assertTrue(list.isRequestOk());
        assertTrue(list.complete());
        assertTrue(list.consistent());
        assertEquals(3, list.pages());
        assertEquals(250, list.friends().size());
        assertEquals("f0", list.friends().get(0).toAccount());
        assertEquals("f249", list.friends().get(249).toAccount());
        assertEquals(249L, list.friends().get(249).value("Tag_SNS_IM_AddTime"));
        assertEquals(5, list.standardSequence());
        assertEquals(6, list.customSequence());
        assertEquals(250, list.friendNum());
        assertEquals(-1, list.nextStartIndex());
        List<String> bodies = server.requests().stream().map(LoopbackServer.Recorded::bodyText).toList();
        assertEquals(List.of("{\"From_Account\":\"alice\",\"StartIndex\":0}",
                "{\"From_Account\":\"alice\",\"StartIndex\":100}", "{\"From_Account\":\"alice\",\"StartIndex\":200}"),
                bodies);
        assertEquals(server.requests().stream().map(AccountClientTest::randomOf).toList(), list.randoms());
        assertEquals(list.randoms().get(2), list.random());

        server.answerWith(r -> pageOf(r, 0, 100));
        FriendList none = friends.getAllFriends("bob");
        assertEquals(List.of(), none.friends());
        assertEquals(1, none.pages());

        server.answerWith(r -> pageOf(r, 120, 100));
        FriendList async = friends.getAllFriendsAsync("carol").get(5, TimeUnit.SECONDS);
        assertEquals(120, async.friends().size());
        assertEquals(2, async.pages());
    }

    @Test
    void aFailedPageEndsTheReadingWithWhatWasReadAndWhereToGoOn() throws Exception {
        server.answerWith(r -> r.bodyText().contains("\"StartIndex\":200")
                ? "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":30006,\"ErrorInfo\":\"server busy\"}"
                : pageOf(r, 450, 100));
        FriendList list = friends.getAllFriends("alice");
        assertFalse(list.isRequestOk());
        assertFalse(list.complete());
        assertEquals(30006, list.errorCode());
        assertEquals(ErrorClass.TRANSIENT, list.requestError().errorClass());
        assertEquals(200, list.friends().size(), "the two pages read before it");
        assertEquals(200, list.nextStartIndex(), "where to go on");
        assertEquals(3, list.pages());

        server.answer(200, "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":30003,\"ErrorInfo\":\"Err_Sns_Invalid_Account\"}");
        FriendList missing = friends.getAllFriends("nobody");
        assertTrue(missing.requestError().marksFromAccount(), "request-level 30003: the user does not exist");
    }

    @Test
    void pagesThatDoNotAdvanceFailInsteadOfLoopingForEver() {
        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"UserDataItem\":[],\"CompleteFlag\":0,"
                + "\"NextStartIndex\":0}");
        TransportException stuck = assertThrows(TransportException.class, () -> friends.getAllFriends("alice"));
        assertEquals(TransportException.Kind.MALFORMED_BODY, stuck.kind());
        assertTrue(stuck.getMessage().contains("NextStartIndex 0 not beyond the page's StartIndex 0"), stuck.getMessage());
        assertEquals(AccountClientTest.randomOf(server.lastRequest()), stuck.random());

        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"UserDataItem\":[]}");
        TransportException noFlag = assertThrows(TransportException.class, () -> friends.getAllFriends("alice"));
        assertTrue(noFlag.getMessage().contains("CompleteFlag -1 with NextStartIndex -1"), noFlag.getMessage());
        assertEquals(2, server.requests().size(), "one call each: nothing was guessed");
    }

    @Test
    void sequencesThatChangeBetweenPagesSayTheListChangedWhileItWasRead() throws Exception {
        server.answerWith(r -> pageOf(r, 150, 100).replace("\"StandardSequence\":5",
                r.bodyText().contains("\"StartIndex\":0") ? "\"StandardSequence\":5" : "\"StandardSequence\":9"));
        FriendList list = friends.getAllFriends("alice");
        assertTrue(list.complete());
        assertFalse(list.consistent());
    }

    @Test
    void aValueItemWithoutATagOrARepeatedTagIsAMalformedAnswer() {
        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"UserDataItem\":[{\"To_Account\":\"a\","
                + "\"ValueItem\":[{\"Value\":1}]}],\"CompleteFlag\":1}");
        TransportException noTag = assertThrows(TransportException.class,
                () -> friends.getFriends(FriendGetRequest.firstPage("alice")));
        assertEquals(TransportException.Kind.MALFORMED_BODY, noTag.kind());
        assertTrue(noTag.getMessage().contains("a ValueItem of To_Account a has no string Tag"), noTag.getMessage());

        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"UserDataItem\":[{\"To_Account\":\"a\","
                + "\"ValueItem\":[{\"Tag\":\"Tag_SNS_IM_Remark\",\"Value\":\"x\"},{\"Tag\":\"Tag_SNS_IM_Remark\","
                + "\"Value\":\"y\"}]}],\"CompleteFlag\":1}");
        TransportException twice = assertThrows(TransportException.class,
                () -> friends.getFriends(FriendGetRequest.firstPage("alice")));
        assertTrue(twice.getMessage().contains("To_Account a has the Tag Tag_SNS_IM_Remark twice"), twice.getMessage());
    }

    @Test
    void friendCheckSendsTheDocumentedRequestAndReadsEachRelation() throws Exception {
        server.answer(200, "{\"InfoItem\":[{\"To_Account\":\"b\",\"Relation\":\"CheckResult_Type_BothWay\",\"ResultCode\":0,"
                + "\"ResultInfo\":\"\"},{\"To_Account\":\"c\",\"Relation\":\"CheckResult_Type_AWithB\",\"ResultCode\":0},"
                + "{\"To_Account\":\"d\",\"Relation\":\"CheckResult_Type_BWithA\",\"ResultCode\":0},"
                + "{\"To_Account\":\"e\",\"Relation\":\"CheckResult_Type_NoRelation\",\"ResultCode\":0},"
                + "{\"To_Account\":\"f\",\"ResultCode\":30003,\"ResultInfo\":\"no such account\"}],"
                + "\"Fail_Account\":[\"f\"],\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"ErrorDisplay\":\"\"}");
        FriendCheckResponse answer = friends.checkFriends("a", List.of("b", "c", "d", "e", "f"), FriendCheckType.BOTH);
        LoopbackServer.Recorded r = server.lastRequest();
        assertEquals("/v4/sns/friend_check", r.uri.getRawPath());
        assertEquals("{\"From_Account\":\"a\",\"To_Account\":[\"b\",\"c\",\"d\",\"e\",\"f\"],"
                + "\"CheckType\":\"CheckResult_Type_Both\"}", r.bodyText());
        assertEquals(List.of(new FriendCheckItem("b", FriendRelation.BOTH_WAY, 0, ""),
                new FriendCheckItem("c", FriendRelation.A_WITH_B, 0, ""),
                new FriendCheckItem("d", FriendRelation.B_WITH_A, 0, ""),
                new FriendCheckItem("e", FriendRelation.NO_RELATION, 0, ""),
                new FriendCheckItem("f", FriendRelation.UNKNOWN, 30003, "no such account")), answer.infoItems());
        assertEquals(List.of("f"), answer.failAccounts());
        assertEquals(List.of(true, true, false, false, false),
                answer.infoItems().stream().map(i -> i.relation().fromHasTo()).toList());
        assertFalse(answer.infoItems().get(4).error().marksFromAccount(), "per item, 30003 is the To_Account's");
        assertEquals(AccountClientTest.randomOf(r), answer.random());

        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"InfoItem\":[{\"To_Account\":\"b\","
                + "\"Relation\":\"CheckResult_Type_AWithB\",\"ResultCode\":0}]}");
        CompletableFuture<FriendCheckResponse> single = friends.checkFriendsAsync("a", List.of("b"), FriendCheckType.SINGLE);
        assertEquals(FriendRelation.A_WITH_B, single.get(5, TimeUnit.SECONDS).infoItems().get(0).relation());
        assertTrue(server.lastRequest().bodyText().endsWith("\"CheckType\":\"CheckResult_Type_Single\"}"));
    }

    @Test
    void limitsAndRulesAreCheckedBeforeAnythingIsSent() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add("u" + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> friends.checkFriends("a", tooMany, FriendCheckType.BOTH));
        assertEquals("each friend_check call carries 1 to 1000 To_Accounts, got 1001", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> friends.checkFriends("x".repeat(33), List.of("b"), FriendCheckType.BOTH));
        assertThrows(IllegalArgumentException.class,
                () -> friends.checkFriends("a", List.of("b", "x".repeat(33)), FriendCheckType.BOTH));
        assertThrows(NullPointerException.class, () -> friends.checkFriends("a", List.of("b"), null));
        IllegalArgumentException from = assertThrows(IllegalArgumentException.class,
                () -> friends.getFriends(FriendGetRequest.firstPage("")));
        assertTrue(from.getMessage().startsWith("From_Account must be 1 to 32 UTF-8 bytes"), from.getMessage());
        assertThrows(IllegalArgumentException.class, () -> friends.getAllFriends("x".repeat(33)));
        assertThrows(IllegalArgumentException.class, () -> FriendGetRequest.page("a", -1));
        assertEquals(0, server.requests().size());
        assertEquals(196.0, friends.rateLimiter(ChatApi.FRIEND_GET).permitsPerSecond(), 1e-9);
        assertEquals(196.0, friends.rateLimiter(ChatApi.FRIEND_CHECK).permitsPerSecond(), 1e-9);
        assertFalse(friends.rateLimiter(ChatApi.FRIEND_GET) == friends.rateLimiter(ChatApi.FRIEND_CHECK));
    }

    @Test
    void aCancelledReadingStopsAtThePageInFlight() throws Exception {
        server.silent();
        CompletableFuture<FriendList> list = friends.getAllFriendsAsync("alice");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(list.cancel(true));
        assertThrows(java.util.concurrent.CancellationException.class, () -> list.get(1, TimeUnit.SECONDS));
        assertEquals(1, server.requests().size());
    }

    @Test
    void aTransportFailureOfAPageFailsTheReading() {
        server.answer(502, "bad gateway");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> friends.getAllFriendsAsync("alice").get(5, TimeUnit.SECONDS));
        TransportException cause = assertInstanceOf(TransportException.class, e.getCause());
        assertEquals(502, cause.httpStatus().getAsInt());
        assertTrue(cause.getMessage().startsWith("friend_get POST "), cause.getMessage());
    }
}
