package io.timport.processor.generated;

import static io.timport.processor.generated.BuilderTest.full;
import static io.timport.processor.generated.BuilderTest.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.timport.wire.AddFriendItem;
import io.timport.wire.InvalidItemException;
import io.timport.wire.ItemType;
import io.timport.wire.JsonValues;
import io.timport.wire.Violation;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code fromWire}: reading items back from the wire format, and every way that can go wrong. */
class FromWireTest {

    private static final JsonFactory JSON = new JsonFactory();

    private static Map<String, Object> parse(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            return JsonValues.readObject(parser);
        }
    }

    private static List<Violation> problems(String json) throws IOException {
        Map<String, Object> fields = parse(json);
        return assertThrows(InvalidItemException.class, () -> GameFriendItem.fromWire(fields)).violations();
    }

    private static final String MINIMAL_FIELDS = "\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Game\"";
    private static final String REQUIRED_CUSTOM = "{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":5},"
            + "{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":2}";

    @Test
    void whatTheSerializerWritesReadsBackEqual() throws IOException {
        List<AddFriendItem> items = List.of(full(), minimal().build(),
                minimal().remark("é 中 😀 \"q\"").groupNames("中文").build());
        for (AddFriendItem item : items) {
            assertEquals(item, GameFriendItem.fromWire(parse(JsonTest.json(item))));
        }
        ApiPageFriendItem page = ApiPageFriendItem.builder().toAccount("id1").addSource("AddSource_Type_X")
                .xxxx("Test").yyyy(0).build();
        assertEquals(page, ApiPageFriendItem.fromWire(parse(JsonTest.json(page))));
    }

    @Test
    void theTypeDescriptorReadsJsonToo() throws IOException {
        ItemType<GameFriendItem> type = GameFriendItem.TYPE;
        try (JsonParser parser = JSON.createParser(JsonTest.json(full()) + "\n" + JsonTest.json(minimal().build()))) {
            assertEquals(full(), type.readJson(parser));
            assertEquals(minimal().build(), type.readJson(parser));
        }
        assertEquals(full(), type.fromWire(parse(JsonTest.json(full()))));
    }

    @Test
    void plainJavaValuesOfEveryIntegerKindAndNullAsAbsent() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("To_Account", "bob");
        fields.put("AddSource", "AddSource_Type_Game");
        fields.put("RemarkTime", 7);
        fields.put("AddTime", BigInteger.valueOf(8));
        fields.put("Remark", null);
        fields.put("CustomItem", List.of(
                Map.of("Tag", "Tag_SNS_Custom_Level", "Value", (short) 5),
                Map.of("Tag", "Tag_SNS_Custom_Rank", "Value", (byte) 2),
                Map.of("Tag", "Tag_SNS_Custom_Score", "Value", BigInteger.TEN),
                mapWithNullValue("Tag_SNS_Custom_Guild")));
        GameFriendItem item = GameFriendItem.fromWire(fields);
        assertEquals(minimal().remarkTime(7).addTime(8).score(10).build(), item);
    }

    private static Map<String, Object> mapWithNullValue(String tag) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Tag", tag);
        map.put("Value", null);
        return map;
    }

    @Test
    void unknownFieldsAreNamed() throws IOException {
        assertEquals(List.of(
                        new Violation("From_Account", "is not an AddFriendItem field (known: To_Account, Remark,"
                                + " RemarkTime, GroupName, AddSource, AddWording, AddTime, CustomItem)", "the string \"alice\""),
                        new Violation("remark", "is not an AddFriendItem field (known: To_Account, Remark,"
                                + " RemarkTime, GroupName, AddSource, AddWording, AddTime, CustomItem)", "the string \"x\"")),
                problems("{\"From_Account\":\"alice\"," + MINIMAL_FIELDS + ",\"remark\":\"x\",\"CustomItem\":["
                        + REQUIRED_CUSTOM + "]}"));
    }

    @Test
    void wrongJsonTypesAreNamed() throws IOException {
        assertEquals(List.of(
                        new Violation("To_Account", "must be a string", "the number 12"),
                        new Violation("Remark", "must be a string", "an object"),
                        new Violation("RemarkTime", "must be an integer", "the string \"1420000001\""),
                        new Violation("GroupName", "must be an array of strings", "the string \"Friends\""),
                        new Violation("AddSource", "must be a string", "the boolean true"),
                        new Violation("AddWording", "must be a string", "an array"),
                        new Violation("AddTime", "must be an integer", "the number 1.5"),
                        new Violation("To_Account", "is required", "missing"),
                        new Violation("AddSource", "is required", "missing")),
                problems("{\"To_Account\":12,\"Remark\":{},\"RemarkTime\":\"1420000001\",\"GroupName\":\"Friends\","
                        + "\"AddSource\":true,\"AddWording\":[],\"AddTime\":1.5,\"CustomItem\":[" + REQUIRED_CUSTOM + "]}"));
        assertEquals(List.of(new Violation("GroupName[1]", "must be a string", "the number 3")),
                problems("{" + MINIMAL_FIELDS + ",\"GroupName\":[\"a\",3],\"CustomItem\":[" + REQUIRED_CUSTOM + "]}"));
    }

    @Test
    void unknownCustomTagsNameTheKnownOnes() throws IOException {
        assertEquals(List.of(new Violation("CustomItem[2].Tag", "must be one of this item type's tags (known:"
                        + " Tag_SNS_Custom_Level, Tag_SNS_Custom_Guild, Tag_SNS_Custom_Rank, Tag_SNS_Custom_Score,"
                        + " Tag_SNS_Custom_Wins, Tag_SNS_Custom_Channel)", "\"Tag_SNS_Custom_Levle\"")),
                problems("{" + MINIMAL_FIELDS + ",\"CustomItem\":[" + REQUIRED_CUSTOM
                        + ",{\"Tag\":\"Tag_SNS_Custom_Levle\",\"Value\":1}]}"));
        Map<String, Object> fields = parse("{\"To_Account\":\"a\",\"AddSource\":\"AddSource_Type_A\","
                + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_X\",\"Value\":1}]}");
        assertEquals(List.of(new Violation("CustomItem[0].Tag", "must be a custom tag of this item type, which has none",
                        "\"Tag_SNS_Custom_X\"")),
                assertThrows(InvalidItemException.class, () -> PlainFriendItem.fromWire(fields)).violations());
    }

    @Test
    void malformedCustomItems() throws IOException {
        assertEquals(List.of(new Violation("CustomItem", "must be an array of {\"Tag\":…,\"Value\":…} objects",
                                "an object"),
                        new Violation("Tag_SNS_Custom_Level", "is required", "missing"),
                        new Violation("Tag_SNS_Custom_Rank", "is required", "missing")),
                problems("{" + MINIMAL_FIELDS + ",\"CustomItem\":{}}"));
        assertEquals(List.of(
                        new Violation("CustomItem[2]", "must be a {\"Tag\":…,\"Value\":…} object", "the string \"x\""),
                        new Violation("CustomItem[3].Tag", "is required", "missing"),
                        new Violation("CustomItem[4].Tag", "must be a string", "the number 1"),
                        new Violation("CustomItem[5].Note", "is not a CustomItem field (known: Tag, Value)",
                                "the string \"n\""),
                        new Violation("CustomItem[6].Tag", "must not repeat the tag of CustomItem[0]",
                                "\"Tag_SNS_Custom_Level\""),
                        new Violation("CustomItem[7].Value", "is required", "missing")),
                problems("{" + MINIMAL_FIELDS + ",\"CustomItem\":[" + REQUIRED_CUSTOM + ",\"x\",{\"Value\":1},"
                        + "{\"Tag\":1,\"Value\":1},{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"g\",\"Note\":\"n\"},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":6},{\"Tag\":\"Tag_SNS_Custom_Wins\"}]}"));
    }

    @Test
    void valuesOfTheWrongTypeForTheirTag() throws IOException {
        assertEquals(List.of(
                        new Violation("Tag_SNS_Custom_Level", "must be an integer", "the string \"5\""),
                        new Violation("Tag_SNS_Custom_Guild", "must be a string", "the number 7"),
                        new Violation("Tag_SNS_Custom_Rank", "must be an integer from -2147483648 to 2147483647",
                                "2147483648"),
                        new Violation("Tag_SNS_Custom_Score", "must be an integer from -9223372036854775808 to"
                                + " 9223372036854775807", "9223372036854775808"),
                        new Violation("Tag_SNS_Custom_Wins", "must be an integer", "the number 2.0"),
                        new Violation("Tag_SNS_Custom_Level", "is required", "missing"),
                        new Violation("Tag_SNS_Custom_Rank", "is required", "missing")),
                problems("{" + MINIMAL_FIELDS + ",\"CustomItem\":["
                        + "{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":\"5\"},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":7},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":2147483648},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Score\",\"Value\":9223372036854775808},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Wins\",\"Value\":2.0}]}"));
    }

    @Test
    void repeatedGroupNamesKeepTheirFirstOccurrenceAsInTheBuilder() throws IOException {
        String groups = IntStream.range(0, 40).mapToObj(i -> "\"g" + (i % 32) + "\"").collect(Collectors.joining(","));
        GameFriendItem item = GameFriendItem.fromWire(parse("{" + MINIMAL_FIELDS + ",\"GroupName\":[\"b\",\"a\",\"b\"],"
                + "\"CustomItem\":[" + REQUIRED_CUSTOM + "]}"));
        assertEquals(List.of("b", "a"), item.groupNames());
        assertEquals(32, GameFriendItem.fromWire(parse("{" + MINIMAL_FIELDS + ",\"GroupName\":[" + groups + "],"
                + "\"CustomItem\":[" + REQUIRED_CUSTOM + "]}")).groupNames().size(), "40 names, 32 distinct");
        assertEquals(List.of(new Violation("GroupName", "must have at most 32 groups", "33 groups")),
                problems("{" + MINIMAL_FIELDS + ",\"GroupName\":[" + groups + ",\"g32\"],\"CustomItem\":["
                        + REQUIRED_CUSTOM + "]}"));
    }

    @Test
    void negativeCustomIntegersAreRejectedNamingTheField() throws IOException {
        String rule = "must not be negative (custom integers are unsigned, uint64_t)";
        assertEquals(List.of(new Violation("Tag_SNS_Custom_Level", rule, "-1"),
                        new Violation("Tag_SNS_Custom_Wins", rule, "-2147483648")),
                problems("{" + MINIMAL_FIELDS + ",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":-1},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":0},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Wins\",\"Value\":-2147483648}]}"));
        assertEquals(0L, GameFriendItem.fromWire(parse("{" + MINIMAL_FIELDS + ",\"CustomItem\":["
                + "{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":0},{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":0}]}"))
                .level());
    }

    @Test
    void enumValuesMustBeConstants() throws IOException {
        assertEquals(List.of(new Violation("Tag_SNS_Custom_Channel", "must be one of LOBBY, GUILD_CHAT, ARENA (Channel)",
                        "\"arena\"")),
                problems("{" + MINIMAL_FIELDS + ",\"CustomItem\":[" + REQUIRED_CUSTOM
                        + ",{\"Tag\":\"Tag_SNS_Custom_Channel\",\"Value\":\"arena\"}]}"));
        assertEquals(List.of(new Violation("Tag_SNS_Custom_Channel", "must be a string", "the number 2")),
                problems("{" + MINIMAL_FIELDS + ",\"CustomItem\":[" + REQUIRED_CUSTOM
                        + ",{\"Tag\":\"Tag_SNS_Custom_Channel\",\"Value\":2}]}"));
    }

    @Test
    void everyBuildRuleAppliesAndAllProblemsComeTogether() throws IOException {
        InvalidItemException e = assertThrows(InvalidItemException.class, () -> GameFriendItem.fromWire(parse(
                "{\"To_Account\":\"" + "a".repeat(33) + "\",\"Remark\":\"" + "中".repeat(33) + "\","
                        + "\"GroupName\":[\"\"],\"AddSource\":\"AddSource_Type_\",\"AddTime\":-1,\"Colour\":\"red\","
                        + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"" + "a".repeat(501) + "\"}]}")));
        assertEquals(List.of(
                        new Violation("Colour", "is not an AddFriendItem field (known: To_Account, Remark,"
                                + " RemarkTime, GroupName, AddSource, AddWording, AddTime, CustomItem)",
                                "the string \"red\""),
                        new Violation("To_Account", "must be 1 to 32 UTF-8 bytes", "33 bytes"),
                        new Violation("Remark", "must be at most 96 UTF-8 bytes", "99 bytes"),
                        new Violation("GroupName[0]", "must be 1 to 30 UTF-8 bytes", "0 bytes"),
                        new Violation("AddSource", "must be AddSource_Type_ followed by 1 to 8 English letters"
                                + " (e.g. AddSource_Type_Android)", "\"AddSource_Type_\""),
                        new Violation("AddTime", "must be Unix seconds from 0 to 4294967295", "-1"),
                        new Violation("Tag_SNS_Custom_Level", "is required", "missing"),
                        new Violation("Tag_SNS_Custom_Guild", "must be at most 500 UTF-8 bytes", "501 bytes"),
                        new Violation("Tag_SNS_Custom_Rank", "is required", "missing")),
                e.violations());
        assertEquals("a".repeat(33), e.toAccount());
    }

    @Test
    void theFieldsMapIsNotChanged() throws IOException {
        Map<String, Object> fields = parse(JsonTest.json(full()));
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put("CustomItem", new ArrayList<>((List<?>) fields.get("CustomItem")));
        GameFriendItem.fromWire(fields);
        assertEquals(copy, fields);
    }
}
