package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.ImportRecord;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleGraphTest {

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        List<String> a = jsonl(SampleGraph.of(300, 5_000, 8, 42));
        assertEquals(a, jsonl(SampleGraph.of(300, 5_000, 8, 42)));
        assertNotEquals(a, jsonl(SampleGraph.of(300, 5_000, 8, 43)));
    }

    @Test
    void theDefaultSampleIsARealisticMutualGraphWithEightBrokenRows() {
        SampleGraph sample = SampleGraph.of(SampleGraph.DEFAULT_USERS, SampleGraph.DEFAULT_RELATIONS,
                SampleGraph.DEFAULT_INVALID, SampleGraph.DEFAULT_SEED);
        List<FriendRow> rows = sample.rows().collect(Collectors.toList());
        assertEquals(25_000, rows.size());

        Set<String> pairs = new HashSet<>();
        Map<String, Integer> friends = new HashMap<>();
        Map<SampleGraph.Broken, Integer> broken = new EnumMap<>(SampleGraph.Broken.class);
        String previousUser = "";
        Set<String> usersSeen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            FriendRow row = rows.get(i);
            if (!row.userId().equals(previousUser)) {
                assertTrue(usersSeen.add(row.userId()), "rows are grouped by player: " + row.userId());
                previousUser = row.userId();
            }
            SampleGraph.Broken how = sample.broken(i);
            if (how != null) {
                broken.merge(how, 1, Integer::sum);
                ImportRecord<GameFriendItem> record = row.toRecord();
                assertEquals(!how.caughtByBuilder(), record.isValid(), how + ": " + record);
                continue;
            }
            assertTrue(pairs.add(row.userId() + ">" + row.friendId()), "no pair twice: " + row);
            friends.merge(row.userId(), 1, Integer::sum);
            assertTrue(row.toRecord().isValid(), row::toString);
        }
        assertEquals(8, broken.size(), "one row of each kind: " + broken);
        broken.values().forEach(n -> assertEquals(1, n));
        assertEquals(7, sample.invalidBeforeSending(), "all but the deleted friend");

        // Friendships are mutual: but for the broken rows, every relation has its reverse.
        long oneWay = pairs.stream().filter(p -> {
            String[] ab = p.split(">");
            return !pairs.contains(ab[1] + ">" + ab[0]);
        }).count();
        assertTrue(oneWay <= 8, oneWay + " one-way relations");

        // Sociable players and loners, all within Chat's 3,000 friends.
        int most = friends.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int fewest = friends.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(most > 200 && most <= 499, "most friends: " + most);
        assertTrue(fewest < 10, "fewest friends: " + fewest);
        assertTrue(friends.size() > 487, friends.size() + " players with friends");
    }

    @Test
    void anOddRelationCountAddsOneOneWayRelationAndADenseSampleStillFits() {
        SampleGraph odd = SampleGraph.of(10, 45, 0, 1); // every possible friendship but none twice: 45 = 10 × 9 / 2
        List<FriendRow> rows = odd.rows().collect(Collectors.toList());
        assertEquals(45, rows.size());
        assertEquals(45, rows.stream().map(r -> r.userId() + ">" + r.friendId()).distinct().count());
        rows.forEach(r -> assertNotEquals(r.userId(), r.friendId()));
        assertNull(odd.broken(0));
    }

    @Test
    void sizesThatCannotWorkAreRefusedNamingTheOption() {
        assertEquals("--users must be at least 2, was 1",
                assertThrows(IllegalArgumentException.class, () -> SampleGraph.of(1, 1, 0, 1)).getMessage());
        assertEquals("--relations must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> SampleGraph.of(5, 0, 0, 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleGraph.of(10, 46, 0, 1)).getMessage()
                .startsWith("--relations 46 is too many for 10 users: at most 45"));
    }

    private static List<String> jsonl(SampleGraph sample) {
        return sample.rows().map(FriendRow::toJsonl).collect(Collectors.toList());
    }
}
