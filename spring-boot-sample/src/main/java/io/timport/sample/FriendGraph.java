package io.timport.sample;

import io.timport.bulk.ImportRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, deterministic friend graph: each player lists the next {@code friendsPerPlayer} players, grouped by player
 * as an export {@code ORDER BY user_id} would be. Two rows are broken on purpose: a remark too long for Chat (the
 * builder refuses it, nothing is sent) and a friend whose account was deleted (the server answers 30003).
 */
final class FriendGraph {

    /** A friend whose account no longer exists. */
    static final String DELETED_PLAYER = "deleted-player";

    private FriendGraph() {
    }

    /** The name of player {@code i}, from 0. */
    static String player(int i) {
        return String.format(Locale.ROOT, "player%04d", i + 1);
    }

    /** Every player's name. */
    static List<String> players(int players) {
        List<String> names = new ArrayList<>(players);
        for (int i = 0; i < players; i++) {
            names.add(player(i));
        }
        return names;
    }

    /** The graph's relations as records for {@link GameFriendImporter}, the two broken rows among them. */
    static List<ImportRecord<GameFriendItem>> records(int players, int friendsPerPlayer) {
        List<ImportRecord<GameFriendItem>> records = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            for (int j = 1; j <= Math.min(friendsPerPlayer, players - 1); j++) {
                int friend = (i + j) % players;
                records.add(GameFriendImporter.record(player(i), GameFriendItem.builder()
                        .toAccount(player(friend))
                        .addSource("AddSource_Type_Game")
                        .level((long) (friend % 60 + 1))
                        .guild("Guild " + (i % 12))));
            }
        }
        records.add(GameFriendImporter.record(player(0), GameFriendItem.builder()
                .toAccount(DELETED_PLAYER).addSource("AddSource_Type_Game")));
        records.add(GameFriendImporter.record(player(1), GameFriendItem.builder()
                .toAccount(player(0)).addSource("AddSource_Type_Game").remark("a nickname far too long ".repeat(5))));
        return records;
    }
}
