package io.timport.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deprecated {@link WireReader} still reads as before, through {@code io.timport.internal.WireItemReader}. */
@SuppressWarnings("deprecation")
class WireReaderTest {

    @Test
    void forwardsEveryReadAndKeepsTheArrayAsGiven() {
        WireReader wire = WireReader.of(Map.of("To_Account", "bob", "GroupName", List.of("a", "a"), "AddTime", 5,
                "CustomItem", List.of(Map.of("Tag", "Tag_SNS_Custom_Level", "Value", 7L),
                        Map.of("Tag", "Tag_SNS_Custom_Mode", "Value", "on"))),
                List.of("Tag_SNS_Custom_Level", "Tag_SNS_Custom_Mode"));
        assertEquals("bob", wire.string("To_Account"));
        assertEquals(List.of("a", "a"), wire.strings("GroupName"));
        assertEquals(5L, wire.integer("AddTime"));
        assertEquals(7L, wire.customLong("Tag_SNS_Custom_Level"));
        assertEquals(7, wire.customInt("Tag_SNS_Custom_Level"));
        org.junit.jupiter.api.Assertions.assertNull(wire.customString("Tag_SNS_Custom_Guild"));
        assertEquals(List.of(new Violation("Tag_SNS_Custom_Mode", "must be one of ON, OFF (Mode)", "\"on\"")),
                readMode(wire));
        assertEquals("To_Account", WireReader.ITEM_FIELDS.get(0));
    }

    enum Mode { ON, OFF }

    private static List<Violation> readMode(WireReader wire) {
        wire.customEnum("Tag_SNS_Custom_Mode", Mode.class);
        return wire.violations().list();
    }
}
