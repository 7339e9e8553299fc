package io.timport.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.timport.bulk.ImportFailure;
import io.timport.bulk.ImportListener;
import io.timport.bulk.ImportProgress;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.bulk.ProgressListener;
import io.timport.bulk.RelationOutcome;
import io.timport.call.FriendImportClient;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An import in an application context, against the simulator, with Spring Boot's own MeterRegistry: the meters'
 * values equal the report's figures.
 */
class ImportInContextTest {

    static final String KEY = "simulated-app-key";
    static final long SDK_APP_ID = 1_400_200_001L;

    static ChatSimulator chat;

    @BeforeAll
    static void startChat() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            accounts.add("player" + i);
        }
        // 20 calls/s admitted while the client offers 100: some answers are throttled (and retried).
        chat = ChatSimulator.start(SimulatorConfig.builder().sdkAppId(SDK_APP_ID).secretKey(KEY)
                .customField("Level", CustomFieldType.INTEGER).customField("Guild", CustomFieldType.STRING)
                .rateLimitPerSecond(20).accounts(accounts).build());
    }

    @AfterAll
    static void stopChat() {
        chat.close();
    }

    /** The application's own configuration: one importer, built from the client and the configurer. */
    @Configuration(proxyBeanMethods = false)
    static class Importers {
        @Bean
        GameFriendImporter gameFriendImporter(FriendImportClient client, TimportImporterConfigurer configurer) {
            return configurer.configure(GameFriendImporter.builder(client)).build();
        }

        final List<ImportProgress> seen = new CopyOnWriteArrayList<>();
        final List<ImportProgress> seenThroughAFactory = new CopyOnWriteArrayList<>();
        final AtomicLong imported = new AtomicLong();

        @Bean
        ProgressListener recordingListener() {
            return seen::add;
        }

        /** An ImportListener bean: every importer built with the configurer reports to it. */
        @Bean
        ImportListener countingListener() {
            return new ImportListener() {
                @Override
                public void relationsSettled(RelationOutcome outcome, int code, long count) {
                    if (outcome == RelationOutcome.IMPORTED) {
                        imported.addAndGet(count);
                    }
                }
            };
        }

        @Bean
        @SuppressWarnings("deprecation")
        TimportProgressListenerFactory oldStyleFactory() {
            return () -> seenThroughAFactory::add;
        }
    }

    static double count(MeterRegistry registry, String name, String... tags) {
        FunctionCounter counter = registry.find(name).tags(tags).functionCounter();
        assertThat(counter).as(name + " " + String.join(",", tags)).isNotNull();
        return counter.count();
    }

    @Test
    void theMetersEqualTheReport() {
        new ApplicationContextRunner()
                .withConfiguration(Boot.metrics())
                .withConfiguration(AutoConfigurations.of(TimportAutoConfiguration.class,
                        TimportMetricsAutoConfiguration.class))
                .withUserConfiguration(Importers.class)
                .withPropertyValues("timport.sdkappid=" + SDK_APP_ID, "timport.admin=administrator",
                        "timport.secret-key=" + KEY, "timport.endpoint=" + chat.baseUri(), "timport.rate=100",
                        "timport.importer.batch-size=1", "timport.importer.initial-backoff=50ms",
                        "timport.importer.max-backoff=400ms", "timport.importer.progress-interval=100ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    GameFriendImporter importer = context.getBean(GameFriendImporter.class);
                    List<ImportRecord<GameFriendItem>> records = new ArrayList<>();
                    for (int i = 0; i < 24; i++) {
                        records.add(GameFriendImporter.record("player" + i, GameFriendItem.builder()
                                .toAccount("player" + (i + 1)).addSource("AddSource_Type_Game").level((long) i)));
                    }
                    records.add(GameFriendImporter.record("player24", GameFriendItem.builder()
                            .toAccount("nobody").addSource("AddSource_Type_Game")));             // 30003
                    records.add(GameFriendImporter.record("player0", GameFriendItem.builder()
                            .toAccount("player2").addSource("AddSource_Type_Game").remark("r".repeat(97)))); // invalid

                    ImportReport report = importer.run(records);

                    assertThat(report.throttled()).as(report.summary(5)).isPositive();
                    assertThat(report.imported()).as(report.summary(5)).isEqualTo(24);
                    assertThat(report.failuresByCode()).isEqualTo(Map.of(ImportFailure.INVALID_INPUT, 1L, 30003, 1L));
                    // timport.importer.batch-size=1 was applied: one item a call
                    assertThat(chat.stats().succeeded()).isEqualTo(chat.stats().itemsStored() + 1);

                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.find("timport.calls").tag("api", "friend_import").functionCounters().stream()
                            .mapToDouble(FunctionCounter::count).sum()).isEqualTo(report.calls());
                    assertThat(count(registry, "timport.calls", "api", "friend_import", "outcome", "throttled"))
                            .isEqualTo(report.throttled());
                    assertThat(count(registry, "timport.calls.throttled", "api", "friend_import"))
                            .isEqualTo(report.throttled());
                    assertThat(count(registry, "timport.calls.retried")).isEqualTo(report.retries());
                    assertThat(count(registry, "timport.relations", "outcome", "imported")).isEqualTo(report.imported());
                    assertThat(count(registry, "timport.relations", "outcome", "failed")).isEqualTo(report.failed());
                    assertThat(count(registry, "timport.relations", "outcome", "skipped"))
                            .isEqualTo(report.superseded() + report.skippedEarlier());
                    assertThat(count(registry, "timport.relations.failed", "code", "30003")).isEqualTo(1);
                    assertThat(count(registry, "timport.relations.failed", "code", "input")).isEqualTo(1);
                    assertThat(registry.find("timport.calls.active").gauge().value()).isZero();
                    assertThat(registry.find("timport.phase.progress").gauge().value()).isEqualTo(1.0);

                    // the application's own listeners: a ProgressListener bean, an ImportListener bean, and one
                    // from a (deprecated) TimportProgressListenerFactory
                    Importers own = context.getBean(Importers.class);
                    for (List<ImportProgress> seen : List.of(own.seen, own.seenThroughAFactory)) {
                        assertThat(seen).isNotEmpty();
                        ImportProgress last = seen.get(seen.size() - 1);
                        assertThat(last.finished()).isTrue();
                        assertThat(last.calls()).isEqualTo(report.calls());
                    }
                    assertThat(own.imported.get()).isEqualTo(report.imported());
                });
    }
}
