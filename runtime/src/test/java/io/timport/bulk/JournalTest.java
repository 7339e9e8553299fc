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
            assertEquals(0, j.earlier().count());
            j.record(new long[] {5, 3, 4, 9, 4}, 5, List.of());
            j.record(new long[0], 0, List.of(new WorkJournal.FailedPosition(7, 30010, "Err_\"quoted\" \u597d")));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals("timport-journal 2", lines.get(0));
        assertEntry("{\"ok\":[[3,5],[9,9]],\"fail\":[]}", lines.get(1));
        assertEntry("{\"ok\":[],\"fail\":[[7,30010,\"Err_\\\"quoted\\\" \u597d\"]]}", lines.get(2));
        try (Journal j = Journal.open(file, false)) {
            PriorWork c = j.earlier();
            assertEquals(5, c.count());
            for (long p : new long[] {3, 4, 5, 7, 9}) {
                assertTrue(c.isDone(p), "position " + p);
            }
            for (long p : new long[] {1, 2, 6, 8, 10}) {
                assertFalse(c.isDone(p), "position " + p);
            }
            assertEquals(new PriorWork.Failure(30010, "Err_\"quoted\" \u597d"), c.failure(7));
            j.record(new long[] {1}, 1, List.of());
        }
        try (Journal j = Journal.open(file, false)) {
            assertEquals(6, j.earlier().count());
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
            assertEquals(2, j.earlier().count());
            assertFalse(j.earlier().isDone(3));
            j.record(new long[] {3}, 1, List.of());
        }
        try (Journal j = Journal.open(file, false)) {
            assertEquals(3, j.earlier().count());
        }
        assertEquals(3, Files.readAllLines(file).size());
    }

    @Test
    void aThreadInterruptedWhileWritingDoesNotCloseTheJournal() throws IOException {
        // The dispatcher is interrupted at the end of a run, and may be writing an answer's entries at that moment;
        // the caller's thread may be interrupted while the journal is closed. An interruptible channel would close
        // itself: the entries lost, every later write failing ("cannot append to the import journal: null").
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, false)) {
            j.record(new long[] {1}, 1, List.of());
            Thread.currentThread().interrupt();
            try {
                j.flush();
                j.record(new long[] {2}, 1, List.of());
                j.close();
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt is left for its owner");
            }
        }
        try (Journal j = Journal.open(file, false)) {
            assertTrue(j.earlier().isDone(1));
            assertTrue(j.earlier().isDone(2));
        }
    }

    @Test
    void oneImporterAtATime() throws IOException {
        Path file = dir.resolve("j");
        try (Journal first = Journal.open(file, false)) {
            JournalInUseException e = assertThrows(JournalInUseException.class, () -> Journal.open(file, false));
            assertEquals(file, e.journal());
            assertTrue(e.holder().matches("pid " + ProcessHandle.current().pid() + " on host .+, since "
                    + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), e.holder());
            first.record(new long[] {1}, 1, List.of());
        }
        try (Journal again = Journal.open(file, false)) {
            assertTrue(again.earlier().isDone(1), "the lock goes with the journal's close");
        }
        IOException refused = assertThrows(IOException.class, () -> {
            Files.writeString(file, "not a journal\n");
            Journal.open(file, false);
        });
        assertTrue(refused.getMessage().endsWith("is not a timport journal (first line is not 'timport-journal 2')"));
        Files.delete(file);
        try (Journal j = Journal.open(file, false)) {
            assertEquals(0, j.earlier().count(), "a journal refused at its opening released its lock");
        }
    }

    @Test
    void aLastLineWithABadChecksumIsDropped() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, false)) {
            j.record(new long[] {1}, 1, List.of());
        }
        Files.writeString(file, "00000000 {\"ok\":[[2,2]],\"fail\":[]}\n", StandardOpenOption.APPEND);
        try (Journal j = Journal.open(file, false)) {
            assertTrue(j.earlier().isDone(1));
            assertFalse(j.earlier().isDone(2));
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
        assertEquals(file + " is not a timport journal (first line is not 'timport-journal 2')", e.getMessage());
        assertEquals("{\"From_Account\":\"a\"}\n", Files.readString(file));
    }

    @Test
    void anEmptyFileOrATornHeaderStartsAfresh() throws IOException {
        Path file = dir.resolve("j");
        Files.writeString(file, "timport-jour");
        try (Journal j = Journal.open(file, true)) {
            assertEquals(0, j.earlier().count());
            j.record(new long[] {4}, 1, List.of());
        }
        assertEquals("timport-journal 2", Files.readAllLines(file).get(0));
        try (Journal j = Journal.open(file, false)) {
            assertTrue(j.earlier().isDone(4));
        }
    }

    private static final JournalIdentity RUN = JournalIdentity.of("adminapisgp.im.qcloud.com", 1400000000L,
            "file /data/friends.jsonl");

    @Test
    void aNewJournalRecordsWhatItBelongsToAndAResumeOfTheSameImportIsAccepted() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, false, RUN)) {
            j.record(new long[] {1, 2}, 2, List.of());
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals("timport-journal 2", lines.get(0));
        assertEntry("{\"identity\":{\"version\":2,\"host\":\"adminapisgp.im.qcloud.com\",\"sdkAppId\":1400000000,"
                + "\"input\":\"file /data/friends.jsonl\"}}", lines.get(1));
        assertEquals(RUN, JournalIdentity.read(file).orElseThrow());

        JournalIdentity sameAppOtherCase = JournalIdentity.of("AdminAPISGP.im.qcloud.com", 1400000000L,
                "file /data/friends.jsonl");
        try (Journal j = Journal.open(file, false, sameAppOtherCase)) {
            assertEquals(2, j.earlier().count());
            j.record(new long[] {3}, 1, List.of());
        }
        assertEquals(4, Files.readAllLines(file).size(), "the identity is recorded once");
        try (Journal j = Journal.open(file, false, JournalIdentity.of("adminapisgp.im.qcloud.com", 1400000000L, null))) {
            assertEquals(3, j.earlier().count(), "a run that does not describe its input is not refused for it");
        }
    }

    @Test
    void aJournalOfAnotherAppOrInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, false, RUN)) {
            j.record(new long[] {1}, 1, List.of());
        }
        String before = Files.readString(file);

        JournalMismatchException otherApp = assertThrows(JournalMismatchException.class, () -> Journal.open(file, false,
                JournalIdentity.of("adminapisgp.im.qcloud.com", 1400000001L, "file /data/friends.jsonl")));
        assertEquals("journal " + file + " belongs to an import into adminapisgp.im.qcloud.com (SDKAppID 1400000000), "
                + "not into adminapisgp.im.qcloud.com (SDKAppID 1400000001): resuming would skip relations "
                + "adminapisgp.im.qcloud.com (SDKAppID 1400000001) never received. Use another journal, or delete " + file
                + " to start over", otherApp.getMessage());
        assertEquals(file, otherApp.journal());
        assertThrows(JournalMismatchException.class, () -> Journal.open(file, false,
                JournalIdentity.of("adminapikr.im.qcloud.com", 1400000000L, "file /data/friends.jsonl")));

        JournalMismatchException otherInput = assertThrows(JournalMismatchException.class, () -> Journal.open(file,
                false, JournalIdentity.of("adminapisgp.im.qcloud.com", 1400000000L, "file /data/other.jsonl")));
        assertEquals("journal " + file + " belongs to another input (file /data/friends.jsonl), not to file "
                + "/data/other.jsonl: resuming would skip the wrong records. Use another journal, or delete " + file
                + " to start over", otherInput.getMessage());
        assertThrows(JournalMismatchException.class, () -> JournalIdentity.of("adminapisgp.im.qcloud.com", 1400000000L,
                "file /data/other.jsonl").checkResumable(file));
        assertEquals(before, Files.readString(file), "a refused journal is left as it was");
    }

    @Test
    void aJournalOfFormatOneHasNoIdentityAndIsResumedAsItIs() throws IOException {
        Path file = dir.resolve("j");
        String v1 = "timport-journal 1\n" + line("{\"ok\":[[1,3]],\"fail\":[]}");
        Files.writeString(file, v1);
        assertTrue(JournalIdentity.read(file).isEmpty());
        try (Journal j = Journal.open(file, false, RUN)) {
            assertEquals(3, j.earlier().count());
            j.record(new long[] {4}, 1, List.of());
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("timport-journal 1", lines.get(1), lines.get(2)), lines, "appended to as it is");
        assertEntry("{\"ok\":[[4,4]],\"fail\":[]}", lines.get(2));
    }

    @Test
    void anIdentityOfALaterVersionIsRefusedRatherThanHalfUnderstood() throws IOException {
        Path file = dir.resolve("j");
        Files.writeString(file, "timport-journal 2\n" + line("{\"identity\":{\"version\":3,\"host\":\"h\",\"sdkAppId\":1,"
                + "\"fingerprint\":{\"sha256\":\"00\",\"size\":9}}}"));
        IOException e = assertThrows(IOException.class, () -> Journal.open(file, false, RUN));
        assertEquals("the import journal " + file + " records its identity in version 3, which this timport does not "
                + "know (it knows up to 2): resume it with the timport that wrote it, or start a new journal",
                e.getMessage());
    }

    @Test
    void entriesAreWrittenWhenFlushedInTheOrderTheyWereNoted() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, false, RUN)) {
            j.record(new long[] {9}, 1, List.of());
            j.record(new long[] {2, 1}, 2, List.of());
            assertEquals(2, Files.readAllLines(file).size(), "noted, not written yet");
            j.flush();
            assertEquals(4, Files.readAllLines(file).size());
            j.record(new long[] {3}, 1, List.of());
        }
        List<String> lines = Files.readAllLines(file);
        assertEntry("{\"ok\":[[9,9]],\"fail\":[]}", lines.get(2));
        assertEntry("{\"ok\":[[1,2]],\"fail\":[]}", lines.get(3));
        assertEntry("{\"ok\":[[3,3]],\"fail\":[]}", lines.get(4), "closing writes what is left");
    }

    @Test
    void aCraftedEntryWithAValidChecksumButImpossiblePositionsIsAnError() throws IOException {
        Path file = dir.resolve("j");
        Files.writeString(file, "timport-journal 2\n" + line("{\"ok\":[[5,2]],\"fail\":[]}")
                + line("{\"ok\":[[1,1]],\"fail\":[]}"));
        IOException e = assertThrows(IOException.class, () -> Journal.open(file, false));
        assertEquals("malformed journal entry: range 5..2", e.getMessage());
    }

    private static String line(String json) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x %s%n", crc.getValue(), json);
    }

    private static void assertEntry(String json, String line, String message) {
        assertEquals(line(json).strip(), line, message);
    }
}
