package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** friend_get (paging, tags, sequences, unset fields) and friend_check; the silent-loss fault they find. */
class FriendReadApisTest {

    private static final String FULL = "{\"To_Account\":\"bob\",\"Remark\":\"Bobby\",\"RemarkTime\":1420000001,"
            + "\"GroupName\":[\"Colleagues\",\"Friends\"],\"AddSource\":\"AddSource_Type_Android\","
            + "\"AddWording\":\"I'm Test3\",\"AddTime\":1420000002,\"CustomItem\":["
            + "{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"Test\"},{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":7}]}";

    private static SimulatorConfig.Builder config() {
        return Sim.config().customField("Level", CustomFieldType.INTEGER).customField("Guild", CustomFieldType.STRING);
    }

    private static Sim.Answer get(ChatSimulator sim, String from, long start) {
        return Sim.call(sim, RestApi.FRIEND_GET, "{\"From_Account\":" + TestJson.str(from) + ",\"StartIndex\":" + start
                + ",\"StandardSequence\":0,\"CustomSequence\":0}");
    }

    /** UserDataItem as To_Account → (Tag → Value), in order. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> friends(Map<String, Object> answer) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Object o : (List<Object>) answer.get("UserDataItem")) {
            Map<String, Object> item = (Map<String, Object>) o;
            Map<String, Object> tags = new LinkedHashMap<>();
            for (Object v : (List<Object>) item.get("ValueItem")) {
                Map<String, Object> tv = (Map<String, Object>) v;
                tags.put((String) tv.get("Tag"), tv.get("Value"));
            }
            out.put((String) item.get("To_Account"), tags);
        }
        return out;
    }

    @Test
    void friendGetReturnsTheStandardAndCustomTagsOfWhatWasStored() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(config().build())) {
            Sim.post(sim, Sim.body("alice", FULL, Sim.item("carol"))).assertAllStored();
            Map<String, Object> a = get(sim, "alice", 0).assertSucceeded();
            Map<String, Map<String, Object>> f = friends(a);
            Map<String, Object> bob = new LinkedHashMap<>();
            bob.put("Tag_SNS_IM_AddSource", "AddSource_Type_Android");
            bob.put("Tag_SNS_IM_Remark", "Bobby");
            bob.put("Tag_SNS_IM_Group", List.of("Colleagues", "Friends"));
            bob.put("Tag_SNS_IM_AddWording", "I'm Test3");
            bob.put("Tag_SNS_IM_AddTime", 1420000002L);
            bob.put("Tag_SNS_Custom_Guild", "Test");
            bob.put("Tag_SNS_Custom_Level", 7L);
            assertEquals(bob, f.get("bob"));
            assertEquals(List.copyOf(bob.keySet()), List.copyOf(f.get("bob").keySet()), "tag order");
            // Fields never set are not returned (the default).
            assertEquals(Map.of("Tag_SNS_IM_AddSource", "AddSource_Type_Test"), f.get("carol"));
            assertEquals(2L, a.get("FriendNum"));
            assertEquals(1L, a.get("CompleteFlag"));
            assertEquals(0L, a.get("NextStartIndex"));
            assertEquals(2L, a.get("StandardSequence"), "one per stored relation");
            assertEquals(1L, a.get("CustomSequence"));
        }
    }

    @Test
    void unsetFieldsCanBeReturnedWithZeroValues() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(config().friendGetReturnsUnsetFields(true).build())) {
            Sim.post(sim, Sim.body("alice", Sim.item("carol"))).assertAllStored();
            Map<String, Object> carol = new LinkedHashMap<>();
            carol.put("Tag_SNS_IM_AddSource", "AddSource_Type_Test");
            carol.put("Tag_SNS_IM_Remark", "");
            carol.put("Tag_SNS_IM_Group", List.of());
            carol.put("Tag_SNS_IM_AddWording", "");
            carol.put("Tag_SNS_IM_AddTime", 0L);
            carol.put("Tag_SNS_Custom_Level", 0L);
            carol.put("Tag_SNS_Custom_Guild", "");
            assertEquals(carol, friends(get(sim, "alice", 0).assertSucceeded()).get("carol"));
        }
    }

    @Test
    void friendGetPagesThroughEveryFriendInImportOrder() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(config().friendGetPageSize(3).build())) {
            Sim.post(sim, Sim.body("alice", Sim.items("f", 0, 8))).assertAllStored();
            List<String> seen = new ArrayList<>();
            long start = 0;
            int pages = 0;
            while (true) {
                Map<String, Object> page = get(sim, "alice", start).assertSucceeded();
                pages++;
                seen.addAll(friends(page).keySet());
                assertEquals(8L, page.get("FriendNum"));
                if ((Long) page.get("CompleteFlag") == 1L) {
                    assertEquals(0L, page.get("NextStartIndex"));
                    break;
                }
                start = (Long) page.get("NextStartIndex");
                assertEquals(3L * pages, start);
            }
            assertEquals(3, pages);
            assertEquals(List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7"), seen);
            // Past the end, and a user without friends: an empty complete page.
            Map<String, Object> past = get(sim, "alice", 50).assertSucceeded();
            assertEquals(List.of(), past.get("UserDataItem"));
            assertEquals(1L, past.get("CompleteFlag"));
            Map<String, Object> nobody = get(sim, "nobody", 0).assertSucceeded();
            assertEquals(0L, nobody.get("FriendNum"));
            assertEquals(1L, nobody.get("CompleteFlag"));
        }
    }

    @Test
    void sequencesEqualToTheServersLeaveTheirFieldsOut() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(config().build())) {
            Sim.post(sim, Sim.body("alice", FULL)).assertAllStored();
            Sim.post(sim, Sim.body("alice", Sim.item("carol"))).assertAllStored();
            Map<String, Object> first = get(sim, "alice", 0).assertSucceeded();
            assertEquals(2L, first.get("StandardSequence"));
            assertEquals(1L, first.get("CustomSequence"));
            Map<String, Object> again = Sim.call(sim, RestApi.FRIEND_GET, "{\"From_Account\":\"alice\",\"StartIndex\":0,"
                    + "\"StandardSequence\":2,\"CustomSequence\":0}").assertSucceeded();
            assertEquals(Map.of("Tag_SNS_Custom_Guild", "Test", "Tag_SNS_Custom_Level", 7L), friends(again).get("bob"));
            assertEquals(Map.of(), friends(again).get("carol"));
        }
    }

    @Test
    void friendGetRefusals() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(config().knownAccounts().build())) {
            assertEquals("StartIndex is missing; it is required (0 for the first page)",
                    Sim.call(sim, RestApi.FRIEND_GET, "{\"From_Account\":\"a\"}").assertFails(30001));
            assertEquals("StartIndex is -1; it must not be negative",
                    Sim.call(sim, RestApi.FRIEND_GET, "{\"From_Account\":\"a\",\"StartIndex\":-1}").assertFails(30001));
            assertEquals("From_Account must be a string (an account field), got an integer",
                    Sim.call(sim, RestApi.FRIEND_GET, "{\"From_Account\":1,\"StartIndex\":0}").assertFails(60015));
            assertEquals("Err_Sns_Invalid_Account",
                    Sim.call(sim, RestApi.FRIEND_GET, "{\"From_Account\":\"a\",\"StartIndex\":0}").assertFails(30003));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> relations(Sim.Answer a) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object o : (List<Object>) a.assertSucceeded().get("InfoItem")) {
            Map<String, Object> r = (Map<String, Object>) o;
            out.put((String) r.get("To_Account"), r.get("Relation") + "/" + r.get("ResultCode"));
        }
        return out;
    }

    @Test
    void friendCheckAnswersEachRelationOneWayOrBoth() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(config().build())) {
            Sim.post(sim, Sim.body("a", Sim.item("both"), Sim.item("ab"))).assertAllStored();
            Sim.post(sim, Sim.body("both", Sim.item("a"))).assertAllStored();
            Sim.post(sim, Sim.body("ba", Sim.item("a"))).assertAllStored();
            String tos = "\"To_Account\":[\"both\",\"ab\",\"ba\",\"none\"]";
            assertEquals(Map.of("both", "CheckResult_Type_BothWay/0", "ab", "CheckResult_Type_AWithB/0",
                    "ba", "CheckResult_Type_BWithA/0", "none", "CheckResult_Type_NoRelation/0"),
                    relations(Sim.call(sim, RestApi.FRIEND_CHECK, "{\"From_Account\":\"a\"," + tos
                            + ",\"CheckType\":\"CheckResult_Type_Both\"}")));
            assertEquals(Map.of("both", "CheckResult_Type_AWithB/0", "ab", "CheckResult_Type_AWithB/0",
                    "ba", "CheckResult_Type_NoRelation/0", "none", "CheckResult_Type_NoRelation/0"),
                    relations(Sim.call(sim, RestApi.FRIEND_CHECK, "{\"From_Account\":\"a\"," + tos
                            + ",\"CheckType\":\"CheckResult_Type_Single\"}")));
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 1001; i++) {
                many.append(i == 0 ? "" : ",").append("\"u").append(i).append('"');
            }
            assertEquals("To_Account has 1001 UserIDs; a call carries 1 to 1000", Sim.call(sim, RestApi.FRIEND_CHECK,
                    "{\"From_Account\":\"a\",\"To_Account\":[" + many + "],\"CheckType\":\"CheckResult_Type_Both\"}")
                    .assertFails(30001));
            assertEquals("CheckType must be CheckResult_Type_Single or CheckResult_Type_Both, got \"Both\"",
                    Sim.call(sim, RestApi.FRIEND_CHECK, "{\"From_Account\":\"a\",\"To_Account\":[\"b\"],"
                            + "\"CheckType\":\"Both\"}").assertFails(30001));
            assertEquals("To_Account[1] must be a string (an account field), got an integer",
                    Sim.call(sim, RestApi.FRIEND_CHECK, "{\"From_Account\":\"a\",\"To_Account\":[\"b\",2],"
                            + "\"CheckType\":\"CheckResult_Type_Both\"}").assertFails(60015));
        }
    }

    @Test
    void friendCheckNamesAccountsThatDoNotExist() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(config().accounts(List.of("a", "b")).build())) {
            Map<String, Object> answer = Sim.call(sim, RestApi.FRIEND_CHECK, "{\"From_Account\":\"a\","
                    + "\"To_Account\":[\"b\",\"zed\"],\"CheckType\":\"CheckResult_Type_Single\"}").assertSucceeded();
            assertEquals(List.of("zed"), answer.get("Fail_Account"));
            assertEquals(1, sim.stats().api(RestApi.FRIEND_CHECK).itemFailures(30003));
        }
    }

    @Test
    void silentLossesAnswerZeroButStoreNothingAndAreCounted() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(config().faultSeed(3).silentLoss(0.1).build())) {
            Sim.Answer a = Sim.post(sim, Sim.body("alice", Sim.items("f", 0, 1000)));
            a.assertAllStored(); // every item answered 0
            long lost = sim.stats().silentLosses();
            assertTrue(lost > 60 && lost < 140, "about 10 %: " + lost);
            assertEquals(1000 - lost, sim.relationCount());
            assertEquals(1000 - lost, sim.stats().itemsStored());
            // friend_get and friend_check find exactly the lost ones.
            Map<String, Object> page = Sim.call(sim, RestApi.FRIEND_GET, "{\"From_Account\":\"alice\",\"StartIndex\":0}")
                    .assertSucceeded();
            assertEquals(1000 - lost, (Long) page.get("FriendNum"));
            StringBuilder tos = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                tos.append(i == 0 ? "" : ",").append("\"f").append(i).append('"');
            }
            long missing = relations(Sim.call(sim, RestApi.FRIEND_CHECK, "{\"From_Account\":\"alice\",\"To_Account\":["
                    + tos + "],\"CheckType\":\"CheckResult_Type_Single\"}")).values().stream()
                    .filter(r -> r.startsWith("CheckResult_Type_NoRelation")).count();
            assertEquals(lost, missing);
        }
        // The same seed loses the same items.
        try (ChatSimulator one = ChatSimulator.start(config().faultSeed(3).silentLoss(0.1).build());
                ChatSimulator two = ChatSimulator.start(config().faultSeed(3).silentLoss(0.1).build())) {
            Sim.post(one, Sim.body("alice", Sim.items("f", 0, 200)));
            Sim.post(two, Sim.body("alice", Sim.items("f", 0, 200)));
            assertEquals(one.friendsOf("alice").keySet(), two.friendsOf("alice").keySet());
        }
    }
}
