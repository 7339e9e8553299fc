package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.ImportRecord;
import io.timport.bulk.JsonlInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar timport-example.jar} with no options: the sample graph into the embedded simulator, over real
 * loopback HTTP at the documented 200 calls/s (about 10 s).
 */
@Order(1) // started first: the whole default demo, about 10 s (junit-platform.properties)
class DefaultRunTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultRunImportsTheSampleAndReportsItsBrokenRows() throws Exception {
        Cli.Result run = Cli.run(dir);

        assertEquals(ExampleImporter.SOME_FAILED, run.status(), run.toString());
        String out = run.out();
        assertTrue(out.contains("the embedded Chat simulator at http://127.0.0.1:"), out);
        assertTrue(out.contains("a generated sample: 500 users, 25,000 relations, 8 broken on purpose "
                + "(7 caught before sending, 1 left for the server to reject), seed 42"), out);
        assertTrue(out.contains("pace     196 calls/s (2 % under the limit), up to 1,000 relations per call"), out);
        assertTrue(out.contains("Import finished: 25,000 records, 24,992 imported, 8 failed\n"), out);
        // No retries are needed, but on a busy machine a few calls can bunch up on their way to the server and be
        // answered "throttled"; they are retried, which is what the counts above already prove.
        assertTrue(out.matches("(?s).*\nin [0-9.]+ s: [0-9,]+ calls \\([0-9.]+ calls/s\\), [0-9,]+ retries, [0-9,]+ "
                + "throttled answers\n.*"), out);
        assertTrue(out.contains("   input         7  invalid input record, never sent"), out);
        assertTrue(out.contains("   30003         1  "), out);
        assertFalse(out.contains("   30001  "), "the self-friend row is caught before sending: " + out);
        // Each broken row is listed with what is wrong with it.
        for (String problem : List.of(
                "Remark must be at most 96 UTF-8 bytes, was 108 bytes",
                "AddSource must be AddSource_Type_ followed by 1 to 8 English letters",
                "To_Account is required, was missing",
                "GroupName[0] must be 1 to 30 UTF-8 bytes, was 34 bytes",
                "AddTime must be Unix seconds from 0 to 4294967295, was -1",
                "Tag_SNS_Custom_Guild must be at most 500 UTF-8 bytes, was 510 bytes",
                "does not exist",
                "[invalid input] To_Account equals From_Account: a user cannot be imported as their own friend")) {
            assertTrue(out.contains(problem), problem + " in\n" + out);
        }
        // The proof repairs what the simulator lost, but not the relation the accounts phase held back (its friend
        // does not exist): it is not sent, so no repair is refused.
        assertTrue(out.contains("  first reading: 24,751 equal, 242 missing, 0 different\n"), out);
        assertTrue(out.contains("  repaired: 241 of 242 (imported again with "), out);
        assertTrue(out.contains("  1 not repaired: they name an account that does not exist (the accounts phase found "
                + "it missing; not sent)\n  STILL NOT AS THE INPUT: 1 missing, 0 different after the repairs\n"
                + "    record 11593: player0231 -> player0507: missing\n"), out);
        assertFalse(out.contains("repairs refused"), out);
        assertTrue(out.contains("The embedded simulator holds 24,992 relations of "), out);
        assertTrue(out.contains("8 failed relations written to timport-failures.jsonl: fix them and import them with "
                + "--input timport-failures.jsonl"), out);
        assertTrue(run.err().contains("100.0% [####################] 25,000/25,000  ok 24,992  failed 8"), run.err());

        // The failures file holds the eight rows in the --input format, so that they can be fixed and run again.
        Path failures = dir.resolve(Options.DEFAULT_FAILURES_FILE);
        List<String> lines = Files.readAllLines(failures, StandardCharsets.UTF_8);
        assertEquals(8, lines.size(), String.join("\n", lines));
        List<ImportRecord<GameFriendItem>> records;
        try (Stream<ImportRecord<GameFriendItem>> read = JsonlInput.read(failures, GameFriendItem.TYPE)) {
            records = read.collect(Collectors.toList());
        }
        assertEquals(6, records.stream().filter(r -> !r.isValid()).count(), records.toString());

        // Fed back with --input: the seven invalid lines are reported by line number; with no account list, the
        // embedded simulator takes the deleted friend.
        Cli.Result again = Cli.run(dir, "--input", "timport-failures.jsonl", "--quiet",
                "--failures-out", "still-failing.jsonl");
        assertEquals(ExampleImporter.SOME_FAILED, again.status(), again.toString());
        assertTrue(again.out().contains("Import finished: 8 records, 1 imported, 7 failed"), again.toString());
        assertTrue(again.out().contains("(timport-failures.jsonl:1)"), again.toString());
        assertFalse(again.out().contains("timport example:"), "--quiet prints no banner: " + again.out());
        assertEquals("", again.err(), "--quiet draws no progress");
        assertEquals(7, Files.readAllLines(dir.resolve("still-failing.jsonl")).size());
    }
}
