package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.wire.AddFriendItem;
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
    void aMissingFromAccountIsAnInvalidRecordNamingTheField() {
        ImportRecord<Item> r = ImportRecord.building(null, () -> new Item("bob"));
        assertFalse(r.isValid());
        assertEquals("From_Account is required, was missing", r.problem());
        assertEquals("ImportRecord{invalid: From_Account is required, was missing}", r.toString());
    }
}
