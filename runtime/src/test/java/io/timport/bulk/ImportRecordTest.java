package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.wire.AddFriendItem;
import io.timport.wire.InvalidItemException;
import io.timport.wire.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportRecordTest {

    record Item(String toAccount) implements AddFriendItem {
        @Override
        public void writeFields(JsonGenerator json) {
        }
    }

    @Test
    void buildingTurnsABuildersExceptionIntoAnInvalidRecord() {
        Item bob = new Item("bob");
        ImportRecord<Item> ok = ImportRecord.building("alice", () -> bob);
        assertTrue(ok.isValid());
        assertSame(bob, ok.item());

        ImportRecord<Item> bad = ImportRecord.building("alice", () -> {
            throw new IllegalArgumentException("Remark must be at most 96 UTF-8 bytes, was 97 bytes");
        });
        assertFalse(bad.isValid());
        assertEquals("alice", bad.fromAccount());
        assertEquals("Remark must be at most 96 UTF-8 bytes, was 97 bytes", bad.problem());
        assertNull(bad.item());

        ImportRecord<Item> nullField = ImportRecord.building("alice", () -> {
            throw new NullPointerException("Null toAccount");
        });
        assertEquals("Null toAccount", nullField.problem());
    }

    @Test
    void anInvalidItemKeepsItsToAccountSoTheReportCanNameThePair() {
        ImportRecord<Item> r = ImportRecord.building("alice", () -> {
            throw new InvalidItemException("bob", List.of(new Violation("Remark", "must be at most 96 UTF-8 bytes",
                    "97 bytes")));
        });
        assertFalse(r.isValid());
        assertEquals("bob", r.toAccount());
        assertEquals("Invalid friend item for To_Account \"bob\", 1 problem: Remark must be at most 96 UTF-8 bytes, "
                + "was 97 bytes", r.problem());
        assertEquals("bob", ImportRecord.of("alice", new Item("bob")).toAccount());
        assertNull(ImportRecord.invalid("alice", "unreadable", "in.csv:3", "a;;").toAccount());
    }

    @Test
    void aMissingFromAccountIsAnInvalidRecordNamingTheField() {
        ImportRecord<Item> r = ImportRecord.building(null, () -> new Item("bob"));
        assertFalse(r.isValid());
        assertEquals("From_Account is required, was missing", r.problem());
        assertEquals("ImportRecord{invalid: From_Account is required, was missing}", r.toString());
    }
}
