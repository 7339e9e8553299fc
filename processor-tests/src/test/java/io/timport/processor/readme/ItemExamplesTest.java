package io.timport.processor.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the builder example of docs/custom-fields.md. */
class ItemExamplesTest {

    @Test
    void theBuilderExampleBuildsWhatItSays() {
        List<GameFriendItem> items = ItemExamples.items();
        GameFriendItem item = items.get(0);
        assertEquals("player-42", item.toAccount());
        assertEquals("AddSource_Type_Game", item.addSource());
        assertEquals("Bobby", item.remark());
        assertEquals(1420000001L, item.remarkTime());
        assertEquals(List.of("Friends", "Guild"), item.groupNames());
        assertEquals("GG", item.addWording());
        assertEquals(1420000001L, item.addTime());
        assertEquals(12, item.level());
        assertEquals("Knights", item.guild());
        assertNull(item.channel());
        GameFriendItem changed = items.get(1);
        assertEquals(13, changed.level());
        assertEquals(item.toBuilder().level(13).build(), changed);
        assertEquals("Knights", changed.guild());
    }
}
