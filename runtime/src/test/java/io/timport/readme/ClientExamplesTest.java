package io.timport.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.call.ChatApi;
import io.timport.call.ChatClient;
import io.timport.call.FriendImportClient;
import io.timport.call.FriendImportResponse;
import io.timport.call.ResultItem;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.testing.LoopbackServer;
import io.timport.testing.TestItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the examples of docs/client.md ({@link ClientExamples}) against a loopback server that answers each API. */
@Timeout(60)
class ClientExamplesTest {

    static String answer(LoopbackServer.Recorded r) {
        String path = r.uri.getRawPath();
        if (path.endsWith("/account_check")) {
            return "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ResultItem\":[{\"UserID\":\"alice\",\"ResultCode\":0,"
                    + "\"AccountStatus\":\"Imported\"},{\"UserID\":\"bob\",\"ResultCode\":0,\"AccountStatus\":\"NotImported\"}]}";
        }
        if (path.endsWith("/friend_get")) {
            return "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"UserDataItem\":[{\"To_Account\":\"bob\",\"ValueItem\":["
                    + "{\"Tag\":\"Tag_SNS_IM_Remark\",\"Value\":\"Bobby\"},{\"Tag\":\"Tag_SNS_IM_Group\",\"Value\":[\"work\"]}]}],"
                    + "\"CompleteFlag\":1,\"StandardSequence\":1,\"CustomSequence\":1,\"FriendNum\":1}";
        }
        if (path.endsWith("/friend_check")) {
            return "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"InfoItem\":[{\"To_Account\":\"bob\",\"Relation\":"
                    + "\"CheckResult_Type_BothWay\",\"ResultCode\":0},{\"To_Account\":\"carol\",\"Relation\":"
                    + "\"CheckResult_Type_NoRelation\",\"ResultCode\":0}]}";
        }
        if (path.endsWith("/friend_import")) {
            return "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ResultItem\":[{\"To_Account\":\"bob\",\"ResultCode\":0},"
                    + "{\"To_Account\":\"carol\",\"ResultCode\":30010}],\"Fail_Account\":[\"carol\"]}";
        }
        return "{\"ActionStatus\":\"OK\",\"ErrorCode\":0}";
    }

    static AppConfig app(LoopbackServer server, long sdkAppId) {
        return new AppConfig(sdkAppId, "administrator", SecretKey.of("client-examples-key"), Endpoint.of(server.baseUri()));
    }

    @Test
    void theExamplesRunAgainstALoopbackServer() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.answerWith(ClientExamplesTest::answer);
            List<TestItem> items = List.of(new TestItem("bob"), new TestItem("carol"));
            assertEquals(List.of("missing accounts: [bob]", "imported: false", "alice has 1 friends"),
                    ClientExamples.chatClient(app(server, 1400001001L), items));

            try (FriendImportClient client = ClientExamples.limiters(app(server, 1400001002L)).get(0)) {
                assertEquals(196.0, client.rateLimiter().permitsPerSecond(), 1e-9);
                ChatClient chat = ClientExamples.siblings(client);
                assertSame(client, chat.friendImport());
                assertEquals(98.0, chat.rateLimiter(ChatApi.ACCOUNT_CHECK).permitsPerSecond(), 1e-9);
                assertEquals(List.of("bob"), ClientExamples.importMissingAccounts(chat, List.of("alice", "bob")));
                assertEquals("Bobby", ClientExamples.readBack(chat).get("Tag_SNS_IM_Remark"));
                assertEquals(2, ClientExamples.check(chat).infoItems().size());
                List<String> support = ClientExamples.support(client, items);
                assertEquals(1, support.size());
                assertTrue(support.get(0).matches("carol 30010 \\(random \\d+\\)"), support.get(0));
                FriendImportResponse answer = client.importFriends("alice", items);
                assertTrue(ClientExamples.stopsTheUser(answer), "30010 marks alice");
                assertFalse(ClientExamples.stopsTheUser(new FriendImportResponse("OK", 0, "", "",
                        List.of(new ResultItem("bob", 30001, "")), List.of(), List.of())));
                server.answer(502, "down");
                assertTrue(ClientExamples.support(client, items).get(0).matches("HTTP_STATUS \\(random \\d+\\)"));
            }

            try (ChatClient chat = ClientExamples.perApiLimiters(app(server, 1400001003L), ClientExamples.quarter())) {
                assertEquals(50.0, chat.rateLimiter(ChatApi.FRIEND_IMPORT).permitsPerSecond(), 1e-9);
                assertEquals(50.0, chat.rateLimiter(ChatApi.ACCOUNT_CHECK).permitsPerSecond(), 1e-9);
                assertEquals(392.0, chat.rateLimiter(ChatApi.FRIEND_GET).permitsPerSecond(), 1e-9);
                assertEquals(98.0, chat.rateLimiter(ChatApi.MULTIACCOUNT_IMPORT).permitsPerSecond(), 1e-9);
            }
            try (ChatClient chat = ClientExamples.caps(app(server, 1400001004L))) {
                assertEquals(8L << 20, chat.maxAnswerBytes());
                assertEquals(128L << 20, chat.maxBufferedAnswerBytes());
            }
        }
    }
}
