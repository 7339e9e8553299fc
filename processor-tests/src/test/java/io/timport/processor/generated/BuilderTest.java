package io.timport.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.wire.AddFriendItem;
import io.timport.wire.CustomItem;
import io.timport.wire.InvalidItemException;
import io.timport.wire.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Builders, accessors, required and optional fields, equality of generated items. */
class BuilderTest {

    static GameFriendItem.Builder minimal() {
        return GameFriendItem.builder()
                .toAccount("bob")
                .addSource("AddSource_Type_Game")
                .level(5)
                .rank(2);
    }

    static GameFriendItem full() {
        return minimal()
                .remark("Bobby")
                .remarkTime(1420000001)
                .groupNames("Friends", "Guild")
                .addWording("GG")
                .addTime(1420000002L)
                .guild("Knights")
                .score(9_000_000_000L)
                .wins(7)
                .channel(GameFriend.Channel.ARENA)
                .build();
    }

    @Test
    void everyAccessorReturnsWhatWasSet() {
        GameFriendItem item = full();
        assertEquals("bob", item.toAccount());
        assertEquals("AddSource_Type_Game", item.addSource());
        assertEquals("Bobby", item.remark());
        assertEquals(1420000001L, item.remarkTime());
        assertEquals(List.of("Friends", "Guild"), item.groupNames());
        assertEquals("GG", item.addWording());
        assertEquals(1420000002L, item.addTime());
        assertEquals(5L, item.level());
        assertEquals("Knights", item.guild());
        assertEquals(2, item.rank());
        assertEquals(9_000_000_000L, item.score());
        assertEquals(7, item.wins());
        assertEquals(GameFriend.Channel.ARENA, item.channel());
        assertEquals("level 5", item.describe(), "the interface's default methods work on the item");
    }

    @Test
    void itIsTheInterfaceAndTheRuntimeContract() {
        GameFriend friend = full();
        AddFriendItem item = full();
        assertEquals(5L, friend.level());
        assertEquals("bob", item.toAccount());
    }

    @Test
    void optionalFieldsAreAbsentUnlessSet() {
        GameFriendItem item = minimal().build();
        assertNull(item.remark());
        assertNull(item.remarkTime());
        assertEquals(List.of(), item.groupNames());
        assertNull(item.addWording());
        assertNull(item.addTime());
        assertNull(item.guild());
        assertNull(item.score());
        assertNull(item.wins());
        assertNull(item.channel());
    }

    @Test
    void nullMakesAnOptionalFieldAbsentAgain() {
        GameFriendItem item = full().toBuilder()
                .remark(null)
                .remarkTime((Long) null)
                .groupNames((List<String>) null)
                .addWording(null)
                .addTime((Long) null)
                .guild(null)
                .score((Long) null)
                .wins(null)
                .channel(null)
                .build();
        assertEquals(minimal().build(), item);
    }

    @Test
    void nullForARequiredFieldFailsAtOnceNamingIt() {
        GameFriendItem.Builder builder = GameFriendItem.builder();
        assertEquals("Null toAccount", assertThrows(NullPointerException.class, () -> builder.toAccount(null)).getMessage());
        assertEquals("Null addSource", assertThrows(NullPointerException.class, () -> builder.addSource(null)).getMessage());
    }

    @Test
    void aNullGroupNameFailsAtOnceNamingItsIndex() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> GameFriendItem.builder().groupNames("a", null, "c"));
        assertEquals("Null groupNames[1]", e.getMessage());
    }

    @Test
    void buildListsEveryMissingRequiredFieldAtOnce() {
        InvalidItemException e = assertThrows(InvalidItemException.class, () -> GameFriendItem.builder().build());
        assertEquals(List.of(
                        new Violation("To_Account", "is required", "missing"),
                        new Violation("AddSource", "is required", "missing"),
                        new Violation("Tag_SNS_Custom_Level", "is required", "missing"),
                        new Violation("Tag_SNS_Custom_Rank", "is required", "missing")),
                e.violations());
        assertEquals("Invalid friend item, 4 problems: To_Account is required, was missing; AddSource is required,"
                + " was missing; Tag_SNS_Custom_Level is required, was missing; Tag_SNS_Custom_Rank is required,"
                + " was missing", e.getMessage());
        assertNull(e.toAccount());
    }

    @Test
    void missingAndBrokenRulesTogetherNameTheItem() {
        InvalidItemException e = assertThrows(InvalidItemException.class, () -> GameFriendItem.builder()
                .toAccount("bob").addSource("Android").remarkTime(-1).build());
        assertEquals("Invalid friend item for To_Account \"bob\", 4 problems: RemarkTime must be Unix seconds from 0"
                + " to 4294967295, was -1; AddSource must be AddSource_Type_ followed by 1 to 8 English letters (e.g."
                + " AddSource_Type_Android), was \"Android\"; Tag_SNS_Custom_Level is required, was missing;"
                + " Tag_SNS_Custom_Rank is required, was missing", e.getMessage());
        assertEquals("bob", e.toAccount());
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void groupNamesAreCopiedAndUnmodifiable() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        GameFriendItem item = minimal().groupNames(names).build();
        names.add("c");
        assertEquals(List.of("a", "b"), item.groupNames());
        assertThrows(UnsupportedOperationException.class, () -> item.groupNames().add("d"));
        String[] array = {"x", "y"};
        GameFriendItem fromArray = minimal().groupNames(array).build();
        array[0] = "changed";
        assertEquals(List.of("x", "y"), fromArray.groupNames());
        assertEquals(List.of(), minimal().groupNames().build().groupNames(), "no names: absent");
    }

    @Test
    void aBuilderCanBeReusedAndToBuilderCopies() {
        GameFriendItem.Builder builder = minimal();
        GameFriendItem first = builder.build();
        GameFriendItem second = builder.remark("changed").build();
        assertNull(first.remark());
        assertEquals("changed", second.remark());

        GameFriendItem item = full();
        assertEquals(item, item.toBuilder().build());
        GameFriendItem changed = item.toBuilder().level(6).build();
        assertEquals(6L, changed.level());
        assertEquals(5L, item.level(), "the original is immutable");
    }

    @Test
    void equalsAndHashCodeCoverEveryField() {
        GameFriendItem item = full();
        assertEquals(item, full());
        assertEquals(item.hashCode(), full().hashCode());
        assertEquals(item, item);
        assertNotEquals(item, null);
        assertNotEquals(item, "bob");
        List<GameFriendItem> others = List.of(
                item.toBuilder().toAccount("alice").build(),
                item.toBuilder().addSource("AddSource_Type_Web").build(),
                item.toBuilder().remark("other").build(),
                item.toBuilder().remarkTime(1).build(),
                item.toBuilder().groupNames("Guild", "Friends").build(),
                item.toBuilder().addWording("hi").build(),
                item.toBuilder().addTime(1).build(),
                item.toBuilder().level(6).build(),
                item.toBuilder().guild("other").build(),
                item.toBuilder().rank(3).build(),
                item.toBuilder().score(1).build(),
                item.toBuilder().wins(8).build(),
                item.toBuilder().channel(GameFriend.Channel.LOBBY).build());
        for (GameFriendItem other : others) {
            assertNotEquals(item, other, other::toString);
            assertNotEquals(item.hashCode(), other.hashCode(), other::toString);
        }
        assertFalse(minimal().build().equals(minimal().remark("").build()), "absent is not empty");
    }

    @Test
    void toStringShowsEveryField() {
        assertEquals("GameFriendItem{toAccount=bob, remark=Bobby, remarkTime=1420000001, groupNames=[Friends, Guild],"
                        + " addSource=AddSource_Type_Game, addWording=GG, addTime=1420000002, level=5, guild=Knights,"
                        + " rank=2, score=9000000000, wins=7, channel=ARENA}",
                full().toString());
    }

    @Test
    void customItemsListsThePresentCustomFieldsInWireOrder() {
        assertEquals(List.of(
                        CustomItem.of("Tag_SNS_Custom_Level", 5),
                        CustomItem.of("Tag_SNS_Custom_Guild", "Knights"),
                        CustomItem.of("Tag_SNS_Custom_Rank", 2),
                        CustomItem.of("Tag_SNS_Custom_Score", 9_000_000_000L),
                        CustomItem.of("Tag_SNS_Custom_Wins", 7),
                        CustomItem.of("Tag_SNS_Custom_Channel", "ARENA")),
                full().customItems());
        assertEquals(List.of(CustomItem.of("Tag_SNS_Custom_Level", 5), CustomItem.of("Tag_SNS_Custom_Rank", 2)),
                minimal().build().customItems());
        assertEquals(List.of(), NoteFriendItem.builder().toAccount("a").addSource("AddSource_Type_A").build()
                .customItems());
    }

    @Test
    void theTypeDescriptorNamesTheClassAndTags() {
        assertSame(GameFriendItem.class, GameFriendItem.TYPE.itemClass());
        assertEquals(Arrays.asList("Tag_SNS_Custom_Level", "Tag_SNS_Custom_Guild", "Tag_SNS_Custom_Rank",
                        "Tag_SNS_Custom_Score", "Tag_SNS_Custom_Wins", "Tag_SNS_Custom_Channel"),
                GameFriendItem.TYPE.customTags());
        assertEquals(List.of(), PlainFriendItem.TYPE.customTags());
    }
}
