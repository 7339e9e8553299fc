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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A verification after an import with an accounts phase: a relation the accounts gate held back (it names an account
 * that does not exist) is found missing, and is not sent by the repairs either; it is counted as not repaired because
 * of the missing account, never as a refused repair. The other relations, some of which the simulator silently loses,
 * are repaired as usual. Against the simulator in its known-accounts mode ({@link AccountsImport}: 30 % of the
 * accounts missing), which answers 30003 for every relation naming an account that does not exist: none is answered.
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

    /**
     * What the verification must report for the accounts that do not exist after the accounts phase: checks the
     * report and the server, and returns the summary.
     */
    private static String assertHeldBackNotRepaired(ImportReport report, ChatSimulator sim, Set<String> absent,
            List<ImportRecord<GameFriendItem>> input) {
        VerificationReport v = report.verification().orElseThrow();
        String summary = report.summary(5);
        // A relation from a missing account cannot be read back (friend_get: 30003); one to a missing account is
        // read back missing, and is not repaired.
        long fromAbsent = input.stream().filter(r -> absent.contains(r.fromAccount())).count();
        long toAbsent = input.stream().filter(r -> !absent.contains(r.fromAccount())
                && absent.contains(r.toAccount())).count();
        assertTrue(toAbsent > 0 && fromAbsent > 0, "the input names missing accounts on both sides");
        assertEquals(fromAbsent + toAbsent, report.accounts().orElseThrow().relationsSkipped(), summary);

        assertEquals(0, answered30003(sim), "no friend_import, the import's nor a repair, named a missing account: "
                + summary);
        assertEquals(toAbsent, v.notRepairedMissingAccount(), summary);
        assertEquals(Map.of(), v.repairFailuresByCode(), "no repair was sent to be refused: " + summary);
        assertEquals(fromAbsent, v.unreadableRelations(), summary);
        assertEquals(0, v.stillDifferent(), summary);
        assertTrue(v.repaired() > 0, "the silent losses were repaired: " + summary);
        assertEquals(v.missing(), v.repaired() + v.stillMissing(), "each relation found missing came right or is "
                + "reported: " + summary);
        long lostForGood = v.stillMissing() - toAbsent; // a loss of every repair round too: rare
        assertTrue(lostForGood >= 0, summary);
        assertTrue(v.reimported() >= v.missing() - toAbsent, summary);
        assertEquals(input.size() - fromAbsent - toAbsent - lostForGood, sim.relationCount(), summary);
        assertFalse(v.allEqual());

        // The held-back relations are reported still missing, first, each naming a missing friend.
        List<RelationMismatch> still = v.stillDifferentRelations();
        for (RelationMismatch m : still.subList(0, (int) Math.min(still.size(), toAbsent))) {
            assertEquals(RelationMismatch.Kind.MISSING, m.kind(), summary);
            assertTrue(absent.contains(m.toAccount()), m + " in " + summary);
        }
        assertTrue(summary.contains("  " + toAbsent + " not repaired: they name an account that does not exist (the "
                + "accounts phase found it missing; not sent)\n"), summary);
        assertFalse(summary.contains("repairs refused"), summary);
        assertTrue(summary.contains("STILL NOT AS THE INPUT: " + v.stillMissing() + " missing, 0 different after "
                + "the repairs"), summary);
        return summary;
    }

    @Test
    void checkModeRepairsNoRelationItHeldBack() throws Exception {
        List<ImportRecord<GameFriendItem>> input = AccountsImport.input(USERS, FRIENDS);
        Set<String> absent = new TreeSet<>();
        for (int u = 0; u < USERS; u++) {
            if (AccountsImport.missing(u)) {
                absent.add(AccountsImport.user(u));
            }
        }
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
