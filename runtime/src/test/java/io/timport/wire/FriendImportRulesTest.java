package io.timport.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FriendImportRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "é", "中", "😀", "a\u07FFb\u0800c\uFFFF", "Grüße, 世界 🌍!", "\u0000\u007F\u0080"})
    void utf8LengthIsTheEncodedLength(String text) {
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, FriendImportRules.utf8Length(text));
    }

    @Test
    void utf8LengthOfRandomWellFormedText() {
        Random random = new Random(42);
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                int codePoint;
                do {
                    codePoint = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x3000);
                } while (codePoint >= 0xD800 && codePoint <= 0xDFFF);
                text.appendCodePoint(codePoint);
            }
            String s = text.toString();
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, FriendImportRules.utf8Length(s), s);
        }
    }

    @Test
    void unpairedSurrogatesCountThreeBytesAndAreFound() {
        assertEquals(3, FriendImportRules.utf8Length("\uD83D"));
        assertEquals(4, FriendImportRules.utf8Length("\uDE00a"));
        assertEquals(-1, FriendImportRules.firstUnpairedSurrogate("a😀b"));
        assertEquals(1, FriendImportRules.firstUnpairedSurrogate("a\uD83Db"));
        assertEquals(0, FriendImportRules.firstUnpairedSurrogate("\uDE00\uD83D"));
        assertEquals(2, FriendImportRules.firstUnpairedSurrogate("😀\uD83D"));
    }

    @Test
    void keywordsAddSourcesAndTags() {
        assertTrue(FriendImportRules.isKeyword("Level"));
        assertFalse(FriendImportRules.isKeyword("Level1"));
        assertFalse(FriendImportRules.isKeyword("abcdefghi"));
        assertTrue(FriendImportRules.isAddSource("AddSource_Type_Android"));
        assertFalse(FriendImportRules.isAddSource("AddSource_Type_"));
        assertTrue(FriendImportRules.isCustomTag("Tag_SNS_Custom_Guild"));
        assertFalse(FriendImportRules.isCustomTag("Tag_SNS_Custom_Guild_"));
        assertFalse(FriendImportRules.isCustomTag("Guild"));
    }

    @Test
    void customIntegersAreNotNegative() {
        Violations violations = new Violations();
        FriendImportRules.checkCustomInteger(violations, "Tag_SNS_Custom_Level", 0);
        FriendImportRules.checkCustomInteger(violations, "Tag_SNS_Custom_Level", Long.MAX_VALUE);
        assertTrue(violations.isEmpty());
        FriendImportRules.checkCustomInteger(violations, "Tag_SNS_Custom_Level", -1);
        assertEquals(List.of(new Violation("Tag_SNS_Custom_Level",
                "must not be negative (custom integers are unsigned, uint64_t)", "-1")), violations.list());
    }

    @Test
    void theGroupLimitCountsDistinctNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            names.add("g" + i);
            names.add("g" + i);
        }
        Violations violations = new Violations();
        FriendImportRules.checkGroupNames(violations, names);
        assertTrue(violations.isEmpty(), "64 names, 32 distinct");
        names.add("g32");
        FriendImportRules.checkGroupNames(violations, names);
        assertEquals(List.of(new Violation("GroupName", "must have at most 32 groups", "33 groups")), violations.list());
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedCopyOfGroupNamesForwardsToTheBuilderSupport() {
        assertEquals(List.of("b", "a"), FriendImportRules.copyGroupNames(List.of("b", "a", "b")));
    }

    @Test
    @SuppressWarnings("deprecation")
    void copyGroupNamesNamesANullElement() {
        assertEquals(List.of(), FriendImportRules.copyGroupNames(null));
        assertEquals(List.of("a"), FriendImportRules.copyGroupNames(List.of("a")));
        assertEquals("Null groupNames[2]", assertThrows(NullPointerException.class,
                () -> FriendImportRules.copyGroupNames(Arrays.asList("a", "b", null))).getMessage());
    }

    @Test
    void violationsCollectThenThrowOnce() {
        Violations violations = new Violations();
        assertTrue(violations.isEmpty());
        violations.throwIfAny("bob");
        FriendImportRules.checkRemark(violations, "a".repeat(97));
        FriendImportRules.checkAddSource(violations, null);
        InvalidItemException e = assertThrows(InvalidItemException.class, () -> violations.throwIfAny("bob"));
        assertEquals("Invalid friend item for To_Account \"bob\", 2 problems: Remark must be at most 96 UTF-8 bytes,"
                + " was 97 bytes; AddSource is required, was missing", e.getMessage());
    }

    @Test
    void longOrOddValuesAreQuotedShortAndEscaped() {
        Violations violations = new Violations();
        FriendImportRules.checkAddSource(violations, "x\"\n".repeat(20));
        assertEquals("\"x\\\"\\nx\\\"\\nx\\\"\\nx\\\"\\nx\\\"\\nx\\\"\\nx\\\"\\nx\\\"\\nx\\\"\\nx\\\"\\nx\\\"\\nx\\\"\\nx\\\"\\nx\"… (60 chars)",
                violations.list().get(0).actual());
    }
}
