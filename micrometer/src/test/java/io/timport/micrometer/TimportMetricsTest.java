package io.timport.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.timport.bulk.ImportFailure;
import io.timport.bulk.ImportProgress;
import io.timport.bulk.ProgressListener;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The binder fed with progress snapshots, as the engine delivers them. */
class TimportMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TimportMetrics metrics = new TimportMetrics(Tags.of("app", "game"));

    TimportMetricsTest() {
        metrics.bindTo(registry);
    }

    static ImportProgress snapshot(long read, long imported, long failed, long skipped, long total, long calls,
            long retries, long throttled, int inFlight, double rate, long elapsedMillis, Duration eta, boolean finished) {
        return new ImportProgress(read, imported, failed, skipped, total, calls, retries, throttled, inFlight, rate,
                Duration.ofMillis(elapsedMillis), eta, finished);
    }

    static double count(MeterRegistry registry, String name, String... tags) {
        FunctionCounter c = registry.find(name).tags(tags).functionCounter();
        return c == null ? Double.NaN : c.count();
    }

    static double gauge(MeterRegistry registry, String name, String... tags) {
        Gauge g = registry.find(name).tags(tags).gauge();
        return g == null ? Double.NaN : g.value();
    }

    @Test
    void everyMeterIsThereBeforeTheFirstImportWithItsTags() {
        assertEquals(0, count(registry, "timport.calls", "api", "friend_import", "app", "game"));
        assertEquals(0, count(registry, "timport.calls.throttled", "api", "friend_import"));
        assertEquals(0, count(registry, "timport.calls.retried", "api", "friend_import"));
        for (String outcome : List.of("imported", "failed", "skipped")) {
            assertEquals(0, count(registry, "timport.relations", "phase", "relations", "outcome", outcome));
        }
        assertEquals(0, gauge(registry, "timport.calls.active", "api", "friend_import"));
        assertEquals(0, gauge(registry, "timport.pace", "api", "friend_import"));
        assertEquals(0, gauge(registry, "timport.phase.active", "phase", "relations"));
        assertTrue(Double.isNaN(gauge(registry, "timport.phase.progress", "phase", "relations")));
        TimeGauge remaining = registry.find("timport.phase.remaining").timeGauge();
        assertTrue(Double.isNaN(remaining.value(TimeUnit.SECONDS)));
        for (Meter m : registry.getMeters()) {
            assertTrue(m.getId().getName().startsWith("timport."), m.getId().toString());
            assertEquals("game", m.getId().getTag("app"), m.getId().toString());
        }
    }

    @Test
    void snapshotsBecomeCountsAndGaugesOfTheRunningImport() {
        ProgressListener listener = metrics.progressListener();
        listener.onProgress(snapshot(400, 300, 2, 5, 1000, 12, 1, 3, 7, 150.5, 500, Duration.ofSeconds(4), false));
        assertEquals(12, count(registry, "timport.calls"));
        assertEquals(3, count(registry, "timport.calls.throttled"));
        assertEquals(1, count(registry, "timport.calls.retried"));
        assertEquals(300, count(registry, "timport.relations", "outcome", "imported"));
        assertEquals(2, count(registry, "timport.relations", "outcome", "failed"));
        assertEquals(5, count(registry, "timport.relations", "outcome", "skipped"));
        assertEquals(7, gauge(registry, "timport.calls.active"));
        assertEquals(150.5, gauge(registry, "timport.pace"));
        assertEquals(1, gauge(registry, "timport.phase.active"));
        assertEquals(0.307, gauge(registry, "timport.phase.progress"), 1e-9);
        assertEquals(4.0, registry.find("timport.phase.remaining").timeGauge().value(TimeUnit.SECONDS), 1e-9);

        listener.onProgress(snapshot(1000, 990, 3, 7, 1000, 30, 2, 4, 0, 60, 900, null, true));
        assertEquals(30, count(registry, "timport.calls"));
        assertEquals(4, count(registry, "timport.calls.throttled"));
        assertEquals(2, count(registry, "timport.calls.retried"));
        assertEquals(990, count(registry, "timport.relations", "outcome", "imported"));
        assertEquals(3, count(registry, "timport.relations", "outcome", "failed"));
        assertEquals(7, count(registry, "timport.relations", "outcome", "skipped"));
        assertEquals(0, gauge(registry, "timport.calls.active"));
        assertEquals(0, gauge(registry, "timport.pace"));
        assertEquals(0, gauge(registry, "timport.phase.active"));
        assertEquals(1.0, gauge(registry, "timport.phase.progress"), "the last run's progress when none runs");
    }

    @Test
    void aSecondRunOfTheSameImporterAddsToTheCounts() throws Exception {
        ProgressListener listener = metrics.progressListener();
        listener.onProgress(snapshot(10, 10, 0, 0, 10, 5, 0, 0, 0, 0, 20, null, true));
        Thread.sleep(5);
        listener.onProgress(snapshot(4, 3, 0, 0, -1, 2, 0, 0, 1, 4, 1, null, false));
        assertEquals(7, count(registry, "timport.calls"));
        assertEquals(13, count(registry, "timport.relations", "outcome", "imported"));
        assertTrue(Double.isNaN(gauge(registry, "timport.phase.progress")), "the total is unknown");
        listener.onProgress(snapshot(6, 6, 0, 0, -1, 3, 0, 0, 0, 0, 2, null, true));
        assertEquals(8, count(registry, "timport.calls"));
        assertEquals(16, count(registry, "timport.relations", "outcome", "imported"));
    }

    @Test
    void aLateSnapshotOfAFinishedRunChangesNothing() {
        ProgressListener listener = metrics.progressListener();
        listener.onProgress(snapshot(100, 100, 0, 0, 100, 40, 0, 0, 0, 0, 60_000, null, true));
        // the engine's timer raced the final snapshot: an earlier figure of the same, long, run arrives after it
        listener.onProgress(snapshot(90, 80, 0, 0, 100, 35, 0, 0, 4, 190, 59_500, Duration.ofSeconds(1), false));
        assertEquals(40, count(registry, "timport.calls"));
        assertEquals(100, count(registry, "timport.relations", "outcome", "imported"));
        assertEquals(0, gauge(registry, "timport.phase.active"));
        assertEquals(0, gauge(registry, "timport.calls.active"));
    }

    @Test
    void runsOfSeveralImportersAddUp() {
        ProgressListener a = metrics.progressListener();
        ProgressListener b = metrics.progressListener();
        a.onProgress(snapshot(100, 50, 0, 0, 200, 10, 0, 0, 4, 100, 500, Duration.ofSeconds(2), false));
        b.onProgress(snapshot(100, 100, 0, 0, 200, 20, 0, 0, 6, 90, 500, Duration.ofSeconds(5), false));
        assertEquals(30, count(registry, "timport.calls"));
        assertEquals(10, gauge(registry, "timport.calls.active"));
        assertEquals(190, gauge(registry, "timport.pace"));
        assertEquals(2, gauge(registry, "timport.phase.active"));
        assertEquals(150.0 / 400, gauge(registry, "timport.phase.progress"), 1e-9);
        assertEquals(5.0, registry.find("timport.phase.remaining").timeGauge().value(TimeUnit.SECONDS), 1e-9,
                "the longest estimate");
    }

    @Test
    void codeTagsAreASmallFixedSet() {
        assertEquals("input", TimportMetrics.codeTag(ImportFailure.INVALID_INPUT));
        assertEquals("no_answer", TimportMetrics.codeTag(-2));
        assertEquals("30010", TimportMetrics.codeTag(30010));
        assertEquals("60011", TimportMetrics.codeTag(60011));
        assertEquals("other", TimportMetrics.codeTag(12345));
        assertEquals("other", TimportMetrics.codeTag(Integer.MIN_VALUE));
    }

    @Test
    void bindingTwiceToOneRegistryChangesNothing() {
        int meters = registry.getMeters().size();
        metrics.bindTo(registry);
        metrics.progressListener().onProgress(snapshot(1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 5, null, true));
        assertEquals(meters, registry.getMeters().size());
        assertEquals(1, count(registry, "timport.calls"));
    }

    @Test
    void bindingToASecondRegistryShowsTheSameCounts() {
        ProgressListener listener = metrics.progressListener();
        listener.onProgress(snapshot(10, 9, 1, 0, 10, 3, 0, 1, 0, 0, 20, null, true));
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        metrics.bindTo(second);
        assertEquals(3, count(second, "timport.calls"));
        assertEquals(1, count(second, "timport.calls.throttled"));
        Set<String> names = new HashSet<>();
        second.getMeters().forEach(m -> names.add(m.getId().getName()));
        assertEquals(Set.of("timport.calls", "timport.calls.throttled", "timport.calls.retried", "timport.calls.active",
                "timport.pace", "timport.relations", "timport.phase.active", "timport.phase.progress",
                "timport.phase.remaining"), names);
        assertNull(second.find("timport.relations.failed").meter(), "failed-by-code meters appear with their code");
        List<Tag> tags = second.find("timport.calls").functionCounter().getId().getTags();
        assertEquals(List.of(Tag.of("api", "friend_import"), Tag.of("app", "game")), tags);
    }
}
