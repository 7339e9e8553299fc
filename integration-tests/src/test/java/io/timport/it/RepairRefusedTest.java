package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportReport;
import io.timport.bulk.RelationMismatch;
import io.timport.bulk.Verification;
import io.timport.bulk.VerificationReport;
import io.timport.call.FriendImportClient;
import io.timport.simulator.ChatSimulator;
import io.timport.testsupport.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A relation that the server refuses for good (its friend is not an account: 30003) fails at the import, is found
 * missing by the verification and is sent once as a repair; refused again, it is reported still missing and not sent
 * in the later repair rounds, which the silent losses of the other relations make happen.
 */
class RepairRefusedTest {

    @Test
    void aRepairTheServerRefusesIsReportedAndNotSentAgainInLaterRounds() throws Exception {
        List<Fixtures.Relation> input = new ArrayList<>();
        List<String> accounts = new ArrayList<>(List.of("user0", "user1"));
        for (int i = 0; i < 200; i++) {
            input.add(new Fixtures.Relation("user" + (i % 2), Fixtures.item("friend" + i, i)));
            accounts.add("friend" + i);
        }
        input.add(new Fixtures.Relation("user0", Fixtures.item("nobody", 7))); // not an account
        // A loss rate high enough that some repairs are lost too: there is more than one round.
        try (ChatSimulator sim = TestApp.start(TestApp.simulator().accounts(accounts).silentLoss(0.3).faultSeed(5));
                FriendImportClient client = TestApp.client(sim, 2_000)) {
            ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                    .batchSize(20)
                    .verify(Verification.full(), GameFriendItem.TYPE)
                    .build()
                    .run(Fixtures.records(input));

            VerificationReport v = report.verification().orElseThrow();
            String summary = report.summary(5);
            assertEquals(Map.of(30003, 1L), report.failuresByCode(), summary);
            assertTrue(v.reimported() > v.missing(), "repairs were lost too, so there was more than one round: "
                    + summary);
            assertEquals(Map.of(30003, 1L), v.repairFailuresByCode(), "the refused repair is sent once: " + summary);
            assertEquals(0, v.stillDifferent(), summary);
            assertEquals(v.missing(), v.repaired() + v.stillMissing(), "each relation found missing came right or is "
                    + "reported: " + summary);
            assertFalse(v.allEqual());
            // The refused one is reported still missing, first, although the later rounds did not read it again.
            List<RelationMismatch> still = v.stillDifferentRelations();
            assertEquals(v.stillMissing(), still.size(), summary);
            assertEquals("nobody", still.get(0).toAccount(), summary);
            assertEquals(RelationMismatch.Kind.MISSING, still.get(0).kind());
            assertTrue(summary.contains("STILL NOT AS THE INPUT: " + v.stillMissing() + " missing"), summary);
            assertTrue(summary.contains("user0 -> nobody: missing"), summary);
            // Whatever a silent loss took in every round is still missing; everything else is stored.
            assertEquals(200 - (v.stillMissing() - 1), sim.relationCount());
        }
    }
}
