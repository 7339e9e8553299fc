package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.testing.TestItem;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The input's fingerprint: what it hashes, and how a resumed run is checked against a journal's checkpoints. */
class InputFingerprintTest {

    private static final Path JOURNAL = Path.of("import.journal");

    private static List<ImportRecord<TestItem>> records(int n, String remarkOfThird) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> ImportRecord.of("u" + i % 3,
                new TestItem("f" + i, i == 3 ? remarkOfThird : null), "in.jsonl:" + i)).toList();
    }

    private static TreeMap<Long, String> checkpoints(List<ImportRecord<TestItem>> input, long... at) {
        InputFingerprint f = new InputFingerprint();
        TreeMap<Long, String> map = new TreeMap<>();
        int next = 0;
        for (int i = 0; i < input.size(); i++) {
            try {
                f.add(input.get(i));
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
            if (next < at.length && at[next] == i + 1) {
                InputFingerprint.Checkpoint c = f.snapshot();
                assertEquals(i + 1, c.records());
                map.put(c.records(), c.sha256());
                next++;
            }
        }
        return map;
    }

    private static long readAll(InputFingerprint f, List<ImportRecord<TestItem>> input) {
        Iterator<ImportRecord<TestItem>> it = f.checking(input.iterator());
        long n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    @Test
    void theContentIsHashedNotWhereItCameFrom() {
        InputFingerprint a = new InputFingerprint();
        InputFingerprint b = new InputFingerprint();
        readAll(a, records(5, null));
        readAll(b, records(5, null).stream().map(r -> ImportRecord.of(r.fromAccount(), r.item(), "elsewhere")).toList());
        assertEquals(a.snapshot(), b.snapshot(), "the origin is not part of the content");

        InputFingerprint c = new InputFingerprint();
        readAll(c, records(5, "a remark"));
        assertNotEquals(a.snapshot().sha256(), c.snapshot().sha256());

        InputFingerprint invalid = new InputFingerprint();
        readAll(invalid, List.of(ImportRecord.invalid("u1", "bad", "in:1", "{\"From_Account\":\"u1\"")));
        InputFingerprint otherText = new InputFingerprint();
        readAll(otherText, List.of(ImportRecord.invalid("u1", "bad", "in:1", "{\"From_Account\":\"u1\",")));
        assertNotEquals(invalid.snapshot().sha256(), otherText.snapshot().sha256(), "an invalid line by its text");
        assertTrue(invalid.snapshot().sha256().matches("[0-9a-f]{64}"));
    }

    @Test
    void aNewJournalExpectsNothingAndIsVerifiedFromTheStart() {
        InputFingerprint f = new InputFingerprint();
        f.expect(JOURNAL, new TreeMap<>());
        assertTrue(f.verified());
        assertEquals(4, readAll(f, records(4, null)));
        assertEquals(4, f.snapshot().records());
    }

    @Test
    void theSameInputIsVerifiedAtItsLastCheckpoint() {
        TreeMap<Long, String> journal = checkpoints(records(10, null), 4, 8);
        InputFingerprint f = new InputFingerprint();
        f.expect(JOURNAL, journal);
        assertFalse(f.verified());
        Iterator<ImportRecord<TestItem>> it = f.checking(records(12, null).iterator());
        for (int i = 0; i < 7; i++) {
            it.next();
        }
        assertFalse(f.verified(), "not before the last checkpoint");
        it.next();
        assertTrue(f.verified(), "at the last checkpoint");
        it.next();
        it.next();
        it.next();
        it.next();
        assertFalse(it.hasNext());
    }

    @Test
    void otherContentIsFoundAtTheFirstCheckpointAfterIt() {
        TreeMap<Long, String> journal = checkpoints(records(10, null), 2, 6, 10);
        InputFingerprint f = new InputFingerprint();
        f.expect(JOURNAL, journal);
        Iterator<ImportRecord<TestItem>> it = f.checking(records(10, "changed").iterator());
        it.next();
        it.next();
        it.next();
        it.next();
        it.next();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, it::next);
        JournalMismatchException mismatch = (JournalMismatchException) e.getCause();
        assertEquals("journal import.journal belongs to another input: records 3 to 6 are not those it was written for "
                + "(their SHA-256 differs). A journal identifies records by their position, so resuming it with this "
                + "input would skip the wrong records: the run stopped, and nothing of it was journaled. Import this "
                + "input with a new journal (or none), or resume this journal with the input it was written for",
                mismatch.getMessage());
        assertEquals(JOURNAL, mismatch.journal());
        assertFalse(f.verified());
    }

    @Test
    void anInputThatEndsBeforeTheLastCheckpointIsAnotherInput() {
        InputFingerprint f = new InputFingerprint();
        f.expect(JOURNAL, checkpoints(records(10, null), 10));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(f, records(7, null)));
        assertEquals("journal import.journal belongs to another input: the input ended after 7 records, but the "
                + "journal was written for an input of at least 10. A journal identifies records by their position, "
                + "so resuming it with this input would skip the wrong records: the run stopped, and nothing of it was "
                + "journaled. Import this input with a new journal (or none), or resume this journal with the input it "
                + "was written for", e.getCause().getMessage());
    }
}
