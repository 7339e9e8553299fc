package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.AccountsMode;
import io.timport.bulk.AccountsReport;
import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportFailure;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.AccountItem;
import io.timport.call.FriendImportClient;
import io.timport.simulator.ApiStats;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.RestApi;
import io.timport.testsupport.KilledImport;
import io.timport.testsupport.TestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accounts phase against the simulator in its known-accounts mode, 30 % of the accounts missing: over loopback
 * HTTP, with limiters of the client's own ({@link QuickApp}; the run killed inside the accounts phase paces
 * account_check and multiaccount_import at the default 98 calls/s).
 */
class AccountsPhaseTest {

    private static final int USERS = 500; // 5 account_check calls of 100, 2 multiaccount_import calls for 150
    private static final int FRIENDS = 2;

    @TempDir
    Path dir;

    private static Set<String> missingIds(int users) {
        Set<String> ids = new TreeSet<>();
        for (int u = 0; u < users; u++) {
            if (AccountsImport.missing(u)) {
                ids.add(AccountsImport.user(u));
            }
        }
        return ids;
    }

    private static long answered30003(ChatSimulator sim) {
        ApiStats friendImport = sim.stats().api(RestApi.FRIEND_IMPORT);
        return friendImport.requestFailures(30003) + friendImport.itemFailures(30003);
    }

    @Test
    void importCreatesTheMissingAccountsThenStoresEveryRelationWithNo30003() throws Exception {
        List<ImportRecord<GameFriendItem>> input = AccountsImport.input(USERS, FRIENDS);
        try (ChatSimulator sim = AccountsImport.simulator(USERS);
                FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client).accounts(AccountsMode.IMPORT).build()
                    .run(input);

            assertTrue(report.allImported(), report.summary(5));
            AccountsReport accounts = report.accounts().orElseThrow();
            assertEquals(USERS, accounts.named());
            assertEquals(USERS - missingIds(USERS).size(), accounts.alreadyPresent());
            assertEquals(missingIds(USERS).size(), accounts.imported());
            assertEquals(0, accounts.missing());
            assertEquals(0, accounts.failed());
            assertEquals(0, accounts.relationsSkipped());
            assertEquals(USERS / 100, accounts.checkCalls());
            assertEquals(2, accounts.importCalls(), "150 missing accounts, 100 a call");
            assertTrue(accounts.allPresent());
            assertTrue(report.summary(5).startsWith("Accounts (import) finished: 500 named, 350 already present, "
                    + "150 imported, 0 missing, 0 failed\n"), report.summary(5));

            assertEquals(0, answered30003(sim), "no 30003 answered");
            assertEquals(USERS, sim.accounts().size());
            assertEquals(input.size(), sim.relationCount());
            Fixtures.assertEachStored(sim, input);
            assertEquals(USERS / 100, sim.stats().api(RestApi.ACCOUNT_CHECK).calls());
            assertEquals(2, sim.stats().api(RestApi.MULTIACCOUNT_IMPORT).calls());
        }
    }

    @Test
    void checkListsExactlyTheMissingAccountsAndSendsNoneOfTheirRelations() throws Exception {
        List<ImportRecord<GameFriendItem>> input = AccountsImport.input(USERS, FRIENDS);
        Set<String> missing = missingIds(USERS);
        Path missingOut = dir.resolve("missing.jsonl");
        Path failuresOut = dir.resolve("failures.jsonl");
        try (ChatSimulator sim = AccountsImport.simulator(USERS);
                FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .accounts(AccountsMode.CHECK)
                    .missingAccountsFile(missingOut)
                    .failuresFile(failuresOut)
                    .keepFailures(10_000)
                    .build()
                    .run(input);

            AccountsReport accounts = report.accounts().orElseThrow();
            assertEquals(missing.size(), accounts.missing());
            assertEquals(0, accounts.imported());
            assertEquals(missing, accounts.notCreated().stream().map(AccountsReport.Account::userId)
                    .collect(Collectors.toCollection(TreeSet::new)), "exactly the missing accounts");
            assertTrue(accounts.notCreated().stream().allMatch(a -> a.code() == 30003));
            List<String> written = Files.readAllLines(missingOut, StandardCharsets.UTF_8);
            assertEquals(missing.stream().map(id -> "{\"UserID\":\"" + id + "\"}").collect(Collectors.toList()),
                    written, "the missing-accounts file, in the accounts-file format");

            List<ImportRecord<GameFriendItem>> sendable = new ArrayList<>();
            for (ImportRecord<GameFriendItem> r : input) {
                if (!missing.contains(r.fromAccount()) && !missing.contains(r.toAccount())) {
                    sendable.add(r);
                }
            }
            long skipped = input.size() - sendable.size();
            assertEquals(skipped, accounts.relationsSkipped());
            assertEquals(skipped, report.failed());
            assertEquals(sendable.size(), report.imported());
            assertEquals(Long.valueOf(skipped), report.failuresByCode().get(30003));
            for (ImportFailure f : report.failures()) {
                String account = missing.contains(f.fromAccount()) ? f.fromAccount() : f.toAccount();
                assertTrue(missing.contains(account), f.toString());
                assertEquals("not sent: account \"" + account + "\" does not exist (account_check: NotImported); "
                        + "the check mode creates no account", f.info());
            }
            assertEquals(skipped, Files.readAllLines(failuresOut).size(), "each skipped relation in the failures file");

            assertEquals(0, answered30003(sim), "none of their relations was sent");
            assertEquals(sendable.size(), sim.relationCount());
            for (String id : missing) {
                assertTrue(sim.friendsOf(id).isEmpty(), id);
            }
            assertEquals(0, sim.stats().api(RestApi.MULTIACCOUNT_IMPORT).calls(), "check creates nothing");
            assertEquals(USERS - missing.size(), sim.accounts().size());
            assertTrue(report.summary(3).contains("Accounts (check) finished: 500 named, 350 already present, "
                    + "0 imported, 150 missing (not created in check mode), 0 failed"), report.summary(3));
        }
    }

    @Test
    void anAccountsListGivesNicksAndOnlyItsAccountsAreCreated() throws Exception {
        List<ImportRecord<GameFriendItem>> input = AccountsImport.input(100, 3);
        Path accountsFile = dir.resolve("accounts.jsonl");
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < 100; u++) {
            if (u != 0) { // u00000 is missing and not listed: a friend whose account was deleted
                lines.add("{\"UserID\":\"" + AccountsImport.user(u) + "\",\"Nick\":\"Player " + u + "\"}");
            }
        }
        lines.add("{\"UserID\":\"lonely\",\"FaceUrl\":\"https://example.com/l.png\"}"); // in no relation
        Files.write(accountsFile, lines);
        try (ChatSimulator sim = AccountsImport.simulator(100);
                FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .accounts(AccountsMode.IMPORT)
                    .accountsFile(accountsFile)
                    .build()
                    .run(input);
            AccountsReport accounts = report.accounts().orElseThrow();
            assertEquals(101, accounts.named());
            assertEquals(1, accounts.missing());
            assertEquals(30, accounts.imported(), "29 missing users listed, and lonely");
            assertEquals(List.of(new AccountsReport.Account("u00000", 30003,
                    "account \"u00000\" does not exist and is not in the accounts list, so it was not created")),
                    accounts.notCreated());
            assertEquals("Player 1", sim.account("u00001").orElseThrow().nick().orElseThrow());
            assertEquals("https://example.com/l.png", sim.account("lonely").orElseThrow().faceUrl().orElseThrow());
            assertFalse(sim.accountExists("u00000"));
            long naming = input.stream().filter(r -> r.fromAccount().equals("u00000")
                    || r.toAccount().equals("u00000")).count();
            assertEquals(naming, accounts.relationsSkipped());
            assertEquals(input.size() - naming, sim.relationCount());
            assertEquals(0, answered30003(sim));
        }
    }

    @Test
    void anAccountTheServerCannotCreateIsReportedWithItsOwnCodeAndItsRelationsAreNotSent() throws Exception {
        List<ImportRecord<GameFriendItem>> input = AccountsImport.input(20, 3);
        List<AccountItem> list = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            list.add(new AccountItem(AccountsImport.user(u), u == 0 ? "N".repeat(501) : "Player " + u, null));
        }
        try (ChatSimulator sim = AccountsImport.simulator(20);
                FriendImportClient client = QuickApp.client(sim)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .accounts(AccountsMode.IMPORT)
                    .accountsList(list)
                    .build()
                    .run(input);
            AccountsReport accounts = report.accounts().orElseThrow();
            assertEquals(1, accounts.failed());
            assertEquals(java.util.Map.of(40601, 1L), accounts.failedByCode());
            assertEquals("a profile field (Nick, FaceUrl) is too long", accounts.meaning(40601));
            assertEquals(1, accounts.singleImportCalls(), "FailAccounts: sent alone with account_import for its code");
            assertEquals(5, accounts.imported());
            long naming = input.stream().filter(r -> r.fromAccount().equals("u00000")
                    || r.toAccount().equals("u00000")).count();
            assertEquals(naming, accounts.relationsSkipped());
            ImportFailure f = report.failures().get(0);
            assertTrue(f.info().startsWith("not sent: account \"u00000\" could not be created: [40601] a profile "
                    + "field (Nick, FaceUrl) is too long"), f.info());
            assertTrue(report.summary(0).contains("Accounts failed by code:\n   40601         1  a profile field "
                    + "(Nick, FaceUrl) is too long\n"), report.summary(0));
            assertEquals(0, answered30003(sim));
        }
    }

    @Test
    void aBadAccountsFileStopsBeforeAnythingIsSentNamingTheLine() throws Exception {
        Path accountsFile = dir.resolve("accounts.jsonl");
        Files.write(accountsFile, List.of("{\"UserID\":\"a\"}", "", "{\"UserID\":\"b\",\"Nickname\":\"B\"}"));
        try (ChatSimulator sim = AccountsImport.simulator(10);
                FriendImportClient client = QuickApp.client(sim)) {
            BulkImporter<GameFriendItem> importer = BulkImporter.<GameFriendItem>builder(client)
                    .accounts(AccountsMode.IMPORT).accountsFile(accountsFile).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> importer.run(AccountsImport.input(10, 2)));
            assertEquals("accounts file accounts.jsonl:3: the line has the field \"Nickname\"; an account has UserID, "
                    + "Nick and FaceUrl", e.getMessage());
            assertEquals(0, sim.stats().calls() + sim.stats().api(RestApi.ACCOUNT_CHECK).calls());
            IllegalStateException once = assertThrows(IllegalStateException.class,
                    () -> importer.run(AccountsImport.input(10, 2).stream()));
            assertTrue(once.getMessage().contains("reads the input twice"), once.getMessage());
        }
    }

    @Test
    void killedInsideTheAccountsPhaseItResumesWithoutCheckingOrImportingConfirmedAccountsAgain() throws Exception {
        int users = 10_000; // listed: 100 account_check calls
        int related = 500;
        int friends = 2;
        Path journal = dir.resolve("import.journal");
        Path accountsJournal = dir.resolve("import.journal.accounts");
        try (ChatSimulator sim = TestApp.start(QuickApp.simulator().accounts(AccountsImport.existing(users))
                .latency(Duration.ofMillis(50), Duration.ofMillis(10)))) {
            KilledImport killed = KilledImport.killWhen(dir, Fixtures.CHILD_JVM, AccountsImport.class,
                    List.of(sim.baseUri().toString(), journal.toString(), String.valueOf(related),
                            String.valueOf(friends), String.valueOf(users)),
                    () -> KilledImport.lines(accountsJournal) >= 2 + 20, Duration.ofSeconds(90),
                    Duration.ofMillis(300));
            assertEquals(0, sim.relationCount(), "killed inside the accounts phase\n" + killed.log());
            long checksBefore = sim.stats().api(RestApi.ACCOUNT_CHECK).calls();
            assertTrue(checksBefore > 0 && checksBefore < users / 100, checksBefore + "\n" + killed.log());
            sim.resetStats();

            List<ImportRecord<GameFriendItem>> input = AccountsImport.input(related, friends);
            ImportReport resumed;
            try (FriendImportClient client = QuickApp.client(sim)) { // the killed run paced at 98 calls/s
                resumed = AccountsImport.importer(client, journal, AccountsMode.IMPORT, users).run(input);
            }
            assertTrue(resumed.allImported(), resumed.summary(5));
            AccountsReport accounts = resumed.accounts().orElseThrow();
            assertTrue(accounts.confirmedEarlier() > 0, accounts.toString());
            assertEquals(users, accounts.confirmedEarlier() + accounts.alreadyPresent() + accounts.imported(),
                    accounts.toString());
            // confirmed accounts are neither checked nor imported again: at most one partial batch more per API
            long notConfirmed = users - accounts.confirmedEarlier();
            assertTrue(accounts.checkCalls() <= notConfirmed / 100 + 1, accounts.toString());
            assertEquals(accounts.checkCalls(), sim.stats().api(RestApi.ACCOUNT_CHECK).calls());
            assertTrue(accounts.importCalls() * 100L < accounts.imported() + 200, accounts.toString());
            assertEquals(users, sim.accounts().size());
            assertEquals(input.size(), sim.relationCount());
            assertEquals(0, answered30003(sim));
            System.out.printf("accounts kill and resume: %d check calls before the kill; on resume %d confirmed "
                    + "earlier, %d checks, %d imports%n", checksBefore, accounts.confirmedEarlier(),
                    accounts.checkCalls(), accounts.importCalls());
        }
    }
}
