package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.simulator.ChatSimulator;
import io.timport.testsupport.TestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exit codes, error lines and {@code --help}. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void helpListsEveryOptionAndExitsWithZero() {
        Cli.Result run = Cli.run(dir, "--help");

        assertEquals(ExampleImporter.OK, run.status());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("Usage: java -jar timport-example.jar [options]\n"), run.out());
        for (String option : List.of("--input FILE", "--sample", "--users N", "--relations N", "--invalid N", "--seed N",
                "--write-sample FILE", "--region NAME", "--endpoint URI", "--sdkappid N", "--admin ID", "--key-file FILE",
                "TIMPORT_SECRET_KEY", "--rate N", "--timeout SECONDS", "--sim-latency MS", "--sim-faults P",
                "--batch-size N", "--journal FILE", "--failures-out FILE", "--show-failures N", "--quiet", "--help",
                "timport-failures.jsonl", "Exit status")) {
            assertTrue(run.out().contains(option), option);
        }
        for (String line : run.out().split("\n")) {
            assertTrue(line.length() <= 100, "fits a terminal: " + line);
        }
        assertEquals(run.out(), Cli.run(dir, "-h").out());
    }

    @Test
    void aSmallCleanSampleExitsWithZero() {
        Cli.Result run = Cli.run(dir, "--users", "100", "--relations", "2000", "--invalid", "0", "--seed", "3");

        assertEquals(ExampleImporter.OK, run.status(), run.toString());
        assertTrue(run.out().contains("Import finished: 2,000 records, 2,000 imported, 0 failed\n"), run.out());
        assertTrue(run.out().contains("The embedded simulator holds 2,000 relations of "), run.out());
        assertTrue(run.out().contains("Nothing failed: no failures file written."), run.out());
        assertFalse(Files.exists(dir.resolve(Options.DEFAULT_FAILURES_FILE)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--batch-size 0                  | --batch-size must be from 1 to 1,000, was 0 (see --help)",
        "--batch-size=many               | --batch-size must be a whole number from 1 to 1,000, was \"many\" (see --help)",
        "--rate -5                       | --rate must be from 1 to 1,000,000, was -5 (see --help)",
        "--relation 5                    | unknown option --relation (did you mean --relations?) (see --help)",
        "--sim-faults 1.5                | --sim-faults must be a probability from 0 to 1, was 1.5 (see --help)",
        "--journal                       | --journal needs a value (see --help)",
        "import.jsonl                    | unexpected argument \"import.jsonl\": options start with -- (see --help)",
        "--quiet --quiet                 | --quiet is given more than once (see --help)",
        "--input a.jsonl --sample        | --input and --sample both give the input: choose one (see --help)",
        "--input a.jsonl --seed 1        | --seed shapes the generated sample, which --input replaces (see --help)",
        "--region singapore --input a    | --sdkappid is required with --region: the app's SDKAppID from the Chat console (see --help)",
        "--region singapore --sdkappid 1400000000 | with --region, give --input FILE (or --sample to send the generated sample there on purpose) (see --help)",
        "--endpoint https://x.example --region tokyo --sdkappid 1 | --endpoint and --region both name the server: choose one (see --help)",
        "--region tokyo --sdkappid 1 --input a --sim-latency 5 | --sim-latency applies to the embedded simulator only, not with --region (see --help)",
        "--sdkappid 0                    | --sdkappid must be from 1 to 4,294,967,295, was 0 (see --help)",
        "--input missing.jsonl           | --input: no such file: missing.jsonl",
        "--input .                       | --input: . is a directory, not a file",
        "--users 10 --relations 100      | --relations 100 is too many for 10 users: at most 45 (half of all pairs, and at most 1,500 friends each); raise --users",
        "--invalid 5000                  | --invalid must be from 0 to 2,000 (at most one broken row a player), was 5,000",
        "--region mars --sdkappid 1 --input friends.jsonl | --region: unknown region \"mars\": expected one of china, singapore, seoul, tokyo, frankfurt, mumbai, silicon-valley, jakarta or a region's domain; for another data centre give its base URI instead",
        "--endpoint http://10.0.0.5 --sdkappid 1 --input friends.jsonl | --endpoint: endpoint \"http://10.0.0.5\" plain http is only allowed to a loopback host (localhost, 127.0.0.0/8, ::1); use https://10.0.0.5 instead",
        "--region tokyo --sdkappid 1 --input friends.jsonl | no secret key: give --key-file FILE, or set the environment variable TIMPORT_SECRET_KEY to the app's secret key",
        "--region tokyo --sdkappid 1 --input friends.jsonl --key-file nokey | --key-file: no such file: nokey",
        "--failures-out no/such/dir/f.jsonl | --failures-out: the directory of no/such/dir/f.jsonl does not exist",
    })
    void aBadCommandLineExitsWithOneAndOneLineSayingWhy(String args, String message) throws Exception {
        Files.writeString(dir.resolve("friends.jsonl"), "");

        Cli.Result run = Cli.run(dir, args.trim().split(" +"));

        assertEquals(ExampleImporter.FATAL, run.status(), run.toString());
        assertEquals("timport-example: " + message + "\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void aWrongKeyStopsTheImportWithOneAndNeverPrintsTheKey() throws Exception {
        try (ChatSimulator chat = TestApp.start(TestApp.simulator())) {
            String wrongKey = "not-the-app-key-5f1e3b9a77c04d2e";
            Files.writeString(dir.resolve("friends.jsonl"), "{\"From_Account\":\"alice\",\"To_Account\":\"bob\","
                    + "\"AddSource\":\"AddSource_Type_Game\"}\n", StandardCharsets.UTF_8);

            Cli.Result run = Cli.run(dir, TestChat.args(TestChat.targetOptions(chat, dir, wrongKey),
                    "--input", "friends.jsonl"));

            assertEquals(ExampleImporter.FATAL, run.status(), run.toString());
            assertTrue(run.out().contains("Import STOPPED: 1 records, 0 imported, 0 failed, 1 not done"), run.out());
            String[] errorLines = run.err().lines().filter(l -> l.startsWith("timport-example:")).toArray(String[]::new);
            assertEquals(1, errorLines.length, run.err());
            assertTrue(errorLines[0].startsWith("timport-example: the import stopped: ") && errorLines[0].contains("70009"),
                    run.err());
            assertFalse((run.out() + run.err()).contains(wrongKey), "the key is never printed");
            assertFalse((run.out() + run.err()).contains("usersig=") && !(run.out() + run.err()).contains("usersig=<redacted>"));
        }
    }

    @Test
    void theKeyCanComeFromTheEnvironment() throws Exception {
        try (ChatSimulator chat = TestApp.start(TestApp.simulator())) {
            Files.writeString(dir.resolve("friends.jsonl"), "{\"From_Account\":\"alice\",\"To_Account\":\"bob\","
                    + "\"AddSource\":\"AddSource_Type_Game\"}\n", StandardCharsets.UTF_8);

            Cli.Result run = Cli.run(dir, Map.of(Options.KEY_VARIABLE, TestApp.KEY), "--endpoint",
                    chat.baseUri().toString(), "--sdkappid", String.valueOf(TestApp.SDK_APP_ID), "--admin", TestApp.ADMIN,
                    "--input", "friends.jsonl", "--quiet");

            assertEquals(ExampleImporter.OK, run.status(), run.toString());
            assertTrue(chat.friend("alice", "bob").isPresent());
        }
    }

    @Test
    void writeSampleWritesTheInputFormatThatInputReadsBack() throws Exception {
        Cli.Result written = Cli.run(dir, "--users", "50", "--relations", "500", "--write-sample", "sample.jsonl");
        assertEquals(ExampleImporter.OK, written.status(), written.toString());
        assertEquals("Wrote the sample (500 relations of 50 users, 8 broken on purpose, seed 42) to sample.jsonl\n",
                written.out());
        List<String> lines = Files.readAllLines(dir.resolve("sample.jsonl"), StandardCharsets.UTF_8);
        assertEquals(500, lines.size());

        Cli.Result imported = Cli.run(dir, "--input", "sample.jsonl", "--quiet");

        // Six rows break a rule of the API; with no account list the simulator accepts the deleted friend, and
        // refuses the player befriending themself.
        assertEquals(ExampleImporter.SOME_FAILED, imported.status(), imported.toString());
        assertTrue(imported.out().contains("Import finished: 500 records, 493 imported, 7 failed"), imported.out());
        assertTrue(imported.out().contains("   input         6  "), imported.out());
        assertTrue(imported.out().contains("   30001         1  "), imported.out());
    }
}
