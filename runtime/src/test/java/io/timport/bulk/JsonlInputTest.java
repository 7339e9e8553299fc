package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.wire.AddFriendItem;
import io.timport.wire.InvalidItemException;
import io.timport.wire.ItemType;
import io.timport.wire.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonlInputTest {

    record Friend(String toAccount) implements AddFriendItem {
        @Override
        public void writeFields(JsonGenerator json) {
        }
    }

    /** An item type with one field, To_Account; anything else is an unknown field. */
    static final ItemType<Friend> FRIEND = ItemType.of(Friend.class, List.of(), fields -> {
        for (String name : fields.keySet()) {
            if (!name.equals("To_Account")) {
                throw new InvalidItemException(null, List.of(new Violation(name, "is not a field", "present")));
            }
        }
        Object to = fields.get("To_Account");
        if (!(to instanceof String)) {
            throw new InvalidItemException(null, List.of(new Violation("To_Account", "is required", "missing")));
        }
        return new Friend((String) to);
    });

    private static List<ImportRecord<Friend>> read(byte[] bytes) {
        try (Stream<ImportRecord<Friend>> records =
                JsonlInput.read(new ByteArrayInputStream(bytes), "in.jsonl", FRIEND)) {
            return records.collect(Collectors.toList());
        }
    }

    private static List<ImportRecord<Friend>> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOneRelationALineNumberingLinesFromOne() {
        List<ImportRecord<Friend>> records = read(
                "{\"From_Account\":\"alice\",\"To_Account\":\"bob\"}\r\n"
                        + "\n"
                        + "   \n"
                        + "{\"To_Account\":\"\u5361\u7f57\u5c14\",\"From_Account\":\"dave\"}");
        assertEquals(2, records.size(), "blank lines are no records");
        assertTrue(records.get(0).isValid());
        assertEquals("alice", records.get(0).fromAccount());
        assertEquals(new Friend("bob"), records.get(0).item());
        assertEquals("in.jsonl:1", records.get(0).origin());
        assertEquals(new Friend("\u5361\u7f57\u5c14"), records.get(1).item());
        assertEquals("in.jsonl:4", records.get(1).origin(), "no newline after the last line");
    }

    @Test
    void everyBadLineBecomesAnInvalidRecordNamingItsProblemAndTheRestIsRead() {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes("{\"From_Account\":\"a\",\"To_Account\":\"b\"}\n".getBytes(StandardCharsets.UTF_8));
        in.writeBytes(new byte[] {'{', '"', (byte) 0xC3, '"', '}', '\n'});
        in.writeBytes(("not json\n"
                + "{\"From_Account\":\"a\",\"To_Account\":\"b\"} {}\n"
                + "{\"To_Account\":\"b\"}\n"
                + "{\"From_Account\":7,\"To_Account\":\"b\"}\n"
                + "{\"From_Account\":\"a\",\"To_Account\":\"b\",\"Colour\":\"red\"}\n"
                + "{\"From_Account\":\"a\",\"From_Account\":\"b\"}\n"
                + "[1,2]\n"
                + "{\"From_Account\":\"z\",\"To_Account\":\"y\"}\n").getBytes(StandardCharsets.UTF_8));
        List<ImportRecord<Friend>> records = read(in.toByteArray());
        assertEquals(10, records.size());
        assertTrue(records.get(0).isValid());
        assertInvalid(records.get(1), "in.jsonl:2", "the line is not valid UTF-8: byte 3 of the line (0xC3)");
        assertInvalid(records.get(2), "in.jsonl:3", "the line is not valid JSON at column 1: unexpected 'not' (text "
                + "values need double quotes; the only bare words are true, false and null)");
        assertInvalid(records.get(3), "in.jsonl:4", "the line holds more than one JSON value: more follows the object, "
                + "at column 39");
        assertInvalid(records.get(4), "in.jsonl:5", "From_Account is required, was missing");
        assertInvalid(records.get(5), "in.jsonl:6", "From_Account must be a string, was the number 7");
        assertInvalid(records.get(6), "in.jsonl:7", "Invalid friend item, 1 problem: Colour is not a field, was present");
        assertEquals("a", records.get(6).fromAccount(), "the From_Account is kept when it could be read");
        assertEquals("{\"From_Account\":\"a\",\"To_Account\":\"b\",\"Colour\":\"red\"}", records.get(6).rawInput());
        assertInvalid(records.get(7), "in.jsonl:8", "the line is not a JSON object: duplicate field \"From_Account\"");
        assertInvalid(records.get(8), "in.jsonl:9", "the line is not a JSON object: expected a JSON object, found '['");
        assertTrue(records.get(9).isValid());
        assertEquals("in.jsonl:10", records.get(9).origin());
    }

    @Test
    void brokenJsonIsToldInPlainWordsWithItsColumnNeverWithTheParsersInternals() {
        String[][] cases = {
            {"{\"From_Account\":\"alice\",\"To_Account\":", "the line is not valid JSON at column 38: the line ends "
                    + "before the object is closed (a value, a \" or a } is missing)"},
            {"{\"From_Account\":\"alice", "the line is not valid JSON at column 23: the line ends inside a text value "
                    + "(its closing \" is missing)"},
            {"{From_Account:1}", "the line is not valid JSON at column 2: expected a field name in double quotes, "
                    + "found 'F'"},
            {"{\"a\" 1}", "the line is not valid JSON at column 6: expected : after a field name, found '1'"},
            {"{\"a\":1 \"b\":2}", "the line is not valid JSON at column 8: expected , or } after a value, found '\"' "
                    + "(a comma is missing?)"},
            {"{\"a\":}", "the line is not valid JSON at column 6: expected a value, found '}'"},
            {"{\"a\":1,}", "the line is not valid JSON at column 8: a comma is followed by } (a field is missing, or "
                    + "the comma is one too many)"},
            {"{\"a\":\"x\ty\"}", "the line is not valid JSON at column 8: a text value holds a control character "
                    + "(the control character 0x09), which JSON requires to be written as an escape such as \\t or \\n"},
            {"{\"a\":\"\\q\"}", "the line is not valid JSON at column 8: \\q is not a JSON escape (write \\\\ for a "
                    + "backslash)"},
            {"{\"a\":[1,2}", "the line is not valid JSON at column 10: found '}' where ']' should close what is open"},
            {"{\"a\":01}", "the line is not valid JSON at column 7: a number is malformed (a leading zero)"},
            {"{\"a\":NaN}", "the line is not valid JSON at column 9: unexpected 'NaN' (text values need double quotes; "
                    + "the only bare words are true, false and null)"},
            {"{\"a\":\"\u001b[2J\"}", "the line is not valid JSON at column 7: a text value holds a control character "
                    + "(the control character 0x1B), which JSON requires to be written as an escape such as \\t or \\n"},
        };
        StringBuilder text = new StringBuilder();
        for (String[] c : cases) {
            text.append(c[0]).append('\n');
        }
        List<ImportRecord<Friend>> records = read(text.toString());
        assertEquals(cases.length, records.size());
        for (int i = 0; i < cases.length; i++) {
            assertEquals(cases[i][1], records.get(i).problem(), cases[i][0]);
            assertEquals(cases[i][0], records.get(i).rawInput());
            assertFalse(records.get(i).problem().contains("line: 1"), records.get(i).problem());
            assertFalse(records.get(i).problem().contains("\u001b"), "no control character in a message");
        }
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(bom);
        in.writeBytes("{\"From_Account\":\"alice\",\"To_Account\":\"bob\"}\n".getBytes(StandardCharsets.UTF_8));
        List<ImportRecord<Friend>> records = read(in.toByteArray());
        assertEquals(1, records.size());
        assertTrue(records.get(0).isValid(), records.get(0)::toString);
        assertEquals("alice", records.get(0).fromAccount());

        assertEquals(List.of(), read(bom), "a file holding only a byte-order mark is empty");
    }

    @Test
    void aUtf16FileIsRefusedWithAHint() {
        byte[] utf16 = "\uFEFF{}".getBytes(StandardCharsets.UTF_16LE);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> read(utf16));
        assertEquals("in.jsonl:1: the input starts with a UTF-16 byte-order mark: JSONL must be UTF-8 (convert it, for "
                + "example with iconv -f UTF-16 -t UTF-8)", e.getMessage());
    }

    @Test
    void anInvalidUtf8LineKeepsItsOriginalBytes() {
        byte[] line = {'{', '"', 'F', (byte) 0xE9, 'e', '"', ':', (byte) 0xFF, (byte) 0xC3, '}'};
        List<ImportRecord<Friend>> records = read(line);
        assertEquals("the line is not valid UTF-8: byte 4 of the line (0xE9) does not belong where it is",
                records.get(0).problem());
        assertArrayEquals(line, RawText.encode(records.get(0).rawInput()), "byte for byte");
        assertEquals("{\"F\\xE9e\":\\xFF\\xC3}", io.timport.internal.Printable.escape(records.get(0).rawInput()),
                "printed, each bad byte is shown as \\xNN");
    }

    @Test
    void aLineOverTheLimitIsReportedByNumberAndSkippedWithoutBeingHeld() {
        String valid = "{\"From_Account\":\"alice\",\"To_Account\":\"bob\"}\n";
        long huge = 30L << 20; // 30 MiB of one line, generated as it is read: never in this test's memory either
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(valid.getBytes(StandardCharsets.UTF_8)),
                new Repeating((byte) 'x', huge),
                new ByteArrayInputStream(("\n" + valid).getBytes(StandardCharsets.UTF_8)))));
        List<ImportRecord<Friend>> records;
        try (Stream<ImportRecord<Friend>> read = JsonlInput.read(in, "big.jsonl", FRIEND, 1 << 16)) {
            records = read.collect(Collectors.toList());
        }
        assertEquals(3, records.size());
        assertTrue(records.get(0).isValid());
        assertInvalid(records.get(1), "big.jsonl:2",
                "the line is 31,457,280 bytes long, more than the limit of 65,536 bytes: it was skipped unread");
        assertEquals(null, records.get(1).rawInput(), "an over-long line is not kept");
        assertTrue(records.get(2).isValid());
        assertEquals("big.jsonl:3", records.get(2).origin());
    }

    @Test
    void aNulByteEndsTheInputAfterTheLinesBeforeIt() {
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(
                "{\"From_Account\":\"alice\",\"To_Account\":\"bob\"}\n{\"Fr".getBytes(StandardCharsets.UTF_8)),
                new Repeating((byte) 0, Long.MAX_VALUE)); // /dev/zero, after a line and a half
        Iterator<ImportRecord<Friend>> records = JsonlInput.read(in, "zero", FRIEND).iterator();
        assertTrue(records.next().isValid(), "the line before is read");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, records::hasNext);
        assertEquals("zero:2 holds a NUL byte (byte 5 of the line): the input is not JSONL text, or it is damaged; "
                + "nothing after it is read", e.getMessage());
        assertFalse(records.hasNext(), "and the input has ended");
    }

    @Test
    void devZeroEndsAtOnce() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "a system with /dev/zero");
        try (Stream<ImportRecord<Friend>> records = JsonlInput.read(zero, FRIEND)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> records.iterator().hasNext());
            assertTrue(e.getMessage().startsWith("zero:1 holds a NUL byte (byte 1 of the line)"), e.getMessage());
        }
    }

    /** {@code count} times one byte, made as it is read. */
    private static final class Repeating extends InputStream {
        private final byte value;
        private long left;

        Repeating(byte value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return value & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }

    private static void assertInvalid(ImportRecord<Friend> record, String origin, String problemStart) {
        assertFalse(record.isValid(), origin);
        assertEquals(origin, record.origin());
        assertTrue(record.problem().startsWith(problemStart), origin + ": " + record.problem());
    }
}
