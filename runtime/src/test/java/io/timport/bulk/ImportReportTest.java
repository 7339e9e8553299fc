package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                First 2 failures:
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
    void failuresAreWrittenInTheInputFormatAndTheUnwritableAreCounted() throws IOException {
        StringWriter out = new StringWriter();
        assertEquals(1, report(false).writeFailures(out), "record 9 has neither item nor original text");
        // the emoji is written as itself (one code point, two chars), not as \\uD83D\\uDC09 escapes
        assertEquals("{oops\n"
                + "{\"From_Account\":\"whale\",\"To_Account\":\"bob\",\"Remark\":\"\uD83D\uDC09 dragon\"}\n",
                out.toString());
    }
}
