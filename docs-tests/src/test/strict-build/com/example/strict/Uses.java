package com.example.strict;

import io.timport.bulk.ImportRecord;
import java.util.List;

/** Uses the generated item and importer, so that their use compiles without warnings too. */
final class Uses {
    private Uses() {
    }

    static List<ImportRecord<StrictFriendItem>> records() {
        return List.of(StrictFriendImporter.record("alice", StrictFriendItem.builder()
                .toAccount("bob").addSource("AddSource_Type_Web").level(1).rank(2).score(3L).wins(4)
                .guild("Knights").channel(StrictFriend.Channel.ARENA)));
    }
}
