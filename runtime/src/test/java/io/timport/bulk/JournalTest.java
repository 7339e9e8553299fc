package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void recordsSurviveReopeningWithRangesAndFailures() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, false)) {
            assertEquals(0, j.completed().count());
            j.record(new long[] {5, 3, 4, 9, 4}, 5, List.of());
            j.record(new long[0], 0, List.of(new Journal.FailedPosition(7, 30010, "Err_\"quoted\" \u597d")));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals("timport-journal 1", lines.get(0));
        assertEntry("{\"ok\":[[3,5],[9,9]],\"fail\":[]}", lines.get(1));
        assertEntry("{\"ok\":[],\"fail\":[[7,30010,\"Err_\\\"quoted\\\" \u597d\"]]}", lines.get(2));
        try (Journal j = Journal.open(file, false)) {
            Journal.Completed c = j.completed();
            assertEquals(5, c.count());
            for (long p : new long[] {3, 4, 5, 7, 9}) {
                assertTrue(c.isDone(p), "position " + p);
            }
            for (long p : new long[] {1, 2, 6, 8, 10}) {
                assertFalse(c.isDone(p), "position " + p);
            }
            assertEquals(new Journal.PriorFailure(30010, "Err_\"quoted\" \u597d"), c.failures.get(7L));
            j.record(new long[] {1}, 1, List.of());
        }
        try (Journal j = Journal.open(file, false)) {
            assertEquals(6, j.completed().count());
        }
    }

    private static void assertEntry(String json, String line) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(String.format("%08x %s", crc.getValue(), json), line);
    }

    @Test
    void aTornLastLineIsDroppedAndCutOffBeforeAppending() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, false)) {
            j.record(new long[] {1, 2}, 2, List.of());
        }
        Files.writeString(file, "0badf00d {\"ok\":[[3,", StandardOpenOption.APPEND); // killed mid-write
        try (Journal j = Journal.open(file, false)) {
            assertEquals(2, j.completed().count());
            assertFalse(j.completed().isDone(3));
            j.record(new long[] {3}, 1, List.of());
        }
        try (Journal j = Journal.open(file, false)) {
            assertEquals(3, j.completed().count());
        }
        assertEquals(3, Files.readAllLines(file).size());
    }

    @Test
    void aLastLineWithABadChecksumIsDropped() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, false)) {
            j.record(new long[] {1}, 1, List.of());
        }
        Files.writeString(file, "00000000 {\"ok\":[[2,2]],\"fail\":[]}\n", StandardOpenOption.APPEND);
        try (Journal j = Journal.open(file, false)) {
            assertTrue(j.completed().isDone(1));
            assertFalse(j.completed().isDone(2));
        }
    }

    @Test
    void damageBeforeTheLastLineIsAnError() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, false)) {
            j.record(new long[] {1}, 1, List.of());
            j.record(new long[] {2}, 1, List.of());
        }
        List<String> lines = Files.readAllLines(file);
        lines.set(1, lines.get(1).replace("[[1,1]]", "[[1,9]]"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> Journal.open(file, false));
        assertEquals("the import journal " + file + " is damaged at line 2 (checksum mismatch)", e.getMessage());
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedAndLeftAlone() throws IOException {
        Path file = dir.resolve("friends.jsonl");
        Files.writeString(file, "{\"From_Account\":\"a\"}\n");
        IOException e = assertThrows(IOException.class, () -> Journal.open(file, false));
        assertEquals(file + " is not a timport journal (first line is not 'timport-journal 1')", e.getMessage());
        assertEquals("{\"From_Account\":\"a\"}\n", Files.readString(file));
    }

    @Test
    void anEmptyFileOrATornHeaderStartsAfresh() throws IOException {
        Path file = dir.resolve("j");
        Files.writeString(file, "timport-jour");
        try (Journal j = Journal.open(file, true)) {
            assertEquals(0, j.completed().count());
            j.record(new long[] {4}, 1, List.of());
        }
        assertEquals("timport-journal 1", Files.readAllLines(file).get(0));
        try (Journal j = Journal.open(file, false)) {
            assertTrue(j.completed().isDone(4));
        }
    }
}
