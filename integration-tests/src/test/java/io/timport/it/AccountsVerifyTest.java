package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.AccountsMode;
import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.bulk.RelationMismatch;
import io.timport.bulk.Verification;
import io.timport.bulk.VerificationReport;
import io.timport.call.AccountItem;
import io.timport.call.FriendImportClient;
import io.timport.simulator.ApiStats;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.RestApi;
import io.timport.testsupport.TestApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verification after an import with an accounts phase: a relation the accounts gate held back (it names an account
 * that does not exist) is found missing, and is not sent by the repairs either; it is counted as not repaired because
 * of the missing account, never as a refused repair. A user that does not exist is not read at all (no friend_get):
 * its relations are counted so too, and it is not an unreadable user. The other relations, some of which the
 * simulator silently loses, are repaired as usual. Against the simulator in its known-accounts mode
 * ({@link AccountsImport}: 30 % of the accounts missing, half of the users that send), which answers 30003 for every
 * relation naming an account that does not exist, and for friend_get of a user that does not exist: none is answered.
 */
class AccountsVerifyTest {

    private static final int USERS = 100;
    private static final int FRIENDS = 3;

    private static ChatSimulator simulator() throws java.io.IOException {
        return TestApp.start(QuickApp.simulator().accounts(AccountsImport.existing(USERS)).silentLoss(0.05)
                .faultSeed(3));
    }

    private static long answered30003(ChatSimulator sim) {
        ApiStats friendImport = sim.stats().api(RestApi.FRIEND_IMPORT);
        return friendImport.requestFailures(30003) + friendImport.itemFailures(30003);
    }

    /** friend_get calls answered 30003: the simulator's answer to reading a user that does not exist. */
    private static long friendGetAnswered30003(ChatSimulator sim) {
        return sim.stats().api(RestApi.FRIEND_GET).requestFailures(30003);
    }

    /** The accounts the simulator does not hold at the start: {@link AccountsImport#missing}. */
    private static Set<String> absent() {
        Set<String> absent = new TreeSet<>();
        for (int u = 0; u < USERS; u++) {
            if (AccountsImport.missing(u)) {
                absent.add(AccountsImport.user(u));
            }
        }
        return absent;
    }

    /**
     * What the verification must report for the accounts that do not exist after the accounts phase: checks the
     * report and the server, and returns the summary.
     */
    private static String assertHeldBackNotRepaired(ImportReport report, ChatSimulator sim, Set<String> absent,
            List<ImportRecord<GameFriendItem>> input) {
        VerificationReport v = report.verification().orElseThrow();
        String summary = report.summary(5);
        // A user that does not exist is not read (friend_get would answer 30003): its relations are counted missing;
        // a relation to a missing account is read back missing. Neither is repaired.
        long fromAbsent = input.stream().filter(r -> absent.contains(r.fromAccount())).count();
        long toAbsent = input.stream().filter(r -> !absent.contains(r.fromAccount())
                && absent.contains(r.toAccount())).count();
        long usersAbsent = input.stream().map(ImportRecord::fromAccount).filter(absent::contains).distinct().count();
        long heldBack = fromAbsent + toAbsent;
        assertTrue(toAbsent > 0 && fromAbsent > 0, "the input names missing accounts on both sides");
        assertEquals(heldBack, report.accounts().orElseThrow().relationsSkipped(), summary);

        assertEquals(0, answered30003(sim), "no friend_import, the import's nor a repair, named a missing account: "
                + summary);
        assertEquals(0, friendGetAnswered30003(sim), "no user that does not exist was read: " + summary);
        assertEquals(v.calls(), sim.stats().api(RestApi.FRIEND_GET).calls(), summary);
        assertEquals(usersAbsent, v.missingAccountUsers(), summary);
        assertEquals(fromAbsent, v.missingAccountRelations(), summary);
        assertEquals(0, v.unreadableUsers(), "a user that does not exist is not unreadable: " + summary);
        assertEquals(0, v.unreadableRelations(), summary);
        assertEquals(Map.of(), v.unreadableByCode(), summary);
        assertEquals(heldBack, v.notRepairedMissingAccount(), summary);
        assertEquals(Map.of(), v.repairFailuresByCode(), "no repair was sent to be refused: " + summary);
        assertEquals(v.usersInInput(), v.users(), "every user is verified, read or not: " + summary);
        assertEquals(input.size(), v.relations(), summary);
        assertEquals(v.relations(), v.equal() + v.missing() + v.different(), "each relation is counted once: "
                + summary);
        assertEquals(0, v.stillDifferent(), summary);
        assertTrue(v.repaired() > 0, "the silent losses were repaired: " + summary);
        assertEquals(v.missing(), v.repaired() + v.stillMissing(), "each relation found missing came right or is "
                + "reported: " + summary);
        long lostForGood = v.stillMissing() - heldBack; // a loss of every repair round too: rare
        assertTrue(lostForGood >= 0, summary);
        assertTrue(v.reimported() >= v.missing() - heldBack, summary);
        assertEquals(input.size() - heldBack - lostForGood, sim.relationCount(), summary);
        assertFalse(v.allEqual());

        // The held-back relations are reported still missing, first, each naming a missing account.
        List<RelationMismatch> still = v.stillDifferentRelations();
        assertFalse(still.isEmpty(), summary);
        for (RelationMismatch m : still.subList(0, (int) Math.min(still.size(), heldBack))) {
            assertEquals(RelationMismatch.Kind.MISSING, m.kind(), summary);
            assertTrue(absent.contains(m.fromAccount()) || absent.contains(m.toAccount()), m + " in " + summary);
        }
        assertTrue(summary.contains("  " + usersAbsent + " users not read: they do not exist (the accounts phase "
                + "found them missing); their " + fromAbsent + " relations are counted missing\n"), summary);
        assertFalse(summary.contains("could not be read"), summary);
        assertFalse(summary.contains("unread"), summary);
        assertTrue(summary.contains("  " + heldBack + " not repaired: they name an account that does not exist (the "
                + "accounts phase found it missing; not sent)\n"), summary);
        assertFalse(summary.contains("repairs refused"), summary);
        assertTrue(summary.contains("STILL NOT AS THE INPUT: " + v.stillMissing() + " missing, 0 different after "
                + "the repairs"), summary);
        return summary;
    }

    @Test
    void checkModeRepairsNoRelationItHeldBack() throws Exception {
        List<ImportRecord<GameFriendItem>> input = AccountsImport.input(USERS, FRIENDS);
        Set<String> absent = absent();
        try (ChatSimulator sim = simulator(); FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .accounts(AccountsMode.CHECK)
                    .batchSize(20)
                    .verify(Verification.full(), GameFriendItem.TYPE)
                    .build()
                    .run(input);

            assertHeldBackNotRepaired(report, sim, absent, input);
            assertEquals(USERS - absent.size(), sim.accounts().size(), "check creates nothing");
        }
    }

    /**
     * Half of the users that send do not exist, and nothing is lost: the verification reads each user that exists
     * once (one page: 7 friends) and no other. Those users are not journaled as proven: a verification without an
     * accounts phase, resumed from the same journal, reads them (and finds them unreadable, 30003).
     */
    @Test
    void checkModeReadsNoUserThatDoesNotExistAndDoesNotJournalIt(@TempDir Path dir) throws Exception {
        List<ImportRecord<GameFriendItem>> input = AccountsImport.input(USERS, FRIENDS);
        Set<String> absent = absent();
        Set<String> senders = input.stream().map(ImportRecord::fromAccount)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> absentSenders = new TreeSet<>(senders);
        absentSenders.retainAll(absent);
        long fromAbsent = input.stream().filter(r -> absent.contains(r.fromAccount())).count();
        long toAbsent = input.stream().filter(r -> !absent.contains(r.fromAccount())
                && absent.contains(r.toAccount())).count();
        Set<String> sendersToAbsent = input.stream().filter(r -> !absent.contains(r.fromAccount())
                && absent.contains(r.toAccount())).map(ImportRecord::fromAccount).collect(Collectors.toSet());
        long provenRelations = input.stream().filter(r -> !absent.contains(r.fromAccount())
                && !sendersToAbsent.contains(r.fromAccount())).count();
        assertTrue(absentSenders.size() > 0 && absentSenders.size() < senders.size(), absentSenders.toString());
        assertTrue(provenRelations > 0, "some users have every relation proven");
        Path journal = dir.resolve("import.journal");
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator().accounts(AccountsImport.existing(USERS)));
                FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .accounts(AccountsMode.CHECK)
                    .journal(journal)
                    .batchSize(20)
                    .verify(Verification.full(), GameFriendItem.TYPE)
                    .build()
                    .run(input);

            VerificationReport v = report.verification().orElseThrow();
            String summary = report.summary(5);
            assertEquals(senders.size() - absentSenders.size(), sim.stats().api(RestApi.FRIEND_GET).calls(),
                    "one friend_get for each user that exists, none for the others: " + summary);
            assertEquals(0, friendGetAnswered30003(sim), summary);
            assertEquals(senders.size(), v.users(), summary);
            assertEquals(absentSenders.size(), v.missingAccountUsers(), summary);
            assertEquals(fromAbsent, v.missingAccountRelations(), summary);
            assertEquals(0, v.unreadableUsers(), summary);
            assertEquals(0, v.unreadableRelations(), summary);
            assertEquals(fromAbsent + toAbsent, v.missing(), "nothing lost: missing is what names a missing account: "
                    + summary);
            assertEquals(input.size() - fromAbsent - toAbsent, v.equal(), summary);
            assertEquals(fromAbsent + toAbsent, v.notRepairedMissingAccount(), summary);
            assertEquals(fromAbsent + toAbsent, v.stillMissing(), summary);
            assertEquals(0, v.reimported(), "nothing to repair: " + summary);
            assertEquals(0, answered30003(sim), summary);
            // the first relations found missing are kept, those of users not read among them
            assertTrue(v.found().stream().anyMatch(m -> absent.contains(m.fromAccount())), summary);
            assertTrue(v.stillDifferentRelations().stream().allMatch(m -> m.kind() == RelationMismatch.Kind.MISSING
                    && (absent.contains(m.fromAccount()) || absent.contains(m.toAccount()))), summary);

            // The journal holds just the users proven equal: not those that do not exist
            sim.resetStats();
            VerificationReport resumed = BulkImporter.<GameFriendItem>builder(client)
                    .journal(journal)
                    .verify(Verification.full().withoutRepairs(), GameFriendItem.TYPE)
                    .build()
                    .verify(input, GameFriendItem.TYPE);
            String text = resumed.summary(5);
            assertEquals(provenRelations, resumed.equalEarlier(), text);
            assertEquals(sendersToAbsent.size() + absentSenders.size(), sim.stats().api(RestApi.FRIEND_GET).calls(),
                    text);
            assertEquals(absentSenders.size(), resumed.unreadableUsers(), "no accounts phase: read, and 30003: "
                    + text);
            assertEquals(Map.of(30003, (long) absentSenders.size()), resumed.unreadableByCode(), text);
            assertEquals(0, resumed.missingAccountUsers(), text);
        }
    }

    /** A sample: a user drawn that does not exist is verified (counted, its relations missing), not read. */
    @Test
    void aSampledUserThatDoesNotExistIsNotRead() throws Exception {
        List<ImportRecord<GameFriendItem>> input = AccountsImport.input(USERS, FRIENDS);
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator().accounts(AccountsImport.existing(USERS)));
                FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .accounts(AccountsMode.CHECK)
                    .verify(Verification.sample(8), GameFriendItem.TYPE)
                    .build()
                    .run(input);

            VerificationReport v = report.verification().orElseThrow();
            String summary = report.summary(5);
            assertEquals(8, v.users(), summary);
            assertTrue(v.missingAccountUsers() > 0 && v.missingAccountUsers() < 8, "the sample draws both: "
                    + summary);
            assertEquals(8 - v.missingAccountUsers(), sim.stats().api(RestApi.FRIEND_GET).calls(), summary);
            assertEquals(v.calls(), sim.stats().api(RestApi.FRIEND_GET).calls(), summary);
            assertEquals(0, friendGetAnswered30003(sim), summary);
            assertEquals(0, v.unreadableUsers(), summary);
            assertEquals(v.relations(), v.equal() + v.missing() + v.different(), summary);
            assertEquals(v.missing(), v.notRepairedMissingAccount(), "nothing lost: " + summary);
            assertTrue(v.notRepairedMissingAccount() >= v.missingAccountRelations(), summary);
            assertEquals(0, answered30003(sim), summary);
        }
    }

    @Test
    void importModeRepairsNoRelationOfAnAccountNotListedOrNotCreated() throws Exception {
        List<ImportRecord<GameFriendItem>> input = AccountsImport.input(USERS, FRIENDS);
        // u00000 is missing and not listed (a deleted friend); u00010, missing, cannot be created (Nick too long)
        List<AccountItem> list = new ArrayList<>();
        for (int u = 1; u < USERS; u++) {
            list.add(new AccountItem(AccountsImport.user(u), u == 10 ? "N".repeat(501) : "Player " + u, null));
        }
        Set<String> absent = Set.of("u00000", "u00010");
        try (ChatSimulator sim = simulator(); FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .accounts(AccountsMode.IMPORT)
                    .accountsList(list)
                    .batchSize(20)
                    .verify(Verification.full(), GameFriendItem.TYPE)
                    .build()
                    .run(input);

            assertEquals(1, report.accounts().orElseThrow().missing(), report.summary(5));
            assertEquals(1, report.accounts().orElseThrow().failed(), report.summary(5));
            assertHeldBackNotRepaired(report, sim, absent, input);
            assertEquals(USERS - absent.size(), sim.accounts().size());
        }
    }

    @Test
    void reportOnlySaysARepairWouldNotSendThem() throws Exception {
        List<ImportRecord<GameFriendItem>> input = AccountsImport.input(USERS, FRIENDS);
        try (ChatSimulator sim = simulator(); FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .accounts(AccountsMode.CHECK)
                    .verify(Verification.full().withoutRepairs(), GameFriendItem.TYPE)
                    .build()
                    .run(input);

            VerificationReport v = report.verification().orElseThrow();
            String summary = report.summary(0);
            assertTrue(v.notRepairedMissingAccount() > 0, summary);
            assertEquals(0, v.reimported(), summary);
            assertEquals(v.missing(), v.stillMissing(), "report only: " + summary);
            assertTrue(summary.contains("(report only: run with repairs to import them again)\n  "
                    + v.notRepairedMissingAccount() + " of them name an account that does not exist (the accounts "
                    + "phase found it missing): a repair would not send them\n"), summary);
            assertEquals(0, answered30003(sim), summary);
        }
    }
}
