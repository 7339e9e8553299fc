package io.timport.it;

import static io.timport.testsupport.TestApp.ADMIN;
import static io.timport.testsupport.TestApp.KEY;
import static io.timport.testsupport.TestApp.SDK_APP_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.it.Fixtures.Relation;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.SimulatorStats;
import io.timport.testsupport.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The default pace against the simulator's documented limit, over real loopback HTTP. It runs alone in its module:
 * what it measures is how calls bunch on their way to the server, which the other classes' CPU would disturb.
 */
@Isolated
class DefaultPaceTest {

    /**
     * At the default pace under the documented 200 calls/s, with nothing injected: not one 30008, throttled answers
     * under 1 % of calls (each retried), and the simulator never accepts more than 200 calls in a second, over more
     * than two seconds of calls at full pace.
     */
    @Test
    void theDefaultPaceStaysUnderTheLimitWithoutConflicts() throws Exception {
        List<Relation> relations = new ArrayList<>();
        for (int u = 0; u < 150; u++) {
            for (int k = 0; k < 12; k++) {
                relations.add(new Relation("user" + u, Fixtures.item("friend" + k, u + k)));
            }
        }
        Collections.shuffle(relations, new Random(5));
        try (ChatSimulator sim = TestApp.start(TestApp.simulator()
                .latency(Duration.ofMillis(30), Duration.ofMillis(10)))) {
            AppConfig app = new AppConfig(SDK_APP_ID, ADMIN, SecretKey.of(KEY), Endpoint.of(sim.baseUri()));
            try (FriendImportClient client = FriendImportClient.builder(app).build()) { // the default limiter
                assertEquals(196.0, client.rateLimiter().permitsPerSecond());
                ImportReport report = BulkImporter.<GameFriendItem>builder(client)
                        .batchSize(4) // many small calls: 450 of them, more than two seconds at full pace
                        .build()
                        .run(Fixtures.records(relations));
                SimulatorStats stats = sim.stats();
                assertTrue(report.allImported(), report.summary(5));
                assertEquals(1_800, sim.relationCount());
                assertEquals(0, stats.conflicts(), "no 30008");
                assertEquals(stats.throttled(), report.throttled());
                assertTrue(report.throttled() * 100 < report.calls(), "throttled below 1 %: " + report.summary(0));
                assertTrue(stats.maxAcceptedInAnySecond() <= 200, "accepted in one second: "
                        + stats.maxAcceptedInAnySecond());
                assertTrue(report.calls() >= 450, report.summary(0));
            }
        }
    }
}
