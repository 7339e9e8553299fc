package io.timport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.wire.Violation;
import io.timport.wire.Violations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemBuildingTest {

    private static final String NEGATIVE = "must not be negative (custom integers are unsigned, uint64_t)";

    @Test
    void groupNamesAreCopiedOnceEachAtTheirFirstOccurrence() {
        assertEquals(List.of(), ItemBuilding.copyGroupNames(null));
        assertEquals(List.of(), ItemBuilding.copyGroupNames(List.of()));
        assertEquals(List.of("a"), ItemBuilding.copyGroupNames(List.of("a")));
        assertEquals(List.of("b", "a", "c"), ItemBuilding.copyGroupNames(List.of("b", "a", "b", "c", "a", "c")));
        List<String> source = new ArrayList<>(List.of("x", "y"));
        List<String> copy = ItemBuilding.copyGroupNames(source);
        source.add("z");
        assertEquals(List.of("x", "y"), copy);
        assertThrows(UnsupportedOperationException.class, () -> copy.add("w"));
    }

    @Test
    void aNullGroupNameIsNamedByItsIndexInTheInput() {
        assertEquals("Null groupNames[3]", assertThrows(NullPointerException.class,
                () -> ItemBuilding.copyGroupNames(Arrays.asList("a", "a", "b", null))).getMessage());
    }

    @Test
    void requiredIntegersArePresentAndNotNegative() {
        Violations violations = new Violations();
        ItemBuilding.requiredInteger(violations, "Tag_SNS_Custom_A", 0L);
        ItemBuilding.requiredInteger(violations, "Tag_SNS_Custom_B", Integer.MAX_VALUE);
        ItemBuilding.requiredInteger(violations, "Tag_SNS_Custom_C", Long.MAX_VALUE);
        assertTrue(violations.isEmpty());
        ItemBuilding.requiredInteger(violations, "Tag_SNS_Custom_D", null);
        ItemBuilding.requiredInteger(violations, "Tag_SNS_Custom_E", -1);
        ItemBuilding.requiredInteger(violations, "Tag_SNS_Custom_F", Long.MIN_VALUE);
        assertEquals(List.of(new Violation("Tag_SNS_Custom_D", "is required", "missing"),
                        new Violation("Tag_SNS_Custom_E", NEGATIVE, "-1"),
                        new Violation("Tag_SNS_Custom_F", NEGATIVE, "-9223372036854775808")),
                violations.list());
    }

    @Test
    void optionalIntegersAreAbsentOrNotNegative() {
        Violations violations = new Violations();
        ItemBuilding.optionalInteger(violations, "Tag_SNS_Custom_A", null);
        ItemBuilding.optionalInteger(violations, "Tag_SNS_Custom_B", 0);
        assertTrue(violations.isEmpty());
        ItemBuilding.optionalInteger(violations, "Tag_SNS_Custom_C", Integer.MIN_VALUE);
        assertEquals(List.of(new Violation("Tag_SNS_Custom_C", NEGATIVE, "-2147483648")), violations.list());
    }
}
