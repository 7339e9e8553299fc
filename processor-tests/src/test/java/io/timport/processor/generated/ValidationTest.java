package io.timport.processor.generated;

import static io.timport.processor.generated.BuilderTest.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.timport.wire.InvalidItemException;
import io.timport.wire.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every rule that {@code build()} checks, at its boundary: the last accepted value and the first rejected one,
 * with lengths in UTF-8 bytes (é is 2 bytes, 中 is 3, 😀 is 4).
 */
class ValidationTest {

    private static final String E_ACUTE = "é";   // 2 bytes
    private static final String HAN = "中";     // 3 bytes
    private static final String EMOJI = "😀";   // 4 bytes, 2 chars

    private static String repeat(String s, int times) {
        return String.join("", Collections.nCopies(times, s));
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void accepted(UnaryOperator<GameFriendItem.Builder> change) {
        change.apply(minimal()).build();
    }

    private static void rejected(UnaryOperator<GameFriendItem.Builder> change, Violation expected) {
        InvalidItemException e = assertThrows(InvalidItemException.class, () -> change.apply(minimal()).build());
        assertEquals(List.of(expected), e.violations());
    }

    @Test
    void toAccountIsOneTo32Bytes() {
        accepted(b -> b.toAccount("a"));
        accepted(b -> b.toAccount(repeat("a", 32)));
        accepted(b -> b.toAccount(repeat(E_ACUTE, 16)));
        rejected(b -> b.toAccount(""), new Violation("To_Account", "must be 1 to 32 UTF-8 bytes", "0 bytes"));
        rejected(b -> b.toAccount(repeat("a", 33)), new Violation("To_Account", "must be 1 to 32 UTF-8 bytes", "33 bytes"));
        // 11 characters, 33 bytes
        rejected(b -> b.toAccount(repeat(HAN, 11)), new Violation("To_Account", "must be 1 to 32 UTF-8 bytes", "33 bytes"));
    }

    @Test
    void addSourceIsThePrefixAndOneToEightLetters() {
        accepted(b -> b.addSource("AddSource_Type_A"));
        accepted(b -> b.addSource("AddSource_Type_Android"));
        accepted(b -> b.addSource("AddSource_Type_abcdEFGH"));
        String rule = "must be AddSource_Type_ followed by 1 to 8 English letters (e.g. AddSource_Type_Android)";
        rejected(b -> b.addSource("AddSource_Type_"), new Violation("AddSource", rule, "\"AddSource_Type_\""));
        rejected(b -> b.addSource("AddSource_Type_abcdEFGHI"), new Violation("AddSource", rule, "\"AddSource_Type_abcdEFGHI\""));
        rejected(b -> b.addSource("AddSource_Type_Web3"), new Violation("AddSource", rule, "\"AddSource_Type_Web3\""));
        rejected(b -> b.addSource("AddSource_Type_Ünï"), new Violation("AddSource", rule, "\"AddSource_Type_Ünï\""));
        rejected(b -> b.addSource("addsource_type_Web"), new Violation("AddSource", rule, "\"addsource_type_Web\""));
        rejected(b -> b.addSource("Android"), new Violation("AddSource", rule, "\"Android\""));
    }

    @Test
    void remarkIsAtMost96Bytes() {
        accepted(b -> b.remark(""));
        accepted(b -> b.remark(repeat("a", 96)));
        accepted(b -> b.remark(repeat(HAN, 32)));
        accepted(b -> b.remark(repeat(EMOJI, 24)));
        Violation over = new Violation("Remark", "must be at most 96 UTF-8 bytes", "97 bytes");
        rejected(b -> b.remark(repeat("a", 97)), over);
        rejected(b -> b.remark(repeat(HAN, 32) + "a"), over);
        rejected(b -> b.remark(repeat(EMOJI, 24) + "a"), over);
        rejected(b -> b.remark(repeat(E_ACUTE, 48) + "a"), over);
        assertEquals(97, bytes(repeat(EMOJI, 24) + "a"));
        // 33 characters only, but 99 bytes: the rule counts bytes, not characters
        rejected(b -> b.remark(repeat(HAN, 33)), new Violation("Remark", "must be at most 96 UTF-8 bytes", "99 bytes"));
    }

    private static List<String> distinct(int count) {
        return IntStream.range(0, count).mapToObj(i -> "g" + i).toList();
    }

    @Test
    void atMost32GroupsOfOneTo30Bytes() {
        accepted(b -> b.groupNames(distinct(32)));
        accepted(b -> b.groupNames(repeat("a", 30), repeat(HAN, 10), repeat(EMOJI, 7) + "ab"));
        rejected(b -> b.groupNames(distinct(33)), new Violation("GroupName", "must have at most 32 groups", "33 groups"));
        rejected(b -> b.groupNames("ok", repeat("a", 31)), new Violation("GroupName[1]", "must be 1 to 30 UTF-8 bytes", "31 bytes"));
        rejected(b -> b.groupNames(repeat(HAN, 10) + "a"), new Violation("GroupName[0]", "must be 1 to 30 UTF-8 bytes", "31 bytes"));
        rejected(b -> b.groupNames("ok", "fine", ""), new Violation("GroupName[2]", "must be 1 to 30 UTF-8 bytes", "0 bytes"));
    }

    @Test
    void addWordingIsAtMost256Bytes() {
        accepted(b -> b.addWording(repeat("a", 256)));
        accepted(b -> b.addWording(repeat(EMOJI, 64)));
        rejected(b -> b.addWording(repeat("a", 257)), new Violation("AddWording", "must be at most 256 UTF-8 bytes", "257 bytes"));
        rejected(b -> b.addWording(repeat(EMOJI, 64) + "a"), new Violation("AddWording", "must be at most 256 UTF-8 bytes", "257 bytes"));
    }

    @Test
    void stringCustomValuesAreAtMost500Bytes() {
        accepted(b -> b.guild(""));
        accepted(b -> b.guild(repeat("a", 500)));
        accepted(b -> b.guild(repeat(E_ACUTE, 250)));
        rejected(b -> b.guild(repeat("a", 501)), new Violation("Tag_SNS_Custom_Guild", "must be at most 500 UTF-8 bytes", "501 bytes"));
        rejected(b -> b.guild(repeat(E_ACUTE, 250) + "a"), new Violation("Tag_SNS_Custom_Guild", "must be at most 500 UTF-8 bytes", "501 bytes"));
    }

    @Test
    void timesAreUnsigned32BitUnixSeconds() {
        accepted(b -> b.remarkTime(0).addTime(0));
        accepted(b -> b.remarkTime(4_294_967_295L).addTime(4_294_967_295L));
        rejected(b -> b.remarkTime(-1), new Violation("RemarkTime", "must be Unix seconds from 0 to 4294967295", "-1"));
        rejected(b -> b.addTime(-1L), new Violation("AddTime", "must be Unix seconds from 0 to 4294967295", "-1"));
        rejected(b -> b.addTime(4_294_967_296L),
                new Violation("AddTime", "must be Unix seconds from 0 to 4294967295", "4294967296 (milliseconds?)"));
        rejected(b -> b.remarkTime(1_764_000_000_000L), new Violation("RemarkTime",
                "must be Unix seconds from 0 to 4294967295", "1764000000000 (milliseconds?)"));
        rejected(b -> b.remarkTime(Long.MAX_VALUE), new Violation("RemarkTime",
                "must be Unix seconds from 0 to 4294967295", String.valueOf(Long.MAX_VALUE)));
    }

    @Test
    void repeatedGroupNamesKeepTheirFirstOccurrenceAndTheLimitCountsDistinctNames() {
        assertEquals(List.of("b", "a", "c"), minimal().groupNames("b", "a", "b", "c", "a").build().groupNames());
        assertEquals(List.of("b", "a"), minimal().groupNames(List.of("b", "a", "a")).build().groupNames());
        assertEquals(List.of("g"), minimal().groupNames(Collections.nCopies(33, "g")).build().groupNames());
        List<String> repeated = new ArrayList<>(distinct(32));
        repeated.addAll(distinct(32));  // 64 names, 32 distinct: within the limit
        assertEquals(distinct(32), minimal().groupNames(repeated).build().groupNames());
        repeated.add("g32");            // 33 distinct
        rejected(b -> b.groupNames(repeated), new Violation("GroupName", "must have at most 32 groups", "33 groups"));
        // A rule broken after the repeats are dropped names the index in the list kept.
        rejected(b -> b.groupNames("a", "a", ""), new Violation("GroupName[1]", "must be 1 to 30 UTF-8 bytes", "0 bytes"));
    }

    @Test
    void integerCustomValuesAreNotNegative() {
        accepted(b -> b.level(0).rank(0).score(0L).wins(0));
        accepted(b -> b.level(Long.MAX_VALUE).rank(Integer.MAX_VALUE).score(Long.MAX_VALUE).wins(Integer.MAX_VALUE));
        String rule = "must not be negative (custom integers are unsigned, uint64_t)";
        rejected(b -> b.level(-1), new Violation("Tag_SNS_Custom_Level", rule, "-1"));
        rejected(b -> b.level(Long.MIN_VALUE), new Violation("Tag_SNS_Custom_Level", rule, "-9223372036854775808"));
        rejected(b -> b.rank(-1), new Violation("Tag_SNS_Custom_Rank", rule, "-1"));
        rejected(b -> b.rank(Integer.MIN_VALUE), new Violation("Tag_SNS_Custom_Rank", rule, "-2147483648"));
        rejected(b -> b.score(-1L), new Violation("Tag_SNS_Custom_Score", rule, "-1"));
        rejected(b -> b.score(-1), new Violation("Tag_SNS_Custom_Score", rule, "-1"));
        rejected(b -> b.wins(-1), new Violation("Tag_SNS_Custom_Wins", rule, "-1"));
        InvalidItemException e = assertThrows(InvalidItemException.class, () -> minimal().level(-5).build());
        assertEquals("Invalid friend item for To_Account \"bob\", 1 problem: Tag_SNS_Custom_Level must not be negative"
                + " (custom integers are unsigned, uint64_t), was -5", e.getMessage());
    }

    @Test
    void textMustBeWellFormedUnicode() {
        String lone = "ab\uD83D";
        rejected(b -> b.remark(lone), new Violation("Remark", "must be well-formed Unicode",
                "a string with an unpaired surrogate U+D83D at index 2"));
        rejected(b -> b.guild("\uDE00x"), new Violation("Tag_SNS_Custom_Guild", "must be well-formed Unicode",
                "a string with an unpaired surrogate U+DE00 at index 0"));
    }

    @Test
    void everyViolationIsListedInWireOrder() {
        InvalidItemException e = assertThrows(InvalidItemException.class, () -> minimal()
                .toAccount(repeat("a", 33))
                .remark(repeat("a", 97))
                .remarkTime(-5)
                .groupNames("")
                .addSource("AddSource_Type_")
                .addWording(repeat("a", 300))
                .addTime(-6)
                .guild(repeat("a", 501))
                .build());
        assertEquals(List.of("To_Account", "Remark", "RemarkTime", "GroupName[0]", "AddSource", "AddWording",
                        "AddTime", "Tag_SNS_Custom_Guild"),
                e.violations().stream().map(Violation::field).toList());
        assertEquals(e.toAccount(), repeat("a", 33));
        assertEquals(true, e.getMessage().startsWith(
                "Invalid friend item for To_Account \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", 8 problems: "
                        + "To_Account must be 1 to 32 UTF-8 bytes, was 33 bytes; "), e.getMessage());
    }
}
