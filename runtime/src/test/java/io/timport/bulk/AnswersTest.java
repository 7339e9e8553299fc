package io.timport.bulk;

import static io.timport.bulk.VirtualRun.grouped;
import static io.timport.bulk.VirtualRun.relation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.VirtualRun.Outcome;
import io.timport.bulk.VirtualRun.Reply;
import io.timport.bulk.VirtualRun.SentCall;
import io.timport.call.FriendImportClient;
import io.timport.call.FriendImportResponse;
import io.timport.call.ResultItem;
import io.timport.call.TransportException;
import io.timport.testing.TestItem;
import io.timport.wire.InvalidItemException;
import io.timport.wire.ItemType;
import io.timport.wire.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the engine does with the answers of a real service that says no (issue 11): the breaker for systematic
 * failures, bisecting a batch, the body cap, the short circuit per From_Account, the call's {@code random} in every
 * failure. On the virtual clock ({@link VirtualRun}); over loopback HTTP in the integration tests.
 */
class AnswersTest {

    private static final String UNCONFIGURED = "CustomItem[0].Tag Tag_SNS_Custom_Guild is not a registered custom "
            + "friend field (registered: Tag_SNS_Custom_Level)";

    /** Every item answered {@code code} with {@code info}, the answer carrying {@code random}. */
    private static Reply allFail(SentCall call, int code, String info, long random) {
        List<ResultItem> results = new ArrayList<>();
        for (String to : call.toAccounts()) {
            results.add(new ResultItem(to, code, info));
        }
        return new Reply(Reply.DEFAULT_LATENCY, new FriendImportResponse("OK", 0, "", "", results,
                call.toAccounts(), List.of(), random), null);
    }

    private static Reply request(int code, String info, long random) {
        return new Reply(Reply.DEFAULT_LATENCY, new FriendImportResponse("FAIL", code, info, "", List.of(), List.of(),
                List.of(), random), null);
    }

    // ------------------------------------------------------------------------------------------------ the breaker

    @Test
    void aTagTheConsoleLacksStopsTheRunAfterFiveCallsNamingTheTagAndARerunAfterTheFixImportsEverything() {
        MemoryJournal journal = new MemoryJournal();
        List<ImportRecord<TestItem>> input = grouped(100, 100); // 10,000 relations, 100 a call
        Outcome run = new VirtualRun().journal(journal)
                .answering(call -> allFail(call, 30001, UNCONFIGURED, 4000 + call.index()))
                .run(input);

        ImportAbortedException stop = run.aborted();
        assertNotNull(stop, "the run stopped");
        assertEquals(5, run.calls().size(), "the stated bound: 5 calls when batches hold 20 relations or more");
        assertEquals(30001, stop.errorCode());
        String m = stop.getMessage();
        assertTrue(m.startsWith("systematic failure: the last 5 calls answered 30001 for nearly every relation they "
                + "carried (500 relations). 30001: bad parameter"), m);
        assertTrue(m.contains("For example record 1: u0 -> f0: \"" + UNCONFIGURED + "\" (random 4000)"), m);
        assertTrue(m.contains("Likely cause: the custom friend field Tag_SNS_Custom_Guild is not configured in the "
                + "app. Fix: add it in the Chat console (App Configuration > Feature Configuration"), m);
        // one call at a time once the answers look systematic: never more than one in flight
        for (int i = 1; i < run.calls().size(); i++) {
            assertTrue(run.calls().get(i).atNanos() - run.calls().get(i - 1).atNanos() >= Reply.DEFAULT_LATENCY);
        }
        assertTrue(journal.failed().isEmpty(), "the streak's failures are not journaled: " + journal.failed());

        // the tag configured: the same input with the same journal imports everything
        MemoryJournal again = new MemoryJournal();
        for (long p : journal.done()) {
            again.earlierDone(p, p);
        }
        ImportReport after = new VirtualRun().journal(again).run(input).completed();
        assertEquals(10_000, after.imported() + after.skippedEarlier());
        assertEquals(0, after.failed());
    }

    @Test
    void accountsThatWereNeverImportedStopTheRunWithThatDiagnosis() {
        Outcome run = new VirtualRun()
                .answering(call -> request(30003, "Err_Sns_Invalid_Account", 7))
                .run(grouped(50, 30));

        String m = run.aborted().getMessage();
        assertEquals(5, run.calls().size());
        assertTrue(m.contains("answered 30003 for nearly every relation they carried (150 relations). 30003: account "
                + "does not exist."), m);
        assertTrue(m.contains("Likely cause: the accounts were not imported into the app. Fix: import the accounts "
                + "first"), m);
    }

    @Test
    void givingUpAfterRetriesDoesNotTripTheBreaker() {
        VirtualRun virtual = new VirtualRun().answering(call -> Reply.items(call, Map.of("f0", 30006, "f1", 30006,
                "f2", 30006)));
        virtual.settings().maxAttempts(2);
        ImportReport report = virtual.run(grouped(40, 3)).completed();
        assertEquals(120, report.failed());
        assertEquals(Map.of(30006, 120L), report.failuresByCode());
        assertTrue(report.failures().stream().allMatch(f -> f.kind() == ImportFailure.Kind.GAVE_UP));
    }

    @Test
    void mixedFailuresAndTheBreakerSwitchedOffSendEverything() {
        // half the items fail alike: not nearly everything
        ImportReport half = new VirtualRun()
                .answering(call -> Reply.items(call, Map.of("f0", 30003, "f2", 30003)))
                .run(grouped(40, 4)).completed();
        assertEquals(80, half.failed());
        assertEquals(80, half.imported());

        VirtualRun off = new VirtualRun().answering(call -> allFail(call, 30001, UNCONFIGURED, 1));
        off.settings().breakerOff();
        Outcome run = off.run(grouped(40, 4));
        assertEquals(160, run.completed().failed());
        assertEquals(40, run.calls().size());
    }

    @Test
    void aStreakThatEndsIsJournaledAfterAll() {
        // the first four users' relations fail alike, then everything is imported: no stop
        Outcome run = new VirtualRun()
                .answering(call -> call.index() < 4 ? allFail(call, 30001, UNCONFIGURED, 1) : Reply.ok(call))
                .run(grouped(20, 30));
        ImportReport report = run.completed();
        assertEquals(120, report.failed());
        assertEquals(120, run.journal().failed().size(), "held back, then journaled");
    }

    // ------------------------------------------------------------------------------------------------ bisecting

    @Test
    void aPoisonedItemInAFullBatchIsIsolatedWithinTwoLog2CallsAndOnlyItFails() {
        Outcome run = new VirtualRun()
                .answering(call -> call.toAccounts().contains("f617")
                        ? request(30001, "Err_SNS_FriendImport_Invalid_Param", 99) : Reply.ok(call))
                .run(grouped(1, 1000));

        ImportReport report = run.completed();
        assertEquals(999, report.imported());
        assertEquals(1, report.failed());
        ImportFailure f = report.failures().get(0);
        assertEquals("f617", f.toAccount());
        assertEquals(30001, f.code());
        assertEquals(99, f.random());
        assertTrue(run.calls().size() <= 1 + 2 * 10, run.calls().size() + " calls");
        assertEquals(1 + 2 * 10, run.calls().size(), "1000 → 500 → … → 1: ten levels, two calls each");
        assertTrue(run.endNanos() <= 21 * Reply.DEFAULT_LATENCY, "one call after the other, no waiting: "
                + run.endNanos() / 1e6 + " ms");
        assertEquals(0, report.retries());
    }

    @Test
    void anUnknownRequestCodeIsRetriedOnceThenSplit() {
        Outcome run = new VirtualRun()
                .answering(call -> call.toAccounts().contains("f5") ? request(99_999, "?", 5) : Reply.ok(call))
                .run(grouped(1, 8));

        ImportReport report = run.completed();
        assertEquals(7, report.imported());
        assertEquals(99_999, report.failures().get(0).code());
        assertEquals(List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7"), run.calls().get(1).toAccounts(),
                "retried once as it was");
        assertEquals(List.of("f0", "f1", "f2", "f3"), run.calls().get(2).toAccounts(), "then split");
        assertEquals(2 + 2 * 3, run.calls().size());
    }

    @Test
    void http413SplitsTheBatch() {
        Outcome run = new VirtualRun()
                .answering(call -> call.items().size() > 250
                        ? Reply.transport(TransportException.Kind.HTTP_STATUS, 413) : Reply.ok(call))
                .run(grouped(1, 1000));
        assertEquals(1000, run.completed().imported());
        assertEquals(List.of(1000, 500, 250, 250, 500, 250, 250),
                run.calls().stream().map(c -> c.items().size()).toList());
    }

    // ------------------------------------------------------------------------------------------------ the body cap

    @Test
    void noBodyIsLargerThanTheCap() {
        List<ImportRecord<TestItem>> input = new ArrayList<>();
        for (int f = 0; f < 500; f++) {
            input.add(ImportRecord.of("u1", new TestItem("f" + f, "r".repeat(f % 90))));
        }
        VirtualRun virtual = new VirtualRun();
        virtual.settings().maxBodyBytes(4096);
        Outcome run = virtual.run(input);
        assertEquals(500, run.completed().imported());
        int most = 0;
        for (SentCall c : run.calls()) {
            int bytes = FriendImportClient.requestBody(c.from(), c.items()).length;
            assertTrue(bytes <= 4096, bytes + " bytes");
            most = Math.max(most, bytes);
        }
        assertTrue(most > 3500, "batches are cut near the cap, not far under it: " + most);
        assertTrue(run.calls().size() < 20, run.calls().size() + " calls");
    }

    // ------------------------------------------------------------------------------------------------ short circuit

    @Test
    void nothingIsSentForAUserAfter30010() {
        List<ImportRecord<TestItem>> input = new ArrayList<>(grouped(1, 50));
        input.add(relation("other", "x"));
        input.add(relation("u0", "late"));
        VirtualRun virtual = new VirtualRun().answering(call -> call.from().equals("u0")
                ? allFail(call, 30010, "Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold", 1234)
                : Reply.ok(call));
        virtual.settings().batchSize(10);
        Outcome run = virtual.run(input);

        ImportReport report = run.completed();
        assertEquals(1, run.callsOf("u0").size(), "one call for u0, then nothing");
        assertEquals(51, report.failed());
        assertEquals(Map.of(30010, 51L), report.failuresByCode());
        ImportFailure later = report.failures().stream().filter(f -> f.toAccount().equals("late")).findFirst()
                .orElseThrow();
        assertTrue(later.info().startsWith("not sent because the call with random 1234 for this From_Account "
                + "answered 30010 (From_Account already has the maximum of 3000 friends)"), later.info());
        assertEquals(ImportFailure.NO_RANDOM, later.random(), "it was never sent");
        assertEquals(51, run.journal().failed().size());
        assertEquals(1, report.imported());
    }

    @Test
    void aRequestLevel30003StopsSendingThatUser() {
        List<ImportRecord<TestItem>> input = new ArrayList<>(grouped(1, 30));
        input.addAll(grouped(3, 3).subList(3, 9)); // u1, u2
        VirtualRun virtual = new VirtualRun().answering(call -> call.from().equals("u0")
                ? request(30003, "Err_Sns_Invalid_Account", 3) : Reply.ok(call));
        virtual.settings().batchSize(10);
        Outcome run = virtual.run(input);
        assertEquals(1, run.callsOf("u0").size());
        assertEquals(30, run.completed().failed());
        assertEquals(6, run.completed().imported());
    }

    // ------------------------------------------------------------------------------------------------ random

    @Test
    void everyFailureAnAnswerMadeCarriesItsRandomIntoTheReportAndTheFailuresFile() {
        Outcome run = new VirtualRun()
                .answering(call -> allFail(call, 30005, "Err_SNS_sensitive", 3_000_000_000L))
                .run(grouped(1, 2));
        ImportFailure f = run.completed().failures().get(0);
        assertEquals(3_000_000_000L, f.random());
        assertTrue(ImportReport.line(f).endsWith("[30005] Err_SNS_sensitive (random 3000000000)"),
                ImportReport.line(f));
        assertEquals("{\"From_Account\":\"u0\",\"To_Account\":\"f0\",\"AddSource\":\"AddSource_Type_Test\","
                + "\"_failure\":{\"code\":30005,\"info\":\"Err_SNS_sensitive\",\"random\":3000000000}}",
                FailuresFile.line(f));
        // and the line imports as it is: the reader skips "_failure"
        ItemType<TestItem> type = ItemType.of(TestItem.class, List.of(), fields -> {
            if (!fields.keySet().equals(java.util.Set.of("To_Account", "AddSource"))) {
                throw new InvalidItemException(null, List.of(new Violation(fields.keySet().toString(),
                        "are not the fields", "present")));
            }
            return new TestItem((String) fields.get("To_Account"));
        });
        ImportRecord<TestItem> back = JsonlInput.parse(FailuresFile.line(f).getBytes(StandardCharsets.UTF_8),
                "failed.jsonl:1", type);
        assertTrue(back.isValid(), back.problem());
        assertEquals("f0", back.toAccount());
    }
}
