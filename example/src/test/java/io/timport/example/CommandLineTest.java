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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exit codes, error lines, {@code --help} and {@code --version}. */
@Order(1) // started first: fifty runs of the command line (junit-platform.properties)
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void helpListsEveryOptionAndExitsWithZero() {
        Cli.Result run = Cli.run(dir, "--help");

        assertEquals(ExampleImporter.OK, run.status());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("Usage: java -jar timport-example.jar [options]\n"), run.out());
        for (String option : List.of("--input=FILE", "--sample", "--users=N", "--relations=N", "--invalid=N", "--seed=N",
                "--write-sample=FILE", "--region=NAME", "--endpoint=URI", "--sdkappid=N", "--admin=ID", "--key-file=FILE",
                "TIMPORT_SECRET_KEY", "--rate=N", "--timeout=SECONDS", "--sim-latency=MS", "--sim-faults=P",
                "--batch-size=N", "--journal=FILE", "--failures-out=FILE", "--show-failures=N", "--quiet", "--help",
                "--pacing=MODE", "--outage-limit=SECONDS",
                "--accounts=MODE", "--accounts-file=FILE", "--missing-accounts-out=FILE",
                "--version", "timport-failures.jsonl", "Exit status:", "Input (default: the generated sample):",
                "Target (default: the embedded simulator):", "Embedded simulator only:", "Import:")) {
            assertTrue(run.out().contains(option), option);
        }
        for (String status : List.of("   0   every relation was imported", "   1   the run stopped early",
                "   2   the import reached its end, but some relations failed", "  64   a usage error")) {
            assertTrue(run.out().contains(status), status + " in\n" + run.out());
        }
        for (String line : run.out().split("\n")) {
            assertTrue(line.length() <= Options.HELP_WIDTH, "fits an 80-column terminal: " + line);
        }
        assertEquals(run.out(), Cli.run(dir, "-h").out());
    }

    @Test
    void versionPrintsTheBuildsVersionAndExitsWithZero() {
        Cli.Result run = Cli.run(dir, "--version");

        assertEquals(ExampleImporter.OK, run.status());
        assertEquals("", run.err());
        assertTrue(run.out().matches("timport example [0-9][^\\s]*\nJava [^\n]+\n"), run.out());
        assertFalse(run.out().contains("${"), "the version is filtered in by the build: " + run.out());
        assertEquals(run.out(), Cli.run(dir, "-V").out());
    }

    @Test
    void valuesComeAfterASpaceOrAnEqualsSign() {
        // (with --verify off: reading every relation back is not the point)
        Cli.Result spaced = Cli.run(dir, "--users", "100", "--relations", "1,000", "--invalid", "0", "--rate", "500",
                "--verify", "off", "--quiet");
        Cli.Result joined = Cli.run(dir, "--users=100", "--relations=1_000", "--invalid=0", "--rate=500", "--verify=off",
                "--quiet");

        assertEquals(ExampleImporter.OK, spaced.status(), spaced.toString());
        assertEquals(ExampleImporter.OK, joined.status(), joined.toString());
        for (Cli.Result run : List.of(spaced, joined)) {
            assertTrue(run.out().contains("Import finished: 1,000 records, 1,000 imported, 0 failed\n"), run.out());
            assertTrue(run.out().contains("(its limit: 500)"), run.out());
        }
    }

    @Test
    void aSmallCleanSampleExitsWithZero() {
        Cli.Result run = Cli.run(dir, "--users", "100", "--relations", "1000", "--invalid", "0", "--seed", "3",
                "--rate", "2000"); // not a test of pacing

        assertEquals(ExampleImporter.OK, run.status(), run.toString());
        assertTrue(run.out().contains("Import finished: 1,000 records, 1,000 imported, 0 failed\n"), run.out());
        assertTrue(run.out().contains("The embedded simulator holds 1,000 relations of "), run.out());
        assertTrue(run.out().contains("Nothing failed: no failures file written."), run.out());
        assertFalse(Files.exists(dir.resolve(Options.DEFAULT_FAILURES_FILE)));
    }

    /** Anything the command line alone shows to be wrong is a usage error: status 64 (it was 1 before picocli). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--batch-size 0                  | --batch-size must be from 1 to 1,000, was 0",
        "--batch-size=many               | --batch-size must be a whole number from 1 to 1,000, was \"many\"",
        "--rate -5                       | --rate must be from 1 to 1,000,000, was -5",
        "--relation 5                    | unknown option --relation (did you mean --relations?)",
        "--relation=5                    | unknown option --relation (did you mean --relations?)",
        "-x                              | unknown option -x",
        "--sim-faults 1.5                | --sim-faults must be a probability from 0 to 1, was 1.5",
        "--journal                       | --journal needs a value",
        "--journal --quiet               | --journal needs a value",
        "--journal=                      | --journal must not be empty",
        "--quiet=yes                     | --quiet takes no value",
        "import.jsonl                    | unexpected argument \"import.jsonl\": options start with --",
        "--quiet --quiet                 | --quiet is given more than once",
        "--rate 5 --rate=6               | --rate is given more than once",
        "--input a.jsonl --sample        | --input and --sample both give the input: choose one",
        "--input a.jsonl --seed 1        | --seed shapes the generated sample, which --input replaces",
        "--region singapore --input a    | --sdkappid is required with --region: the app's SDKAppID from the Chat console",
        "--region singapore --sdkappid 1400000000 | with --region, give --input FILE (or --sample to send the generated sample there on purpose)",
        "--endpoint https://x.example --region tokyo --sdkappid 1 | --endpoint and --region both name the server: choose one",
        "--region tokyo --sdkappid 1 --input a --sim-latency 5 | --sim-latency applies to the embedded simulator only, not with --region",
        "--sdkappid 0                    | --sdkappid must be from 1 to 4,294,967,295, was 0",
        "--users 10 --relations 100      | --relations 100 is too many for 10 users: at most 45 (half of all pairs, and at most 1,500 friends each); raise --users",
        "--invalid 5000                  | --invalid must be from 0 to 500 (at most one broken row a player), was 5,000",
        "--region mars --sdkappid 1 --input friends.jsonl | --region: unknown region \"mars\": expected one of china, singapore, seoul, tokyo, frankfurt, mumbai, silicon-valley, jakarta or a region's domain; for another data centre give its base URI instead",
        "--endpoint http://10.0.0.5 --sdkappid 1 --input friends.jsonl | --endpoint: endpoint \"http://10.0.0.5\" plain http is only allowed to a loopback host (localhost, 127.0.0.0/8, ::1); use https://10.0.0.5 instead",
        "--endpoint http://127.0.0.1:99999 --sdkappid 1 --input friends.jsonl | --endpoint: endpoint \"http://127.0.0.1:99999\" has port 99999: a TCP port is 1 to 65535",
        "--max-line-bytes 10             | --max-line-bytes must be from 64 to 2,147,483,639, was 10",
        "--validate-only=yes             | --validate-only takes no value",
        "--pacing fast                   | --pacing must be window or pause, was \"fast\"",
        "--outage-limit 0                | --outage-limit must be from 1 to 604,800, was 0",
        "--accounts create               | --accounts must be check, import or off, was \"create\"",
        "--input - --accounts check      | --accounts check reads the input twice, and standard input can be read once: give --input FILE, or --accounts off",
        "--validate-only --accounts off  | --accounts applies to an import; --validate-only sends nothing",
        "--accounts off --accounts-file a.jsonl | --accounts-file needs the accounts phase: --accounts check or import",
        "--input - --missing-accounts-out m.jsonl | --missing-accounts-out needs the accounts phase: --accounts check or import, and --input FILE",
    })
    void aBadCommandLineIsAUsageErrorWith64AndOneLineSayingWhy(String args, String message) throws Exception {
        Files.writeString(dir.resolve("friends.jsonl"), "");

        Cli.Result run = Cli.run(dir, args.trim().split(" +"));

        assertEquals(ExampleImporter.USAGE, run.status(), run.toString());
        assertEquals("timport-example: " + message + " (see --help)\n", run.err());
        assertEquals("", run.out());
    }

    /** What the command line cannot know, the files and the environment, stops the run early: status 1. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--input missing.jsonl           | --input: no such file: missing.jsonl",
        "--input .                       | --input: . is a directory, not a file",
        "--region tokyo --sdkappid 1 --input friends.jsonl | no secret key: give --key-file FILE, or set the environment variable TIMPORT_SECRET_KEY to the app's secret key",
        "--region tokyo --sdkappid 1 --input friends.jsonl --key-file nokey | --key-file: no such file: nokey",
        "--failures-out no/such/dir/f.jsonl | --failures-out: the directory of no/such/dir/f.jsonl does not exist",
        "--region tokyo --sdkappid 1 --input friends.jsonl --key-file 5f1e3b9a77c04d2e8a1b | --key-file: no such file: (a value of 20 characters with no / or ., not printed: it may be the key itself; --key-file takes the name of a file that holds the key)",
    })
    void anUnusableFileOrMissingKeyStopsTheRunWithOneAndOneLineSayingWhy(String args, String message)
            throws Exception {
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
            assertTrue(run.out().contains("Import STOPPED: 1 records, 0 imported, 0 failed, 1 not done (with no journal, "
                    + "a new run starts from the beginning)"), run.out());
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

        // Seven rows break a rule (six the item's, one the record's: a player befriending themself); with no account
        // list the simulator accepts the deleted friend.
        assertEquals(ExampleImporter.SOME_FAILED, imported.status(), imported.toString());
        assertTrue(imported.out().contains("Import finished: 500 records, 493 imported, 7 failed"), imported.out());
        assertTrue(imported.out().contains("   input         7  "), imported.out());
        assertFalse(imported.out().contains("   30001  "), imported.out());
    }

    @Test
    void aKeyFileOthersCanReadIsWarnedAboutAndOneWithAByteOrderMarkWorks() throws Exception {
        try (ChatSimulator chat = TestApp.start(TestApp.simulator())) {
            Files.writeString(dir.resolve("friends.jsonl"), "{\"From_Account\":\"alice\",\"To_Account\":\"bob\","
                    + "\"AddSource\":\"AddSource_Type_Game\"}\n", StandardCharsets.UTF_8);
            Path key = dir.resolve("bom.key");
            Files.writeString(key, "\uFEFF" + TestApp.KEY + "\r\n", StandardCharsets.UTF_8); // as Notepad saves it
            Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

            Cli.Result run = Cli.run(dir, "--endpoint", chat.baseUri().toString(), "--sdkappid",
                    String.valueOf(TestApp.SDK_APP_ID), "--admin", TestApp.ADMIN, "--key-file", "bom.key",
                    "--input", "friends.jsonl", "--quiet");

            assertEquals(ExampleImporter.OK, run.status(), "the byte-order mark is no part of the key: " + run);
            assertEquals("timport-example: warning: --key-file bom.key can be read by other users of this machine "
                    + "(rw-r--r--): chmod 600 bom.key\n", run.err());
            assertTrue(chat.friend("alice", "bob").isPresent());
        }
    }

    @Test
    void validateOnlyChecksEveryRuleSendsNothingAndNeedsNoKey() throws Exception {
        Cli.Result run = Cli.run(dir, "--users", "100", "--relations", "2000", "--validate-only",
                "--region", "singapore", "--sdkappid", "1400000000");

        assertEquals(ExampleImporter.SOME_FAILED, run.status(), run.toString());
        String out = run.out();
        assertTrue(out.startsWith("timport example: validating a game's friend lists with "
                + "GameFriendImporter.validator()\n"), out);
        assertTrue(out.contains("(7 to be caught here, 1 only the server can catch)"), out);
        assertTrue(out.contains("nothing is sent, no key is needed, the target is not contacted"), out);
        assertTrue(out.contains("Validation finished: 2,000 records, 1,993 valid, 7 invalid (nothing was sent)\n"), out);
        assertTrue(out.contains("To_Account equals From_Account: a user cannot be imported as their own friend"), out);
        assertTrue(out.contains("7 failed relations written to timport-failures.jsonl: fix them and validate again with "
                + "--input timport-failures.jsonl"), out);
        assertEquals(7, Files.readAllLines(dir.resolve(Options.DEFAULT_FAILURES_FILE)).size());

        Files.write(dir.resolve("clean.jsonl"), List.of("{\"From_Account\":\"a\",\"To_Account\":\"b\","
                + "\"AddSource\":\"AddSource_Type_Game\"}"), StandardCharsets.UTF_8);
        Cli.Result clean = Cli.run(dir, "--input", "clean.jsonl", "--validate-only", "--quiet");
        assertEquals(ExampleImporter.OK, clean.status(), clean.toString());
        assertTrue(clean.out().startsWith("Validation finished: 1 records, 1 valid, 0 invalid (nothing was sent)\n"),
                clean.out());
    }
}
