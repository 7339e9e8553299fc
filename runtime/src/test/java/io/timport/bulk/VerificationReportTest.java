package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text of a verification's report for relations not repaired because they name an account that does not exist:
 * counted apart from refused repairs, and left out of the count of relations imported again more than once; a user
 * that does not exist is said not read, not unreadable. (The
 * verification itself, against the simulator: {@code AccountsVerifyTest} in integration-tests.)
 */
class VerificationReportTest {

    private static final RelationMismatch LOST = new RelationMismatch("alice", "bob", 1, RelationMismatch.Kind.MISSING,
            List.of());
    private static final RelationMismatch HELD = new RelationMismatch("alice", "ghost", 2,
            RelationMismatch.Kind.MISSING, List.of());
    private static final RelationMismatch LOST_TOO = new RelationMismatch("carol", "bob", 3,
            RelationMismatch.Kind.MISSING, List.of());

    /**
     * 3 found missing: 2 lost by the server (one of whose repairs was lost too and sent again: 3 sent in all) and
     * repaired; 1 naming an account that does not exist, not sent.
     */
    private static VerificationReport report(Verification how) {
        boolean repairs = how.repairs();
        return new VerificationReport(how, 3, 3, 10, 0, 7, 3, 0, Map.of(), List.of(LOST, HELD, LOST_TOO), 0, 0, 0, 0,
                Map.of(), repairs ? 2 : 0, repairs ? 3 : 0, repairs ? 2 : 0, Map.of(), 1, repairs ? 1 : 3, 0,
                repairs ? List.of(HELD) : List.of(HELD, LOST, LOST_TOO), 5, Duration.ofMillis(1500), false);
    }

    @Test
    void withRepairsTheRelationsNamingAMissingAccountAreCountedApartFromRepairsAndRefusals() {
        VerificationReport v = report(Verification.full());
        String text = v.summary(5);

        assertEquals(1, v.notRepairedMissingAccount());
        assertTrue(text.contains("  repaired: 2 of 3 (imported again with 2 friend_import calls, then read back "
                + "equal)\n"
                + "  1 relations were imported again more than once: a repair read back missing or different was "
                + "repaired again\n"
                + "  1 not repaired: they name an account that does not exist (the accounts phase found it missing; "
                + "not sent)\n"
                + "  STILL NOT AS THE INPUT: 1 missing, 0 different after the repairs\n"
                + "    record 2: alice -> ghost: missing\n"), text);
        assertFalse(text.contains("repairs refused"), text);
        assertFalse(v.allEqual());
    }

    @Test
    void reportOnlySaysARepairWouldNotSendThem() {
        String text = report(Verification.full().withoutRepairs()).summary(0);

        assertTrue(text.contains("  STILL NOT AS THE INPUT: 3 missing, 0 different (report only: run with repairs to "
                + "import them again)\n"
                + "  1 of them name an account that does not exist (the accounts phase found it missing): a repair "
                + "would not send them\n"), text);
        assertFalse(text.contains("not repaired"), text);
    }

    @Test
    void aUserThatDoesNotExistIsSaidNotReadNotUnreadable() {
        // 4 users, 12 relations: 7 equal, 5 missing: 2 lost and repaired, 1 to "ghost", and the 2 of "ghost" itself,
        // a user not read (the accounts phase found it missing): 3 not repaired
        RelationMismatch ghostsFirst = new RelationMismatch("ghost", "alice", 4, RelationMismatch.Kind.MISSING,
                List.of());
        RelationMismatch ghostsSecond = new RelationMismatch("ghost", "bob", 5, RelationMismatch.Kind.MISSING,
                List.of());
        VerificationReport v = new VerificationReport(Verification.full(), 4, 4, 12, 0, 7, 5, 0, Map.of(),
                List.of(LOST, HELD, LOST_TOO, ghostsFirst, ghostsSecond), 1, 2, 0, 0, Map.of(), 2, 2, 2, Map.of(), 3,
                3, 0, List.of(HELD, ghostsFirst, ghostsSecond), 4, Duration.ofMillis(1500), false);
        String text = v.summary(5);

        assertEquals(1, v.missingAccountUsers());
        assertEquals(2, v.missingAccountRelations());
        assertEquals(0, v.unreadableUsers());
        assertTrue(text.startsWith("Verification (full): 4 of 4 users, 12 relations read back with 4 friend_get calls "
                + "in 1.5 s\n"
                + "  first reading: 7 equal, 5 missing, 0 different\n"
                + "  1 users not read: they do not exist (the accounts phase found them missing); their 2 relations "
                + "are counted missing\n"), text);
        assertTrue(text.contains("  3 not repaired: they name an account that does not exist (the accounts phase found "
                + "it missing; not sent)\n"
                + "  STILL NOT AS THE INPUT: 3 missing, 0 different after the repairs\n"
                + "    record 2: alice -> ghost: missing\n"
                + "    record 4: ghost -> alice: missing\n"
                + "    record 5: ghost -> bob: missing\n"), text);
        assertFalse(text.contains("could not be read"), text);
        assertFalse(text.contains("unread"), text);
        assertFalse(text.contains("imported again more than once"), text);
    }

    @Test
    void withoutAnAccountsPhaseTheCountIsZeroAndNotShown() {
        VerificationReport v = VerificationReport.nothing(Verification.full(), Duration.ZERO);

        assertEquals(0, v.notRepairedMissingAccount());
        assertEquals(0, v.missingAccountUsers());
        assertFalse(v.summary(5).contains("account that does not exist"), v.summary(5));
        assertFalse(v.summary(5).contains("not read"), v.summary(5));
    }
}
