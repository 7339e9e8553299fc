package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Per-item rules: each broken item is sent beside a sound one, and must fail alone with its code and a
 * ResultInfo naming the field, the rule and the problem, while the sound item is stored.
 */
class ItemChecksTest {

    private static final String S96 = "r".repeat(96);
    private static final AtomicInteger FROM = new AtomicInteger();
    private static ChatSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = ChatSimulator.start(Sim.config()
                .customField("Level", CustomFieldType.INTEGER)
                .customField("Guild", CustomFieldType.STRING)
                .build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Posts [good, bad] for a fresh From_Account; asserts the bad item's code and info and that only good was stored. */
    private static void assertItemFails(String badItem, long code, String info) {
        String from = "from" + FROM.incrementAndGet();
        Sim.Answer a = Sim.post(sim, Sim.body(from, Sim.item("good"), badItem));
        List<Object> good = a.result(0);
        assertEquals(List.of("good", 0L, ""), good, a.raw());
        List<Object> bad = a.result(1);
        assertEquals(code, bad.get(1), a.raw());
        assertEquals(info, bad.get(2), a.raw());
        assertEquals(List.of(bad.get(0)), a.failAccounts(), a.raw());
        assertEquals(List.of("good"), List.copyOf(sim.friendsOf(from).keySet()));
    }

    private static void assertItemStored(String item) {
        String from = "from" + FROM.incrementAndGet();
        Sim.post(sim, Sim.body(from, item)).assertAllStored();
        assertEquals(1, sim.friendsOf(from).size());
    }

    private static String item(String extraFields) {
        return "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Test\"" + extraFields + "}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // field names
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"remark\":\"x\"}"
                + "| unknown field 'remark' (names are case-sensitive: To_Account, AddSource, Remark, RemarkTime, "
                + "GroupName, AddWording, AddTime, CustomItem)",
        // To_Account
        "{\"To_Account\":\"\",\"AddSource\":\"AddSource_Type_A\"}| To_Account is empty; a UserID has 1 to 32 bytes",
        "{\"To_Account\":\"abcdefghijabcdefghijabcdefghijabc\",\"AddSource\":\"AddSource_Type_A\"}"
                + "| To_Account is 33 bytes of UTF-8; a UserID has 1 to 32 bytes",
        "{\"To_Account\":\"用户用户用户用户用户用\",\"AddSource\":\"AddSource_Type_A\"}"
                + "| To_Account is 33 bytes of UTF-8; a UserID has 1 to 32 bytes",
        // AddSource
        "{\"To_Account\":\"bob\"}| AddSource is missing; it is required",
        "{\"To_Account\":\"bob\",\"AddSource\":5}| AddSource must be a string, got an integer",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_\"}"
                + "| AddSource \"AddSource_Type_\" must be AddSource_Type_ followed by 1 to 8 English letters",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Abcdefghi\"}"
                + "| AddSource \"AddSource_Type_Abcdefghi\" must be AddSource_Type_ followed by 1 to 8 English letters",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Web1\"}"
                + "| AddSource \"AddSource_Type_Web1\" must be AddSource_Type_ followed by 1 to 8 English letters",
        "{\"To_Account\":\"bob\",\"AddSource\":\"addsource_type_Web\"}"
                + "| AddSource \"addsource_type_Web\" must be AddSource_Type_ followed by 1 to 8 English letters",
        // Remark
        "`{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"Remark\":\"" + "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr\"}`"
                + "| Remark is 97 bytes of UTF-8; at most 96 are allowed",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"Remark\":1}| Remark must be a string, got an integer",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"Remark\":null}| Remark must be a string, got null",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"Remark\":\"\\ud83d\"}"
                + "| Remark holds an unpaired UTF-16 surrogate and cannot be encoded as UTF-8",
        // RemarkTime / AddTime
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"RemarkTime\":\"1420000001\"}"
                + "| RemarkTime must be an integer (Unix seconds), got a string",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"RemarkTime\":1.5}"
                + "| RemarkTime must be an integer (Unix seconds), got a number with a fraction or exponent",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"RemarkTime\":-1}"
                + "| RemarkTime is -1; it must be within 0 to 4294967295 (Unix seconds)",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"AddTime\":4294967296}"
                + "| AddTime is 4294967296; it must be within 0 to 4294967295 (Unix seconds)",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"AddTime\":99999999999999999999}"
                + "| AddTime is out of range; it must be within 0 to 4294967295 (Unix seconds)",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"AddTime\":true}"
                + "| AddTime must be an integer (Unix seconds), got a boolean",
        // GroupName
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"GroupName\":\"Friends\"}"
                + "| GroupName must be an array of strings, got a string",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"GroupName\":[\"a\",7]}"
                + "| GroupName[1] must be a string, got an integer",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"GroupName\":[\"\"]}"
                + "| GroupName[0] is empty; a group name has 1 to 30 bytes",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"GroupName\":[\"ok\",\"0123456789012345678901234567890\"]}"
                + "| GroupName[1] is 31 bytes of UTF-8; a group name has 1 to 30 bytes",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"GroupName\":[\"好友好友好友好友好友好\"]}"
                + "| GroupName[0] is 33 bytes of UTF-8; a group name has 1 to 30 bytes",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":-1}]}"
                + "| CustomItem[0].Value of Tag_SNS_Custom_Level is -1; a custom integer must not be negative "
                + "(Tencent's type is uint64_t)",
        // AddWording
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"AddWording\":[]}"
                + "| AddWording must be a string, got an array",
        // CustomItem
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":{}}"
                + "| CustomItem must be an array of {Tag, Value} objects, got an object",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[\"x\"]}"
                + "| CustomItem[0] must be an object with Tag and Value, got a string",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":1,\"Type\":1}]}"
                + "| CustomItem[0] has an unknown field 'Type' (only Tag and Value)",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Value\":1}]}"
                + "| CustomItem[0].Tag is missing",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":1,\"Value\":1}]}"
                + "| CustomItem[0].Tag must be a string, got an integer",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_GuildNameX\",\"Value\":\"x\"}]}"
                + "| CustomItem[0].Tag \"Tag_SNS_Custom_GuildNameX\" must be Tag_SNS_Custom_ followed by 1 to 8 English letters",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_Profile_Custom_Level\",\"Value\":1}]}"
                + "| CustomItem[0].Tag \"Tag_Profile_Custom_Level\" must be Tag_SNS_Custom_ followed by 1 to 8 English letters",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":1}]}"
                + "| CustomItem[0].Tag Tag_SNS_Custom_Rank is not a registered custom friend field "
                + "(registered: Tag_SNS_Custom_Level, Tag_SNS_Custom_Guild)",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":1},"
                + "{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":2}]}"
                + "| CustomItem[1].Tag Tag_SNS_Custom_Level repeats CustomItem[0]",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\"}]}"
                + "| CustomItem[0].Value of Tag_SNS_Custom_Level is missing",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":\"3\"}]}"
                + "| CustomItem[0].Value of Tag_SNS_Custom_Level must be an integer (the field is of type Integer), got a string",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":3.0}]}"
                + "| CustomItem[0].Value of Tag_SNS_Custom_Level must be an integer (the field is of type Integer), "
                + "got a number with a fraction or exponent",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":9223372036854775808}]}"
                + "| CustomItem[0].Value of Tag_SNS_Custom_Level is outside the signed 64-bit integer range",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":0}]}"
                + "| CustomItem[0].Value of Tag_SNS_Custom_Guild must be a string (the field is of type String), got an integer",
        "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":null}]}"
                + "| CustomItem[0].Value of Tag_SNS_Custom_Guild must be a string (the field is of type String), got null",
    })
    void brokenItemIs30001(String item, String info) {
        assertItemFails(item, 30001, info);
    }

    @Test
    void lengthsAreCountedInUtf8BytesAndLimitsAreInclusive() {
        // 96 bytes: 32 three-byte characters.
        String remark96 = "好".repeat(32);
        assertItemStored(item(",\"Remark\":\"" + remark96 + "\""));
        assertItemFails(item(",\"Remark\":\"" + remark96 + "a\""), 30001,
                "Remark is 97 bytes of UTF-8; at most 96 are allowed");
        assertItemStored(item(",\"Remark\":\"" + S96 + "\""));
        // AddWording: 256 ok, 257 not; a four-byte emoji counts 4.
        assertItemStored(item(",\"AddWording\":\"" + "w".repeat(252) + "😀\""));
        assertItemFails(item(",\"AddWording\":\"" + "w".repeat(253) + "😀\""), 30001,
                "AddWording is 257 bytes of UTF-8; at most 256 are allowed");
        // UserID 32 bytes ok.
        assertItemStored("{\"To_Account\":\"" + "u".repeat(32) + "\",\"AddSource\":\"AddSource_Type_A\"}");
        // Group names: 30 bytes ok, 32 groups ok.
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            groups.append(i == 0 ? "" : ",").append("\"g").append(i).append("\"");
        }
        assertItemStored(item(",\"GroupName\":[\"" + "g".repeat(30) + "\"]"));
        assertItemStored(item(",\"GroupName\":[" + groups + "]"));
        assertItemFails(item(",\"GroupName\":[" + groups + ",\"g32\"]"), 30001,
                "GroupName has more than 32 distinct names; at most 32 are allowed");
        // Custom string: 500 ok, 501 not.
        assertItemStored(item(",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"" + "v".repeat(500) + "\"}]"));
        assertItemFails(item(",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"" + "v".repeat(501) + "\"}]"),
                30001, "CustomItem[0].Value of Tag_SNS_Custom_Guild is 501 bytes of UTF-8; at most 500 are allowed");
        // Times: 0 and 4294967295 ok; integers at the signed 64-bit edges ok.
        assertItemStored(item(",\"RemarkTime\":0,\"AddTime\":4294967295"));
        assertItemStored(item(",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":0}]"));
        assertItemStored(item(",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":9223372036854775807}]"));
        // AddSource of 1 and 8 letters, empty strings where allowed, empty arrays.
        assertItemStored("{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_a\"}");
        assertItemStored("{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_AbcdEfgh\"}");
        assertItemStored(item(",\"Remark\":\"\",\"AddWording\":\"\",\"GroupName\":[],\"CustomItem\":[]"));
    }

    @Test
    void repeatedGroupNamesAreAcceptedAndStoredOnce() {
        String from = "from" + FROM.incrementAndGet();
        Sim.post(sim, Sim.body(from, item(",\"GroupName\":[\"a\",\"b\",\"a\",\"b\"]"))).assertAllStored();
        assertEquals(List.of("a", "b"), sim.friend(from, "bob").orElseThrow().groupNames());
        assertEquals(java.util.Set.of("a", "b"), sim.groupsOf(from));
        // The 32-group limit counts distinct names: 32 distinct names, each twice, is 64 entries and fits.
        StringBuilder twice = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            twice.append(i == 0 ? "" : ",").append("\"g").append(i % 32).append('"');
        }
        assertItemStored(item(",\"GroupName\":[" + twice + "]"));
    }

    @Test
    void importingOneselfIs30001() {
        Sim.Answer a = Sim.post(sim, Sim.body("selfie", Sim.item("selfie")));
        assertEquals(List.of("selfie", 30001L,
                "To_Account equals From_Account; a user cannot be imported as their own friend"), a.result(0));
        assertEquals(List.of("selfie"), a.failAccounts());
    }

    @Test
    void aRepeatedToAccountFailsAfterItsFirstItem() {
        String first = item(",\"Remark\":\"first\"");
        String second = item(",\"Remark\":\"second\"");
        Sim.Answer a = Sim.post(sim, Sim.body("repeat", first, Sim.item("carol"), second));
        assertEquals(List.of("bob", 0L, ""), a.result(0));
        assertEquals(List.of("carol", 0L, ""), a.result(1));
        assertEquals(List.of("bob", 30001L, "To_Account \"bob\" appears more than once in this request "
                + "(first at AddFriendItem[0]); only its first item is processed"), a.result(2));
        assertEquals(List.of("bob"), a.failAccounts());
        assertEquals("first", sim.friend("repeat", "bob").orElseThrow().remark().orElseThrow());
    }

    @Test
    void resultItemsFollowRequestOrderAndFailAccountListsEachFailureOnce() {
        Sim.Answer a = Sim.post(sim, Sim.body("order", "{\"To_Account\":\"x1\"}", Sim.item("x2"),
                "{\"To_Account\":\"x3\",\"AddSource\":1}", Sim.item("x1")));
        List<String> tos = a.assertOk().stream().map(r -> (String) r.get("To_Account")).toList();
        assertEquals(List.of("x1", "x2", "x3", "x1"), tos);
        assertEquals(List.of("x1", "x3"), a.failAccounts());
    }

    @Test
    void noRegisteredCustomFieldsIsNamed() throws Exception {
        try (ChatSimulator plain = ChatSimulator.start(Sim.config().build())) {
            Sim.Answer a = Sim.post(plain, Sim.body("a",
                    item(",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":1}]")));
            assertEquals("CustomItem[0].Tag Tag_SNS_Custom_Level is not a registered custom friend field "
                    + "(none are registered)", a.result(0).get(2));
        }
    }

    @Test
    void unknownToAccountIs30003WhenAccountsAreListed() throws Exception {
        try (ChatSimulator listed = ChatSimulator.start(Sim.config().accounts(List.of("alice", "bob")).build())) {
            Sim.Answer a = Sim.post(listed, Sim.body("alice", Sim.item("bob"), Sim.item("zed")));
            assertEquals(List.of("bob", 0L, ""), a.result(0));
            assertEquals(List.of("zed", 30003L, "To_Account \"zed\" does not exist in this app (import the account first)"),
                    a.result(1));
            assertEquals(List.of("zed"), a.failAccounts());
            assertTrue(listed.friend("alice", "bob").isPresent());
            assertFalse(listed.friend("alice", "zed").isPresent());
        }
    }

    @Test
    void aFormatErrorWinsOverAMissingAccount() throws Exception {
        try (ChatSimulator listed = ChatSimulator.start(Sim.config().accounts(List.of("alice")).build())) {
            Sim.Answer a = Sim.post(listed, Sim.body("alice", "{\"To_Account\":\"zed\"}"));
            assertEquals(30001L, a.result(0).get(1));
        }
    }
}
