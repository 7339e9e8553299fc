package io.timport.example;

import io.timport.simulator.ChatSimulator;
import io.timport.testsupport.TestApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options that point the command line at a simulator a test started ({@link TestApp}'s app, standing for "a
 * compatible server").
 */
final class TestChat {

    private TestChat() {
    }

    /** {@code --endpoint … --sdkappid … --admin … --key-file …} for {@code chat}, the key written into {@code dir}. */
    static List<String> targetOptions(ChatSimulator chat, Path dir, String key) throws IOException {
        Path keyFile = dir.resolve("chat.key");
        Files.writeString(keyFile, key + "\n");
        try {
            Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX: nothing to tighten
        }
        return new ArrayList<>(List.of("--endpoint", chat.baseUri().toString(), "--sdkappid",
                String.valueOf(TestApp.SDK_APP_ID), "--admin", TestApp.ADMIN, "--key-file", keyFile.toString()));
    }

    static String[] args(List<String> target, String... more) {
        List<String> all = new ArrayList<>(target);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }
}
