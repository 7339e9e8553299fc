package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.testing.TestItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 item 9: validate only — every rule an import applies before sending, nothing sent, no client. */
class ValidateTest {

    @TempDir
    Path dir;

    private static List<ImportRecord<TestItem>> input() {
        return List.of(
                ImportRecord.of("alice", new TestItem("bob")),
                ImportRecord.invalid("alice", "carol", "Remark must be at most 96 UTF-8 bytes, was 97 bytes", "rows:2",
                        "alice,carol,xxxx"),
                ImportRecord.of("dave", new TestItem("dave")),
                ImportRecord.of("z".repeat(33), new TestItem("bob")),
                ImportRecord.of("bob", new TestItem("alice")));
    }

    @Test
    void aValidatorNeedsNoClientAppliesEveryRuleAndSendsNothing() throws Exception {
        Path failures = dir.resolve("invalid.jsonl");
        List<ImportProgress> progress = new ArrayList<>();
        BulkImporter<TestItem> validator = BulkImporter.<TestItem>validator().failuresFile(failures)
                .progress(progress::add).build();

        ImportReport report = validator.validate(input());

        assertTrue(report.validation());
        assertEquals(5, report.records());
        assertEquals(2, report.valid());
        assertEquals(3, report.failed());
        assertFalse(report.allValid());
        assertFalse(report.allImported());
        assertEquals(0, report.imported());
        assertEquals(0, report.calls());
        assertEquals(0, report.notDone());
        assertEquals(Map.of(ImportFailure.INVALID_INPUT, 3L), report.failuresByCode());
        assertEquals(List.of(2L, 3L, 4L), report.failures().stream().map(ImportFailure::position).toList());
        assertEquals(RecordRules.SELF_FRIEND, report.failures().get(1).info());
        assertEquals("From_Account must be 1 to 32 UTF-8 bytes, was 33 bytes", report.failures().get(2).info());
        assertEquals(List.of("alice,carol,xxxx",
                "{\"From_Account\":\"dave\",\"To_Account\":\"dave\",\"AddSource\":\"AddSource_Type_Test\"}",
                "{\"From_Account\":\"" + "z".repeat(33) + "\",\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Test\"}"),
                Files.readAllLines(failures, StandardCharsets.UTF_8), "the same failures file as an import's");
        assertEquals(3, report.failuresWritten());
        assertTrue(report.summary(5).startsWith("Validation finished: 5 records, 2 valid, 3 invalid (nothing was "
                + "sent)\nin "), report.summary(5));
        assertTrue(report.summary(5).contains("Invalid records by kind:\n   input         3  "), report.summary(5));
        ImportProgress last = progress.get(progress.size() - 1);
        assertTrue(last.finished());
        assertEquals(2, last.imported(), "progress counts the valid records as done");
        assertEquals(3, last.failed());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> validator.run(input()));
        assertTrue(e.getMessage().startsWith("this importer was built by validator(), without a client"), e.getMessage());
    }

    @Test
    void aCleanInputIsAllValid() throws Exception {
        ImportReport report = BulkImporter.<TestItem>validator().build()
                .validate(Stream.of(ImportRecord.of("a", new TestItem("b"))));
        assertTrue(report.allValid());
        assertEquals(1, report.valid());
        assertTrue(report.failuresFile().isEmpty());
    }

    @Test
    void aJsonlFileIsValidatedLikeItIsImported() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, List.of("{\"From_Account\":\"a\",\"To_Account\":\"b\"}", "{\"From_Account\":\"a\",\"To_Account\":",
                "{\"From_Account\":\"c\",\"To_Account\":\"c\"}", "x".repeat(100)), StandardCharsets.UTF_8);

        ImportReport report = BulkImporter.<JsonlInputTest.Friend>validator().maxLineBytes(64)
                .progressInterval(Duration.ofMillis(1)).build().validateJsonl(in, JsonlInputTest.FRIEND);

        assertEquals(4, report.records());
        assertEquals(1, report.valid());
        assertEquals("record 2 (in.jsonl:2)", report.failures().get(0).where());
        assertEquals(RecordRules.SELF_FRIEND, report.failures().get(1).info());
        assertEquals("the line is 100 bytes long, more than the limit of 64 bytes: it was skipped unread",
                report.failures().get(2).info());
    }

    @Test
    void theFailuresFileCannotBeTheInput() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BulkImporter.<JsonlInputTest.Friend>validator().failuresFile(in).build()
                        .validateJsonl(in, JsonlInputTest.FRIEND));
        assertTrue(e.getMessage().contains("is the failures file"), e.getMessage());
    }

    @Test
    void anInputThatCannotBeReadToItsEndStopsTheValidationWithItsReport() throws IOException {
        java.io.InputStream in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(
                "{\"From_Account\":\"a\",\"To_Account\":\"b\"}\n{\"From_Account\":\"a\",\"To_Account\":\"a\"}\n"
                        .getBytes(StandardCharsets.UTF_8)), new java.io.ByteArrayInputStream(new byte[] {'{', 0}));

        ImportAbortedException e = assertThrows(ImportAbortedException.class, () -> BulkImporter
                .<JsonlInputTest.Friend>validator().build().validate(JsonlInput.read(in, "in", JsonlInputTest.FRIEND)));

        assertEquals("the input could not be read past record 2: in:3 holds a NUL byte (byte 2 of the line): the input "
                + "is not JSONL text, or it is damaged; nothing after it is read", e.getMessage());
        assertEquals(2, e.report().records());
        assertEquals(1, e.report().valid());
        assertTrue(e.report().aborted());
        assertTrue(e.report().summary(0).startsWith("Validation STOPPED: 2 records, 1 valid, 1 invalid"),
                e.report().summary(0));
    }
}
