package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.call.AccountItem;
import io.timport.testing.TestItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts of an import on disk: the external sort, lookups, the list's profiles, and its journal. */
class AccountSetTest {

    @TempDir
    Path dir;

    private static List<ImportRecord<TestItem>> relations(int users, int count, long seed) {
        Random random = new Random(seed);
        List<ImportRecord<TestItem>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int a = random.nextInt(users);
            int b = (a + 1 + random.nextInt(users - 1)) % users;
            records.add(ImportRecord.of("user-" + a, new TestItem("user-" + b)));
        }
        return records;
    }

    @Test
    void manySmallRunsMergeIntoTheSortedDistinctAccounts() throws Exception {
        List<ImportRecord<TestItem>> records = new ArrayList<>(relations(500, 5_000, 1));
        records.add(ImportRecord.of("x".repeat(33), new TestItem("ignored-invalid"))); // an invalid record: not named
        records.add(ImportRecord.of("用户", new TestItem("émile")));
        TreeSet<String> expected = new TreeSet<>((x, y) -> Arrays.compareUnsigned(
                x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        for (ImportRecord<TestItem> r : records) {
            if (RecordRules.problem(r) == null) {
                expected.add(r.fromAccount());
                expected.add(r.toAccount());
            }
        }
        try (AccountSet set = AccountSet.collect(records.iterator(), null, dir, 64)) {
            assertEquals(expected.size(), set.size());
            int p = 1;
            for (String id : expected) {
                assertEquals(id, set.id(p));
                assertEquals(p, set.position(id));
                assertFalse(set.isListed(p));
                p++;
            }
            assertEquals(0, set.position("nobody"));
            assertEquals(0, set.position("ignored-invalid"));
            assertEquals(0, set.listed());
        }
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the temporary files are deleted");
        }
    }

    @Test
    void theSameAccountsInAnotherOrderGiveTheSamePositionsAndFingerprint() throws Exception {
        List<ImportRecord<TestItem>> records = relations(300, 2_000, 2);
        List<ImportRecord<TestItem>> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(3));
        try (AccountSet a = AccountSet.collect(records.iterator(), null, dir, 100);
                AccountSet b = AccountSet.collect(shuffled.iterator(), null, dir, 1_000_000)) {
            assertEquals(a.fingerprint(), b.fingerprint());
            assertEquals(a.size(), b.size());
            for (int p = 1; p <= a.size(); p++) {
                assertEquals(a.id(p), b.id(p));
            }
        }
        try (AccountSet c = AccountSet.collect(relations(300, 1_999, 2).iterator(), null, dir, 100)) {
            // one relation fewer may name one account fewer; a different set has a different fingerprint
            if (c.size() != 300) {
                assertFalse(c.fingerprint().isEmpty());
            }
        }
    }

    @Test
    void listedAccountsKeepTheirProfileAndJoinTheSet() throws Exception {
        List<ImportRecord<TestItem>> records = List.of(ImportRecord.of("a", new TestItem("b")));
        List<AccountItem> list = List.of(new AccountItem("b", "Bee", null), new AccountItem("c", null, "https://c"),
                new AccountItem("b", "Second", null));
        try (AccountSet set = AccountSet.collect(records.iterator(), list.iterator(), dir, 2)) {
            assertEquals(3, set.size());
            assertEquals(3, set.listed());
            assertEquals(AccountItem.of("a"), set.account(1));
            assertFalse(set.isListed(1));
            assertTrue(set.isListed(2));
            assertEquals("b", set.account(2).userId());
            assertEquals(new AccountItem("c", null, "https://c"), set.account(3));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccountSet.collect(
                records.iterator(), List.of(AccountItem.of("")).iterator(), dir, 2));
        assertTrue(e.getMessage().startsWith("an account of the accounts list: UserID must be 1 to 32 UTF-8 bytes"),
                e.getMessage());
    }

    @Test
    void theJournalRecordsConfirmedAccountsAndStartsAfreshForAnotherSet() throws Exception {
        Path file = dir.resolve("j.accounts");
        try (AccountSet set = AccountSet.collect(relations(50, 200, 4).iterator(), null, dir, 100)) {
            try (AccountsJournal j = AccountsJournal.open(file, false, "Host", 1, set)) {
                assertFalse(j.restarted());
                j.note(AccountsJournal.EXISTS, new int[] {3, 1, 2, 7}, 4);
                j.note(AccountsJournal.MISSING, new int[] {5, 6}, 2);
                j.flush();
                j.note(AccountsJournal.IMPORTED, new int[] {5}, 1);
            }
            Files.writeString(file, Files.readString(file) + "0000", java.nio.file.StandardOpenOption.WRITE); // torn
            try (AccountsJournal j = AccountsJournal.open(file, false, "host", 1, set)) {
                byte[] s = j.states();
                assertArrayEquals(new byte[] {0, 1, 1, 1, 0, 3, 2, 1, 0}, Arrays.copyOf(s, 9));
                assertFalse(j.restarted());
            }
            try (AccountsJournal j = AccountsJournal.open(file, false, "host", 2, set)) {
                assertTrue(j.restarted(), "another app");
                assertEquals(0, j.states()[1]);
            }
        }
        Files.writeString(file, "not a journal\n");
        try (AccountSet set = AccountSet.collect(relations(50, 200, 4).iterator(), null, dir, 100)) {
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> AccountsJournal.open(file, false, "host", 1, set));
            assertEquals(file + " is not a timport accounts journal (first line is not 'timport-accounts 1')",
                    e.getMessage());
        }
    }

    @Test
    void anInterruptedWriterLosesNoEntry() throws Exception {
        // The driver interrupts its dispatcher at the end of a run, possibly while it writes the journal: a
        // FileChannel would close for good and lose every later entry.
        Path file = dir.resolve("j.accounts");
        try (AccountSet set = AccountSet.collect(relations(50, 200, 4).iterator(), null, dir, 100)) {
            try (AccountsJournal j = AccountsJournal.open(file, true, "host", 1, set)) {
                j.note(AccountsJournal.EXISTS, new int[] {1, 2}, 2);
                Thread.currentThread().interrupt();
                try {
                    j.flush();
                    assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is left for the caller");
                } finally {
                    Thread.interrupted();
                }
                j.note(AccountsJournal.MISSING, new int[] {3}, 1);
            }
            try (AccountsJournal j = AccountsJournal.open(file, false, "host", 1, set)) {
                assertArrayEquals(new byte[] {0, 1, 1, 2, 0}, Arrays.copyOf(j.states(), 5));
            }
        }
    }
}
