package io.timport.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.testing.TestItem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ReadBack}, {@link FieldDifference}, and what {@link ItemType} offers a hand-written item type. */
class ReadBackTest {

    private static final List<Violation> MISSING = List.of(new Violation("AddSource", "is required", "missing"));

    @Test
    void anItemOrTheViolationsThatKeptItFromBeingOne() {
        ReadBack<TestItem> withItem = ReadBack.of("bob", new TestItem("bob"), Map.of("Remark", "r"), Map.of(),
                List.of(), List.of());
        assertTrue(withItem.item().isPresent());
        ReadBack<TestItem> without = ReadBack.of("bob", null, Map.of(), Map.of(), List.of(), MISSING);
        assertFalse(without.item().isPresent());
        assertEquals(MISSING, without.itemViolations());
        assertThrows(IllegalArgumentException.class,
                () -> ReadBack.of("bob", null, Map.of(), Map.of(), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ReadBack.of("bob", new TestItem("bob"), Map.of(), Map.of(), List.of(), MISSING));
    }

    @Test
    void itsMapsAreOrderedUnmodifiableCopiesWithoutNulls() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Remark", "r");
        values.put("AddSource", "AddSource_Type_X");
        ReadBack<TestItem> found = ReadBack.of("bob", new TestItem("bob"), values, Map.of(), List.of(), List.of());
        values.put("AddWording", "w");
        assertEquals(List.of("Remark", "AddSource"), List.copyOf(found.values().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> found.values().put("x", 1));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("Remark", null);
        assertThrows(NullPointerException.class,
                () -> ReadBack.of("bob", new TestItem("bob"), withNull, Map.of(), List.of(), List.of()));
        assertEquals("ReadBack[bob {Remark=r, AddSource=AddSource_Type_X}]", found.toString());
    }

    @Test
    void aDifferenceReadsAsASentence() {
        assertEquals("Remark: expected \"Bobby\", found absent", new FieldDifference("Remark", "Bobby", null).message());
        assertEquals("GroupName: expected [\"a\", \"b\"], found [\"a\"]",
                new FieldDifference("GroupName", List.of("a", "b"), List.of("a")).toString());
        assertEquals("Tag_SNS_Custom_Level: expected 5, found the boolean true",
                new FieldDifference("Tag_SNS_Custom_Level", 5L, true).message());
        assertEquals("Tag_SNS_Custom_Channel: expected ARENA, found absent",
                new FieldDifference("Tag_SNS_Custom_Channel", Mode.ARENA, null).message());
    }

    enum Mode { ARENA }

    /** A hand-written item type, as a user may have written before read-back existed. */
    private static final class HandWritten implements ItemType<TestItem> {
        @Override
        public Class<TestItem> itemClass() {
            return TestItem.class;
        }

        @Override
        public List<String> customTags() {
            return List.of();
        }

        @Override
        public TestItem fromWire(Map<String, ?> fields) {
            return new TestItem((String) fields.get("To_Account"));
        }
    }

    @Test
    void aHandWrittenItemTypeStillCompilesAndSaysItCannotReadBack() {
        ItemType<TestItem> type = new HandWritten();
        assertFalse(type.supportsReadBack());
        assertEquals("io.timport.testing.TestItem cannot read friends back from friend_get",
                assertThrows(UnsupportedOperationException.class, () -> type.readBack("bob", Map.of())).getMessage());
        ReadBack<TestItem> found = ReadBack.of("bob", new TestItem("bob"), Map.of(), Map.of(), List.of(), List.of());
        assertThrows(UnsupportedOperationException.class, () -> type.differences(new TestItem("bob"), found));
        assertFalse(ItemType.of(TestItem.class, List.of(), fields -> new TestItem("x")).supportsReadBack());
    }

    @Test
    void anItemTypeFromItsPartsReadsBackWithThem() {
        ReadBack<TestItem> found = ReadBack.of("bob", new TestItem("bob"), Map.of(), Map.of(), List.of(), List.of());
        List<FieldDifference> differences = List.of(new FieldDifference("Remark", "a", null));
        ItemType<TestItem> type = ItemType.of(TestItem.class, List.of(), fields -> new TestItem("x"),
                (toAccount, tags) -> found, (expected, readBack) -> differences);
        assertTrue(type.supportsReadBack());
        assertEquals(found, type.readBack("bob", Map.of()));
        assertEquals(differences, type.differences(new TestItem("bob"), found));
        assertThrows(NullPointerException.class, () -> type.readBack(null, Map.of()));
    }
}
