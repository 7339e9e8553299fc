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
 * counted apart from refused repairs, and left out of the count of relations imported again more than once. (The
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
        return new VerificationReport(how, 3, 3, 10, 0, 7, 3, 0, Map.of(), List.of(LOST, HELD, LOST_TOO), 0, 0,
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
    void withoutAnAccountsPhaseTheCountIsZeroAndNotShown() {
        VerificationReport v = VerificationReport.nothing(Verification.full(), Duration.ZERO);

        assertEquals(0, v.notRepairedMissingAccount());
        assertFalse(v.summary(5).contains("account that does not exist"), v.summary(5));
    }
}
