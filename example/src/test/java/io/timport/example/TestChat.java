package io.timport.example;

import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A simulator started by a test, standing for "a compatible server", and the options that point the CLI at it. */
final class TestChat {

    static final long SDK_APP_ID = 1_400_000_123L;
    static final String ADMIN = "import_admin";
    static final String KEY = "example-test-key-0123456789abcdef0123456789abcdef";

    private TestChat() {
    }

    /** The app's simulator: the example's two custom fields, every account exists. */
    static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder()
                .sdkAppId(SDK_APP_ID)
                .secretKey(KEY)
                .admin(ADMIN)
                .customField("Level", CustomFieldType.INTEGER)
                .customField("Guild", CustomFieldType.STRING);
    }

    /** {@code --endpoint … --sdkappid … --admin … --key-file …} for {@code chat}, the key written into {@code dir}. */
    static List<String> targetOptions(ChatSimulator chat, Path dir, String key) throws IOException {
        Path keyFile = dir.resolve("chat.key");
        Files.writeString(keyFile, key + "\n");
        return new ArrayList<>(List.of("--endpoint", chat.baseUri().toString(), "--sdkappid", String.valueOf(SDK_APP_ID),
                "--admin", ADMIN, "--key-file", keyFile.toString()));
    }

    static String[] args(List<String> target, String... more) {
        List<String> all = new ArrayList<>(target);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }
}
