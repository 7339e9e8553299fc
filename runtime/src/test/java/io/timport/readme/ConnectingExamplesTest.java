package io.timport.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.call.FriendImportClient;
import io.timport.call.FriendImportResponse;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.testing.LoopbackServer;
import io.timport.testing.TestItem;
import io.timport.wire.AddFriendItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the README examples that need no real Chat app, so the README stays true. */
class ConnectingExamplesTest {

    @Test
    void endpointsAreWhatTheReadmeSays() {
        List<Endpoint> e = ConnectingExamples.endpoints();
        assertEquals("https://adminapisgp.im.qcloud.com", e.get(0).toString());
        assertEquals("https://adminapiusa.im.qcloud.com", e.get(1).toString());
        assertEquals("https://adminapixyz.im.qcloud.com", e.get(2).toString());
        assertTrue(e.get(3).isLoopback());
    }

    @Test
    void everyErrorClassHasItsDecision() {
        assertEquals("done", ConnectingExamples.decide(0));
        assertEquals("renewUserSig(), retry once", ConnectingExamples.decide(70001));
        assertEquals("report the item, do not retry", ConnectingExamples.decide(30010));
        assertEquals("report it with its number; a request: retry once, then split", ConnectingExamples.decide(12345));
        assertEquals("slow down, then retry", ConnectingExamples.decide(60011));
        assertEquals("stop: fix the configuration", ConnectingExamples.decide(70009));
    }

    @Test
    void manyCallsAgainstALoopbackServer(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("chat-key");
        Files.writeString(keyFile, "readme-key\n");
        try (LoopbackServer server = new LoopbackServer()) {
            server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ResultItem\":[]}");
            AppConfig app = new AppConfig(1400000555L, "administrator", SecretKey.fromFile(keyFile),
                    Endpoint.of(server.baseUri()));
            ConnectingExamples.importOneBatch(app, List.of(new TestItem("bob")));
            try (FriendImportClient client = ConnectingExamples.timeouts(app)) {
                Map<String, List<? extends AddFriendItem>> byUser = Map.of(
                        "alice", List.of(new TestItem("bob")), "carol", List.of(new TestItem("dave")));
                List<CompletableFuture<FriendImportResponse>> answers = ConnectingExamples.importMany(client, byUser);
                for (CompletableFuture<FriendImportResponse> answer : answers) {
                    assertTrue(answer.get(5, TimeUnit.SECONDS).isRequestOk());
                }
            }
            try (FriendImportClient quarter = ConnectingExamples.rateLimits(app)) {
                assertEquals(50.0, quarter.rateLimiter().permitsPerSecond());
            }
            assertEquals(3, server.requests().size());
        }
    }
}
