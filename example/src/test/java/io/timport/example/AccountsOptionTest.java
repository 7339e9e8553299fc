package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --accounts}, {@code --accounts-file} and {@code --missing-accounts-out} against the embedded simulator, which
 * knows all of the sample's players but every twentieth (and not the deleted friend).
 */
@Order(1) // started first: four runs with the accounts phase (junit-platform.properties)
class AccountsOptionTest {

    /** The embedded simulator's limit and the client's pace: the accounts phase is the point here, not pacing. */
    private static final String FAST = "2000";
    /** Nor the verification, which would read every relation back. */
    private static final String NO_VERIFICATION = "off";

    @TempDir
    Path dir;

    @Test
    void byDefaultTheEmbeddedRunCreatesTheMissingPlayersFirst() {
        Cli.Result run = Cli.run(dir, "--users", "200", "--relations", "2000", "--invalid", "3", "--seed", "5",
                "--rate", FAST, "--verify", NO_VERIFICATION);

        assertEquals(ExampleImporter.SOME_FAILED, run.status(), run.toString());
        String out = run.out();
        assertTrue(out.contains("  accounts import: check every account the relations name, create the missing ones "
                + "(the simulator knows 190 of the 200 players), then the relations\n"), out);
        assertTrue(out.contains("Accounts (import) finished: 201 named, 190 already present, 10 imported, 1 missing "
                + "(not in the accounts list), 0 failed\n"), out);
        assertTrue(out.contains("  player0203: [30003] account \"player0203\" does not exist and is not in the "
                + "accounts list, so it was not created\n"), out);
        assertTrue(out.contains("Import finished: 2,000 records, 1,997 imported, 3 failed\n"), out);
        assertTrue(out.contains("It holds 200 accounts; account_check 3 calls, multiaccount_import 1, "
                + "account_import 0.\n"), out);
    }

    @Test
    void checkReportsTheMissingPlayersAndSendsNoneOfTheirRelations() throws Exception {
        Cli.Result run = Cli.run(dir, "--users", "200", "--relations", "2000", "--invalid", "0", "--seed", "5",
                "--rate", FAST, "--verify", NO_VERIFICATION,
                "--accounts", "check", "--missing-accounts-out", "missing.jsonl", "--quiet");

        assertEquals(ExampleImporter.SOME_FAILED, run.status(), run.toString());
        String out = run.out();
        assertTrue(out.contains("Accounts (check) finished: 200 named, 190 already present, 0 imported, 10 missing "
                + "(not created in check mode), 0 failed\n"), out);
        List<String> missing = Files.readAllLines(dir.resolve("missing.jsonl"));
        assertEquals(10, missing.size());
        assertEquals("{\"UserID\":\"player0020\"}", missing.get(0));
        assertTrue(out.contains("It holds 190 accounts; account_check 2 calls, multiaccount_import 0"), out);
        assertTrue(out.contains("[30003] not sent: account \"player0020\" does not exist (account_check: NotImported);"
                + " the check mode creates no account"), out);

        // the missing accounts, imported from the file the check wrote: then everything goes in
        Cli.Result again = Cli.run(dir, "--users", "200", "--relations", "2000", "--invalid", "0", "--seed", "5",
                "--rate", FAST, "--verify", NO_VERIFICATION,
                "--accounts-file", "missing.jsonl", "--quiet");
        assertEquals(ExampleImporter.OK, again.status(), again.toString());
        // (the file replaces the sample's list: the accounts named are those of the relations, 194 of the players)
        assertTrue(again.out().contains("Accounts (import) finished: 194 named, 184 already present, 10 imported, "
                + "0 missing, 0 failed\n"), again.out());
    }

    @Test
    void checkWithTheProofRepairsNoneOfTheRelationsItHeldBack() {
        Cli.Result run = Cli.run(dir, "--users", "200", "--relations", "2000", "--invalid", "0", "--seed", "5",
                "--rate", FAST, "--accounts", "check", "--verify", "full", "--quiet");

        assertEquals(ExampleImporter.SOME_FAILED, run.status(), run.toString());
        String out = run.out();
        assertTrue(out.contains("Accounts (check) finished: 200 named, 190 already present, 0 imported, 10 missing "
                + "(not created in check mode), 0 failed\n"), out);
        // the relations to a missing player are read back missing and not repaired; a missing player is not read at
        // all (not an unreadable user): its relations are counted alike
        assertTrue(out.matches("(?s).*\n  [0-9]+ not repaired: they name an account that does not exist \\(the "
                + "accounts phase found it missing; not sent\\)\n.*"), out);
        assertTrue(out.matches("(?s).*\n  [0-9]+ users not read: they do not exist \\(the accounts phase found them "
                + "missing\\); their [0-9]+ relations are counted missing\n.*"), out);
        assertFalse(out.contains("could not be read"), out);
        assertFalse(out.contains("users unread"), out);
        assertFalse(out.contains("repairs refused"), out);
    }

    @Test
    void offImportsTheRelationsAsTheyAreAndTheServerAnswers30003() {
        Cli.Result run = Cli.run(dir, "--users", "200", "--relations", "2000", "--invalid", "0", "--seed", "5",
                "--rate", FAST, "--verify", NO_VERIFICATION,
                "--accounts", "off", "--quiet");

        assertEquals(ExampleImporter.SOME_FAILED, run.status(), run.toString());
        assertFalse(run.out().contains("Accounts ("), run.out());
        assertTrue(run.out().contains("   30003  "), run.out());
    }
}
