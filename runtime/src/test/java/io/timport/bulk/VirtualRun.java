package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.timport.call.FriendImportResponse;
import io.timport.call.ResultItem;
import io.timport.call.TransportException;
import io.timport.testing.TestItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs the engine's deterministic core on virtual time, without threads and without HTTP: the part the production
 * driver ({@link ImportRun}) plays with real threads, played by one loop that jumps from event to event.
 *
 * <ul>
 *   <li>The <b>reader</b> offers input records as they become available (each may carry a virtual arrival time),
 *       and stops offering while the core has no room.</li>
 *   <li>The <b>dispatcher</b> takes every call the core has ready and sends it through a scripted sender; with a
 *       permit interval, one call per interval, as a rate limiter would pace them.</li>
 *   <li>Each call's <b>answer</b> is what the script returns for it, delivered after its latency.</li>
 *   <li>Between events the clock jumps to the next one: an answer, the next input record, or the core's own
 *       {@link EngineCore#wakeAt wake-up time}. When there is none while work remains, the engine would hang:
 *       the run fails.</li>
 * </ul>
 * The sender checks that two calls for one From_Account are never in flight at once. A whole import of thousands
 * of relations runs in milliseconds, the same way every time.
 */
final class VirtualRun {

    /**
     * Where the virtual clock starts: far below zero, since {@link System#nanoTime()} may be negative too, so that
     * the engine's time arithmetic is tested with such values. Times given and reported are relative to it.
     */
    static final long ORIGIN = -(1L << 62);

    /** The engine's settings, built by the real builder, with no client. */
    static final class Settings extends ImporterBuilder<TestItem, Settings> {
        @Override
        protected Settings self() {
            return this;
        }
    }

    /** One call as the sender saw it. */
    record SentCall(int index, long atNanos, String from, List<TestItem> items, int signature) {
        List<String> toAccounts() {
            List<String> to = new ArrayList<>(items.size());
            for (TestItem item : items) {
                to.add(item.toAccount());
            }
            return to;
        }

        /** Milliseconds of virtual time since the run began. */
        double atMillis() {
            return atNanos / 1e6;
        }
    }

    /** What the server does with a call: an answer or a failure, after a latency. */
    record Reply(long latencyNanos, FriendImportResponse answer, Throwable error) {
        static final long DEFAULT_LATENCY = Duration.ofMillis(50).toNanos();

        /** Every item imported. */
        static Reply ok(SentCall call) {
            return items(call, Map.of());
        }

        /** Per-item codes; items not in {@code codes} are imported. */
        static Reply items(SentCall call, Map<String, Integer> codes) {
            List<ResultItem> results = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (String to : call.toAccounts()) {
                int code = codes.getOrDefault(to, 0);
                results.add(new ResultItem(to, code, code == 0 ? "" : "Err_" + code));
                if (code != 0) {
                    failed.add(to);
                }
            }
            return new Reply(DEFAULT_LATENCY, new FriendImportResponse(failed.isEmpty() ? "OK" : "OK", 0, "", "",
                    results, failed, List.of()), null);
        }

        /** A request-level error. */
        static Reply request(int code, String info) {
            return new Reply(DEFAULT_LATENCY, new FriendImportResponse("FAIL", code, info, "", List.of(), List.of(),
                    List.of()), null);
        }

        /** No usable answer. */
        static Reply transport(TransportException.Kind kind, int httpStatus) {
            return new Reply(DEFAULT_LATENCY, null, new TransportException(kind, "friend_import POST <test> failed: "
                    + kind + (httpStatus > 0 ? " " + httpStatus : ""), httpStatus, "", null));
        }

        Reply after(Duration latency) {
            return new Reply(latency.toNanos(), answer, error);
        }
    }

    /** An input record, available to the reader from {@code atNanos} of virtual time. */
    record Timed(long atNanos, ImportRecord<TestItem> record) {
    }

    /** What a run did. */
    record Outcome(ImportReport report, ImportAbortedException aborted, List<SentCall> calls, MemoryJournal journal,
            int renewals, long maxHeld, long endNanos) {

        /** The report, also of a run that stopped. */
        ImportReport anyReport() {
            return report != null ? report : aborted.report();
        }

        /** The report of a run that must have reached its end. */
        ImportReport completed() {
            if (aborted != null) {
                throw new AssertionError("the run stopped: " + aborted.getMessage(), aborted);
            }
            return report;
        }

        List<SentCall> callsOf(String from) {
            return calls.stream().filter(c -> c.from().equals(from)).toList();
        }
    }

    private final Settings settings = new Settings();
    private Function<SentCall, Reply> script = Reply::ok;
    private long permitIntervalNanos;
    private MemoryJournal journal = new MemoryJournal();
    private long seed = 1;
    private Function<io.timport.limit.NanoClock, io.timport.limit.RateLimiter> limiterOnVirtualTime;
    private java.util.function.LongSupplier dispatcherWork;

    /**
     * Thrown out of the virtual clock's sleep: the limiter wants the dispatcher to wait this long. The limiter takes no
     * permit then (as when a waiter is interrupted), and the dispatcher asks again at that time.
     */
    private static final class WouldWait extends RuntimeException {
        final long nanos;

        WouldWait(long nanos) {
            super(null, null, false, false);
            this.nanos = nanos;
        }
    }

    /**
     * Paces the calls with a real rate limiter on the virtual clock (e.g. a {@link io.timport.limit.SmoothRateLimiter}),
     * as the production dispatcher does: it takes the call from the core, then waits for its permit. Give
     * {@link #pacedEvery} too: it sets the pace the engine is told (its model of the server's second follows it).
     */
    VirtualRun limitedBy(Function<io.timport.limit.NanoClock, io.timport.limit.RateLimiter> limiter) {
        this.limiterOnVirtualTime = limiter;
        return this;
    }

    /**
     * The dispatcher is busy for {@code work} nanoseconds after each call it sends (its own work, and now and then a
     * hiccup: a collection, a busy core), before it takes the next call and asks for its permit. Without
     * {@link #limitedBy}, permits follow the rule of the limiter before 2026-12-02: each {@link #pacedEvery interval}
     * after the last one was granted.
     */
    VirtualRun dispatcherBusy(java.util.function.LongSupplier work) {
        this.dispatcherWork = work;
        return this;
    }

    /** The settings to run with (the builder's defaults until changed). */
    Settings settings() {
        return settings;
    }

    /** How the server answers each call (default: everything imported, after 50 ms). */
    VirtualRun answering(Function<SentCall, Reply> script) {
        this.script = script;
        return this;
    }

    /** One call per {@code interval}, as a rate limiter would pace them (default: no pacing). */
    VirtualRun pacedEvery(Duration interval) {
        this.permitIntervalNanos = interval.toNanos();
        return this;
    }

    /** The journal (default: an empty one in memory). */
    VirtualRun journal(MemoryJournal journal) {
        this.journal = journal;
        return this;
    }

    /** The seed of the backoff's jitter. */
    VirtualRun seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Runs the import of {@code records}, all available at once. */
    Outcome run(List<ImportRecord<TestItem>> records) {
        List<Timed> timed = new ArrayList<>(records.size());
        for (ImportRecord<TestItem> r : records) {
            timed.add(new Timed(0, r));
        }
        return runTimed(timed);
    }

    /** Runs the import of records that arrive at their times (in order). */
    Outcome runTimed(List<Timed> input) {
        return new Loop(input).run();
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The scripted server side: records calls, schedules their answers, checks one call per account at once. */
    private final class Sender implements RelationSender<TestItem> {
        final List<SentCall> calls = new ArrayList<>();
        final Set<String> inFlight = new HashSet<>();
        final PriorityQueue<Delivery> deliveries;
        final long[] now;
        int signature;
        int renewals;
        long sequence;

        Sender(PriorityQueue<Delivery> deliveries, long[] now) {
            this.deliveries = deliveries;
            this.now = now;
        }

        @Override
        public CompletableFuture<FriendImportResponse> send(String fromAccount, List<TestItem> items) {
            if (!inFlight.add(fromAccount)) {
                fail("two calls for " + fromAccount + " in flight at once, at " + (now[0] - ORIGIN) / 1e6 + " ms");
            }
            SentCall call = new SentCall(calls.size(), now[0] - ORIGIN, fromAccount, List.copyOf(items), signature);
            calls.add(call);
            Reply reply = script.apply(call);
            CompletableFuture<FriendImportResponse> answer = new CompletableFuture<>();
            deliveries.add(new Delivery(now[0] + reply.latencyNanos(), sequence++, fromAccount, answer, reply));
            return answer;
        }

        @Override
        public void renewSignature() {
            signature++;
            renewals++;
        }

        @Override
        public double pace() {
            return permitIntervalNanos == 0 ? Double.POSITIVE_INFINITY : 1e9 / permitIntervalNanos;
        }
    }

    private record Delivery(long atNanos, long sequence, String from, CompletableFuture<FriendImportResponse> answer,
            Reply reply) {
    }

    private final class Loop {
        final List<Timed> input;
        final long[] now = {ORIGIN};
        final PriorityQueue<Delivery> deliveries = new PriorityQueue<>((a, b) -> a.atNanos() != b.atNanos()
                ? Long.compare(a.atNanos() - b.atNanos(), 0) : Long.compare(a.sequence(), b.sequence()));
        final Sender sender = new Sender(deliveries, now);
        final ImportSettings s = settings.settings();
        final Listeners events = new Listeners(s.listeners());
        final ProgressMeter meter = new ProgressMeter(ImportListener.FRIEND_IMPORT, s.expectedTotal(), ORIGIN, events);
        final EngineCore<ImportRecord<? extends TestItem>, RelationCall<TestItem>, FriendImportResponse> core;
        int next;
        boolean ended;
        long dispatcherFreeAt = ORIGIN;
        long maxHeld;
        /** The {@link #limitedBy}/{@link #dispatcherBusy} dispatcher: the call it took, waiting for its permit. */
        final boolean realDispatcher = limiterOnVirtualTime != null || dispatcherWork != null;
        final io.timport.limit.RateLimiter limiter = limiterOnVirtualTime == null ? null
                : limiterOnVirtualTime.apply(new io.timport.limit.NanoClock() {
                    @Override
                    public long nanoTime() {
                        return now[0];
                    }

                    @Override
                    public void sleepNanos(long nanos) {
                        throw new WouldWait(nanos); // the dispatcher waits on the loop's time, not in the limiter
                    }
                });
        RelationCall<TestItem> taken;
        long permitAt = ORIGIN;
        boolean anyPermit;

        Loop(List<Timed> input) {
            this.input = input;
            this.core = RelationsPhase.engine(s, sender, journal, meter, events, () -> now[0], new Random(seed));
        }

        Outcome run() {
            events.phaseStarted(ImportListener.RELATIONS, meter.total());
            int standingStill = 0;
            while (true) {
                read();
                dispatch();
                maxHeld = Math.max(maxHeld, held());
                if (ended && core.finished()) {
                    break;
                }
                long at = nextEvent();
                if (at == EngineCore.NEVER) {
                    fail("the engine waits for nothing, with work left: " + meter.snapshot(now[0], core.inFlight(),
                            false));
                }
                assertTrue(at - now[0] >= 0, "time runs forward");
                standingStill = at == now[0] ? standingStill + 1 : 0;
                if (standingStill > 1_000) {
                    fail("the engine spins at " + (now[0] - ORIGIN) / 1e6 + " ms: "
                            + meter.snapshot(now[0], core.inFlight(), false));
                }
                now[0] = at;
                deliverDue();
            }
            journal.close();
            EngineCore.Stop stop = core.stopped();
            ImportReport report = meter.report(now[0], stop != null);
            events.phaseEnded(ImportListener.RELATIONS, meter.snapshot(now[0], core.inFlight(), true), stop != null);
            ImportAbortedException aborted = stop == null ? null
                    : new ImportAbortedException(stop.message(), stop.errorCode(), report, stop.cause());
            return new Outcome(stop == null ? report : null, aborted, sender.calls, journal, sender.renewals,
                    maxHeld, now[0] - ORIGIN);
        }

        private long held() {
            return ((RelationsPhase<?>) core.phase()).held();
        }

        /** Offers the records available now, until the core has no room. */
        private void read() {
            while (!ended && core.stopped() == null) {
                if (next == input.size()) {
                    core.inputEnded();
                    ended = true;
                    break;
                }
                Timed t = input.get(next);
                if (ORIGIN + t.atNanos() - now[0] > 0 || !core.offer(next + 1, t.record())) {
                    break;
                }
                next++;
            }
            if (!ended && core.stopped() != null) {
                core.inputEnded(); // the reader stops at a stop, as the driver's does
                ended = true;
            }
            core.takeWakes();
        }

        private void dispatch() {
            if (realDispatcher) {
                dispatchLikeTheDriver();
                return;
            }
            while (now[0] - dispatcherFreeAt >= 0 && core.dispatching()) {
                RelationCall<TestItem> call = core.next(now[0]);
                if (call == null) {
                    break;
                }
                send(call);
                dispatcherFreeAt = now[0] + permitIntervalNanos;
            }
            core.takeWakes();
        }

        /** Sends {@code call} now; its answer comes back through the core at the virtual time it completes. */
        private void send(RelationCall<TestItem> call) {
            CompletableFuture<FriendImportResponse> answer;
            try {
                answer = core.phase().send(call);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } catch (RuntimeException | Error e) {
                answer = CompletableFuture.failedFuture(e);
            }
            call.sentNanos = now[0];
            answer.whenComplete((response, error) -> core.answered(call, response, error, now[0]));
        }

        /** The production dispatcher's order: take a call, wait for its permit, send it, then do its own work. */
        private void dispatchLikeTheDriver() {
            while (now[0] - dispatcherFreeAt >= 0 && core.dispatching()) {
                if (taken == null) {
                    taken = core.next(now[0]);
                    if (taken == null) {
                        break;
                    }
                }
                if (limiter != null) {
                    try {
                        limiter.acquire();
                    } catch (WouldWait w) {
                        dispatcherFreeAt = now[0] + w.nanos;
                        break;
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                } else if (permitIntervalNanos > 0) {
                    if (anyPermit && permitAt - now[0] > 0) {
                        dispatcherFreeAt = permitAt;
                        break;
                    }
                    permitAt = now[0] + permitIntervalNanos; // spaced from the grant: the limiter before 2026-12-02
                    anyPermit = true;
                }
                RelationCall<TestItem> call = taken;
                taken = null;
                send(call);
                dispatcherFreeAt = now[0] + (dispatcherWork == null ? 0 : dispatcherWork.getAsLong());
            }
            core.takeWakes();
        }

        private long nextEvent() {
            long at = EngineCore.NEVER;
            Delivery d = deliveries.peek();
            if (d != null) {
                at = d.atNanos();
            }
            // times are compared by their differences only, as the engine must (they may be negative)
            if (!ended && next < input.size() && ORIGIN + input.get(next).atNanos() - now[0] > 0) {
                at = earliest(at, ORIGIN + input.get(next).atNanos()); // the next record arrives (else it waits for room)
            }
            if (core.dispatching()) {
                if (dispatcherFreeAt - now[0] > 0) {
                    at = earliest(at, dispatcherFreeAt); // the dispatcher has its permit and asks again
                } else {
                    long wake = core.wakeAt(now[0]);
                    if (wake != EngineCore.NEVER) {
                        at = earliest(at, wake);
                    }
                }
            }
            return at;
        }

        private long earliest(long a, long b) {
            return a == EngineCore.NEVER ? b : b - a < 0 ? b : a;
        }

        private void deliverDue() {
            Delivery d;
            while ((d = deliveries.peek()) != null && d.atNanos() - now[0] <= 0) {
                deliveries.poll();
                sender.inFlight.remove(d.from());
                Reply reply = d.reply();
                if (reply.error() != null) {
                    d.answer().completeExceptionally(reply.error());
                } else {
                    d.answer().complete(reply.answer());
                }
            }
            core.takeWakes();
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** A record of {@code from} befriending {@code to}. */
    static ImportRecord<TestItem> relation(String from, String to) {
        return ImportRecord.of(from, new TestItem(to));
    }

    /** {@code friends} relations for each of {@code users} users, grouped by user: u0→f0, u0→f1, … */
    static List<ImportRecord<TestItem>> grouped(int users, int friends) {
        List<ImportRecord<TestItem>> records = new ArrayList<>(users * friends);
        for (int u = 0; u < users; u++) {
            for (int f = 0; f < friends; f++) {
                records.add(relation("u" + u, "f" + f));
            }
        }
        return records;
    }

    /** The same relations as {@link #grouped}, interleaved: u0→f0, u1→f0, …, u0→f1, … */
    static List<ImportRecord<TestItem>> interleaved(int users, int friends) {
        List<ImportRecord<TestItem>> records = new ArrayList<>(users * friends);
        for (int f = 0; f < friends; f++) {
            for (int u = 0; u < users; u++) {
                records.add(relation("u" + u, "f" + f));
            }
        }
        return records;
    }

    /**
     * The fewest calls sent in any one second that starts at a call and ends before the last call (the "worst second"
     * of the pacing tables); {@link Integer#MAX_VALUE} when the calls span less than a second.
     */
    static int fewestInAnySecond(List<SentCall> calls) {
        long second = 1_000_000_000L;
        int worst = Integer.MAX_VALUE;
        int j = 0;
        for (int i = 0; i < calls.size(); i++) {
            while (j < calls.size() && calls.get(j).atNanos() - calls.get(i).atNanos() < second) {
                j++;
            }
            if (j == calls.size()) {
                break;
            }
            worst = Math.min(worst, j - i);
        }
        return worst;
    }

    /** Counts calls by From_Account. */
    static Map<String, Integer> callsByAccount(List<SentCall> calls) {
        Map<String, Integer> byAccount = new HashMap<>();
        for (SentCall c : calls) {
            byAccount.merge(c.from(), 1, Integer::sum);
        }
        return byAccount;
    }
}
