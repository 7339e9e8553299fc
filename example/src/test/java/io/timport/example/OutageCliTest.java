package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 4 from the terminal: an endpoint that answers only a maintenance page (HTML, status 200) is an
 * outage; the command line says so, probes, and stops with exit status 1 after {@code --outage-limit}, saying how to
 * resume.
 */
@Timeout(60)
class OutageCliTest {

    @TempDir
    Path dir;

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "<html><body>Down for maintenance</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Files.write(dir.resolve("friends.jsonl"), List.of(
                "{\"From_Account\":\"alice\",\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Game\"}",
                "{\"From_Account\":\"alice\",\"To_Account\":\"carol\",\"AddSource\":\"AddSource_Type_Game\"}"));
        Path key = dir.resolve("chat.key");
        Files.writeString(key, "k".repeat(32));
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aServerThatAnswersOnlyAMaintenancePageStopsTheImportAfterTheOutageLimitWithExitStatusOne() {
        Cli.Result run = Cli.run(dir, "--endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "--sdkappid", "1400000000", "--key-file", "chat.key", "--input", "friends.jsonl", "--journal",
                "import.journal", "--accounts", "off", "--outage-limit", "3", "--quiet");

        assertEquals(ExampleImporter.FATAL, run.status(), run.toString());
        assertTrue(run.err().contains("timport-example: no usable answer from the server (friend_import POST "),
                run.err());
        assertTrue(run.err().contains("nothing new is sent; one call at a time probes it, and the import stops if it"
                + " has not answered after 3 s (--outage-limit)"), run.err());
        assertTrue(run.err().contains("timport-example: the import stopped: no usable answer from the server for 3 s"
                + " (the outage limit is 3 s; the last: "), run.err());
        assertTrue(run.err().contains("what was not imported stays undone in the journal: run again with the same"
                + " journal once the server answers, to import it."), run.err());
        assertTrue(run.out().contains("2 records, 0 imported, 0 failed"), run.out());
    }
}
