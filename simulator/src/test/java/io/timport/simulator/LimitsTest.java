package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The limits that keep the simulator alive: body cap, bounded threads, request deadline, store bound, OOM exit. */
@Execution(ExecutionMode.CONCURRENT) // each test has a server of its own and mostly waits: they overlap
class LimitsTest {

    private static HttpResponse<String> post(ChatSimulator sim, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.friendImportUri() + "?" + Sim.query()))
                .timeout(Duration.ofSeconds(20)).POST(body).build();
        return Sim.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyOverTheCapIs413AndIsNeverRead() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().maxRequestBodyBytes(1000).build())) {
            String body = Sim.body("alice", Sim.item("bob"));
            String exactly = body + " ".repeat(1000 - body.length()); // JSON allows trailing whitespace
            assertEquals(200, post(sim, HttpRequest.BodyPublishers.ofString(exactly)).statusCode());
            assertEquals(1, sim.relationCount());
            // Declared too large (Content-Length), then streamed too large (chunked, no length).
            HttpResponse<String> declared = post(sim, HttpRequest.BodyPublishers.ofString(exactly + " "));
            assertEquals(413, declared.statusCode());
            assertTrue(declared.body().contains("413 Request Entity Too Large"), declared.body());
            assertEquals("close", declared.headers().firstValue("Connection").orElse(""));
            byte[] big = (Sim.body("carol", Sim.items("f", 0, 200))).getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> chunked = post(sim, HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(big)));
            assertEquals(413, chunked.statusCode());
            assertEquals(0, sim.friendsOf("carol").size());
            assertEquals(2, sim.stats().oversizedBodies());
            // The server goes on.
            Sim.post(sim, Sim.body("dave", Sim.item("bob"))).assertAllStored();
        }
    }

    @Test
    void theDefaultCapIsOneMebibyte() {
        assertEquals(1 << 20, Sim.config().build().maxRequestBodyBytes());
    }

    @Test
    void aBoundedStoreRefusesNewRelationsButKeepsOverwriting() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().maxStoredRelations(5).build())) {
            Sim.Answer a = Sim.post(sim, Sim.body("alice", Sim.items("f", 0, 7)));
            assertEquals(List.of("f5", 30001L, "the simulator's store is full: it holds its maximum of 5 relations "
                    + "(maxStoredRelations); a new relation is not stored, an existing one can still be overwritten"),
                    a.result(5));
            assertEquals(List.of("f5", "f6"), a.failAccounts());
            assertEquals(5, sim.relationCount());
            Sim.post(sim, Sim.body("alice", Sim.item("f0"))).assertAllStored();
            sim.clearStore();
            Sim.post(sim, Sim.body("bob", Sim.item("f0"))).assertAllStored();
        }
    }

    private static long serverThreads(ChatSimulator sim) {
        String prefix = ChatSimulator.THREAD_PREFIX + sim.port() + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    @Test
    void aClientSendingOneCallAtATimeIsServedByOneThread() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().build())) {
            for (int i = 0; i < 50; i++) {
                Sim.post(sim, Sim.body("u" + i, Sim.item("f"))).assertAllStored();
            }
            assertTrue(serverThreads(sim) <= 2, "threads: " + serverThreads(sim));
        }
    }

    @Test
    void slowConnectionsHoldAtMostTheBoundedThreadsAndAreClosedAtTheirDeadline() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().handlerThreads(4).build())) {
            assertEquals(ChatSimulator.DEFAULT_MAX_REQUEST_SECONDS,
                    System.getProperty(ChatSimulator.MAX_REQUEST_TIME_PROPERTY));
            // 4 of them hold the threads, 6 wait in the queue (16 places); more would be refused and closed at once.
            for (int i = 0; i < 10; i++) {
                Socket s = new Socket("127.0.0.1", sim.port());
                s.setSoTimeout(20_000);
                // A request line and part of the headers, then nothing.
                s.getOutputStream().write(("POST " + RestApi.FRIEND_IMPORT.path() + "?" + Sim.query()
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            Thread.sleep(500);
            assertTrue(serverThreads(sim) <= 4, "threads: " + serverThreads(sim));
            // Two seconds later, an ordinary call: it waits for a thread, which the deadline frees.
            Thread.sleep(1500);
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> ordinary = Sim.HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create(sim.friendImportUri() + "?" + Sim.query())).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(Sim.body("alice", Sim.item("bob")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> answer = ordinary.get(30, TimeUnit.SECONDS);
            new Sim.Answer(answer.statusCode(), answer.body()).assertAllStored();
            double waited = (System.nanoTime() - start) / 1e9;
            assertTrue(waited < 10, "answered once the deadline closed the slow connections: " + waited + " s");
            // Every slow connection was closed by the server: reading it ends.
            for (Socket s : slow) {
                InputStream in = s.getInputStream();
                try {
                    assertEquals(-1, in.read());
                } catch (java.net.SocketException reset) {
                    // closed with unread bytes: a reset is a close too
                }
            }
            assertTrue(serverThreads(sim) <= 4, "threads: " + serverThreads(sim));
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void asAProcessItExitsWith1OnOutOfMemory(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, Sim.KEY);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "io.timport.simulator.SimulatorMain", "--port", "0", "--secret-key-file", key.toString(),
                "--rate", "100000", "--custom-fields", "Note:string")
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("listening on "), String.valueOf(line));
            URI base = URI.create(line.substring("listening on ".length()));
            String note = ",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Note\",\"Value\":\"" + "n".repeat(400) + "\"}]";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            for (int call = 0; p.isAlive() && System.nanoTime() < deadline; call++) {
                String[] items = new String[1000];
                for (int i = 0; i < items.length; i++) {
                    items[i] = "{\"To_Account\":\"f" + i + "\",\"AddSource\":\"AddSource_Type_T\"" + note + "}";
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + RestApi.FRIEND_IMPORT.path() + "?"
                        + Sim.query())).timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(Sim.body("user" + call, items))).build();
                try {
                    Sim.HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                } catch (java.io.IOException e) {
                    // the process died under us: the loop ends
                }
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process ends by itself after running out of memory");
            assertEquals(1, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertTrue(err.contains("timport simulator: out of memory; exiting with status 1"), err);
    }
}
