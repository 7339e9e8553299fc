package io.timport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.testing.TestItem;
import io.timport.wire.FieldDifference;
import io.timport.wire.InvalidItemException;
import io.timport.wire.ReadBack;
import io.timport.wire.Violation;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link FriendGetReader} and {@link FieldComparison} on their own, with a hand-written item; the generated
 * {@code readBack} and {@code differences} that call them are tested in the processor's module.
 */
class ReadBackSupportTest {

    enum Colour { RED, GREEN }

    private static Map<String, Object> tags(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Reads every kind of field the way a generated readBack does. */
    private static ReadBack<TestItem> read(Map<String, ?> tags) {
        FriendGetReader read = FriendGetReader.of("bob", tags);
        read.string("AddSource", "Tag_SNS_IM_AddSource");
        read.string("Remark", "Tag_SNS_IM_Remark");
        read.groupNames("GroupName", "Tag_SNS_IM_Group");
        read.integer("AddTime", "Tag_SNS_IM_AddTime");
        read.customString("Tag_SNS_Custom_Guild");
        read.customLong("Tag_SNS_Custom_Level");
        read.customInt("Tag_SNS_Custom_Rank");
        read.customEnum("Tag_SNS_Custom_Colour", Colour.class);
        return read.result(() -> new TestItem("bob"));
    }

    @Test
    void everyValueIsReadTypedAndNamedByItsField() {
        ReadBack<TestItem> found = read(tags("Tag_SNS_IM_AddSource", "AddSource_Type_X", "Tag_SNS_IM_Remark", "",
                "Tag_SNS_IM_Group", List.of("b", "a", "b"), "Tag_SNS_IM_AddTime", 1700000000L,
                "Tag_SNS_Custom_Guild", "Knights", "Tag_SNS_Custom_Level", BigInteger.valueOf(7),
                "Tag_SNS_Custom_Rank", 3L, "Tag_SNS_Custom_Colour", "GREEN"));
        assertEquals(tags("AddSource", "AddSource_Type_X", "Remark", "", "GroupName", List.of("b", "a"),
                "AddTime", 1700000000L, "Tag_SNS_Custom_Guild", "Knights", "Tag_SNS_Custom_Level", 7L,
                "Tag_SNS_Custom_Rank", 3, "Tag_SNS_Custom_Colour", Colour.GREEN), found.values());
        assertEquals(List.of(), found.problems());
        assertEquals(Map.of(), found.unreadable());
        assertEquals("bob", found.toAccount());
        assertTrue(found.item().isPresent());
        assertEquals(List.of(), found.itemViolations());
    }

    @Test
    void nullAndAnEmptyEnumNameAreAbsent() {
        Map<String, Object> tags = new HashMap<>();
        tags.put("Tag_SNS_IM_Remark", null);
        tags.put("Tag_SNS_Custom_Colour", "");
        tags.put("Tag_SNS_Custom_Unknown", null);
        ReadBack<TestItem> found = read(tags);
        assertEquals(Map.of(), found.values());
        assertEquals(List.of(), found.problems());
    }

    @Test
    void valuesThatCannotBeReadAreKeptWithTheirProblem() {
        ReadBack<TestItem> found = read(tags("Tag_SNS_IM_AddSource", 5L, "Tag_SNS_IM_Group", List.of("a", 3L),
                "Tag_SNS_Custom_Level", "7", "Tag_SNS_Custom_Rank", 2147483648L, "Tag_SNS_Custom_Colour", "red",
                "Tag_SNS_Custom_Other", "x", "Tag_SNS_IM_Future", true));
        assertEquals(List.of(
                        new Violation("AddSource", "must be a string", "the number 5"),
                        new Violation("GroupName[1]", "must be a string", "the number 3"),
                        new Violation("Tag_SNS_Custom_Level", "must be an integer", "the string \"7\""),
                        new Violation("Tag_SNS_Custom_Rank", "must be an integer from -2147483648 to 2147483647",
                                "2147483648"),
                        new Violation("Tag_SNS_Custom_Colour", "must be one of RED, GREEN (Colour)", "\"red\""),
                        new Violation("Tag_SNS_Custom_Other", "is not a tag of this item type (known:"
                                + " Tag_SNS_IM_AddSource, Tag_SNS_IM_Remark, Tag_SNS_IM_Group, Tag_SNS_IM_AddTime,"
                                + " Tag_SNS_Custom_Guild, Tag_SNS_Custom_Level, Tag_SNS_Custom_Rank,"
                                + " Tag_SNS_Custom_Colour)", "the string \"x\""),
                        new Violation("Tag_SNS_IM_Future", "is not a tag of this item type (known:"
                                + " Tag_SNS_IM_AddSource, Tag_SNS_IM_Remark, Tag_SNS_IM_Group, Tag_SNS_IM_AddTime,"
                                + " Tag_SNS_Custom_Guild, Tag_SNS_Custom_Level, Tag_SNS_Custom_Rank,"
                                + " Tag_SNS_Custom_Colour)", "the boolean true")),
                found.problems());
        assertEquals(tags("AddSource", 5L, "GroupName", List.of("a", 3L), "Tag_SNS_Custom_Level", "7",
                "Tag_SNS_Custom_Rank", 2147483648L, "Tag_SNS_Custom_Colour", "red", "Tag_SNS_Custom_Other", "x",
                "Tag_SNS_IM_Future", true), found.unreadable());
        assertEquals(tags("GroupName", List.of("a")), found.values(), "what could be read of the groups");
    }

    @Test
    void anItemTheValuesDoNotMakeIsExplained() {
        FriendGetReader read = FriendGetReader.of("bob", Map.of());
        ReadBack<TestItem> found = read.result(() -> {
            throw new InvalidItemException("bob", List.of(new Violation("AddSource", "is required", "missing")));
        });
        assertFalse(found.item().isPresent());
        assertEquals(List.of(new Violation("AddSource", "is required", "missing")), found.itemViolations());
    }

    @Test
    void absentAndEmptyDoNotDiffer() {
        ReadBack<TestItem> omitted = read(Map.of());
        ReadBack<TestItem> empty = read(tags("Tag_SNS_IM_Remark", "", "Tag_SNS_IM_Group", List.of(),
                "Tag_SNS_Custom_Guild", "", "Tag_SNS_Custom_Level", 0L, "Tag_SNS_Custom_Colour", ""));
        for (ReadBack<TestItem> found : List.of(omitted, empty)) {
            FieldComparison compare = FieldComparison.of(new TestItem("bob"), found);
            compare.text("Remark", null);
            compare.text("Tag_SNS_Custom_Guild", "");
            compare.groupNames("GroupName", List.of());
            compare.integer("Tag_SNS_Custom_Level", null);
            compare.integer("Tag_SNS_Custom_Rank", 0);
            compare.enumeration("Tag_SNS_Custom_Colour", null);
            compare.integerIfExpected("AddTime", null);
            assertEquals(List.of(), compare.differences(), found::toString);
        }
    }

    @Test
    void differencesNameTheFieldTheExpectedValueAndTheValueFound() {
        ReadBack<TestItem> found = read(tags("Tag_SNS_IM_AddSource", "AddSource_Type_X", "Tag_SNS_IM_Remark", "r",
                "Tag_SNS_IM_Group", List.of("b", "a"), "Tag_SNS_IM_AddTime", 1700000000L,
                "Tag_SNS_Custom_Level", 7L, "Tag_SNS_Custom_Rank", "2", "Tag_SNS_Custom_Colour", "RED"));
        FieldComparison compare = FieldComparison.of(new TestItem("bob"), found);
        compare.text("AddSource", "AddSource_Type_X");
        compare.text("Remark", null);
        compare.groupNames("GroupName", List.of("a", "b"));
        compare.integerIfExpected("AddTime", 1700000001L);
        compare.integer("Tag_SNS_Custom_Level", 7L);
        compare.integer("Tag_SNS_Custom_Rank", 2);
        compare.enumeration("Tag_SNS_Custom_Colour", Colour.GREEN);
        compare.text("Tag_SNS_Custom_Guild", "Knights");
        List<FieldDifference> differences = compare.differences();
        assertEquals(List.of(
                        new FieldDifference("Remark", null, "r"),
                        new FieldDifference("AddTime", 1700000001L, 1700000000L),
                        new FieldDifference("Tag_SNS_Custom_Rank", 2, "2"),
                        new FieldDifference("Tag_SNS_Custom_Colour", Colour.GREEN, Colour.RED),
                        new FieldDifference("Tag_SNS_Custom_Guild", "Knights", null)),
                differences);
        assertEquals(List.of("Remark: expected absent, found \"r\"", "AddTime: expected 1700000001, found 1700000000",
                        "Tag_SNS_Custom_Rank: expected 2, found \"2\"",
                        "Tag_SNS_Custom_Colour: expected GREEN, found RED",
                        "Tag_SNS_Custom_Guild: expected \"Knights\", found absent"),
                differences.stream().map(FieldDifference::message).toList());
    }

    @Test
    void addTimeIsComparedOnlyWhenExpected() {
        ReadBack<TestItem> found = read(tags("Tag_SNS_IM_AddTime", 1700000000L));
        FieldComparison compare = FieldComparison.of(new TestItem("bob"), found);
        compare.integerIfExpected("AddTime", null);
        assertEquals(List.of(), compare.differences());
        compare.integerIfExpected("AddTime", 0L);
        assertEquals(List.of(new FieldDifference("AddTime", 0L, 1700000000L)), compare.differences());
    }

    @Test
    void onlyTheSameFriendCompares() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldComparison.of(new TestItem("alice"), read(Map.of())));
        assertEquals("cannot compare To_Account \"alice\" with the read-back of To_Account \"bob\"", e.getMessage());
        assertNull(read(Map.of()).values().get("Remark"));
    }
}
