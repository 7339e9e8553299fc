package io.timport.processor.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.ImportRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the examples of docs/bulk-import.md that need no server. */
class BulkInputExamplesTest {

    @Test
    void aRowTheBuilderRejectsKeepsItsText() {
        ImportRecord<GameFriendItem> bad = BulkInputExamples.keepTheRowsText(
                new BulkInputExamples.Row("alice", "x".repeat(40), 3, "alice,xxxx…,3"), "rows.csv:7");
        assertFalse(bad.isValid());
        assertEquals("alice,xxxx…,3", bad.rawInput());
        assertEquals("rows.csv:7", bad.origin());
        assertTrue(BulkInputExamples.keepTheRowsText(new BulkInputExamples.Row("alice", "bob", 3, ""), null).isValid());
    }

    @Test
    void theValidationExampleValidates(@TempDir Path dir) throws Exception {
        Path friends = dir.resolve("friends.jsonl");
        Files.write(friends, List.of("{\"From_Account\":\"alice\",\"To_Account\":\"alice\",\"AddSource\":\"AddSource_Type_Game\","
                + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":1}]}"), StandardCharsets.UTF_8);
        String cwd = System.getProperty("user.dir");
        try {
            assertFalse(BulkInputExamples.validateFirst(friends), "a user befriending themself");
        } finally {
            Files.deleteIfExists(Path.of(cwd, "invalid.jsonl")); // the example writes it where it runs
        }
    }
}
