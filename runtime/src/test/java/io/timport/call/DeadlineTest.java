package io.timport.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.timport.errors.ErrorClass;
import io.timport.testing.TestItem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The request timeout is a deadline for the whole call: connecting, the headers and the body (issue 12 item 6). A
 * server that sends its headers and then one byte a second fails the call at the deadline; before, it held the call
 * (and the import) for ever.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has a server of its own and mostly waits: they overlap
@Order(1) // started first: its four 2 s deadlines (junit-platform.properties)
class DeadlineTest {

    static final String OK = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ResultItem\":[{\"To_Account\":\"bob\",\"ResultCode\":0}]}";

    /** Headers at once, then the body one byte every {@code pauseMillis}. */
    static void trickle(HttpExchange exchange, boolean chunked, long pauseMillis) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = OK.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(pauseMillis);
            }
        } catch (IOException | InterruptedException hungUp) {
            // the client gave up: what it should do
        } finally {
            exchange.close();
        }
    }

    // Each case is a test of its own, so that the four 2 s deadlines run side by side (one after another, they made
    // this the runtime's last class to finish, 8 s after the others, with nothing else for the build to do).

    @Test
    void aBodyTrickledOneByteASecondFailsTheCallAtTheDeadline() throws Exception {
        trickledBodyFailsAtTheDeadline(false);
    }

    @Test
    void aChunkedBodyTrickledOneByteASecondFailsTheCallAtTheDeadline() throws Exception {
        trickledBodyFailsAtTheDeadline(true);
    }

    @Test
    void anAsynchronousCallWithATrickledBodyFailsAtTheDeadlineToo() throws Exception {
        asynchronousTrickledBodyFailsAtTheDeadline(false);
    }

    @Test
    void anAsynchronousCallWithATrickledChunkedBodyFailsAtTheDeadlineToo() throws Exception {
        asynchronousTrickledBodyFailsAtTheDeadline(true);
    }

    private static void trickledBodyFailsAtTheDeadline(boolean chunked) throws Exception {
        try (RawServer server = new RawServer(exchange -> trickle(exchange, chunked, 1000));
                // 2 s: the headers come at once, but a busy machine can take a second to send them
                ChatClient chat = AnswerCapTest.chat(server.baseUri()).requestTimeout(Duration.ofSeconds(2)).build()) {
            FriendImportClient client = chat.friendImport();
            long start = System.nanoTime();
            TransportException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> assertThrows(TransportException.class,
                            () -> client.importFriends("alice", List.of(new TestItem("bob")))));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(TransportException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertEquals(ErrorClass.TRANSIENT, e.errorClass());
            assertEquals(200, e.httpStatus().getAsInt(), "the headers had come");
            assertTrue(millis >= 1900 && millis < 10_000, "failed after " + millis + " ms, at the 2 s deadline");
            assertTrue(e.getMessage().contains("answered HTTP 200 but its body did not finish within the request "
                    + "timeout of PT2S"), e.getMessage());
            assertTrue(e.random() >= 0);
        }
    }

    private static void asynchronousTrickledBodyFailsAtTheDeadline(boolean chunked) throws Exception {
        try (RawServer server = new RawServer(exchange -> trickle(exchange, chunked, 1000));
                ChatClient chat = AnswerCapTest.chat(server.baseUri()).requestTimeout(Duration.ofSeconds(2)).build()) {
            FriendImportClient client = chat.friendImport();
            ExecutionException async = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> assertThrows(ExecutionException.class,
                            () -> client.importFriendsAsync("alice", List.of(new TestItem("bob")))
                                    .get(10, TimeUnit.SECONDS)));
            assertEquals(TransportException.Kind.TIMEOUT,
                    assertInstanceOf(TransportException.class, async.getCause()).kind());
        }
    }

    @Test
    void aSlowBodyThatEndsBeforeTheDeadlineIsAnAnswer() throws Exception {
        // About a second of trickling (5 ms a byte) against a deadline of 30 s: a margin for a busy machine.
        try (RawServer server = new RawServer(exchange -> trickle(exchange, true, 5));
                ChatClient chat = AnswerCapTest.chat(server.baseUri()).requestTimeout(Duration.ofSeconds(30)).build()) {
            FriendImportResponse answer = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> chat.friendImport().importFriends("alice", List.of(new TestItem("bob"))));
            assertTrue(answer.isFullSuccess());
        }
    }

    @Test
    void headersThatNeverComeFailAtTheDeadlineToo() throws Exception {
        try (RawServer server = new RawServer(exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException stopped) {
                // the server is closing
            }
            exchange.close();
        }); ChatClient chat = AnswerCapTest.chat(server.baseUri()).requestTimeout(Duration.ofSeconds(1)).build()) {
            long start = System.nanoTime();
            TransportException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> assertThrows(TransportException.class,
                            () -> chat.friendImport().importFriends("alice", List.of(new TestItem("bob")))));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 900 && millis < 5000, millis + " ms");
            assertTrue(e.kind() == TransportException.Kind.TIMEOUT || e.kind() == TransportException.Kind.CONNECT,
                    e.kind() + ": " + e.getMessage());
        }
    }
}
