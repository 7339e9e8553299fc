package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.testing.TestItem;
import io.timport.wire.ItemType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verification's grouping: by From_Account, the last record of a pair, within a bound on memory. */
class RelationGroupsTest {

    private static final ItemType<TestItem> TYPE = ItemType.of(TestItem.class, List.of(),
            fields -> new TestItem((String) fields.get("To_Account"), (String) fields.get("Remark")));

    @TempDir
    Path dir;

    /** 30 users of 20 friends, shuffled, each pair twice: the second record (a higher position) must win. */
    private static List<String[]> input() {
        List<String[]> pairs = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            for (int f = 0; f < 20; f++) {
                pairs.add(new String[] {"u" + u, "f" + f});
            }
        }
        Collections.shuffle(pairs, new Random(1));
        List<String[]> twice = new ArrayList<>(pairs);
        twice.addAll(pairs);
        return twice;
    }

    private static List<String> grouped(RelationGroups<TestItem> groups) {
        List<String> out = new ArrayList<>();
        for (Iterator<UserGroup<TestItem>> i = groups.groups(); i.hasNext(); ) {
            UserGroup<TestItem> g = i.next();
            StringBuilder s = new StringBuilder(g.index + " " + g.from + ":");
            g.expected.values().stream().sorted((a, b) -> a.item().toAccount().compareTo(b.item().toAccount()))
                    .forEach(e -> s.append(' ').append(e.item().toAccount()).append('@').append(e.position()));
            out.add(s.toString());
        }
        return out;
    }

    @Test
    void anInputLargerThanAChunkIsSortedInTemporaryFilesWithTheSameGroups() throws Exception {
        List<String[]> input = input();
        RelationGroups<TestItem> inMemory = new RelationGroups<>(TYPE, 10_000, dir);
        RelationGroups<TestItem> onDisk = new RelationGroups<>(TYPE, 50, dir);
        for (int i = 0; i < input.size(); i++) {
            inMemory.add(input.get(i)[0], i + 1, new TestItem(input.get(i)[1], "r" + i));
            onDisk.add(input.get(i)[0], i + 1, new TestItem(input.get(i)[1], "r" + i));
        }
        assertEquals(0, inMemory.runs());
        assertEquals(24, onDisk.runs(), "1,200 relations in chunks of 50");
        List<String> expected = grouped(inMemory);
        assertEquals(30, expected.size());
        assertEquals(expected, grouped(onDisk));
        assertEquals(expected, grouped(onDisk), "read twice, the same");
        // each pair once, its later record (the second half of the input)
        assertTrue(expected.stream().allMatch(g -> g.split(" ").length == 2 + 20), expected.get(0));
        for (String g : expected) {
            for (String part : g.substring(g.indexOf(':') + 2).split(" ")) {
                assertTrue(Long.parseLong(part.substring(part.indexOf('@') + 1)) > 600, g);
            }
        }
        assertEquals(List.of("1 u0:", "2 u1:", "3 u10:"), expected.subList(0, 3).stream()
                .map(g -> g.substring(0, g.indexOf(':') + 1)).toList());
        assertThrows(IllegalStateException.class, () -> onDisk.add("x", 1, new TestItem("y")));
        onDisk.close();
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the temporary files are deleted");
        }
    }

    @Test
    void groupsNumberedByAnEarlierGroupingKeepTheirNumbers() {
        RelationGroups<TestItem> repairs = new RelationGroups<>(TYPE, 2, dir);
        repairs.add("u7", 70, 8, new TestItem("a"));
        repairs.add("u2", 20, 3, new TestItem("b"));
        repairs.add("u7", 71, 8, new TestItem("c"));
        assertEquals(List.of("3 u2: b@20", "8 u7: a@70 c@71"), grouped(repairs));
        repairs.close();
    }

    @Test
    void aSampleDrawsDistinctUsersTheSameForTheSameSeed() {
        Set<Long> drawn = VerifyRun.draw(1_000, 50, 7);
        assertEquals(50, drawn.size());
        assertTrue(drawn.stream().allMatch(n -> n >= 1 && n <= 1_000));
        assertEquals(drawn, VerifyRun.draw(1_000, 50, 7));
        assertEquals(Set.of(1L, 2L, 3L), VerifyRun.draw(3, 50, 7), "all when there are fewer");
    }

    @Test
    void modesAreReadAsACommandLineWritesThem() {
        assertEquals("full", Verification.parse("full").toString());
        assertEquals("sample 100", Verification.parse("sample 100").toString());
        assertEquals("sample 1000", Verification.parse("Sample:1,000").toString());
        assertEquals("off", Verification.parse(" OFF ").toString());
        assertEquals("full, report only", Verification.full().withoutRepairs().toString());
        assertEquals("must be full, sample N or off, was \"all\"",
                assertThrows(IllegalArgumentException.class, () -> Verification.parse("all")).getMessage());
        assertEquals("sample needs a number of users, as in \"sample 100\", was \"sample x\"",
                assertThrows(IllegalArgumentException.class, () -> Verification.parse("sample x")).getMessage());
        assertEquals("a sample needs at least 1 user, was 0",
                assertThrows(IllegalArgumentException.class, () -> Verification.sample(0)).getMessage());
    }
}
