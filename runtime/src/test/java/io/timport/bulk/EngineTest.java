package io.timport.bulk;

import static io.timport.bulk.VirtualRun.grouped;
import static io.timport.bulk.VirtualRun.interleaved;
import static io.timport.bulk.VirtualRun.relation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.VirtualRun.Outcome;
import io.timport.bulk.VirtualRun.Reply;
import io.timport.bulk.VirtualRun.SentCall;
import io.timport.bulk.VirtualRun.Timed;
import io.timport.call.TransportException;
import io.timport.errors.ErrorClass;
import io.timport.testing.TestItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The engine's decisions on a virtual clock, without HTTP ({@link VirtualRun}): retries and their backoff, throttling,
 * write conflicts, stops, resume, UserSig renewal, linger, grouped input and the buffer bound. Each runs in
 * milliseconds and the same way every time; the wiring is tested over loopback HTTP in the integration tests.
 */
class EngineTest {

    private static final long MS = 1_000_000L;

    // ------------------------------------------------------------------------------------------------ retries

    @Test
    void aTransientRequestErrorIsRetriedAfterAnExponentialBackoffWithJitter() {
        Outcome run = new VirtualRun()
                .answering(call -> call.index() < 2 ? Reply.request(30006, "Err_SNS_internal") : Reply.ok(call))
                .run(grouped(1, 10));

        ImportReport report = run.completed();
        assertEquals(10, report.imported());
        assertEquals(3, report.calls());
        assertEquals(2, report.retries());
        List<SentCall> calls = run.calls();
        // answered after 50 ms; backoff 200 ms × 2^(attempt−1), of which a random half is kept
        assertBetween(calls.get(1).atNanos() - calls.get(0).atNanos(), 50 + 100, 50 + 200);
        assertBetween(calls.get(2).atNanos() - calls.get(1).atNanos(), 50 + 200, 50 + 400);
        assertEquals(calls.get(0).toAccounts(), calls.get(2).toAccounts(), "the same items, in the same order");
        assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), run.journal().done());
    }

    @Test
    void theBackoffGrowsToItsMaximumAndAnItemIsGivenUpAfterItsLastAttempt() {
        VirtualRun virtual = new VirtualRun().answering(call -> Reply.request(30007, "Err_timeout"));
        virtual.settings().maxAttempts(6).backoff(Duration.ofMillis(100), Duration.ofMillis(500));
        Outcome run = virtual.run(grouped(1, 3));

        ImportReport report = run.completed();
        assertEquals(6, report.calls(), "six attempts");
        assertEquals(0, report.imported());
        assertEquals(3, report.failed());
        for (ImportFailure f : report.failures()) {
            assertEquals(ImportFailure.Kind.GAVE_UP, f.kind());
            assertEquals(30007, f.code());
            assertEquals("gave up after 6 attempts: Err_timeout", f.info());
        }
        long[] expectedMax = {100, 200, 400, 500, 500};
        for (int i = 0; i < 5; i++) {
            long gap = run.calls().get(i + 1).atNanos() - run.calls().get(i).atNanos() - 50 * MS;
            assertBetween(gap, expectedMax[i] / 2, expectedMax[i]);
        }
        assertEquals(List.of(), run.journal().done(), "give-ups are not journaled: a rerun retries them");
    }

    @Test
    void aTransientItemErrorResendsOnlyThatItemAndAPermanentOneIsReported() {
        Outcome run = new VirtualRun()
                .answering(call -> call.index() == 0 ? Reply.items(call, Map.of("f2", 30006, "f3", 30010))
                        : Reply.ok(call))
                .run(grouped(1, 5));

        ImportReport report = run.completed();
        assertEquals(2, run.calls().size());
        assertEquals(List.of("f2"), run.calls().get(1).toAccounts(), "only the transient item is sent again");
        assertBetween(run.calls().get(1).atNanos() - run.calls().get(0).atNanos(), 50 + 100, 50 + 200);
        assertEquals(4, report.imported());
        assertEquals(1, report.retries());
        ImportFailure refused = report.failures().get(0);
        assertEquals(List.of(ImportFailure.Kind.REJECTED), List.of(refused.kind()));
        assertEquals(4, refused.position());
        assertEquals("u0", refused.fromAccount());
        assertEquals("f3", refused.toAccount());
        assertEquals(30010, refused.code());
        assertEquals("Err_30010", refused.info());
    }

    @Test
    void anItemTheAnswerDoesNotMentionIsSentAgain() {
        Outcome run = new VirtualRun()
                .answering(call -> call.index() == 0 ? Reply.items(new SentCall(0, 0, call.from(),
                        call.items().subList(0, 2), 0), Map.of()) : Reply.ok(call))
                .run(grouped(1, 3));

        assertEquals(3, run.completed().imported());
        assertEquals(List.of("f2"), run.calls().get(1).toAccounts());
    }

    @Test
    void aRequestLevelPermanentErrorFailsEveryItemOfTheCallAndTheImportGoesOn() {
        Outcome run = new VirtualRun()
                .answering(call -> call.from().equals("u1") ? Reply.request(30003, "Err_SNS_account_not_found")
                        : Reply.ok(call))
                .run(grouped(3, 4));

        ImportReport report = run.completed();
        assertEquals(8, report.imported());
        assertEquals(Map.of(30003, 4L), report.failuresByCode());
        assertTrue(report.failures().stream().allMatch(f -> f.fromAccount().equals("u1")
                && f.kind() == ImportFailure.Kind.REJECTED && f.info().equals("Err_SNS_account_not_found")));
    }

    // ------------------------------------------------------------------------------------------------ throttling

    @Test
    void withPausePacingALoneThrottledAnswerDelaysOnlyItsOwnCall() {
        List<String> paused = new ArrayList<>();
        VirtualRun virtual = new VirtualRun()
                .pacedEvery(Duration.ofMillis(10))
                .answering(call -> call.from().equals("u3") && call.index() < 5 ? Reply.request(60007, "rate")
                        : Reply.ok(call));
        virtual.settings().pacing(Pacing.PAUSE).throttlePause(Duration.ofHours(1)).listener(new ImportListener() {
            @Override
            public void paused(String api, long pauseNanos, int code) {
                paused.add(api + " " + code);
            }
        });
        Outcome run = virtual.run(grouped(10, 2));

        ImportReport report = run.completed();
        assertEquals(20, report.imported());
        assertEquals(1, report.throttled());
        assertEquals(List.of(), paused, "no pause");
        List<SentCall> u3 = run.callsOf("u3");
        assertEquals(2, u3.size());
        assertBetween(u3.get(1).atNanos() - u3.get(0).atNanos(), 50 + 100, 50 + 200);
        // the other accounts went on at the pace, in 10 ms steps after the first answer
        assertEquals(List.of(0.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0, 110.0, 120.0, 130.0),
                run.calls().subList(0, 10).stream().map(SentCall::atMillis).toList());
        assertTrue(run.endNanos() < 500 * MS, "over at " + run.endNanos() / 1e6 + " ms");
    }

    @Test
    void withPausePacingPersistentThrottlingPausesEveryCall() {
        List<Long> pauses = new ArrayList<>();
        VirtualRun virtual = new VirtualRun()
                .pacedEvery(Duration.ofMillis(5))
                .answering(call -> call.atNanos() < 300 * MS ? Reply.transport(TransportException.Kind.HTTP_STATUS, 429)
                        : Reply.ok(call));
        virtual.settings().pacing(Pacing.PAUSE).backoff(Duration.ofMillis(1), Duration.ofMillis(1)).maxAttempts(1_000)
                .throttlePause(Duration.ofMillis(500)).listener(new ImportListener() {
                    @Override
                    public void paused(String api, long pauseNanos, int code) {
                        pauses.add(pauseNanos);
                    }
                });
        Outcome run = virtual.run(grouped(8, 1));

        ImportReport report = run.completed();
        assertEquals(8, report.imported());
        assertTrue(report.throttled() >= 3, "throttled " + report.throttled());
        assertFalse(pauses.isEmpty());
        assertTrue(pauses.stream().allMatch(p -> p == 500 * MS), pauses.toString());
        // The third throttled answer within a second paused every call for 500 ms: nothing was sent meanwhile.
        List<SentCall> calls = run.calls();
        long thirdAnswer = calls.get(2).atNanos() + Reply.DEFAULT_LATENCY;
        assertTrue(calls.stream().noneMatch(c -> c.atNanos() > thirdAnswer && c.atNanos() < thirdAnswer + 500 * MS),
                calls.stream().map(SentCall::atMillis).toList().toString());
        assertTrue(report.throttled() <= 12, "paused rather than hammering: " + report.throttled());
    }

    @Test
    void aLockoutPausesEveryCallThenRetries() {
        Outcome run = new VirtualRun()
                .answering(call -> call.index() == 1 ? Reply.request(70050, "locked") : Reply.ok(call))
                .run(grouped(3, 1));

        ImportReport report = run.completed();
        assertEquals(3, report.imported());
        List<SentCall> calls = run.calls();
        assertEquals(4, calls.size());
        long lockedAt = calls.get(1).atNanos() + Reply.DEFAULT_LATENCY;
        assertEquals(calls.get(1).from(), calls.get(3).from(), "the locked-out call is retried");
        assertEquals(lockedAt + 60_000 * MS, calls.get(3).atNanos(), "after the 60 s lockout");
        assertTrue(calls.get(2).atNanos() < lockedAt, "the other call had gone before");
    }

    // ------------------------------------------------------------------------------------------------ conflicts

    @Test
    void writeConflictsAreRetriedAndOneAccountNeverHasTwoCallsInFlight() {
        Random faults = new Random(30008);
        Map<Integer, Reply> replies = new HashMap<>();
        VirtualRun virtual = new VirtualRun()
                .pacedEvery(Duration.ofMillis(1))
                .answering(call -> replies.computeIfAbsent(call.index(), i -> {
                    Duration latency = Duration.ofMillis(10 + faults.nextInt(80));
                    double p = faults.nextDouble();
                    if (p < 0.3) {
                        return Reply.request(30008, "Err_SNS_conflict").after(latency);
                    }
                    if (p < 0.5) {
                        return Reply.items(call, Map.of(call.toAccounts().get(0), 30008)).after(latency);
                    }
                    return Reply.ok(call).after(latency);
                }));
        virtual.settings().batchSize(10).maxInFlight(8).backoff(Duration.ofMillis(5), Duration.ofMillis(50));
        List<ImportRecord<TestItem>> input = interleaved(20, 30);
        Outcome run = virtual.run(input); // the sender fails the run if two calls for one account overlap

        ImportReport report = run.completed();
        assertEquals(600, report.imported(), report.summary(5));
        assertTrue(report.retries() > 20, report.summary(0));
        assertEquals(LongStream.rangeClosed(1, 600).boxed().toList(), run.journal().done(), "each once");
        // One account's records reach the server in input order, a retried item before anything after it.
        for (int u = 0; u < 20; u++) {
            List<String> firstSends = new ArrayList<>();
            Set<String> sent = new HashSet<>();
            Set<String> owed = new HashSet<>();
            for (SentCall call : run.callsOf("u" + u)) {
                List<String> to = call.toAccounts();
                int retried = 0;
                while (retried < to.size() && owed.contains(to.get(retried))) {
                    retried++;
                }
                assertEquals(owed.size() == 0 ? 0 : owed.size(), retried, "retries first, in u" + u + "'s call "
                        + call.index() + ": " + to + ", owed " + owed);
                owed.clear();
                for (String t : to.subList(retried, to.size())) {
                    if (sent.add(t)) {
                        firstSends.add(t);
                    }
                }
                Reply reply = replies.get(call.index());
                if (reply.answer().errorCode() == 30008) {
                    owed.addAll(to);
                } else {
                    reply.answer().resultItems().stream().filter(r -> r.resultCode() != 0)
                            .forEach(r -> owed.add(r.toAccount()));
                }
            }
            assertEquals(IntStreamRange.friends(30), firstSends, "u" + u);
        }
    }

    /** f0 … f(n−1). */
    private static final class IntStreamRange {
        static List<String> friends(int n) {
            List<String> f = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                f.add("f" + i);
            }
            return f;
        }
    }

    // ------------------------------------------------------------------------------------------------ stops

    @Test
    void aFatalAnswerToTheFirstCallStopsTheImportBeforeAnythingElseIsSent() {
        Outcome run = new VirtualRun()
                .answering(call -> Reply.request(70009, "Err_sig"))
                .run(grouped(100, 5));

        assertEquals(1, run.calls().size(), "the first call goes alone, and its answer is enough");
        ImportAbortedException e = run.aborted();
        assertNotNull(e);
        assertEquals(70009, e.errorCode());
        assertEquals("the server answered 70009 (UserSig check failed: wrong secret key): Err_sig. Nothing more is "
                + "sent; fix the configuration and run again with the same journal to resume.", e.getMessage());
        ImportReport report = e.report();
        assertTrue(report.aborted());
        assertEquals(0, report.imported());
        assertEquals(0, report.failed());
        assertEquals(report.records(), report.notDone());
        assertEquals(List.of(), run.journal().done());
    }

    @Test
    void aStopLetsTheCallsInFlightSettleAndSendsNothingMore() {
        VirtualRun virtual = new VirtualRun()
                .answering(call -> call.index() == 2 ? Reply.request(60010, "not admin").after(Duration.ofMillis(10))
                        : Reply.ok(call));
        virtual.settings().maxInFlight(4);
        Outcome run = virtual.run(grouped(20, 3));

        assertEquals(5, run.calls().size(), "the first alone, then four in flight; nothing after the stop");
        ImportReport report = run.aborted().report();
        assertEquals(60010, run.aborted().errorCode());
        assertEquals(12, report.imported(), "the calls in flight at the stop were settled");
        assertEquals(12, run.journal().done().size(), "and journaled");
        assertTrue(report.records() < 60, "the reader stopped reading: " + report.records());
        assertEquals(report.records() - 12, report.notDone());
    }

    @Test
    void anErrorWhileSendingStopsTheImport() {
        Outcome run = new VirtualRun()
                .answering(call -> {
                    throw new NoSuchMethodError("io.timport.wire.WireWriter.writeSomething");
                })
                .run(grouped(3, 2));

        assertEquals(1, run.calls().size());
        assertTrue(run.aborted().getMessage().startsWith("the call failed unexpectedly: java.lang.NoSuchMethodError: "
                + "io.timport.wire.WireWriter.writeSomething"), run.aborted().getMessage());
        assertTrue(run.aborted().getCause() instanceof NoSuchMethodError);
        assertEquals(6, run.aborted().report().notDone());
    }

    @Test
    void aWrongEndpointStopsTheImport() {
        Outcome run = new VirtualRun()
                .answering(call -> Reply.transport(TransportException.Kind.HTTP_STATUS, 404))
                .run(grouped(3, 2));

        assertEquals(1, run.calls().size());
        assertEquals(0, run.aborted().errorCode());
        assertTrue(run.aborted().getMessage().startsWith("no usable answer from the endpoint: "),
                run.aborted().getMessage());
        assertTrue(run.aborted().getMessage().endsWith(". Check the endpoint or region; nothing more is sent."));
    }

    // ------------------------------------------------------------------------------------------------ resume

    @Test
    void aResumedRunSendsNothingTheJournalSaysIsDoneAndReportsEarlierFailures() {
        MemoryJournal journal = new MemoryJournal().earlierDone(1, 4).earlierFailed(6, 30010, "Err_full");
        Outcome run = new VirtualRun().journal(journal).run(grouped(1, 10));

        ImportReport report = run.completed();
        assertEquals(List.of("f4", "f6", "f7", "f8", "f9"), run.calls().get(0).toAccounts());
        assertEquals(1, run.calls().size());
        assertEquals(10, report.records());
        assertEquals(5, report.imported());
        assertEquals(4, report.skippedEarlier());
        assertEquals(1, report.failed());
        ImportFailure earlier = report.failures().get(0);
        assertEquals(ImportFailure.Kind.EARLIER_RUN, earlier.kind());
        assertEquals(6, earlier.position());
        assertEquals("f5", earlier.toAccount());
        assertEquals(30010, earlier.code());
        assertEquals("Err_full", earlier.info());
        assertNotNull(earlier.item(), "so that it can be written to the failures file");
        assertEquals(List.of(5L, 7L, 8L, 9L, 10L), journal.done(), "this run journals only what it did");
        assertEquals(0, report.notDone());
    }

    @Test
    void aSupersededRecordIsJournaledAndTheLaterOneWins() {
        List<ImportRecord<TestItem>> input = List.of(
                ImportRecord.of("u0", new TestItem("bob", "first")),
                relation("u0", "carol"),
                ImportRecord.of("u0", new TestItem("bob", "second")));
        Outcome run = new VirtualRun().run(input);

        ImportReport report = run.completed();
        assertEquals(1, report.superseded());
        assertEquals(2, report.imported());
        assertEquals(List.of("bob", "carol"), run.calls().get(0).toAccounts(), "in the first record's place");
        assertEquals("second", remark(run.calls().get(0).items().get(0)));
        assertEquals(List.of(1L, 2L, 3L), run.journal().done());
    }

    // ------------------------------------------------------------------------------------------------ UserSig

    @Test
    void anExpiredUserSigIsRenewedOnceAndTheCallSentAgain() {
        Outcome run = new VirtualRun()
                .answering(call -> call.signature() == 0 ? Reply.request(70001, "expired") : Reply.ok(call))
                .run(grouped(2, 3));

        assertEquals(6, run.completed().imported());
        assertEquals(1, run.renewals());
        assertEquals(3, run.calls().size());
        assertEquals(run.calls().get(0).toAccounts(), run.calls().get(1).toAccounts());
        assertEquals(run.calls().get(0).atNanos() + Reply.DEFAULT_LATENCY, run.calls().get(1).atNanos(),
                "at once, no backoff");
        assertEquals(0, run.completed().retries(), "a renewal is not a retry");
    }

    @Test
    void aUserSigRefusedAgainAfterItsRenewalStopsTheImport() {
        Outcome run = new VirtualRun()
                .answering(call -> Reply.request(70001, "expired"))
                .run(grouped(2, 3));

        assertEquals(2, run.calls().size(), "signed again once, then stopped");
        assertEquals(1, run.renewals());
        assertEquals(70001, run.aborted().errorCode());
        assertTrue(run.aborted().getMessage().contains("; a freshly renewed UserSig was refused too. "),
                run.aborted().getMessage());
    }

    @Test
    void callsSignedBeforeARenewalAreSentAgainWithoutAnotherRenewal() {
        VirtualRun virtual = new VirtualRun()
                .answering(call -> call.signature() == 0 && call.atNanos() >= 50 * MS
                        ? Reply.request(70052, "invalidated") : Reply.ok(call));
        virtual.settings().maxInFlight(4);
        Outcome run = virtual.run(grouped(5, 2));

        assertEquals(10, run.completed().imported());
        assertEquals(1, run.renewals(), "four calls in flight with the old UserSig, one renewal");
        assertEquals(9, run.calls().size(), "the first, four refused, four sent again");
    }

    // ------------------------------------------------------------------------------------------------ dispatch

    @Test
    void aPartialBatchWaitsItsLingerWhileTheInputIsStillComing() {
        List<Timed> input = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            input.add(new Timed(f * MS, relation("u0", "f" + f)));
        }
        input.add(new Timed(10_000 * MS, relation("u0", "f3"))); // the input is slow
        Outcome run = new VirtualRun().runTimed(input);

        List<SentCall> calls = run.calls();
        assertEquals(2, calls.size());
        assertEquals(2_000 * MS, calls.get(0).atNanos(), "a partial batch after its 2 s linger");
        assertEquals(List.of("f0", "f1", "f2"), calls.get(0).toAccounts());
        assertEquals(10_000 * MS, calls.get(1).atNanos(), "the last record at the end of the input, not lingering");
        assertEquals(4, run.completed().imported());
    }

    @Test
    void groupedInputSendsEachAccountAsSoonAsTheReaderMovesOn() {
        List<Timed> input = new ArrayList<>();
        String[] users = {"alice", "bob", "carol"};
        for (int u = 0; u < 3; u++) {
            for (int f = 0; f < 10; f++) {
                input.add(new Timed(u * 1_000 * MS + f * MS, relation(users[u], "f" + f)));
            }
        }
        VirtualRun virtual = new VirtualRun();
        virtual.settings().linger(Duration.ofHours(1));
        Outcome run = virtual.runTimed(input);

        List<SentCall> calls = run.calls();
        assertEquals(3, calls.size());
        assertEquals(List.of(1_000.0, 2_000.0, 2_009.0), calls.stream().map(SentCall::atMillis).toList(),
                "alice when bob's first record came, bob when carol's did, carol at the end");
    }

    @Test
    void interleavedInputIsGroupedWithinTheBuffer() {
        VirtualRun virtual = new VirtualRun();
        virtual.settings().linger(Duration.ofHours(1));
        Outcome run = virtual.run(interleaved(3, 10));

        assertEquals(3, run.calls().size(), "one full call per account, not one per run of records");
        assertEquals(30, run.completed().imported());
    }

    @Test
    void theBufferBoundHoldsAndAFullBufferSendsPartialBatches() {
        VirtualRun virtual = new VirtualRun();
        virtual.settings().batchSize(10).maxBufferedItems(20).linger(Duration.ofHours(1));
        Outcome run = virtual.run(interleaved(50, 10));

        assertEquals(500, run.completed().imported());
        assertTrue(run.maxHeld() <= 20, "held at most " + run.maxHeld());
        assertTrue(run.endNanos() < Duration.ofHours(1).toNanos(), "partial batches went without lingering");
        assertTrue(run.calls().size() > 50, "partial batches: " + run.calls().size() + " calls");
    }

    @Test
    void theReaderOfGroupedInputStaysCloseToTheCalls() {
        VirtualRun virtual = new VirtualRun().pacedEvery(Duration.ofMillis(5));
        virtual.settings().maxInFlight(4);
        Outcome run = virtual.run(grouped(500, 4));

        assertEquals(500, run.calls().size(), "one call per user");
        assertEquals(2_000, run.completed().imported());
        long bound = (AccountQueues.READY_AHEAD + 4 + 2) * 4L;
        assertTrue(run.maxHeld() <= bound, "held " + run.maxHeld() + ", at most " + bound + " expected");
        assertTrue(run.maxHeld() >= AccountQueues.READY_AHEAD * 4L, "it does read ahead: " + run.maxHeld());
    }

    @Test
    void invalidRecordsAreReportedWithTheirPositionAndNeverSent() {
        List<ImportRecord<TestItem>> input = new ArrayList<>(grouped(1, 3));
        input.add(1, ImportRecord.of("x".repeat(33), new TestItem("f9")));
        input.add(ImportRecord.invalid("u0", "f8", "To_Account: bad", "rows.csv:9", "raw"));
        Outcome run = new VirtualRun().run(input);

        ImportReport report = run.completed();
        assertEquals(3, report.imported());
        assertEquals(List.of(2L, 5L), report.failures().stream().map(ImportFailure::position).toList());
        assertEquals("From_Account must be 1 to 32 UTF-8 bytes, was 33 bytes", report.failures().get(0).info());
        assertEquals("record 5 (rows.csv:9)", report.failures().get(1).where());
        assertEquals(List.of("f0", "f1", "f2"), run.calls().get(0).toAccounts());
    }

    // ------------------------------------------------------------------------------------------------ events

    /** A listener that counts what a metrics binder would. */
    private static final class Counting implements ImportListener {
        long calls;
        long retries;
        long throttled;
        long answered;
        final Map<RelationOutcome, Long> relations = new LinkedHashMap<>();
        final Map<Integer, Long> failuresByCode = new HashMap<>();
        final Map<ErrorClass, Long> answers = new HashMap<>();
        int maxInFlight;
        int inFlightNow;
        ImportProgress last;
        List<String> phases = new ArrayList<>();

        @Override
        public void phaseStarted(String phase, long total) {
            phases.add("start " + phase);
        }

        @Override
        public void callSent(String api, int items, boolean retry) {
            calls++;
            retries += retry ? 1 : 0;
        }

        @Override
        public void callAnswered(String api, ErrorClass outcome, int code, long latencyNanos) {
            answered++;
            answers.merge(outcome, 1L, Long::sum);
        }

        @Override
        public void throttled(String api, int code) {
            throttled++;
        }

        @Override
        public void relationsSettled(RelationOutcome outcome, int code, long count) {
            relations.merge(outcome, count, Long::sum);
            if (outcome.isFailure()) {
                failuresByCode.merge(code, count, Long::sum);
            }
        }

        @Override
        public void inFlight(String api, int calls) {
            inFlightNow = calls;
            maxInFlight = Math.max(maxInFlight, calls);
        }

        @Override
        public void phaseEnded(String phase, ImportProgress last, boolean stopped) {
            phases.add("end " + phase + (stopped ? " stopped" : ""));
            this.last = last;
        }
    }

    @Test
    void theEventsAddUpToTheReport() {
        Counting counting = new Counting();
        MemoryJournal journal = new MemoryJournal().earlierDone(1, 5).earlierFailed(7, 30010, "Err_full");
        Random random = new Random(16);
        VirtualRun virtual = new VirtualRun().journal(journal)
                .answering(call -> {
                    double p = random.nextDouble();
                    if (p < 0.1) {
                        return Reply.request(30006, "internal");
                    }
                    if (p < 0.15) {
                        return Reply.request(60007, "rate");
                    }
                    if (p < 0.2) {
                        return Reply.transport(TransportException.Kind.TIMEOUT, -1);
                    }
                    return Reply.items(call, Map.of(call.toAccounts().get(0), p < 0.5 ? 30010 : 0));
                });
        virtual.settings().batchSize(7).maxInFlight(3).maxAttempts(2).listener(counting);
        List<ImportRecord<TestItem>> input = new ArrayList<>(interleaved(30, 10));
        input.add(ImportRecord.invalid("u1", "bad", null, null));
        input.add(relation("u2", "f3")); // supersedes, or follows, an earlier record of the pair
        ImportReport report = virtual.run(input).completed();

        assertEquals(report.calls(), counting.calls);
        assertEquals(report.calls(), counting.answered);
        assertEquals(report.retries(), counting.retries);
        assertEquals(report.throttled(), counting.throttled);
        assertEquals(report.imported(), counting.relations.getOrDefault(RelationOutcome.IMPORTED, 0L));
        assertEquals(report.superseded(), counting.relations.getOrDefault(RelationOutcome.SUPERSEDED, 0L));
        assertEquals(report.skippedEarlier(), counting.relations.getOrDefault(RelationOutcome.COMPLETED_EARLIER, 0L));
        assertEquals(report.failed(), counting.relations.entrySet().stream().filter(e -> e.getKey().isFailure())
                .mapToLong(Map.Entry::getValue).sum());
        assertEquals(report.failuresByCode(), counting.failuresByCode);
        assertEquals(report.records(), counting.last.recordsRead());
        assertEquals(List.of("start relations", "end relations"), counting.phases);
        assertEquals(0, counting.inFlightNow);
        assertEquals(3, counting.maxInFlight);
        // every kind of outcome happened, so that the sums above mean something
        for (RelationOutcome outcome : RelationOutcome.values()) {
            assertTrue(counting.relations.getOrDefault(outcome, 0L) > 0, outcome + " in " + counting.relations);
        }
        assertTrue(report.throttled() > 0 && report.retries() > 0, report.summary(0));
        assertTrue(counting.answers.get(ErrorClass.TRANSIENT) > 0, counting.answers.toString());
    }

    @Test
    void aListenerThatThrowsDoesNotDisturbTheImport() {
        VirtualRun virtual = new VirtualRun();
        virtual.settings().listener(new ImportListener() {
            @Override
            public void callSent(String api, int items, boolean retry) {
                throw new IllegalStateException("broken listener");
            }

            @Override
            public void relationsSettled(RelationOutcome outcome, int code, long count) {
                throw new IllegalStateException("broken listener");
            }
        });
        assertEquals(20, virtual.run(grouped(4, 5)).completed().imported());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void assertBetween(long nanos, long minMillis, long maxMillis) {
        assertTrue(nanos >= minMillis * MS && nanos <= maxMillis * MS,
                nanos / 1e6 + " ms, expected " + minMillis + " to " + maxMillis + " ms");
    }

    private static String remark(TestItem item) {
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(w);
            item.writeJson(g);
            g.close();
            String json = w.toString();
            int at = json.indexOf("\"Remark\":\"");
            assertNull(at < 0 ? "no remark in " + json : null);
            return json.substring(at + 10, json.indexOf('"', at + 10));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
