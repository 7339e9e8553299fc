package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.timport.bulk.VirtualRun.Outcome;
import io.timport.testing.TestItem;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record-level rules, and the relations phase applying them before anything is sent. */
class RecordRulesTest {

    @Test
    void aRecordIsCheckedForItsItemItsFromAccountAndSelfFriendship() {
        assertNull(RecordRules.problem(ImportRecord.of("alice", new TestItem("bob"))));
        assertEquals("To_Account: bad", RecordRules.problem(ImportRecord.invalid("alice", "To_Account: bad", null, null)));
        assertEquals("From_Account must be 1 to 32 UTF-8 bytes, was 33 bytes",
                RecordRules.problem(ImportRecord.of("x".repeat(33), new TestItem("bob"))));
        assertEquals("From_Account must be 1 to 32 UTF-8 bytes, was 0 bytes",
                RecordRules.problem(ImportRecord.of("", new TestItem("bob"))));
        assertEquals("To_Account equals From_Account: a user cannot be imported as their own friend",
                RecordRules.problem(ImportRecord.of("alice", new TestItem("alice"))));
        assertSame(RecordRules.SELF_FRIEND, RecordRules.problem(ImportRecord.of("\u5361", new TestItem("\u5361"))));
    }

    @Test
    void aUserBefriendingThemselfIsInvalidInputNeverSentAndWrittenToTheFailuresFile() throws IOException {
        List<ImportRecord<TestItem>> input = List.of(
                ImportRecord.of("alice", new TestItem("bob")),
                ImportRecord.of("alice", new TestItem("alice", "me")),
                ImportRecord.of("y".repeat(33), new TestItem("carol")),
                ImportRecord.of("alice", new TestItem("carol")));

        Outcome run = new VirtualRun().run(input);

        ImportReport report = run.completed();
        assertEquals(2, report.imported());
        assertEquals(1, run.calls().size());
        assertEquals(List.of("bob", "carol"), run.calls().get(0).toAccounts(), "neither invalid record was sent");
        ImportFailure self = report.failures().get(0);
        assertEquals(2, self.position());
        assertEquals(ImportFailure.INVALID_INPUT, self.code());
        assertEquals(ImportFailure.Kind.INVALID_INPUT, self.kind());
        assertEquals(RecordRules.SELF_FRIEND, self.info());
        assertEquals("alice", self.toAccount());
        StringWriter failures = new StringWriter();
        assertEquals(0, report.writeFailures(failures), "both are written, from their items");
        assertEquals("{\"From_Account\":\"alice\",\"To_Account\":\"alice\",\"Remark\":\"me\",\"AddSource\":\"AddSource_Type_Test\"}\n"
                + "{\"From_Account\":\"" + "y".repeat(33) + "\",\"To_Account\":\"carol\",\"AddSource\":\"AddSource_Type_Test\"}\n",
                failures.toString());
    }
}
