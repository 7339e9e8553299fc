package io.timport.bulk;

import static io.timport.bulk.VirtualRun.grouped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.VirtualRun.Outcome;
import io.timport.bulk.VirtualRun.Reply;
import io.timport.bulk.VirtualRun.SentCall;
import io.timport.call.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Outages on the virtual clock: no usable answer pauses the import, one probe at a time, until the server answers
 * or the outage limit stops the run; and give-ups are not journaled as done.
 */
class OutageTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    /** Records the outage events. */
    private static final class Events implements ImportListener {
        final List<String> started = new ArrayList<>();
        final List<Long> ended = new ArrayList<>();

        @Override
        public void outageStarted(String api, String cause) {
            started.add(cause);
        }

        @Override
        public void outageEnded(String api, long durationNanos, long probes) {
            ended.add(durationNanos);
        }
    }

    /** Connections refused (at once) while {@code down} holds. */
    private static Reply refusedFrom(SentCall call, long from, long to) {
        return call.atNanos() >= from && call.atNanos() < to
                ? Reply.transport(TransportException.Kind.CONNECT, 0).after(Duration.ofMillis(1)) : Reply.ok(call);
    }

    @Test
    void anOutagePausesTheImportProbesOneCallAtATimeAndResumesWhenTheServerAnswers() {
        Events events = new Events();
        VirtualRun virtual = new VirtualRun().pacedEvery(Duration.ofMillis(10))
                .answering(call -> refusedFrom(call, 1 * S, 61 * S));
        virtual.settings().listener(events);
        Outcome run = virtual.run(grouped(3_000, 1));

        ImportReport report = run.completed();
        assertEquals(3_000, report.imported(), report.summary(3));
        assertEquals(0, report.failed());
        assertEquals(LongStream.rangeClosed(1, 3_000).boxed().toList(), run.journal().done(), "each once");

        List<SentCall> during = run.calls().stream().filter(c -> c.atNanos() >= 1 * S && c.atNanos() < 61 * S)
                .toList();
        List<SentCall> probes = during.stream().filter(c -> c.atNanos() >= 2_100 * MS).toList();
        assertTrue(during.size() < 130, "calls during the 60 s outage: " + during.size());
        assertTrue(probes.size() <= 16, "probes: " + probes.size());
        for (int i = 1; i < probes.size(); i++) {
            long gap = probes.get(i).atNanos() - probes.get(i - 1).atNanos();
            assertTrue(gap >= 500 * MS && gap <= 5_001 * MS, "one probe at a time, 0.5 to 5 s apart: " + gap / 1e6);
        }
        SentCall firstAfter = run.calls().stream().filter(c -> c.atNanos() >= 61 * S).findFirst().orElseThrow();
        assertTrue(firstAfter.atNanos() < 66 * S, "the first probe after the outage, at " + firstAfter.atMillis());
        long resumed = run.calls().stream()
                .filter(c -> c.atNanos() >= firstAfter.atNanos() && c.atNanos() < firstAfter.atNanos() + S).count();
        assertTrue(resumed >= 90, "full pace again within a second of the answer: " + resumed + " calls");

        assertEquals(1, events.started.size());
        assertTrue(events.started.get(0).contains("CONNECT"), events.started.get(0));
        assertEquals(1, events.ended.size());
        assertTrue(events.ended.get(0) >= 60 * S && events.ended.get(0) < 66 * S, "lasted " + events.ended);
        System.out.printf(java.util.Locale.ROOT, "virtual time, 60 s of refused connections at 100 calls/s: %d calls"
                + " during the outage (%d probes after it was noticed), resumed %.1f s after the server came back%n",
                during.size(), probes.size(), (firstAfter.atNanos() - 61 * S) / 1e9 + 0.01);
    }

    @Test
    void anOutageDoesNotUseUpAttempts() {
        // five attempts take at least 0.1 + 0.2 + 0.4 + 0.8 s of backoff: the outage is noticed (after 1 s) first
        VirtualRun virtual = new VirtualRun().answering(call -> refusedFrom(call, 0, 300 * S));
        virtual.settings().maxAttempts(5);
        Outcome run = virtual.run(grouped(2, 5));

        ImportReport report = run.completed();
        assertEquals(10, report.imported(), "no give-up after 5 minutes of refused connections: " + report.summary(3));
        assertEquals(0, report.failed());
    }

    @Test
    void anOutageOverItsLimitStopsTheRunAndARerunWithTheJournalImportsTheRestExactlyOnce() {
        VirtualRun virtual = new VirtualRun().pacedEvery(Duration.ofMillis(10))
                .answering(call -> refusedFrom(call, 1 * S, Long.MAX_VALUE));
        virtual.settings().outageLimit(Duration.ofSeconds(30));
        Outcome first = virtual.run(grouped(3_000, 1));

        ImportAbortedException stop = first.aborted();
        assertNotNull(stop, "stopped");
        assertEquals("no usable answer from the server for 30 s (the outage limit is 30 s; the last: friend_import"
                + " POST <test> failed: CONNECT). Nothing more is sent; what was not imported stays undone in the"
                + " journal: run again with the same journal once the server answers, to import it.",
                stop.getMessage());
        assertEquals(0, stop.errorCode());
        ImportReport report = stop.report();
        assertEquals(0, report.failed(), "nothing given up: " + report.summary(3));
        assertTrue(report.imported() > 50 && report.imported() < 150, report.summary(0));
        assertEquals(report.imported(), first.journal().done().size(), "the journal holds what was imported");
        assertTrue(first.calls().stream().filter(c -> c.atNanos() > 2_100 * MS).count() <= 12, "probes");
        assertTrue(first.endNanos() < 32 * S, "stopped at the limit: " + first.endNanos() / 1e9);

        MemoryJournal journal = new MemoryJournal();
        for (long p : first.journal().done()) {
            journal.earlierDone(p, p);
        }
        Outcome rerun = new VirtualRun().journal(journal).run(grouped(3_000, 1));
        ImportReport again = rerun.completed();
        assertEquals(3_000 - report.imported(), again.imported());
        assertEquals(report.imported(), again.skippedEarlier());
        assertEquals(0, again.failed(), "nothing lost, nothing reported as failed by an earlier run");
        Set<Long> all = new HashSet<>(first.journal().done());
        for (long p : rerun.journal().done()) {
            assertTrue(all.add(p), "position " + p + " imported twice");
        }
        assertEquals(3_000, all.size());
    }

    @Test
    void usableAnswersNeverStartAnOutageEvenWhenTheyAreErrors() {
        Events events = new Events();
        VirtualRun virtual = new VirtualRun().pacedEvery(Duration.ofMillis(10)).answering(call -> call.index() % 5 == 0
                ? Reply.transport(TransportException.Kind.HTTP_STATUS, 502) : call.index() % 5 == 1
                        ? Reply.request(30006, "internal") : Reply.ok(call));
        virtual.settings().listener(events);
        Outcome run = virtual.run(grouped(500, 1));

        assertEquals(500, run.completed().imported());
        assertEquals(List.of(), events.started, "every answer came; a fifth were 502s");
    }

    @Test
    void aServerThatAnswersNothingCostsOneProbeAtATimeNotOneCallPerTimeout() {
        // From 1 s on, every call times out after 30 s.
        VirtualRun virtual = new VirtualRun().pacedEvery(Duration.ofMillis(10)).answering(call -> call.atNanos() >= S
                ? Reply.transport(TransportException.Kind.TIMEOUT, 0).after(Duration.ofSeconds(30)) : Reply.ok(call));
        virtual.settings().outageLimit(Duration.ofMinutes(10)).maxInFlight(64);
        Outcome run = virtual.run(grouped(100_000, 1));

        ImportAbortedException stop = run.aborted();
        assertNotNull(stop);
        assertTrue(stop.getMessage().startsWith("no usable answer from the server for 10 min"), stop.getMessage());
        // 64 calls in flight when the first timed out, then one probe at a time, each taking its 30 s
        long calls = run.calls().stream().filter(c -> c.atNanos() >= S).count();
        assertTrue(calls <= 64 + 25, "calls to a server that never answers, over 10 minutes: " + calls);
        assertEquals(0, stop.report().failed());
    }

    @Test
    void giveUpsAreNotJournaledAndAnOlderJournalsGiveUpsAreSentAgain() {
        MemoryJournal journal = new MemoryJournal()
                .earlierFailed(2, 30007, "gave up after 10 attempts: Err_timeout")
                .earlierFailed(3, 30010, "Err_SNS_friend_list_full");
        Outcome run = new VirtualRun().journal(journal).run(grouped(1, 4));

        ImportReport report = run.completed();
        assertEquals(3, report.imported(), "positions 1, 2 and 4; 2 was a give-up");
        assertEquals(1, report.failed());
        assertEquals(ImportFailure.Kind.EARLIER_RUN, report.failures().get(0).kind());
        assertEquals(3, report.failures().get(0).position());
        assertEquals(List.of(1L, 2L, 4L), run.journal().done());
    }
}
