package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.wire.AddFriendItem;
import io.timport.wire.InvalidItemException;
import io.timport.wire.ItemType;
import io.timport.wire.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
        assertInvalid(records.get(1), "in.jsonl:2", "the line is not valid UTF-8");
        assertInvalid(records.get(2), "in.jsonl:3", "the line is not a JSON object: Unrecognized token 'not'");
        assertInvalid(records.get(3), "in.jsonl:4", "the line holds more than one JSON value");
        assertInvalid(records.get(4), "in.jsonl:5", "From_Account is required, was missing");
        assertInvalid(records.get(5), "in.jsonl:6", "From_Account must be a string, was the number 7");
        assertInvalid(records.get(6), "in.jsonl:7", "Invalid friend item, 1 problem: Colour is not a field, was present");
        assertEquals("a", records.get(6).fromAccount(), "the From_Account is kept when it could be read");
        assertEquals("{\"From_Account\":\"a\",\"To_Account\":\"b\",\"Colour\":\"red\"}", records.get(6).rawInput());
        assertInvalid(records.get(7), "in.jsonl:8", "the line is not a JSON object: duplicate field \"From_Account\"");
        assertInvalid(records.get(8), "in.jsonl:9", "the line is not a JSON object: expected a JSON object");
        assertTrue(records.get(9).isValid());
        assertEquals("in.jsonl:10", records.get(9).origin());
    }

    private static void assertInvalid(ImportRecord<Friend> record, String origin, String problemStart) {
        assertFalse(record.isValid(), origin);
        assertEquals(origin, record.origin());
        assertTrue(record.problem().startsWith(problemStart), origin + ": " + record.problem());
    }
}
