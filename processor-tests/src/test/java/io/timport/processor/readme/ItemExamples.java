package io.timport.processor.readme;

import java.util.List;

/**
 * The builder example of docs/custom-fields.md, verbatim between the snippet markers (checked by docs-tests);
 * {@link ItemExamplesTest} runs it.
 */
final class ItemExamples {

    private ItemExamples() {
    }

    static List<GameFriendItem> items() {
        // --- snippet: builder
        GameFriendItem item = GameFriendItem.builder()
                .toAccount("player-42")                 // required: 1 to 32 UTF-8 bytes
                .addSource("AddSource_Type_Game")       // required: AddSource_Type_ + 1 to 8 English letters
                .remark("Bobby")                        // optional: at most 96 UTF-8 bytes
                .remarkTime(1420000001)                 // optional: Unix seconds, 0 to 4294967295
                .groupNames("Friends", "Guild")         // optional: at most 32 groups of 1 to 30 UTF-8 bytes
                .addWording("GG")                       // optional: at most 256 UTF-8 bytes
                .addTime(1420000001)                    // optional: Unix seconds, 0 to 4294967295
                .level(12)                              // your custom fields
                .guild("Knights")
                .build();

        GameFriendItem changed = item.toBuilder().level(13).build();
        // --- end
        return List.of(item, changed);
    }
}
