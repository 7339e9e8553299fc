package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.timport.bulk.ImportFailure;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.limit.SmoothRateLimiter;
import io.timport.micrometer.TimportMetrics;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real import into the simulator, without Spring: the meters equal the report. */
class MeteredImportTest {

    @Test
    void theMetersEqualTheReport() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            accounts.add("user" + i);
        }
        // 20 calls/s admitted, 100 offered: throttled answers, retried; "ghost" is no account: 30003.
        SimulatorConfig config = SimulatorConfig.builder().secretKey("metrics-key").rateLimitPerSecond(20)
                .customField("Level", CustomFieldType.INTEGER).accounts(accounts).build();
        try (ChatSimulator chat = ChatSimulator.start(config)) {
            AppConfig app = new AppConfig(config.sdkAppId(), "administrator", SecretKey.of("metrics-key"),
                    Endpoint.of(chat.baseUri()));
            List<ImportRecord<GameFriendItem>> records = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                records.add(GameFriendImporter.record("user" + i, GameFriendItem.builder().toAccount("user" + (i + 1))
                        .addSource("AddSource_Type_Test").level((long) i)));
            }
            records.add(GameFriendImporter.record("user24", GameFriendItem.builder().toAccount("ghost")
                    .addSource("AddSource_Type_Test")));
            records.add(GameFriendImporter.record("user0", GameFriendItem.builder().toAccount("user2")
                    .addSource("AddSource_Type_Test").remark("r".repeat(97))));
            MeterRegistry registry = new SimpleMeterRegistry();
            try (FriendImportClient client = FriendImportClient.builder(app)
                    .rateLimiter(new SmoothRateLimiter(100)).build()) {
                // --- snippet: without-spring
                TimportMetrics metrics = new TimportMetrics(Tags.of("app", "game"));
                metrics.bindTo(registry);                       // any MeterRegistry: Prometheus, OTLP, JMX, ...
                GameFriendImporter importer = GameFriendImporter.builder(client)
                        .listener(metrics.listener())           // one listener per importer
                        .build();
                ImportReport report = importer.run(records);    // the meters count as the import goes
                // --- end

                assertTrue(report.throttled() > 0, report.summary(5));
                assertEquals(24, report.imported(), report.summary(5));
                assertEquals(report.calls(), Meters.sum(registry, "timport.calls"));
                assertEquals(report.throttled(), Meters.count(registry, "timport.calls.throttled"));
                assertEquals(report.throttled(),
                        Meters.count(registry, "timport.calls", "outcome", "throttled"));
                assertEquals(report.calls() - report.throttled(),
                        Meters.count(registry, "timport.calls", "outcome", "ok"));
                assertEquals(report.retries(), Meters.count(registry, "timport.calls.retried"));
                assertEquals(report.imported(),
                        Meters.count(registry, "timport.relations", "outcome", "imported"));
                assertEquals(report.failed(), Meters.count(registry, "timport.relations", "outcome", "failed"));
                assertEquals(report.superseded() + report.skippedEarlier(),
                        Meters.count(registry, "timport.relations", "outcome", "skipped"));
                assertEquals(Map.of(ImportFailure.INVALID_INPUT, 1L, 30003, 1L), report.failuresByCode());
                assertEquals(1, Meters.count(registry, "timport.relations.failed", "code", "input"));
                assertEquals(1, Meters.count(registry, "timport.relations.failed", "code", "30003"));
                assertEquals(0, Meters.gauge(registry, "timport.calls.active"));
                assertEquals(0, Meters.gauge(registry, "timport.phase.active"));
                assertEquals(1.0, Meters.gauge(registry, "timport.phase.progress"));
                assertEquals(0, Meters.gauge(registry, "timport.pace"), "no import runs");
            }
        }
    }
}
