package io.timport.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.errors.ErrorClass;
import io.timport.testing.LoopbackServer;
import io.timport.testing.TestItem;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates are always verified: a self-signed server on 127.0.0.1 is refused, never trusted. */
@Order(1) // started first: keytool, then a TLS server (junit-platform.properties)
class CertificateVerificationTest {

    @Test
    void refusesAServerWhoseCertificateDoesNotVerify(@TempDir Path dir) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "keytool is part of the JDK running the tests");
        Path store = dir.resolve("server.p12");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, output);

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        LoopbackServer.tuneJdkHttpServer();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        AtomicInteger served = new AtomicInteger();
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            AppConfig app = new AppConfig(1400000999L, "administrator", SecretKey.of("tls-test-key"),
                    Endpoint.of(URI.create("https://127.0.0.1:" + server.getAddress().getPort())));
            // Generous timeouts: on a busy machine the handshake itself can take seconds, and a timeout is not the
            // refusal this test is about.
            try (FriendImportClient client = FriendImportClient.builder(app).connectTimeout(Duration.ofSeconds(60))
                    .requestTimeout(Duration.ofSeconds(60)).build()) {
                TransportException e = assertThrows(TransportException.class,
                        () -> client.importFriends("alice", List.of(new TestItem("bob"))));
                assertEquals(TransportException.Kind.TLS, e.kind(), e.toString());
                assertEquals(ErrorClass.FATAL_CONFIG, e.errorClass());
                assertTrue(e.getMessage().contains("failed the TLS handshake"), e.getMessage());
            }
            assertEquals(0, served.get(), "no request reached the untrusted server");
        } finally {
            server.stop(0);
        }
    }
}
