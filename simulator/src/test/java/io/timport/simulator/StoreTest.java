package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store: one-way relations with every field, overwrite on re-import, limits, introspection. */
class StoreTest {

    private ChatSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = ChatSimulator.start(Sim.config()
                .customField("Level", CustomFieldType.INTEGER)
                .customField("Guild", CustomFieldType.STRING)
                .build());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static final String FULL = "{\"To_Account\":\"bob\",\"Remark\":\"Bobby\",\"RemarkTime\":1420000001,"
            + "\"GroupName\":[\"Colleagues\",\"Friends\"],\"AddSource\":\"AddSource_Type_Android\","
            + "\"AddWording\":\"I'm Test3\",\"AddTime\":1420000002,\"CustomItem\":["
            + "{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"Test\"},{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":0}]}";

    @Test
    void everyFieldIsStoredAsSent() {
        Sim.post(sim, Sim.body("alice", FULL)).assertAllStored();
        StoredFriend bob = sim.friend("alice", "bob").orElseThrow();
        assertEquals("alice", bob.fromAccount());
        assertEquals("bob", bob.toAccount());
        assertEquals("AddSource_Type_Android", bob.addSource());
        assertEquals(Optional.of("Bobby"), bob.remark());
        assertEquals(OptionalLong.of(1420000001L), bob.remarkTime());
        assertEquals(List.of("Colleagues", "Friends"), bob.groupNames());
        assertEquals(Optional.of("I'm Test3"), bob.addWording());
        assertEquals(OptionalLong.of(1420000002L), bob.addTime());
        assertEquals(Map.of("Tag_SNS_Custom_Guild", "Test", "Tag_SNS_Custom_Level", 0L), bob.customItems());
        assertEquals(List.of("Tag_SNS_Custom_Guild", "Tag_SNS_Custom_Level"), List.copyOf(bob.customItems().keySet()));
        assertEquals(Optional.of(0L), bob.custom("Tag_SNS_Custom_Level"));
        assertEquals(Set.of("Colleagues", "Friends"), sim.groupsOf("alice"));
    }

    @Test
    void absentOptionalFieldsStayAbsent() {
        Sim.post(sim, Sim.body("alice", Sim.item("bob"))).assertAllStored();
        StoredFriend bob = sim.friend("alice", "bob").orElseThrow();
        assertEquals(Optional.empty(), bob.remark());
        assertEquals(OptionalLong.empty(), bob.remarkTime());
        assertEquals(List.of(), bob.groupNames());
        assertEquals(Optional.empty(), bob.addWording());
        assertEquals(OptionalLong.empty(), bob.addTime());
        assertEquals(Map.of(), bob.customItems());
    }

    @Test
    void relationsAreOneWay() {
        Sim.post(sim, Sim.body("alice", Sim.item("bob"))).assertAllStored();
        assertTrue(sim.friend("alice", "bob").isPresent());
        assertFalse(sim.friend("bob", "alice").isPresent());
        assertEquals(Map.of(), sim.friendsOf("bob"));
        assertEquals(1, sim.relationCount());
        Sim.post(sim, Sim.body("bob", Sim.item("alice"))).assertAllStored();
        assertEquals(2, sim.relationCount());
        assertEquals(Set.of("alice", "bob"), sim.fromAccounts());
    }

    @Test
    void reimportingOverwritesTheWholeRelationAndSucceeds() {
        Sim.post(sim, Sim.body("alice", FULL)).assertAllStored();
        Sim.post(sim, Sim.body("alice", "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Web\","
                + "\"Remark\":\"B\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":7}]}")).assertAllStored();
        StoredFriend bob = sim.friend("alice", "bob").orElseThrow();
        assertEquals("AddSource_Type_Web", bob.addSource());
        assertEquals(Optional.of("B"), bob.remark());
        assertEquals(OptionalLong.empty(), bob.remarkTime());
        assertEquals(List.of(), bob.groupNames());
        assertEquals(Optional.empty(), bob.addWording());
        assertEquals(Map.of("Tag_SNS_Custom_Level", 7L), bob.customItems());
        assertEquals(1, sim.relationCount());
        // The groups once created remain the user's groups.
        assertEquals(Set.of("Colleagues", "Friends"), sim.groupsOf("alice"));
    }

    @Test
    void friendsKeepFirstImportOrder() {
        Sim.post(sim, Sim.body("alice", Sim.item("c"), Sim.item("a"), Sim.item("b"))).assertAllStored();
        Sim.post(sim, Sim.body("alice", Sim.item("a"), Sim.item("d"))).assertAllStored();
        assertEquals(List.of("c", "a", "b", "d"), List.copyOf(sim.friendsOf("alice").keySet()));
    }

    @Test
    void introspectionReturnsImmutableCopies() {
        Sim.post(sim, Sim.body("alice", FULL)).assertAllStored();
        Map<String, StoredFriend> friends = sim.friendsOf("alice");
        assertThrows(UnsupportedOperationException.class, () -> friends.remove("bob"));
        StoredFriend bob = friends.get("bob");
        assertThrows(UnsupportedOperationException.class, () -> bob.groupNames().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> bob.customItems().put("x", 1L));
        Map<String, Map<String, StoredFriend>> all = sim.relations();
        assertEquals(Set.of("alice"), all.keySet());
        assertEquals(bob, all.get("alice").get("bob"));
    }

    @Test
    void threeThousandFriendsThen30010ButOverwritesStillSucceed() {
        for (int batch = 0; batch < 3; batch++) {
            Sim.post(sim, Sim.body("alice", Sim.items("f", batch * 1000, 1000))).assertAllStored();
        }
        assertEquals(3000, sim.friendsOf("alice").size());
        Sim.Answer a = Sim.post(sim, Sim.body("alice", Sim.item("f3000"), Sim.item("f0")));
        assertEquals(List.of("f3000", 30010L, "Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold"), a.result(0));
        assertEquals(List.of("f0", 0L, ""), a.result(1));
        assertEquals(List.of("f3000"), a.failAccounts());
        assertEquals(3000, sim.friendsOf("alice").size());
        // Another user is not affected.
        Sim.post(sim, Sim.body("bob", Sim.item("f3000"))).assertAllStored();
    }

    @Test
    void thirtyTwoGroupsThen30011() {
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            first.append(i == 0 ? "" : ",").append("\"g").append(i).append('"');
        }
        String item1 = "{\"To_Account\":\"f1\",\"AddSource\":\"AddSource_Type_A\",\"GroupName\":[" + first + "]}";
        String item2 = "{\"To_Account\":\"f2\",\"AddSource\":\"AddSource_Type_A\",\"GroupName\":[\"g0\",\"g30\",\"g31\"]}";
        Sim.post(sim, Sim.body("alice", item1, item2)).assertAllStored();
        assertEquals(32, sim.groupsOf("alice").size());
        String reuse = "{\"To_Account\":\"f3\",\"AddSource\":\"AddSource_Type_A\",\"GroupName\":[\"g5\",\"g31\"]}";
        String over = "{\"To_Account\":\"f4\",\"AddSource\":\"AddSource_Type_A\",\"GroupName\":[\"g1\",\"new1\",\"new2\"]}";
        Sim.Answer a = Sim.post(sim, Sim.body("alice", reuse, over));
        assertEquals(List.of("f3", 0L, ""), a.result(0));
        assertEquals(List.of("f4", 30011L, "From_Account already holds 32 friend groups; adding \"new1\" and 1 more "
                + "would exceed the limit of 32"), a.result(1));
        assertFalse(sim.friend("alice", "f4").isPresent());
        assertEquals(32, sim.groupsOf("alice").size());
    }

    @Test
    void limitsAreConfigurable() throws Exception {
        try (ChatSimulator small = ChatSimulator.start(Sim.config().maxFriendsPerUser(2).maxGroupsPerUser(1).build())) {
            Sim.Answer a = Sim.post(small, Sim.body("u", Sim.item("a"), Sim.item("b"), Sim.item("c")));
            assertEquals(30010L, a.result(2).get(1));
            a = Sim.post(small, Sim.body("v",
                    "{\"To_Account\":\"a\",\"AddSource\":\"AddSource_Type_A\",\"GroupName\":[\"x\",\"y\"]}"));
            assertEquals(List.of("a", 30011L, "From_Account already holds 0 friend groups; adding \"x\" and 1 more "
                    + "would exceed the limit of 1"), a.result(0));
        }
    }

    @Test
    void clearStoreAndResetEmptyTheStore() {
        Sim.post(sim, Sim.body("alice", Sim.item("bob"))).assertAllStored();
        sim.clearStore();
        assertEquals(0, sim.relationCount());
        assertEquals(Map.of(), sim.friendsOf("alice"));
        assertEquals(1, sim.stats().succeeded(), "clearStore keeps the counters");
        Sim.post(sim, Sim.body("alice", Sim.item("bob"))).assertAllStored();
        sim.reset();
        assertEquals(0, sim.relationCount());
        assertEquals(0, sim.stats().calls());
    }
}
