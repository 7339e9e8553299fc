package io.timport.example;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line in this JVM, with captured output, an environment and a working directory of its own. */
final class Cli {

    /** What one run printed and returned. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(Path workDir, String... args) {
        return run(workDir, Map.of(), args);
    }

    static Result run(Path workDir, Map<String, String> env, String... args) {
        return run(workDir, env, InputStream.nullInputStream(), args);
    }

    /** With {@code stdin} as standard input. */
    static Result run(Path workDir, Map<String, String> env, InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ExampleImporter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stdin, env, workDir)
                .run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
