package io.timport.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.timport.bulk.ImportListener;
import io.timport.bulk.ImportProgress;
import io.timport.bulk.RelationOutcome;
import io.timport.errors.ErrorClass;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The binder fed with the engine's events, as {@link ImportListener} delivers them. */
class TimportMetricsTest {

    private static final String RELATIONS = ImportListener.RELATIONS;
    private static final String FRIEND_IMPORT = ImportListener.FRIEND_IMPORT;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TimportMetrics metrics = new TimportMetrics(Tags.of("app", "game"));

    TimportMetricsTest() {
        metrics.bindTo(registry);
    }

    static ImportProgress snapshot(long done, long total, int inFlight, Duration eta, boolean finished) {
        return new ImportProgress(done, done, 0, 0, total, 0, 0, 0, inFlight, 0, Duration.ofSeconds(1), eta, finished);
    }

    /** The one counter of {@code name} with these tags, NaN when there is none. */
    static double count(MeterRegistry registry, String name, String... tags) {
        FunctionCounter c = registry.find(name).tags(tags).functionCounter();
        return c == null ? Double.NaN : c.count();
    }

    /** Every counter of {@code name} with these tags, added up (e.g. calls over all outcomes). */
    static double sum(MeterRegistry registry, String name, String... tags) {
        return registry.find(name).tags(tags).functionCounters().stream().mapToDouble(FunctionCounter::count).sum();
    }

    static double gauge(MeterRegistry registry, String name, String... tags) {
        Gauge g = registry.find(name).tags(tags).gauge();
        return g == null ? Double.NaN : g.value();
    }

    private double count(String name, String... tags) {
        return count(registry, name, tags);
    }

    private double gauge(String name, String... tags) {
        return gauge(registry, name, tags);
    }

    private double remaining() {
        return registry.find("timport.phase.remaining").timeGauge().value(TimeUnit.SECONDS);
    }

    @Test
    void everyMeterIsThereBeforeTheFirstImportWithItsTags() {
        for (ErrorClass outcome : ErrorClass.values()) {
            String tag = outcome.name().toLowerCase(java.util.Locale.ROOT);
            assertEquals(0, count("timport.calls", "api", "friend_import", "outcome", tag, "app", "game"), tag);
        }
        assertEquals(0, count("timport.calls.throttled", "api", "friend_import"));
        assertEquals(0, count("timport.calls.retried", "api", "friend_import"));
        for (String outcome : List.of("imported", "failed", "skipped")) {
            assertEquals(0, count("timport.relations", "phase", "relations", "outcome", outcome));
        }
        assertEquals(0, gauge("timport.calls.active", "api", "friend_import"));
        assertEquals(0, gauge("timport.pace", "api", "friend_import"));
        assertEquals(0, gauge("timport.phase.active", "phase", "relations"));
        assertTrue(Double.isNaN(gauge("timport.phase.progress", "phase", "relations")));
        assertTrue(Double.isNaN(remaining()));
        for (Meter m : registry.getMeters()) {
            assertTrue(m.getId().getName().startsWith("timport."), m.getId().toString());
            assertEquals("game", m.getId().getTag("app"), m.getId().toString());
        }
    }

    @Test
    void eachAnswerCountsACallUnderItsOutcome() {
        ImportListener listener = metrics.listener();
        listener.callSent(FRIEND_IMPORT, 1000, false);
        assertEquals(0, count("timport.calls", "outcome", "ok"), "a call is counted when its answer arrives");
        listener.callAnswered(FRIEND_IMPORT, ErrorClass.OK, 0, 80_000_000);
        listener.callSent(FRIEND_IMPORT, 1000, false);
        listener.callAnswered(FRIEND_IMPORT, ErrorClass.THROTTLED, 60011, 5_000_000);
        listener.throttled(FRIEND_IMPORT, 60011);
        listener.callSent(FRIEND_IMPORT, 1000, true);
        listener.callAnswered(FRIEND_IMPORT, ErrorClass.TRANSIENT, ImportFailure.NO_ANSWER, 10_000_000_000L);
        listener.callSent(FRIEND_IMPORT, 1000, true);
        listener.callAnswered(FRIEND_IMPORT, ErrorClass.OK, 0, 80_000_000);

        assertEquals(2, count("timport.calls", "api", "friend_import", "outcome", "ok"));
        assertEquals(1, count("timport.calls", "outcome", "throttled"));
        assertEquals(1, count("timport.calls", "outcome", "transient"));
        assertEquals(0, count("timport.calls", "outcome", "fatal_config"));
        assertEquals(4, sum(registry, "timport.calls", "api", "friend_import"));
        assertEquals(1, count("timport.calls.throttled"));
        assertEquals(2, count("timport.calls.retried"));
    }

    @Test
    void relationsAndFailuresByCodeAreCountedAsTheySettle() {
        ImportListener listener = metrics.listener();
        listener.relationsSettled(RelationOutcome.INVALID_INPUT, ImportFailure.INVALID_INPUT, 1);
        assertEquals(1, count("timport.relations", "phase", "relations", "outcome", "failed"));
        assertEquals(1, count("timport.relations.failed", "phase", "relations", "code", "input"), "live, not at the end");
        listener.relationsSettled(RelationOutcome.IMPORTED, 0, 997);
        listener.relationsSettled(RelationOutcome.REJECTED, 30010, 2);
        listener.relationsSettled(RelationOutcome.REJECTED, 12345, 1);
        listener.relationsSettled(RelationOutcome.GAVE_UP, ImportFailure.NO_ANSWER, 3);
        listener.relationsSettled(RelationOutcome.GAVE_UP, 30006, 1);
        listener.relationsSettled(RelationOutcome.FAILED_EARLIER, 30010, 4);
        listener.relationsSettled(RelationOutcome.COMPLETED_EARLIER, 0, 5);
        listener.relationsSettled(RelationOutcome.SUPERSEDED, 0, 1);

        assertEquals(997, count("timport.relations", "outcome", "imported"));
        assertEquals(12, count("timport.relations", "outcome", "failed"));
        assertEquals(6, count("timport.relations", "outcome", "skipped"));
        assertEquals(6, count("timport.relations.failed", "code", "30010"), "rejected now and failed earlier");
        assertEquals(1, count("timport.relations.failed", "code", "other"));
        assertEquals(3, count("timport.relations.failed", "code", "no_answer"));
        assertEquals(1, count("timport.relations.failed", "code", "30006"));
        assertEquals(12, sum(registry, "timport.relations.failed"));
    }

    @Test
    void theGaugesFollowTheRunFromItsStartToItsEnd() {
        ImportListener listener = metrics.listener();
        listener.phaseStarted(RELATIONS, 1000);
        listener.pace(FRIEND_IMPORT, 196);
        assertEquals(1, gauge("timport.phase.active"));
        assertEquals(196, gauge("timport.pace"));
        assertTrue(Double.isNaN(gauge("timport.phase.progress")), "no snapshot yet");

        listener.callSent(FRIEND_IMPORT, 100, false);
        listener.inFlight(FRIEND_IMPORT, 1);
        listener.inFlight(FRIEND_IMPORT, 7);
        assertEquals(7, gauge("timport.calls.active"));
        listener.phaseProgress(RELATIONS, snapshot(307, 1000, 7, Duration.ofSeconds(4), false));
        assertEquals(0.307, gauge("timport.phase.progress"), 1e-9);
        assertEquals(4.0, remaining(), 1e-9);

        listener.inFlight(FRIEND_IMPORT, 0);
        listener.phaseEnded(RELATIONS, snapshot(1000, 1000, 0, null, true), false);
        assertEquals(0, gauge("timport.phase.active"));
        assertEquals(0, gauge("timport.calls.active"));
        assertEquals(0, gauge("timport.pace"), "no import runs");
        assertEquals(1.0, gauge("timport.phase.progress"), "the last run's progress when none runs");
        assertTrue(Double.isNaN(remaining()));
    }

    @Test
    void aSnapshotAfterTheEndChangesNothing() {
        ImportListener listener = metrics.listener();
        listener.phaseStarted(RELATIONS, 100);
        listener.phaseEnded(RELATIONS, snapshot(100, 100, 0, null, true), false);
        // the engine sends the final snapshot last; were a late one delivered anyway, it would not start a run again
        listener.phaseProgress(RELATIONS, snapshot(80, 100, 4, Duration.ofSeconds(1), false));
        assertEquals(0, gauge("timport.phase.active"));
        assertEquals(1.0, gauge("timport.phase.progress"));
        assertTrue(Double.isNaN(remaining()));
    }

    @Test
    void anInterruptedRunEndsItsPhaseAndItsCallsInFlightStillSettle() {
        ImportListener listener = metrics.listener();
        listener.phaseStarted(RELATIONS, -1);
        listener.pace(FRIEND_IMPORT, 196);
        listener.inFlight(FRIEND_IMPORT, 2);
        listener.phaseProgress(RELATIONS, snapshot(10, -1, 2, null, false));
        assertTrue(Double.isNaN(gauge("timport.phase.progress")), "the total is unknown");
        // the caller's thread is interrupted: the engine ends the phase as stopped, calls in flight left to finish
        listener.phaseEnded(RELATIONS, snapshot(10, -1, 2, null, true), true);
        assertEquals(0, gauge("timport.phase.active"));
        assertEquals(0, gauge("timport.pace"));
        assertEquals(2, gauge("timport.calls.active"), "still awaiting their answers");
        listener.inFlight(FRIEND_IMPORT, 1);
        listener.callAnswered(FRIEND_IMPORT, ErrorClass.OK, 0, 1);
        listener.relationsSettled(RelationOutcome.IMPORTED, 0, 100);
        listener.inFlight(FRIEND_IMPORT, 0);
        listener.callAnswered(FRIEND_IMPORT, ErrorClass.OK, 0, 1);
        listener.relationsSettled(RelationOutcome.IMPORTED, 0, 100);
        assertEquals(0, gauge("timport.calls.active"));
        assertEquals(2, count("timport.calls", "outcome", "ok"));
        assertEquals(200, count("timport.relations", "outcome", "imported"), "late answers are counted");
    }

    @Test
    void aSecondRunOfTheSameImporterAddsToTheCounts() {
        ImportListener listener = metrics.listener();
        for (int run = 0; run < 2; run++) {
            listener.phaseStarted(RELATIONS, 10);
            listener.callAnswered(FRIEND_IMPORT, ErrorClass.OK, 0, 1);
            listener.relationsSettled(RelationOutcome.IMPORTED, 0, 10);
            assertEquals(1, gauge("timport.phase.active"));
            listener.phaseEnded(RELATIONS, snapshot(10, 10, 0, null, true), false);
        }
        assertEquals(2, count("timport.calls", "outcome", "ok"));
        assertEquals(20, count("timport.relations", "outcome", "imported"));
        assertEquals(0, gauge("timport.phase.active"));
    }

    @Test
    void runsOfSeveralImportersAddUp() {
        ImportListener a = metrics.listener();
        ImportListener b = metrics.listener();
        a.phaseStarted(RELATIONS, 200);
        b.phaseStarted(RELATIONS, 200);
        a.pace(FRIEND_IMPORT, 196);
        b.pace(FRIEND_IMPORT, 196);
        a.inFlight(FRIEND_IMPORT, 4);
        b.inFlight(FRIEND_IMPORT, 6);
        a.phaseProgress(RELATIONS, snapshot(50, 200, 4, Duration.ofSeconds(2), false));
        b.phaseProgress(RELATIONS, snapshot(100, 200, 6, Duration.ofSeconds(5), false));
        assertEquals(10, gauge("timport.calls.active"));
        assertEquals(196, gauge("timport.pace"), "importers of one app share its limiter: the pace is not added up");
        assertEquals(2, gauge("timport.phase.active"));
        assertEquals(150.0 / 400, gauge("timport.phase.progress"), 1e-9);
        assertEquals(5.0, remaining(), 1e-9, "the longest estimate");
        a.phaseEnded(RELATIONS, snapshot(200, 200, 0, null, true), false);
        assertEquals(1, gauge("timport.phase.active"));
        assertEquals(0.5, gauge("timport.phase.progress"), 1e-9, "the run still in progress");
    }

    @Test
    void twoRunsAtOnceOnOneImporterAreBothActive() {
        ImportListener listener = metrics.listener();
        listener.phaseStarted(RELATIONS, 10);
        listener.phaseStarted(RELATIONS, 10);
        assertEquals(2, gauge("timport.phase.active"));
        listener.phaseEnded(RELATIONS, snapshot(10, 10, 0, null, true), false);
        assertEquals(1, gauge("timport.phase.active"));
        listener.phaseEnded(RELATIONS, snapshot(10, 10, 0, null, true), false);
        assertEquals(0, gauge("timport.phase.active"));
    }

    @Test
    void anotherApiOrPhaseGetsItsMetersWithItsFirstEvent() {
        assertNull(registry.find("timport.calls").tag("api", "account_check").functionCounter());
        ImportListener listener = metrics.listener();
        listener.phaseStarted("accounts", 40);
        listener.pace("account_check", 98);
        listener.callAnswered("account_check", ErrorClass.OK, 0, 1);
        assertEquals(1, count("timport.calls", "api", "account_check", "outcome", "ok"));
        assertEquals(0, count("timport.calls", "api", "account_check", "outcome", "throttled"));
        assertEquals(98, gauge("timport.pace", "api", "account_check"));
        assertEquals(1, gauge("timport.phase.active", "phase", "accounts"));
        assertEquals(0, gauge("timport.phase.active", "phase", "relations"));
        assertNotNull(registry.find("timport.phase.progress").tag("phase", "accounts").gauge());
        assertNull(registry.find("timport.relations").tag("phase", "accounts").functionCounter(),
                "relations are the relations phase's");
    }

    @Test
    void tagValuesAreASmallFixedSet() {
        assertEquals("input", TimportMetrics.codeTag(ImportFailure.INVALID_INPUT));
        assertEquals("no_answer", TimportMetrics.codeTag(ImportFailure.NO_ANSWER));
        assertEquals("30010", TimportMetrics.codeTag(30010));
        assertEquals("60011", TimportMetrics.codeTag(60011));
        assertEquals("other", TimportMetrics.codeTag(12345));
        assertEquals("other", TimportMetrics.codeTag(Integer.MIN_VALUE));
        assertEquals("wait_then_retry", TimportMetrics.outcomeTag(ErrorClass.WAIT_THEN_RETRY));
        assertEquals("skipped", TimportMetrics.outcomeTag(RelationOutcome.SUPERSEDED));
        assertEquals("failed", TimportMetrics.outcomeTag(RelationOutcome.FAILED_EARLIER));
        assertEquals("friend_get", TimportMetrics.apiTag("friend_get"));
        assertEquals("other", TimportMetrics.apiTag("alice"));

        ImportListener listener = metrics.listener();
        listener.callAnswered("not an api", ErrorClass.OK, 0, 1);
        assertEquals(1, count("timport.calls", "api", "other", "outcome", "ok"));
        for (int i = 0; i < 3 * TimportMetrics.MAX_PHASES; i++) {
            listener.phaseStarted("phase" + i, -1);
        }
        listener.phaseStarted("Not A Phase Name", -1);
        Set<String> phases = new HashSet<>();
        registry.find("timport.phase.active").gauges().forEach(g -> phases.add(g.getId().getTag("phase")));
        assertEquals(TimportMetrics.MAX_PHASES, phases.size(), phases.toString());
        assertTrue(phases.contains("relations") && phases.contains("other"), phases.toString());
        // relations and phase0..phase13 have their tag; phase14..phase47 and the bad name run as "other"
        assertEquals(3 * TimportMetrics.MAX_PHASES - (TimportMetrics.MAX_PHASES - 2) + 1,
                gauge("timport.phase.active", "phase", "other"));
    }

    @Test
    void bindingTwiceToOneRegistryChangesNothing() {
        int meters = registry.getMeters().size();
        metrics.bindTo(registry);
        metrics.listener().callAnswered(FRIEND_IMPORT, ErrorClass.OK, 0, 1);
        assertEquals(meters, registry.getMeters().size());
        assertEquals(1, count("timport.calls", "outcome", "ok"));
    }

    @Test
    void bindingToASecondRegistryShowsTheSameCountsAndLaterMeters() {
        ImportListener listener = metrics.listener();
        listener.callAnswered(FRIEND_IMPORT, ErrorClass.THROTTLED, 60011, 1);
        listener.throttled(FRIEND_IMPORT, 60011);
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        metrics.bindTo(second);
        assertEquals(1, count(second, "timport.calls", "outcome", "throttled"));
        assertEquals(1, count(second, "timport.calls.throttled"));
        Set<String> names = new HashSet<>();
        second.getMeters().forEach(m -> names.add(m.getId().getName()));
        assertEquals(Set.of("timport.calls", "timport.calls.throttled", "timport.calls.retried", "timport.calls.active",
                "timport.pace", "timport.relations", "timport.phase.active", "timport.phase.progress",
                "timport.phase.remaining"), names);
        assertNull(second.find("timport.relations.failed").meter(), "failed-by-code meters appear with their code");
        List<Tag> tags = second.find("timport.calls.throttled").functionCounter().getId().getTags();
        assertEquals(List.of(Tag.of("api", "friend_import"), Tag.of("app", "game")), tags);

        listener.relationsSettled(RelationOutcome.REJECTED, 30003, 1);
        assertEquals(1, count(registry, "timport.relations.failed", "code", "30003"));
        assertEquals(1, count(second, "timport.relations.failed", "code", "30003"));
        TimeGauge remaining = second.find("timport.phase.remaining").timeGauge();
        assertTrue(Double.isNaN(remaining.value(TimeUnit.SECONDS)));
    }
}
