package io.timport.processor.generated;

import static io.timport.processor.generated.BuilderTest.full;
import static io.timport.processor.generated.BuilderTest.minimal;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.timport.wire.AddFriendItem;
import io.timport.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated serializer: exact wire JSON, and the same JSON as a plain ObjectMapper writes. */
class JsonTest {

    private static final JsonFactory JSON = WireWriter.jsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String json(AddFriendItem item) throws IOException {
        return json(item, JSON);
    }

    static String json(AddFriendItem item, JsonFactory factory) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            item.writeJson(generator);
        }
        return out.toString(UTF_8);
    }

    /** The request body of the API page's complete example, its line breaks (all outside strings) removed. */
    private static String apiPageCompleteRequest() throws IOException {
        try (InputStream in = JsonTest.class.getResourceAsStream("/api-page/complete-request.json")) {
            return new String(in.readAllBytes(), UTF_8).replace("\n", "");
        }
    }

    @Test
    void theApiPageCompleteRequestByteForByte() throws IOException {
        ApiPageFriendItem item = ApiPageFriendItem.builder()
                .toAccount("id1")
                .remark("remark1")
                .remarkTime(1420000001)
                .groupNames("Friends")
                .addSource("AddSource_Type_XXXXXXXX")
                .addWording("I'm Test1")
                .addTime(1420000001)
                .xxxx("Test")
                .yyyy(0)
                .build();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("From_Account", "id");
            json.writeArrayFieldStart("AddFriendItem");
            item.writeJson(json);
            json.writeEndArray();
            json.writeEndObject();
        }
        assertEquals(apiPageCompleteRequest(), out.toString(UTF_8));
        assertEquals(MAPPER.readTree(apiPageCompleteRequest()).get("AddFriendItem").get(0).toString(), json(item));
        assertEquals(json(item), MAPPER.writeValueAsString(item));
    }

    @Test
    void aMinimalItem() throws IOException {
        assertEquals("{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Game\",\"CustomItem\":["
                        + "{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":5},{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":2}]}",
                json(minimal().build()));
    }

    @Test
    void everyFieldInWireOrderIntegersAsNumbersEnumsByName() throws IOException {
        assertEquals("{\"To_Account\":\"bob\",\"Remark\":\"Bobby\",\"RemarkTime\":1420000001,"
                        + "\"GroupName\":[\"Friends\",\"Guild\"],\"AddSource\":\"AddSource_Type_Game\","
                        + "\"AddWording\":\"GG\",\"AddTime\":1420000002,\"CustomItem\":["
                        + "{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":5},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"Knights\"},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":2},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Score\",\"Value\":9000000000},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Wins\",\"Value\":7},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Channel\",\"Value\":\"ARENA\"}]}",
                json(full()));
    }

    @Test
    void noCustomItemWhenNoCustomFieldIsPresent() throws IOException {
        NoteFriendItem note = NoteFriendItem.builder().toAccount("a").addSource("AddSource_Type_A").build();
        assertEquals("{\"To_Account\":\"a\",\"AddSource\":\"AddSource_Type_A\"}", json(note));
        assertEquals("{\"To_Account\":\"a\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":["
                        + "{\"Tag\":\"Tag_SNS_Custom_Stars\",\"Value\":3}]}",
                json(note.toBuilder().stars(3).build()));
        PlainFriendItem plain = PlainFriendItem.builder().toAccount("a").addSource("AddSource_Type_A").build();
        assertEquals("{\"To_Account\":\"a\",\"AddSource\":\"AddSource_Type_A\"}", json(plain));
    }

    @Test
    void tagsThatDifferOnlyInCaseKeepTheirOwnSpelling() throws IOException {
        CaseFriendItem item = CaseFriendItem.builder().toAccount("a").addSource("AddSource_Type_A")
                .level(1).upperLevel(2L).LEVEL_TAG(3).build();

        assertEquals("{\"To_Account\":\"a\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":["
                + "{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":1},"
                + "{\"Tag\":\"Tag_SNS_Custom_LEVEL\",\"Value\":2},"
                + "{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":3}]}", json(item));
        assertEquals(MAPPER.writeValueAsString(item), json(item));
    }

    @Test
    void writeFieldsLeavesTheObjectToTheCaller() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("From_Account", "alice");
            minimal().build().writeFields(json);
            json.writeEndObject();
        }
        assertEquals("{\"From_Account\":\"alice\"," + json(minimal().build()).substring(1), out.toString(UTF_8));
    }

    @Test
    void objectMapperWritesTheSameJson() throws IOException {
        List<AddFriendItem> items = List.of(
                full(),
                minimal().build(),
                minimal().remark("quote \" backslash \\ tab \t newline \n é 中 😀").groupNames("中文", "😀").build(),
                minimal().groupNames().remark("").addWording("").guild("").build(),
                NoteFriendItem.builder().toAccount("a").addSource("AddSource_Type_A").build(),
                NoteFriendItem.builder().toAccount("a").addSource("AddSource_Type_A").note("n").build(),
                PlainFriendItem.builder().toAccount("a").addSource("AddSource_Type_A").addTime(0).build(),
                Hierarchy_DerivedItem.builder().toAccount("a").addSource("AddSource_Type_A").base(1).derived(2)
                        .mid("m").other(3L).build());
        ObjectMapper mapperWithTheWireFactory = new ObjectMapper(WireWriter.jsonFactory());
        for (AddFriendItem item : items) {
            assertEquals(json(item), MAPPER.writeValueAsString(item), item::toString);
            assertEquals(json(item), new String(mapperWithTheWireFactory.writeValueAsBytes(item), UTF_8), item::toString);
            // Jackson's default factory escapes surrogate pairs when writing bytes: the same for both writers.
            assertEquals(new String(MAPPER.writeValueAsBytes(item), UTF_8), json(item, new JsonFactory()), item::toString);
        }
    }

    @Test
    void supplementaryCharactersAreSentAsFourUtf8Bytes() throws IOException {
        String json = json(minimal().remark("😀").build());
        assertEquals(true, json.contains("\"Remark\":\"😀\""), json);
        assertEquals(true, json(minimal().remark("😀").build(), new JsonFactory()).contains("\\uD83D\\uDE00"),
                "what Jackson's default factory would send instead");
    }
}
