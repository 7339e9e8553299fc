package io.timport.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.errors.ErrorClass;
import io.timport.limit.SmoothRateLimiter;
import io.timport.testing.TestItem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Answers are read through a bounded subscriber: one larger than the cap fails its call as malformed, never the client
 * (issue 12 item 3), whether the server announces it with {@code Content-Length} or streams it chunked.
 */
@Timeout(120)
@Order(1) // started first: a child JVM reading 2 GB answers (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT) // each test has its own server and client (and budget): 6 s one after another
class AnswerCapTest {

    static final String OK = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ResultItem\":[{\"To_Account\":\"bob\",\"ResultCode\":0}]}";

    static ChatClient.Builder chat(URI base) {
        AppConfig app = new AppConfig(1400000888L, "administrator", SecretKey.of("answer-cap-test-key"), Endpoint.of(base));
        return ChatClient.builder(app).rateLimiter(ChatApi.FRIEND_IMPORT, new SmoothRateLimiter(1000))
                .requestTimeout(Duration.ofSeconds(10));
    }

    /** Writes {@code bytes} of a JSON answer whose ErrorInfo never ends, in 8 KiB blocks; then the rest of an OK answer. */
    static void answer(HttpExchange exchange, long bytes, boolean chunked) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] start = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] end = "\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, chunked ? 0 : bytes);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(start);
            long left = bytes - start.length - end.length;
            byte[] block = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            while (left > 0) {
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
            out.write(end);
        } catch (IOException hungUp) {
            // the client closed the connection
        } finally {
            exchange.close();
        }
    }

    @Test
    void anAnswerOverTheCapFailsItsCallAsMalformedAndTheClientGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (RawServer server = new RawServer(exchange -> {
            switch (calls.incrementAndGet()) {
                case 1 -> answer(exchange, 1 << 20, false); // 1 MiB, announced
                case 2 -> answer(exchange, 1 << 20, true);  // 1 MiB, chunked
                case 3 -> answer(exchange, 60_000, true);   // under the cap: fine
                default -> {
                    byte[] ok = OK.getBytes(StandardCharsets.UTF_8);
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(200, ok.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(ok);
                    }
                }
            }
        }); ChatClient chat = chat(server.baseUri()).maxAnswerBytes(64 * 1024).build()) {
            FriendImportClient client = chat.friendImport();
            assertEquals(64 * 1024, chat.maxAnswerBytes());

            TransportException announced = assertThrows(TransportException.class,
                    () -> client.importFriends("alice", List.of(new TestItem("bob"))));
            assertEquals(TransportException.Kind.MALFORMED_BODY, announced.kind());
            assertEquals(ErrorClass.TRANSIENT, announced.errorClass());
            assertEquals(200, announced.httpStatus().getAsInt());
            assertTrue(announced.getMessage().contains("the answer is larger than the cap of 65536 bytes (its "
                    + "Content-Length is 1048576); nothing of it was read"), announced.getMessage());
            assertTrue(announced.random() >= 0);
            assertTrue(announced.getMessage().contains("&random=" + announced.random() + "&"), announced.getMessage());

            TransportException chunked = assertThrows(TransportException.class,
                    () -> client.importFriends("alice", List.of(new TestItem("bob"))));
            assertEquals(TransportException.Kind.MALFORMED_BODY, chunked.kind());
            assertTrue(chunked.getMessage().contains("the answer is larger than the cap of 65536 bytes (more than"),
                    chunked.getMessage());
            assertTrue(chunked.bodyExcerpt().startsWith("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"xxx"),
                    "the start of what came is shown: " + chunked.bodyExcerpt());
            assertTrue(chunked.getMessage().length() < 2000, "the message stays short");

            FriendImportResponse under = client.importFriends("alice", List.of(new TestItem("bob")));
            int wrapper = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"}".length();
            assertEquals(60_000 - wrapper, under.errorInfo().length(), "an answer under the cap is read whole");
            assertTrue(client.importFriends("alice", List.of(new TestItem("bob"))).isRequestOk());
        }
    }

    @Test
    void answersReadAtOnceShareABudget() throws Exception {
        // Answer A sends 40 KB and holds its end; answer B then sends 30 KB: together they pass a 64 KiB budget, so B
        // fails (each alone is under the 48 KiB cap). Once B has failed, A ends and is an answer.
        CountDownLatch aSent = new CountDownLatch(1);
        CountDownLatch aMayEnd = new CountDownLatch(1);
        try (RawServer server = new RawServer(exchange -> {
            boolean isA = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    .contains("\"From_Account\":\"a\"");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                String start = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"";
                if (isA) {
                    out.write((start + "y".repeat(40_000)).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    aSent.countDown();
                    aMayEnd.await(20, TimeUnit.SECONDS);
                } else {
                    aSent.await(20, TimeUnit.SECONDS);
                    Thread.sleep(1000); // A's bytes have reached the client (a busy machine can take a while)
                    out.write((start + "y".repeat(30_000)).getBytes(StandardCharsets.UTF_8));
                }
                out.write("\"}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException hungUp) {
                // the client closed the connection
            } finally {
                exchange.close();
            }
        }); ChatClient chat = chat(server.baseUri()).maxAnswerBytes(48 * 1024).maxBufferedAnswerBytes(64 * 1024)
                .build()) {
            assertEquals(64 * 1024, chat.maxBufferedAnswerBytes());
            CompletableFuture<FriendImportResponse> a = chat.friendImport().importFriendsAsync("a", List.of(new TestItem("b")));
            CompletableFuture<FriendImportResponse> b = chat.friendImport().importFriendsAsync("c", List.of(new TestItem("d")));
            ExecutionException refused = assertThrows(ExecutionException.class, () -> b.get(20, TimeUnit.SECONDS));
            TransportException t = assertInstanceOf(TransportException.class, refused.getCause());
            assertEquals(TransportException.Kind.MALFORMED_BODY, t.kind());
            assertTrue(t.getMessage().contains("the answers being read at once would exceed their budget of 65536 bytes"),
                    t.getMessage());
            aMayEnd.countDown();
            assertEquals(40_000, a.get(20, TimeUnit.SECONDS).errorInfo().length(), "A fits and is read whole");
            assertTrue(chat.friendImport().importFriendsAsync("a", List.of(new TestItem("b"))).get(20, TimeUnit.SECONDS)
                    .isRequestOk(), "with both done, the budget is whole again");
        }
        assertThrows(IllegalArgumentException.class,
                () -> chat(URI.create("http://127.0.0.1:1")).maxAnswerBytes(100));
        assertThrows(IllegalArgumentException.class,
                () -> chat(URI.create("http://127.0.0.1:1")).maxAnswerBytes(8192).maxBufferedAnswerBytes(4096).build());
    }

    @Test
    void theDefaultCapIsFourMibAndHoldsALargeFriendGetPage() throws Exception {
        // 500 friends (the largest page Tencent documents) with rich fields, 32 groups each: about 1.4 MB.
        String groups = "[" + String.join(",", java.util.Collections.nCopies(32, "\"" + "g".repeat(30) + "\"")) + "]";
        StringBuilder page = new StringBuilder("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"CompleteFlag\":1,\"UserDataItem\":[");
        for (int i = 0; i < 500; i++) {
            page.append(i == 0 ? "" : ",").append("{\"To_Account\":\"friend").append(i).append("\",\"ValueItem\":[")
                    .append("{\"Tag\":\"Tag_SNS_IM_Remark\",\"Value\":\"").append("r".repeat(96)).append("\"},")
                    .append("{\"Tag\":\"Tag_SNS_IM_Group\",\"Value\":").append(groups).append("},")
                    .append("{\"Tag\":\"Tag_SNS_IM_AddWording\",\"Value\":\"").append("w".repeat(256)).append("\"},")
                    .append("{\"Tag\":\"Tag_SNS_Custom_Bio\",\"Value\":\"").append("b".repeat(500)).append("\"},")
                    .append("{\"Tag\":\"Tag_SNS_Custom_Note\",\"Value\":\"").append("n".repeat(500)).append("\"}]}");
        }
        byte[] body = page.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length > 1_300_000, body.length + " bytes");
        try (RawServer server = new RawServer(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }); ChatClient chat = chat(server.baseUri()).build()) {
            assertEquals(ChatClient.DEFAULT_MAX_ANSWER_BYTES, chat.maxAnswerBytes());
            assertEquals(4L << 20, chat.maxAnswerBytes());
            FriendGetPage read = chat.friends().getFriends(FriendGetRequest.firstPage("alice"));
            assertEquals(500, read.friends().size());
        }
    }

    /**
     * The case, at its size: a JVM with {@code -Xmx256m} gets 2 GB answers (Content-Length and chunked),
     * streamed lazily by a loopback server, and must fail those calls, not itself. Before the cap, the first ran the
     * JVM out of memory and the second hung for ever.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoGigabyteAnswersFailTheirCallsInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), HugeAnswerMain.class.getName())
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        reader.start();
        boolean ended = child.waitFor(150, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        assertTrue(ended, "the child hung:\n" + output);
        assertEquals(0, child.exitValue(), output.toString());
        String out = output.toString();
        assertTrue(out.contains("fixed: MALFORMED_BODY"), out);
        assertTrue(out.contains("its Content-Length is 2147483648); nothing of it was read"), out);
        assertTrue(out.contains("chunked: MALFORMED_BODY"), out);
        assertTrue(out.contains("then: true"), out);
        assertTrue(out.contains("DONE"), out);
    }
}
