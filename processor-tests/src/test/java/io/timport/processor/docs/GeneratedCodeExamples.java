package io.timport.processor.docs;

import io.timport.wire.AddFriendItem;
import io.timport.wire.FieldDifference;
import io.timport.wire.InvalidItemException;
import io.timport.wire.ItemType;
import io.timport.wire.ReadBack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The code of docs/generated-code.md, verbatim between the markers, so that it keeps compiling against what the
 * processor generates (test-compile runs with {@code -Xlint:all -Werror}); {@code GeneratedCodeExamplesTest} runs it.
 */
final class GeneratedCodeExamples {

    private GeneratedCodeExamples() {
    }

    static GuildFriendItem build() {
        // --- snippet: build
        GuildFriendItem item = GuildFriendItem.builder()
                .toAccount("bob")
                .addSource("AddSource_Type_Game")
                .groupNames("Raid", "Friends", "Raid")   // kept once each: [Raid, Friends]
                .level(12)
                .role(GuildFriend.Role.OFFICER)
                .build();                                // checks every rule, throws InvalidItemException
        // --- end
        return item;
    }

    static String invalid() {
        // --- snippet: invalid
        try {
            GuildFriendItem.builder().toAccount("bob").addSource("Android").level(-1).build();
        } catch (InvalidItemException e) {
            return e.getMessage();
            // Invalid friend item for To_Account "bob", 2 problems: AddSource must be AddSource_Type_ followed by
            // 1 to 8 English letters (e.g. AddSource_Type_Android), was "Android"; Tag_SNS_Custom_Level must not be
            // negative (custom integers are unsigned, uint64_t), was -1
        }
        // --- end
        throw new AssertionError("build() accepted an invalid item");
    }

    static List<String> verify(GuildFriendItem expected, String toAccount, Map<String, ?> tags) {
        List<String> lines = new ArrayList<>();
        // --- snippet: verify
        // toAccount and tags: one friend of a friend_get answer (its To_Account, and its ValueItem as tag -> value)
        ReadBack<GuildFriendItem> found = GuildFriendItem.readBack(toAccount, tags);
        for (var problem : found.problems()) {
            lines.add("could not read: " + problem);     // e.g. Tag_SNS_Custom_Role must be one of MEMBER, ...
        }
        for (FieldDifference difference : GuildFriendItem.differences(expected, found)) {
            lines.add("differs: " + difference);         // e.g. Tag_SNS_Custom_Level: expected 12, found 11
        }
        // --- end
        return lines;
    }

    // --- snippet: generic
    /** The fields of {@code expected} that differ from the friend as friend_get returned it, for any item type. */
    static <T extends AddFriendItem> List<FieldDifference> differences(ItemType<T> type, T expected,
            Map<String, ?> tags) {
        if (!type.supportsReadBack()) {
            throw new IllegalArgumentException(type + " cannot read friends back");
        }
        return type.differences(expected, type.readBack(expected.toAccount(), tags));
    }
    // --- end
}
