package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** account_import, multiaccount_import and account_check, and the known-accounts mode friend_import meets. */
class AccountApisTest {

    private static String ids(String prefix, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",").append(TestJson.str(prefix + i));
        }
        return s.toString();
    }

    private static String checkItems(String... ids) {
        StringBuilder s = new StringBuilder("{\"CheckItem\":[");
        for (int i = 0; i < ids.length; i++) {
            s.append(i == 0 ? "" : ",").append("{\"UserID\":").append(TestJson.str(ids[i])).append('}');
        }
        return s.append("]}").toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> statuses(Sim.Answer a) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Object o : (List<Object>) a.assertSucceeded().get("ResultItem")) {
            Map<String, Object> r = (Map<String, Object>) o;
            assertEquals(0L, r.get("ResultCode"), a.raw());
            assertEquals("", r.get("ResultInfo"), a.raw());
            out.put((String) r.get("UserID"), (String) r.get("AccountStatus"));
        }
        return out;
    }

    @Test
    void knownAccountsModeImportsChecksAndGatesFriendImport() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().accounts(List.of("alice")).build())) {
            // Before: bob does not exist; friend_import answers 30003 per item, and at request level for a From_Account.
            Sim.Answer before = Sim.post(sim, Sim.body("alice", Sim.item("bob")));
            assertEquals(List.of("bob", 30003L, "To_Account \"bob\" does not exist in this app (import the account "
                    + "first)"), before.result(0));
            assertEquals("Err_Sns_Invalid_Account", Sim.post(sim, Sim.body("bob", Sim.item("alice"))).assertFails(30003));
            assertEquals(Map.of("alice", "Imported", "bob", "NotImported"),
                    statuses(Sim.call(sim, RestApi.ACCOUNT_CHECK, checkItems("alice", "bob"))));

            // account_import creates bob with his profile; multiaccount_import creates carol and dave.
            Map<String, Object> ok = Sim.call(sim, RestApi.ACCOUNT_IMPORT,
                    "{\"UserID\":\"bob\",\"Nick\":\"Bob\",\"FaceUrl\":\"http://example.invalid/b.png\"}").assertSucceeded();
            assertEquals(Set.of("ActionStatus", "ErrorCode", "ErrorInfo"), ok.keySet());
            Map<String, Object> multi = Sim.call(sim, RestApi.MULTIACCOUNT_IMPORT,
                    "{\"AccountList\":[{\"UserID\":\"carol\",\"Nick\":\"C\"},{\"UserID\":\"dave\"}]}").assertSucceeded();
            assertFalse(multi.containsKey("FailAccounts"), "FailAccounts only when some failed");
            assertEquals(Map.of("alice", "Imported", "bob", "Imported", "carol", "Imported", "dave", "Imported",
                    "erin", "NotImported"),
                    statuses(Sim.call(sim, RestApi.ACCOUNT_CHECK, checkItems("alice", "bob", "carol", "dave", "erin"))));
            assertEquals(new StoredAccount("bob", Optional.of("Bob"), Optional.of("http://example.invalid/b.png")),
                    sim.account("bob").orElseThrow());
            assertEquals(Set.of("alice", "bob", "carol", "dave"), sim.accounts());

            // After: the relations go through.
            Sim.post(sim, Sim.body("alice", Sim.item("bob"), Sim.item("carol"))).assertAllStored();
            Sim.post(sim, Sim.body("bob", Sim.item("alice"))).assertAllStored();
            assertEquals(2, sim.friendsOf("alice").size());

            // reset() keeps only the seeded accounts.
            sim.reset();
            assertEquals(Set.of("alice"), sim.accounts());
            assertFalse(sim.accountExists("bob"));
        }
    }

    @Test
    void theOldAccountsFormAndFailAccounts() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().knownAccounts().build())) {
            Map<String, Object> a = Sim.call(sim, RestApi.MULTIACCOUNT_IMPORT,
                    "{\"Accounts\":[\"u1\",\"\",\"u2\",\"" + "x".repeat(33) + "\",\"u1\"]}").assertSucceeded();
            assertEquals(List.of("", "x".repeat(33)), a.get("FailAccounts"));
            assertEquals(Set.of("u1", "u2"), sim.accounts());
            // A re-import updates the profile fields.
            Sim.call(sim, RestApi.MULTIACCOUNT_IMPORT, "{\"AccountList\":[{\"UserID\":\"u1\",\"Nick\":\"One\"},"
                    + "{\"UserID\":\"u2\",\"Nick\":\"" + "n".repeat(501) + "\"}]}");
            assertEquals(Optional.of("One"), sim.account("u1").orElseThrow().nick());
            assertEquals(Optional.empty(), sim.account("u2").orElseThrow().nick(), "a failed account is not updated");
            assertEquals(1, sim.stats().api(RestApi.MULTIACCOUNT_IMPORT).itemFailures(40601));
            assertEquals(2, sim.stats().api(RestApi.MULTIACCOUNT_IMPORT).itemFailures(70402));
        }
    }

    @Test
    void batchLimitsAndShapes() throws Exception {
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().build())) {
            Sim.call(sim, RestApi.MULTIACCOUNT_IMPORT, "{\"Accounts\":[" + ids("a", 100) + "]}").assertSucceeded();
            assertEquals("Accounts has 101 entries; a call carries 1 to 100 accounts",
                    Sim.call(sim, RestApi.MULTIACCOUNT_IMPORT, "{\"Accounts\":[" + ids("a", 101) + "]}")
                            .assertAccountApiFails(70206));
            assertEquals("AccountList has 0 entries; a call carries 1 to 100 accounts",
                    Sim.call(sim, RestApi.MULTIACCOUNT_IMPORT, "{\"AccountList\":[]}").assertAccountApiFails(70206));
            assertEquals("give exactly one of AccountList (objects with UserID, Nick, FaceUrl) or Accounts (UserID "
                    + "strings, the old form)", Sim.call(sim, RestApi.MULTIACCOUNT_IMPORT,
                    "{\"Accounts\":[\"a\"],\"AccountList\":[]}").assertAccountApiFails(70402));
            assertEquals("Accounts[1] must be a string (a UserID), got an integer",
                    Sim.call(sim, RestApi.MULTIACCOUNT_IMPORT, "{\"Accounts\":[\"a\",7]}").assertAccountApiFails(70402));
            StringBuilder check = new StringBuilder("{\"CheckItem\":[");
            for (int i = 0; i < 101; i++) {
                check.append(i == 0 ? "" : ",").append("{\"UserID\":\"u").append(i).append("\"}");
            }
            assertEquals("CheckItem has 101 entries; a call carries 1 to 100 accounts",
                    Sim.call(sim, RestApi.ACCOUNT_CHECK, check + "]}").assertAccountApiFails(70206));
            assertEquals("UserID must be a string, got an integer",
                    Sim.call(sim, RestApi.ACCOUNT_IMPORT, "{\"UserID\":5}").assertAccountApiFails(70402));
            assertEquals("UserID is 33 bytes of UTF-8; a UserID has 1 to 32 bytes",
                    Sim.call(sim, RestApi.ACCOUNT_IMPORT, "{\"UserID\":\"" + "u".repeat(33) + "\"}")
                            .assertAccountApiFails(70402));
            assertEquals("Nick is 501 bytes of UTF-8; a profile field has at most 500 bytes",
                    Sim.call(sim, RestApi.ACCOUNT_IMPORT, "{\"UserID\":\"u\",\"Nick\":\"" + "n".repeat(501) + "\"}")
                            .assertAccountApiFails(40601));
            assertEquals("unknown field 'Identifier' (names are case-sensitive: UserID, Nick, FaceUrl)",
                    Sim.call(sim, RestApi.ACCOUNT_IMPORT, "{\"Identifier\":\"u\"}").assertAccountApiFails(70402));
            // Outside the known-accounts mode every account exists.
            assertEquals(Map.of("never-imported", "Imported"),
                    statuses(Sim.call(sim, RestApi.ACCOUNT_CHECK, checkItems("never-imported"))));
        }
    }

    @Test
    void eachApiHasItsOwnRateWindowAtItsDocumentedLimit() throws Exception {
        ManualClock clock = new ManualClock();
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().build(), clock)) {
            SimulatorConfig c = sim.config();
            assertEquals(100, c.rateLimitPerSecond(RestApi.ACCOUNT_CHECK));
            assertEquals(100, c.rateLimitPerSecond(RestApi.MULTIACCOUNT_IMPORT));
            assertEquals(200, c.rateLimitPerSecond(RestApi.ACCOUNT_IMPORT));
            assertEquals(200, c.rateLimitPerSecond(RestApi.FRIEND_IMPORT));
            for (int i = 0; i < 100; i++) {
                Sim.call(sim, RestApi.ACCOUNT_CHECK, checkItems("u" + i)).assertSucceeded();
            }
            assertEquals("the call rate of SDKAppID 1400000000 on /v4/im_open_login_svc/account_check is over its "
                    + "limit of 100 calls per second", Sim.call(sim, RestApi.ACCOUNT_CHECK, checkItems("u"))
                    .assertAccountApiFails(60011));
            // The other APIs' windows are untouched.
            Sim.call(sim, RestApi.MULTIACCOUNT_IMPORT, "{\"Accounts\":[\"a\"]}").assertSucceeded();
            Sim.post(sim, Sim.body("alice", Sim.item("bob"))).assertAllStored();
            clock.advance(Duration.ofSeconds(1));
            Sim.call(sim, RestApi.ACCOUNT_CHECK, checkItems("u")).assertSucceeded();
            SimulatorStats s = sim.stats();
            ApiStats check = s.api(RestApi.ACCOUNT_CHECK);
            assertEquals(102, check.calls());
            assertEquals(101, check.accepted());
            assertEquals(1, check.throttled());
            assertEquals(101, check.succeeded());
            assertEquals(100, check.maxAcceptedInAnySecond());
            assertEquals(1, s.api(RestApi.MULTIACCOUNT_IMPORT).succeeded());
            assertEquals(1, s.accepted(), "the legacy counters are friend_import's");
            assertEquals(0, s.api(RestApi.FRIEND_GET).calls());
        }
    }

    @Test
    void ratesAreConfigurablePerApi() throws Exception {
        ManualClock clock = new ManualClock();
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().rateLimitPerSecond(RestApi.ACCOUNT_IMPORT, 2).build(),
                clock)) {
            Sim.call(sim, RestApi.ACCOUNT_IMPORT, "{\"UserID\":\"a\"}").assertSucceeded();
            Sim.call(sim, RestApi.ACCOUNT_IMPORT, "{\"UserID\":\"b\"}").assertSucceeded();
            Sim.call(sim, RestApi.ACCOUNT_IMPORT, "{\"UserID\":\"c\"}").assertAccountApiFails(60011);
        }
    }

    @Test
    void accountsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("accounts.txt");
        Files.writeString(file, "# users\nalice\n\n  bob  \n");
        try (ChatSimulator sim = ChatSimulator.start(Sim.config().accountsFile(file).build())) {
            assertEquals(Set.of("alice", "bob"), sim.accounts());
            assertTrue(sim.config().knownAccounts());
            Sim.post(sim, Sim.body("alice", Sim.item("bob"))).assertAllStored();
        }
    }
}
