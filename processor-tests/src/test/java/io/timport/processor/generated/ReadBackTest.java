package io.timport.processor.generated;

import static io.timport.processor.generated.BuilderTest.full;
import static io.timport.processor.generated.BuilderTest.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.timport.wire.FieldDifference;
import io.timport.wire.ItemType;
import io.timport.wire.JsonValues;
import io.timport.wire.ReadBack;
import io.timport.wire.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated read-back ({@code GameFriendItem.readBack}: one friend of a {@code friend_get} answer into the typed
 * item) and comparison ({@code GameFriendItem.differences}), compiled from {@code GameFriend} by the real processor.
 * A friend's values come as the friend_get client gives them: tag → value, read with {@link JsonValues}.
 */
class ReadBackTest {

    private static final JsonFactory JSON = new JsonFactory();

    /** The values of one friend, by tag, from JSON: <code>{"Tag_SNS_IM_Remark":"Bobby",…}</code>. */
    static Map<String, Object> tags(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return JsonValues.readObject(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What friend_get returns for {@link BuilderTest#full()}: every field but RemarkTime. */
    static final String FULL = "{\"Tag_SNS_IM_AddSource\":\"AddSource_Type_Game\",\"Tag_SNS_IM_Remark\":\"Bobby\","
            + "\"Tag_SNS_IM_Group\":[\"Friends\",\"Guild\"],\"Tag_SNS_IM_AddWording\":\"GG\","
            + "\"Tag_SNS_IM_AddTime\":1420000002,\"Tag_SNS_Custom_Level\":5,\"Tag_SNS_Custom_Guild\":\"Knights\","
            + "\"Tag_SNS_Custom_Rank\":2,\"Tag_SNS_Custom_Score\":9000000000,\"Tag_SNS_Custom_Wins\":7,"
            + "\"Tag_SNS_Custom_Channel\":\"ARENA\"}";

    /** {@link #FULL} with one tag's value replaced (as JSON), or removed when {@code json} is null. */
    static Map<String, Object> fullWith(String tag, String json) {
        Map<String, Object> tags = new LinkedHashMap<>(tags(FULL));
        if (json == null) {
            tags.remove(tag);
        } else {
            tags.put(tag, tags("{\"v\":" + json + "}").get("v"));
        }
        return tags;
    }

    private static ReadBack<GameFriendItem> readBack(Map<String, ?> tags) {
        return GameFriendItem.readBack("bob", tags);
    }

    // ---- reading

    @Test
    void everyFieldIsReadTypedFromItsTag() {
        ReadBack<GameFriendItem> found = readBack(tags(FULL));
        assertEquals(List.of(), found.problems());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Remark", "Bobby");
        expected.put("GroupName", List.of("Friends", "Guild"));
        expected.put("AddSource", "AddSource_Type_Game");
        expected.put("AddWording", "GG");
        expected.put("AddTime", 1420000002L);
        expected.put("Tag_SNS_Custom_Level", 5L);
        expected.put("Tag_SNS_Custom_Guild", "Knights");
        expected.put("Tag_SNS_Custom_Rank", 2);
        expected.put("Tag_SNS_Custom_Score", 9_000_000_000L);
        expected.put("Tag_SNS_Custom_Wins", 7);
        expected.put("Tag_SNS_Custom_Channel", GameFriend.Channel.ARENA);
        assertEquals(expected, found.values());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(found.values().keySet()), "in wire order");
        // The typed item: everything imported but RemarkTime, which friend_get does not return.
        assertEquals(full().toBuilder().remarkTime((Long) null).build(), found.item().orElseThrow());
        assertEquals("bob", found.toAccount());
    }

    @Test
    void repeatedGroupNamesAreReadOnceAsTheBuilderKeepsThem() {
        ReadBack<GameFriendItem> found = readBack(fullWith("Tag_SNS_IM_Group", "[\"Guild\",\"Friends\",\"Guild\"]"));
        assertEquals(List.of("Guild", "Friends"), found.values().get("GroupName"));
        assertEquals(List.of("Guild", "Friends"), found.item().orElseThrow().groupNames());
    }

    @Test
    void valuesOfTheWrongTypeAreReportedAndKept() {
        Map<String, Object> tags = tags(FULL);
        tags.put("Tag_SNS_IM_AddSource", 5L);
        tags.put("Tag_SNS_IM_Group", tags("{\"v\":[\"Friends\",3]}").get("v"));
        tags.put("Tag_SNS_IM_AddTime", "1420000002");
        tags.put("Tag_SNS_Custom_Level", "5");
        tags.put("Tag_SNS_Custom_Guild", 7L);
        tags.put("Tag_SNS_Custom_Rank", 2147483648L);
        tags.put("Tag_SNS_Custom_Score", 1.5);
        ReadBack<GameFriendItem> found = readBack(tags);
        assertEquals(List.of(
                        new Violation("GroupName[1]", "must be a string", "the number 3"),
                        new Violation("AddSource", "must be a string", "the number 5"),
                        new Violation("AddTime", "must be an integer", "the string \"1420000002\""),
                        new Violation("Tag_SNS_Custom_Level", "must be an integer", "the string \"5\""),
                        new Violation("Tag_SNS_Custom_Guild", "must be a string", "the number 7"),
                        new Violation("Tag_SNS_Custom_Rank", "must be an integer from -2147483648 to 2147483647",
                                "2147483648"),
                        new Violation("Tag_SNS_Custom_Score", "must be an integer", "the number 1.5")),
                found.problems());
        assertEquals(List.of("GroupName", "AddSource", "AddTime", "Tag_SNS_Custom_Level", "Tag_SNS_Custom_Guild",
                "Tag_SNS_Custom_Rank", "Tag_SNS_Custom_Score"), List.copyOf(found.unreadable().keySet()));
        assertEquals("5", found.unreadable().get("Tag_SNS_Custom_Level"), "kept as friend_get returned it");
        assertFalse(found.item().isPresent(), "AddSource, Level and Rank are required");
        assertEquals(List.of(new Violation("AddSource", "is required", "missing"),
                        new Violation("Tag_SNS_Custom_Level", "is required", "missing"),
                        new Violation("Tag_SNS_Custom_Rank", "is required", "missing")),
                found.itemViolations());
        assertEquals("Bobby", found.values().get("Remark"), "the rest is read");
    }

    @Test
    void anEnumNameThatIsNoConstantIsReportedAndKept() {
        ReadBack<GameFriendItem> found = readBack(fullWith("Tag_SNS_Custom_Channel", "\"arena\""));
        assertEquals(List.of(new Violation("Tag_SNS_Custom_Channel", "must be one of LOBBY, GUILD_CHAT, ARENA (Channel)",
                "\"arena\"")), found.problems());
        assertEquals(Map.of("Tag_SNS_Custom_Channel", "arena"), found.unreadable());
        assertEquals(full().toBuilder().remarkTime((Long) null).channel(null).build(), found.item().orElseThrow(),
                "the item holds what could be read");
    }

    @Test
    void unknownTagsAreReportedAndKept() {
        Map<String, Object> tags = tags(FULL);
        tags.put("Tag_SNS_Custom_Colour", "red");
        tags.put("Tag_SNS_IM_RemarkTime", 1420000001L);
        ReadBack<GameFriendItem> found = readBack(tags);
        String known = "is not a tag of this item type (known: Tag_SNS_IM_Remark, Tag_SNS_IM_Group,"
                + " Tag_SNS_IM_AddSource, Tag_SNS_IM_AddWording, Tag_SNS_IM_AddTime, Tag_SNS_Custom_Level,"
                + " Tag_SNS_Custom_Guild, Tag_SNS_Custom_Rank, Tag_SNS_Custom_Score, Tag_SNS_Custom_Wins,"
                + " Tag_SNS_Custom_Channel)";
        assertEquals(List.of(new Violation("Tag_SNS_Custom_Colour", known, "the string \"red\""),
                new Violation("Tag_SNS_IM_RemarkTime", known, "the number 1420000001")), found.problems());
        assertEquals(Map.of("Tag_SNS_Custom_Colour", "red", "Tag_SNS_IM_RemarkTime", 1420000001L),
                found.unreadable());
        assertTrue(found.item().isPresent(), "an unknown tag does not spoil the item");
    }

    @Test
    void aStoredValueThatBreaksARuleLeavesNoItemAndSaysWhy() {
        ReadBack<GameFriendItem> found = readBack(fullWith("Tag_SNS_Custom_Level", "-1"));
        assertEquals(List.of(), found.problems(), "it was read");
        assertEquals(-1L, found.values().get("Tag_SNS_Custom_Level"));
        assertFalse(found.item().isPresent());
        assertEquals(List.of(new Violation("Tag_SNS_Custom_Level",
                "must not be negative (custom integers are unsigned, uint64_t)", "-1")), found.itemViolations());
    }

    // ---- comparing

    @Test
    void aFriendReadBackAsImportedDoesNotDifferAndRemarkTimeIsNeverCompared() {
        assertEquals(List.of(), GameFriendItem.differences(full(), readBack(tags(FULL))));
        GameFriendItem otherRemarkTime = full().toBuilder().remarkTime(1).build();
        assertEquals(List.of(), GameFriendItem.differences(otherRemarkTime, readBack(tags(FULL))));
        assertEquals(List.of(), GameFriendItem.differences(minimal().build(), readBack(tags(
                "{\"Tag_SNS_IM_AddSource\":\"AddSource_Type_Game\",\"Tag_SNS_Custom_Level\":5,"
                        + "\"Tag_SNS_Custom_Rank\":2}"))));
    }

    /** One case per field: the friend_get value that differs from {@link BuilderTest#full()}, and the difference. */
    static Stream<Arguments> oneFieldDiffers() {
        return Stream.of(
                Arguments.of("Tag_SNS_IM_Remark", "\"Bob\"", new FieldDifference("Remark", "Bobby", "Bob")),
                Arguments.of("Tag_SNS_IM_Remark", null, new FieldDifference("Remark", "Bobby", null)),
                Arguments.of("Tag_SNS_IM_Group", "[\"Friends\"]",
                        new FieldDifference("GroupName", List.of("Friends", "Guild"), List.of("Friends"))),
                Arguments.of("Tag_SNS_IM_AddSource", "\"AddSource_Type_Web\"",
                        new FieldDifference("AddSource", "AddSource_Type_Game", "AddSource_Type_Web")),
                Arguments.of("Tag_SNS_IM_AddSource", null,
                        new FieldDifference("AddSource", "AddSource_Type_Game", null)),
                Arguments.of("Tag_SNS_IM_AddWording", "\"hi\"", new FieldDifference("AddWording", "GG", "hi")),
                Arguments.of("Tag_SNS_IM_AddTime", "1420000003",
                        new FieldDifference("AddTime", 1420000002L, 1420000003L)),
                Arguments.of("Tag_SNS_Custom_Level", "6", new FieldDifference("Tag_SNS_Custom_Level", 5L, 6L)),
                Arguments.of("Tag_SNS_Custom_Level", null, new FieldDifference("Tag_SNS_Custom_Level", 5L, null)),
                Arguments.of("Tag_SNS_Custom_Guild", "\"Rogues\"",
                        new FieldDifference("Tag_SNS_Custom_Guild", "Knights", "Rogues")),
                Arguments.of("Tag_SNS_Custom_Rank", "3", new FieldDifference("Tag_SNS_Custom_Rank", 2, 3)),
                Arguments.of("Tag_SNS_Custom_Score", "1", new FieldDifference("Tag_SNS_Custom_Score", 9_000_000_000L,
                        1L)),
                Arguments.of("Tag_SNS_Custom_Wins", "8", new FieldDifference("Tag_SNS_Custom_Wins", 7, 8)),
                Arguments.of("Tag_SNS_Custom_Channel", "\"LOBBY\"", new FieldDifference("Tag_SNS_Custom_Channel",
                        GameFriend.Channel.ARENA, GameFriend.Channel.LOBBY)),
                // A value that could not be read differs, and is shown as friend_get returned it.
                Arguments.of("Tag_SNS_Custom_Level", "\"5\"", new FieldDifference("Tag_SNS_Custom_Level", 5L, "5")),
                Arguments.of("Tag_SNS_Custom_Channel", "\"arena\"", new FieldDifference("Tag_SNS_Custom_Channel",
                        GameFriend.Channel.ARENA, "arena")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void oneFieldDiffers(String tag, String json, FieldDifference difference) {
        assertEquals(List.of(difference), GameFriendItem.differences(full(), readBack(fullWith(tag, json))));
    }

    @Test
    void everyDifferenceAtOnceInWireOrder() {
        Map<String, Object> tags = tags("{\"Tag_SNS_IM_AddSource\":\"AddSource_Type_Web\",\"Tag_SNS_IM_Remark\":\"x\","
                + "\"Tag_SNS_Custom_Level\":6,\"Tag_SNS_Custom_Rank\":2}");
        assertEquals(List.of("Remark: expected \"Bobby\", found \"x\"",
                        "GroupName: expected [\"Friends\", \"Guild\"], found absent",
                        "AddSource: expected \"AddSource_Type_Game\", found \"AddSource_Type_Web\"",
                        "AddWording: expected \"GG\", found absent",
                        "AddTime: expected 1420000002, found absent",
                        "Tag_SNS_Custom_Level: expected 5, found 6",
                        "Tag_SNS_Custom_Guild: expected \"Knights\", found absent",
                        "Tag_SNS_Custom_Score: expected 9000000000, found absent",
                        "Tag_SNS_Custom_Wins: expected 7, found absent",
                        "Tag_SNS_Custom_Channel: expected ARENA, found absent"),
                GameFriendItem.differences(full(), readBack(tags)).stream().map(FieldDifference::message).toList());
    }

    /**
     * The stance on absent and empty: the sources do not say whether friend_get omits fields never set or returns
     * them empty, so both answers must compare alike. An optional field never set equals its empty value found, and
     * an empty value expected equals the field not returned.
     */
    @Test
    void absentAndEmptyAreTheSameOnBothSides() {
        String omitted = "{\"Tag_SNS_IM_AddSource\":\"AddSource_Type_Game\",\"Tag_SNS_Custom_Level\":5,"
                + "\"Tag_SNS_Custom_Rank\":2}";
        String empty = "{\"Tag_SNS_IM_AddSource\":\"AddSource_Type_Game\",\"Tag_SNS_IM_Remark\":\"\","
                + "\"Tag_SNS_IM_Group\":[],\"Tag_SNS_IM_AddWording\":\"\",\"Tag_SNS_IM_AddTime\":0,"
                + "\"Tag_SNS_Custom_Level\":5,\"Tag_SNS_Custom_Guild\":\"\",\"Tag_SNS_Custom_Rank\":2,"
                + "\"Tag_SNS_Custom_Score\":0,\"Tag_SNS_Custom_Wins\":0,\"Tag_SNS_Custom_Channel\":\"\"}";
        GameFriendItem neverSet = minimal().build();
        GameFriendItem setEmpty = minimal().remark("").addWording("").guild("").score(0).wins(0).build();
        for (GameFriendItem expected : List.of(neverSet, setEmpty)) {
            for (String answer : List.of(omitted, empty)) {
                ReadBack<GameFriendItem> found = readBack(tags(answer));
                assertEquals(List.of(), found.problems(), answer);
                assertEquals(List.of(), GameFriendItem.differences(expected, found), expected + " / " + answer);
            }
        }
        // A required integer set to 0 and not returned by a friend_get that omits zeros: the same.
        GameFriendItem zeros = minimal().level(0).rank(0).build();
        assertEquals(List.of(), GameFriendItem.differences(zeros, readBack(tags(
                "{\"Tag_SNS_IM_AddSource\":\"AddSource_Type_Game\"}"))));
        // But a value is not the same as none.
        assertEquals(List.of(new FieldDifference("Remark", null, "x")),
                GameFriendItem.differences(neverSet, readBack(tags(omitted.replace("{", "{\"Tag_SNS_IM_Remark\":\"x\",")))));
    }

    @Test
    void addTimeIsComparedOnlyWhenTheItemHasOne() {
        ReadBack<GameFriendItem> stampedByTheServer = readBack(tags("{\"Tag_SNS_IM_AddSource\":\"AddSource_Type_Game\","
                + "\"Tag_SNS_IM_AddTime\":1764000000,\"Tag_SNS_Custom_Level\":5,\"Tag_SNS_Custom_Rank\":2}"));
        assertEquals(List.of(), GameFriendItem.differences(minimal().build(), stampedByTheServer));
        assertEquals(List.of(new FieldDifference("AddTime", 1420000002L, 1764000000L)),
                GameFriendItem.differences(minimal().addTime(1420000002L).build(), stampedByTheServer));
    }

    @Test
    void groupsAreASet() {
        assertEquals(List.of(), GameFriendItem.differences(full(),
                readBack(fullWith("Tag_SNS_IM_Group", "[\"Guild\",\"Friends\",\"Guild\"]"))));
    }

    @Test
    void onlyTheSameFriendCompares() {
        ReadBack<GameFriendItem> alice = GameFriendItem.readBack("alice", tags(FULL));
        assertThrows(IllegalArgumentException.class, () -> GameFriendItem.differences(full(), alice));
    }

    // ---- through ItemType, as generic code (the verification phase) calls them

    @Test
    void theTypeDescriptorReadsBackAndCompares() {
        ItemType<GameFriendItem> type = GameFriendItem.TYPE;
        assertTrue(type.supportsReadBack());
        ReadBack<GameFriendItem> found = type.readBack("bob", fullWith("Tag_SNS_Custom_Wins", "8"));
        assertEquals(List.of(new FieldDifference("Tag_SNS_Custom_Wins", 7, 8)), type.differences(full(), found));
        assertTrue(PlainFriendItem.TYPE.supportsReadBack());
    }

    @Test
    void anItemWithoutCustomFieldsReadsBackItsStandardFields() {
        PlainFriendItem expected = PlainFriendItem.builder().toAccount("bob").addSource("AddSource_Type_A")
                .groupNames("g").build();
        ReadBack<PlainFriendItem> found = PlainFriendItem.readBack("bob", tags(
                "{\"Tag_SNS_IM_AddSource\":\"AddSource_Type_A\",\"Tag_SNS_IM_Group\":[\"g\"],"
                        + "\"Tag_SNS_Custom_Level\":1}"));
        assertEquals(expected, found.item().orElseThrow());
        assertEquals(List.of(new Violation("Tag_SNS_Custom_Level", "is not a tag of this item type (known:"
                + " Tag_SNS_IM_Remark, Tag_SNS_IM_Group, Tag_SNS_IM_AddSource, Tag_SNS_IM_AddWording,"
                + " Tag_SNS_IM_AddTime)", "the number 1")), found.problems());
        assertEquals(List.of(), PlainFriendItem.differences(expected, found));
    }
}
