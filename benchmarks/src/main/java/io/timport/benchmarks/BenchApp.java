package io.timport.benchmarks;

import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The app every benchmark imports into: its SDKAppID, admin, custom fields and a throw-away secret key. */
final class BenchApp {

    static final long SDK_APP_ID = 1400000000L;
    static final String ADMIN = "administrator";
    /** The simulator's {@code --custom-fields} for {@link BenchFriend}. */
    static final String CUSTOM_FIELDS = "Level:integer,Guild:string,Channel:string";

    private BenchApp() {
    }

    /** A fresh random key for one run (the simulator and the client share it; it is never printed). */
    static String newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes {@code key} to an owner-only temporary file, deleted when this JVM exits. */
    static Path keyFile(String key) throws IOException {
        Path file = Files.createTempFile("timport-bench-key", ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        file.toFile().deleteOnExit();
        Files.writeString(file, key, StandardCharsets.UTF_8);
        return file;
    }

    /** An in-process simulator of the app, with {@link BenchFriend}'s custom fields registered. */
    static SimulatorConfig.Builder simulator(String key) {
        return SimulatorConfig.builder()
                .sdkAppId(SDK_APP_ID)
                .secretKey(key)
                .admin(ADMIN)
                .customField("Level", CustomFieldType.INTEGER)
                .customField("Guild", CustomFieldType.STRING)
                .customField("Channel", CustomFieldType.STRING);
    }

    static AppConfig app(SecretKey key, URI simulatorBase) {
        return new AppConfig(SDK_APP_ID, ADMIN, key, Endpoint.of(simulatorBase));
    }
}
