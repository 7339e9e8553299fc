package io.timport.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportFailure;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.limit.SmoothRateLimiter;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.SimulatorConfig;
import io.timport.wire.AddFriendItem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real import into the simulator, without Spring: the meters equal the report. */
class MeteredImportTest {

    /** The smallest valid item. */
    record Friend(String toAccount) implements AddFriendItem {
        @Override
        public void writeFields(JsonGenerator json) throws IOException {
            json.writeStringField("To_Account", toAccount);
            json.writeStringField("AddSource", "AddSource_Type_Test");
        }
    }

    @Test
    void theMetersEqualTheReport() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            accounts.add("user" + i);
        }
        // 20 calls/s admitted, 100 offered: throttled answers, retried; "ghost" is no account: 30003.
        SimulatorConfig config = SimulatorConfig.builder().secretKey("metrics-key").rateLimitPerSecond(20)
                .accounts(accounts).build();
        try (ChatSimulator chat = ChatSimulator.start(config)) {
            AppConfig app = new AppConfig(config.sdkAppId(), "administrator", SecretKey.of("metrics-key"),
                    Endpoint.of(chat.baseUri()));
            TimportMetrics metrics = new TimportMetrics();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            metrics.bindTo(registry);
            List<ImportRecord<Friend>> records = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                records.add(ImportRecord.of("user" + i, new Friend("user" + (i + 1))));
            }
            records.add(ImportRecord.of("user24", new Friend("ghost")));
            records.add(ImportRecord.invalid("user0", "Remark is too long", null, null));
            ImportReport report;
            try (FriendImportClient client = FriendImportClient.builder(app)
                    .rateLimiter(new SmoothRateLimiter(100)).build()) {
                report = BulkImporter.<Friend>builder(client).batchSize(1).backoff(Duration.ofMillis(50),
                                Duration.ofMillis(400)).progress(metrics.progressListener())
                        .progressInterval(Duration.ofMillis(100)).build().run(records);
            }
            metrics.recordFailures(report);

            assertTrue(report.throttled() > 0, report.summary(5));
            assertEquals(24, report.imported(), report.summary(5));
            assertEquals(report.calls(), TimportMetricsTest.count(registry, "timport.calls"));
            assertEquals(report.throttled(), TimportMetricsTest.count(registry, "timport.calls.throttled"));
            assertEquals(report.retries(), TimportMetricsTest.count(registry, "timport.calls.retried"));
            assertEquals(report.imported(), TimportMetricsTest.count(registry, "timport.relations", "outcome", "imported"));
            assertEquals(report.failed(), TimportMetricsTest.count(registry, "timport.relations", "outcome", "failed"));
            assertEquals(report.superseded() + report.skippedEarlier(),
                    TimportMetricsTest.count(registry, "timport.relations", "outcome", "skipped"));
            assertEquals(Map.of(ImportFailure.INVALID_INPUT, 1L, 30003, 1L), report.failuresByCode());
            assertEquals(1, TimportMetricsTest.count(registry, "timport.relations.failed", "code", "input"));
            assertEquals(1, TimportMetricsTest.count(registry, "timport.relations.failed", "code", "30003"));
            assertEquals(0, TimportMetricsTest.gauge(registry, "timport.calls.active"));
            assertEquals(0, TimportMetricsTest.gauge(registry, "timport.phase.active"));
            assertEquals(1.0, TimportMetricsTest.gauge(registry, "timport.phase.progress"));
        }
    }
}
