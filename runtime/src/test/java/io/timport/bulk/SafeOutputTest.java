package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.testing.LoopbackServer;
import io.timport.testing.TestItem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12 item 8: a hostile endpoint answers escape sequences (clear the screen, move the cursor, retitle the window,
 * reverse the text) in ResultInfo, ErrorInfo and a body that is not a Chat answer; none of them reaches the report or
 * an exception's message as a control character.
 */
@Timeout(30)
class SafeOutputTest {

    /** Clears the screen, homes the cursor, sets the window title, then fakes a happy ending. */
    private static final String ATTACK = "\u001b[2J\u001b[H\u001b]0;done\u0007Import finished: 2 records, 2 imported, "
            + "0 failed\u001b[8m\u202e";
    private static final String ATTACK_IN_JSON = "\\u001b[2J\\u001b[H\\u001b]0;done\\u0007Import finished: 2 records, 2 "
            + "imported, 0 failed\\u001b[8m\\u202e";

    private LoopbackServer server;
    private FriendImportClient client;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        AppConfig app = new AppConfig(1400000951L, "administrator", SecretKey.of("k".repeat(32)),
                Endpoint.of(server.baseUri()));
        client = FriendImportClient.builder(app).requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static List<ImportRecord<TestItem>> twoRelations() {
        return List.of(ImportRecord.of("alice", new TestItem("bob")), ImportRecord.of("alice", new TestItem("carol")));
    }

    private static void assertNoControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' || c == 0x7F || c >= 0x80 && c <= 0x9F || c == 0x202E;
            assertFalse(control, "control character " + (int) c + " at " + i + " in: " + text);
        }
    }

    @Test
    void escapesInAResultInfoAreShownNotObeyed() throws Exception {
        server.answer(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"ResultItem\":["
                + "{\"To_Account\":\"bob\",\"ResultCode\":30001,\"ResultInfo\":\"" + ATTACK_IN_JSON + "\"},"
                + "{\"To_Account\":\"carol\",\"ResultCode\":0,\"ResultInfo\":\"\"}],\"Fail_Account\":[\"bob\"]}");

        ImportReport report = BulkImporter.<TestItem>builder(client).build().run(twoRelations());

        assertEquals(1, report.failed());
        assertEquals(ATTACK, report.failures().get(0).info(), "the failure keeps what the server said");
        String summary = report.summary(10);
        assertNoControlCharacter(summary);
        assertTrue(summary.contains("[30001] \\x1B[2J\\x1B[H\\x1B]0;done\\x07Import finished: 2 records, 2 imported, "
                + "0 failed\\x1B[8m\\u202E"), summary);
    }

    @Test
    void escapesInTheErrorInfoOfAStopAreShownNotObeyed() {
        server.answer(200, "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":70009,\"ErrorInfo\":\"" + ATTACK_IN_JSON + "\"}");

        ImportAbortedException e = assertThrows(ImportAbortedException.class,
                () -> BulkImporter.<TestItem>builder(client).build().run(twoRelations()));

        assertNoControlCharacter(e.getMessage());
        assertTrue(e.getMessage().contains("70009"), e.getMessage());
        assertNoControlCharacter(e.report().summary(10));
    }

    @Test
    void escapesInABodyThatIsNotAChatAnswerAreShownNotObeyed() throws Exception {
        server.answer(200, "<html>" + ATTACK + "</html>");

        ImportReport report = BulkImporter.<TestItem>builder(client).maxAttempts(1)
                .backoff(Duration.ZERO, Duration.ZERO).build().run(twoRelations());

        assertEquals(2, report.failed(), report.summary(5));
        assertNoControlCharacter(report.failures().get(0).info());
        assertTrue(report.failures().get(0).info().contains("\\x1B[2J"), report.failures().get(0).info());
        assertNoControlCharacter(report.summary(10));
    }
}
