package io.timport.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.timport.simulator.StoredFriend;
import io.timport.wire.AddFriendItem;
import io.timport.wire.JsonValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Compares what the simulator stored with the item that was imported, field by field, for any item type. */
public final class StoredRelations {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredRelations() {
    }

    /**
     * Asserts that {@code stored} holds exactly {@code expected}: every standard field and every custom field, as
     * the item writes them on the wire (so it works for any generated item type).
     */
    public static void assertStored(AddFriendItem expected, StoredFriend stored) {
        Map<String, Object> wire = wireFields(expected);
        String pair = stored.fromAccount() + " -> " + stored.toAccount();
        assertEquals(wire.get("To_Account"), stored.toAccount(), pair);
        assertEquals(wire.get("AddSource"), stored.addSource(), pair);
        assertEquals(Optional.ofNullable(wire.get("Remark")), stored.remark().map(Object.class::cast), pair);
        assertEquals(optionalLong(wire.get("RemarkTime")), stored.remarkTime(), pair);
        assertEquals(wire.getOrDefault("GroupName", List.of()), stored.groupNames(), pair);
        assertEquals(Optional.ofNullable(wire.get("AddWording")), stored.addWording().map(Object.class::cast), pair);
        assertEquals(optionalLong(wire.get("AddTime")), stored.addTime(), pair);
        Map<String, Object> custom = new LinkedHashMap<>();
        Object items = wire.get("CustomItem");
        if (items != null) {
            for (Object item : (List<?>) items) {
                Map<?, ?> tagged = (Map<?, ?>) item;
                custom.put((String) tagged.get("Tag"), tagged.get("Value"));
            }
        }
        assertEquals(custom, stored.customItems(), pair);
    }

    /** The item's wire fields as plain values ({@link JsonValues}). */
    public static Map<String, Object> wireFields(AddFriendItem item) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(bytes)) {
                item.writeJson(g);
            }
            try (JsonParser p = JSON.createParser(bytes.toByteArray())) {
                return JsonValues.readObject(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptionalLong optionalLong(Object value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of((Long) value);
    }
}
