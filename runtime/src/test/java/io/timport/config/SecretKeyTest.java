package io.timport.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyTest {

    static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    static byte[] reference(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void valueEnvironmentAndFileGiveTheSameKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chat.key");
        Files.writeString(file, KEY + "\n");
        byte[] expected = reference(KEY, "data");
        assertArrayEquals(expected, SecretKey.of(KEY).hmacSha256("data".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(expected, SecretKey.fromFile(file).hmacSha256("data".getBytes(StandardCharsets.UTF_8)));
        SecretKey fromEnv = SecretKey.fromEnv("TIMPORT_SECRET_KEY", Map.of("TIMPORT_SECRET_KEY", " " + KEY + " ")::get);
        assertArrayEquals(expected, fromEnv.hmacSha256("data".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aByteOrderMarkBeforeTheKeyIsNoPartOfIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chat.key");
        Files.writeString(file, "\uFEFF" + KEY + "\r\n", StandardCharsets.UTF_8);
        byte[] expected = reference(KEY, "data");
        assertArrayEquals(expected, SecretKey.fromFile(file).hmacSha256("data".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void errorsNameTheSourceNeverTheContent(@TempDir Path dir) throws Exception {
        IllegalArgumentException unset = assertThrows(IllegalArgumentException.class,
                () -> SecretKey.fromEnv("TIMPORT_SECRET_KEY", name -> null));
        assertEquals("environment variable TIMPORT_SECRET_KEY is not set: it must hold the app's secret key", unset.getMessage());

        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> SecretKey.fromEnv("K", name -> "  "));
        assertTrue(blank.getMessage().startsWith("environment variable K is empty"), blank.getMessage());

        Path empty = dir.resolve("empty.key");
        Files.writeString(empty, "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretKey.fromFile(empty));
        assertTrue(e.getMessage().startsWith("secret key file " + empty + " is empty"), e.getMessage());

        Path binary = dir.resolve("binary.key");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
        IllegalArgumentException notUtf8 = assertThrows(IllegalArgumentException.class, () -> SecretKey.fromFile(binary));
        assertEquals("secret key file " + binary + " is not UTF-8 text", notUtf8.getMessage());

        assertThrows(java.nio.file.NoSuchFileException.class, () -> SecretKey.fromFile(dir.resolve("missing.key")));
    }

    @Test
    void neverPrinted() {
        SecretKey key = SecretKey.of(KEY);
        assertEquals("SecretKey[<redacted>]", key.toString());
        AppConfig app = new AppConfig(1400000000L, "administrator", key, Region.CHINA.endpoint());
        assertFalse(app.toString().contains(KEY));
        assertEquals("AppConfig[sdkAppId=1400000000, adminIdentifier=administrator, secretKey=<redacted>, "
                + "endpoint=https://console.tim.qq.com]", app.toString());
    }

    @Test
    void appConfigValidatesItsFields() {
        SecretKey key = SecretKey.of(KEY);
        Endpoint endpoint = Region.CHINA.endpoint();
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> new AppConfig(0, "admin", key, endpoint));
        assertEquals("sdkAppId must be between 1 and 4294967295, was 0", id.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AppConfig(4294967296L, "admin", key, endpoint));
        IllegalArgumentException admin = assertThrows(IllegalArgumentException.class,
                () -> new AppConfig(1, "a".repeat(33), key, endpoint));
        assertTrue(admin.getMessage().contains("1 to 32 bytes") && admin.getMessage().contains("(33 bytes)"),
                admin.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AppConfig(1, " ", key, endpoint));
        assertThrows(NullPointerException.class, () -> new AppConfig(1, "admin", null, endpoint));
    }

    @Test
    void timeoutsDefaultAboveTheServersThreeSeconds() {
        assertTrue(Timeouts.DEFAULT.request().compareTo(Timeouts.SERVER_TIMEOUT) > 0);
        assertTrue(Timeouts.DEFAULT.connect().compareTo(Timeouts.SERVER_TIMEOUT) > 0);
        assertThrows(IllegalArgumentException.class, () -> Timeouts.DEFAULT.withRequest(java.time.Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Timeouts.DEFAULT.withConnect(java.time.Duration.ofSeconds(-1)));
    }
}
