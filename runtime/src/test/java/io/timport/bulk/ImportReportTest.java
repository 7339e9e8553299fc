package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.wire.AddFriendItem;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportReportTest {

    record Item(String toAccount) implements AddFriendItem {
        @Override
        public void writeFields(JsonGenerator json) throws IOException {
            json.writeStringField("To_Account", toAccount);
            json.writeStringField("Remark", "\uD83D\uDC09 dragon");
        }
    }

    private static ImportReport report(boolean aborted) {
        List<ImportFailure> failures = List.of(
                new ImportFailure(3, "in.jsonl:3", null, null, ImportFailure.INVALID_INPUT,
                        "the line is not a JSON object", ImportFailure.Kind.INVALID_INPUT, null, "{oops"),
                new ImportFailure(7, null, "whale", "bob", 30010, "Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold",
                        ImportFailure.Kind.REJECTED, new Item("bob"), null),
                new ImportFailure(9, null, "alice", null, ImportFailure.INVALID_INPUT, "Null toAccount",
                        ImportFailure.Kind.INVALID_INPUT, null, null));
        return new ImportReport(20, 12, 2, 3, 5, 1, 0, Duration.ofMillis(2500), aborted, failures,
                ImportReport.meaningsOf(failures, code -> "From_Account already has the maximum of 3000 friends"));
    }

    @Test
    void theSummaryGroupsFailuresByCodeWithTheirMeaningAndListsThem() {
        assertEquals("""
                Import finished: 20 records, 12 imported, 3 failed, 2 superseded by a later record of the same pair, \
                3 completed by an earlier run
                in 2.5 s: 5 calls (2.0 calls/s), 1 retries, 0 throttled answers
                Failures by code:
                   input         2  invalid input record, never sent
                   30010         1  From_Account already has the maximum of 3000 friends
                First 2 of 3 failures:
                  record 3 (in.jsonl:3): ? -> ?: [invalid input] the line is not a JSON object
                  record 7: whale -> bob: [30010] Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold
                """, report(false).summary(2).replace(System.lineSeparator(), "\n"));
        assertEquals(Map.of(-1, 2L, 30010, 1L), report(false).failuresByCode());
        assertEquals(0, report(false).notDone());
    }

    @Test
    void aStoppedImportSaysWhatIsNotDone() {
        ImportReport r = report(true);
        assertEquals(true, r.aborted());
        assertEquals(false, r.allImported());
        assertEquals("Import STOPPED: 20 records, 12 imported, 3 failed, 2 superseded by a later record of the same "
                + "pair, 3 completed by an earlier run", r.summary(0).lines().findFirst().orElseThrow());
    }

    @Test
    void failuresAreWrittenInTheInputFormatAndWhatIsKnownOfTheRest() throws IOException {
        StringWriter out = new StringWriter();
        assertEquals(0, report(false).writeFailures(out));
        // the emoji is written as itself (one code point, two chars), not as \\uD83D\\uDC09 escapes; record 9, which
        // a builder rejected with no original text kept, is written with what is known of it (no AddSource, so that
        // importing it as it is fails again rather than importing a friend without its fields)
        assertEquals("{oops\n"
                + "{\"From_Account\":\"whale\",\"To_Account\":\"bob\",\"Remark\":\"\uD83D\uDC09 dragon\"}\n"
                + "{\"From_Account\":\"alice\"}\n",
                out.toString());
    }

    @Test
    void aFailureOfWhichNothingIsKnownIsCountedAsUnwritable() throws IOException {
        List<ImportFailure> failures = List.of(new ImportFailure(4, "big.jsonl:4", null, null,
                ImportFailure.INVALID_INPUT, "the line is 31,457,280 bytes long", ImportFailure.Kind.INVALID_INPUT, null,
                null));
        ImportReport report = new ImportReport(4, 3, 0, 0, 1, 0, 0, Duration.ZERO, false, failures, Map.of());
        StringWriter out = new StringWriter();
        assertEquals(1, report.writeFailures(out));
        assertEquals("", out.toString());
    }

    @Test
    void anInvalidUtf8LineIsWrittenBackByteForByte() throws IOException {
        byte[] line = {'{', '"', (byte) 0xE9, '"', (byte) 0xFF, '}'};
        List<ImportFailure> failures = List.of(new ImportFailure(1, "x:1", null, null, ImportFailure.INVALID_INPUT,
                "the line is not valid UTF-8", ImportFailure.Kind.INVALID_INPUT, null, RawText.decode(line, 0, 6)));
        ImportReport report = new ImportReport(1, 0, 0, 0, 0, 0, 0, Duration.ZERO, false, failures, Map.of());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("failures", ".jsonl");
        try {
            assertEquals(0, report.writeFailures(file));
            assertArrayEquals(new byte[] {'{', '"', (byte) 0xE9, '"', (byte) 0xFF, '}', '\n'},
                    java.nio.file.Files.readAllBytes(file));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void theSummaryEscapesWhatTheServerAndTheInputWrote() {
        String hostile = "\u001b[2J\u001b[H\u001b]0;owned\u0007Import finished: everything imported\r\n\u202Eevil";
        List<ImportFailure> failures = List.of(new ImportFailure(1, "in\u001b[31m.jsonl:1", "al\u009bice", "b\u0000b",
                30001, hostile, ImportFailure.Kind.REJECTED, null, null));
        ImportReport report = new ImportReport(1, 0, 0, 0, 1, 0, 0, Duration.ZERO, false, failures,
                Map.of(30001, "bad \u001b[5m parameter"));
        String summary = report.summary(5);
        for (char c : summary.toCharArray()) {
            assertTrue(c == '\n' || c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F) && c != 0x202E,
                    "no control character: " + (int) c + " in " + summary);
        }
        assertTrue(summary.contains("  record 1 (in\\x1B[31m.jsonl:1): al\\u009Bice -> b\\x00b: [30001] \\x1B[2J\\x1B[H"
                + "\\x1B]0;owned\\x07Import finished: everything imported\\r\\n\\u202Eevil\n"), summary);
        assertTrue(summary.contains("bad \\x1B[5m parameter"), summary);
        assertEquals(hostile, report.failures().get(0).info(), "the failure keeps the text as it came");
        assertEquals("a\\x1Bb", ImportReport.printable("a\u001bb"));
        String plain = "Nothing to escape: 龙之谷 \uD83D\uDC09 C:\\path";
        assertTrue(plain == ImportReport.printable(plain), "the same instance");
    }

    @Test
    void aReportThatKeepsTheFirstFailuresCountsThemAll() throws IOException {
        List<ImportFailure> kept = List.of(
                new ImportFailure(1, null, "a", "b", 30003, "no b", ImportFailure.Kind.REJECTED, new Item("b"), null),
                new ImportFailure(2, null, "a", "c", 30003, "no c", ImportFailure.Kind.REJECTED, new Item("c"), null));
        ImportReport report = new ImportReport(10, 0, 0, 0, 1, 0, 0, Duration.ofSeconds(1), false, kept, 10,
                Map.of(30003, 10L), Map.of(30003, "account does not exist"), false, false, null, 0, 0);
        assertEquals(10, report.failed());
        assertEquals(2, report.failures().size());
        assertEquals(8, report.failuresNotKept());
        assertTrue(report.summary(20).contains("First 2 of 10 failures:\n"), report.summary(20));
        assertEquals(8, report.writeFailures(new StringWriter()), "those not kept could not be written");
    }

    @Test
    void whatIsNotDoneIsToldWithOrWithoutAJournal() {
        for (boolean journaled : new boolean[] {true, false}) {
            ImportReport report = new ImportReport(10, 4, 0, 0, 1, 0, 0, Duration.ofSeconds(1), true, List.of(), 0,
                    Map.of(), Map.of(), false, journaled, null, 0, 0);
            String first = report.summary(0).lines().findFirst().orElseThrow();
            assertEquals(journaled
                    ? "Import STOPPED: 10 records, 4 imported, 0 failed, 6 not done (run again with the same journal to "
                            + "continue)"
                    : "Import STOPPED: 10 records, 4 imported, 0 failed, 6 not done (with no journal, a new run starts "
                            + "from the beginning)", first);
        }
    }
}
