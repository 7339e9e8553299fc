package io.timport.bulk;

import io.timport.call.FriendImportResponse;
import io.timport.call.TransportException;
import io.timport.errors.ErrorCatalogue;
import io.timport.wire.AddFriendItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The relations phase: input records become friend_import calls, and their answers become the journal's entries and
 * the meter's counts.
 *
 * <ul>
 *   <li>{@link #offer}: a record an earlier run completed (per the journal) is counted and skipped; one that breaks
 *       a rule of {@link RecordRules} (an invalid item, a From_Account that is not a UserID, a user befriending
 *       themself) is a failure, never sent; the rest go to their
 *       From_Account's queue ({@link AccountQueues}), a superseded record being journaled as done.</li>
 *   <li>{@link #poll}: retries whose backoff ran out go back to the front of their queue; then the queues' next
 *       batch becomes a call.</li>
 *   <li>{@link #decide}: the {@link AnswerPolicy}, then the breaker for systematic failures
 *       ({@link SystematicFailures}), which may stop the run. {@link #apply}: a {@link Decision.Settle} journals and
 *       counts the items done and failed, and holds the retries for their backoff, their account staying busy so
 *       that nothing overtakes them; a {@link Decision.Split} puts the call's items back as two parts.</li>
 *   <li><b>The short circuit</b>: once an answer condemns a From_Account (30010 its list is full, 30009 it may not
 *       add friends, 30003 at request level it does not exist), its relations waiting and to come are not sent: each
 *       fails with that code, "not sent because" of that answer.</li>
 * </ul>
 * Every failure an answer made carries the call's {@code random}.
 *
 * @param <T> the item type
 */
final class RelationsPhase<T extends AddFriendItem>
        implements Phase<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse> {

    /** A call's items waiting out their backoff, their account busy meanwhile. */
    private record Delayed<T extends AddFriendItem>(long due, long sequence, AccountQueues.Account<T> account,
            List<Pending<T>> items) {
    }

    private final AccountQueues<T> queues;
    private final AnswerPolicy<T> policy;
    private final RelationSender<T> sender;
    private final WorkJournal journal;
    private final PriorWork earlier;
    private final ProgressMeter meter;
    private final PriorityQueue<Delayed<T>> delayed = new PriorityQueue<>((a, b) -> a.due() != b.due()
            ? Long.compare(a.due() - b.due(), 0) : Long.compare(a.sequence(), b.sequence()));
    private long delayedSequence;
    private boolean inputEnded;
    private final SystematicFailures breaker;
    /** From_Accounts an answer condemned: why their later relations are not sent. */
    private final Map<String, Condemned> condemned = new HashMap<>();
    /** The ResultInfos of condemning answers, each held once however many accounts they condemned. */
    private final Map<String, String> condemningInfos = new HashMap<>();

    /** Why a From_Account's relations are not sent any more: the code, the call's random and its ResultInfo. */
    private record Condemned(int code, long random, String info) {
        /** The ResultInfo of a relation not sent because of it. */
        String notSent() {
            return "not sent because the call with random " + random + " for this From_Account answered " + code
                    + " (" + ErrorCatalogue.forItem(code).meaning() + "): " + info;
        }
    }

    RelationsPhase(AccountQueues<T> queues, AnswerPolicy<T> policy, RelationSender<T> sender, WorkJournal journal,
            ProgressMeter meter) {
        this(queues, policy, sender, journal, meter, new SystematicFailures(0, 0));
    }

    RelationsPhase(AccountQueues<T> queues, AnswerPolicy<T> policy, RelationSender<T> sender, WorkJournal journal,
            ProgressMeter meter, SystematicFailures breaker) {
        this.breaker = breaker;
        this.queues = queues;
        this.policy = policy;
        this.sender = sender;
        this.journal = journal;
        this.earlier = journal.earlier();
        this.meter = meter;
    }

    /**
     * The engine of a relations import, its parts assembled from {@code settings}.
     *
     * @param random the backoff's jitter
     */
    static <T extends AddFriendItem> EngineCore<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse> engine(
            ImportSettings settings, RelationSender<T> sender, WorkJournal journal, ProgressMeter meter,
            Listeners events, Ticker ticker, RandomGenerator random) {
        return engine(settings, sender, journal, meter, events, ticker, random, p -> p);
    }

    /** {@link #engine} with the phase wrapped by {@code wrap} (the accounts gate of a migration). */
    static <T extends AddFriendItem> EngineCore<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse> engine(
            ImportSettings settings, RelationSender<T> sender, WorkJournal journal, ProgressMeter meter,
            Listeners events, Ticker ticker, RandomGenerator random,
            UnaryOperator<Phase<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse>> wrap) {
        Backoff backoff = new Backoff(settings.initialBackoff().toNanos(), settings.maxBackoff().toNanos(), random);
        ThrottleReaction throttling = settings.pacing() == Pacing.PAUSE
                ? new ThrottleReaction.PauseWhenPersistent(settings.throttlePause().toNanos())
                : new ThrottleReaction.RetryAtOnce();
        AnswerPolicy<T> policy = new AnswerPolicy<>(settings.maxAttempts(), backoff, throttling,
                settings.lockoutPause().toNanos(), journal != WorkJournal.NONE);
        AccountQueues<T> queues = new AccountQueues<>(settings.batchSize(), settings.maxBufferedItems(),
                settings.pressure(), settings.linger().toNanos(), ticker, settings.maxBodyBytes());
        SystematicFailures breaker = new SystematicFailures(settings.breakerCalls(), settings.breakerRelations());
        ServerWindow window = settings.pacing() == Pacing.WINDOW ? ServerWindow.forPace(sender.pace()) : null;
        OutageWatch outage = new OutageWatch(settings.outageLimit().toNanos(), journal != WorkJournal.NONE);
        return new EngineCore<>(wrap.apply(new RelationsPhase<>(queues, policy, sender, journal, meter, breaker)), meter,
                events, settings.maxInFlight(), window, outage);
    }

    @Override
    public String name() {
        return ImportListener.RELATIONS;
    }

    @Override
    public String api() {
        return ImportListener.FRIEND_IMPORT;
    }

    @Override
    public boolean offer(long position, ImportRecord<? extends T> record) {
        if (earlier.isDone(position) && !givenUpEarlier(earlier.failure(position))) {
            meter.recordRead();
            PriorWork.Failure prior = earlier.failure(position);
            if (prior == null) {
                meter.completedEarlier();
            } else {
                meter.failed(new ImportFailure(position, record.origin(), record.fromAccount(), record.toAccount(),
                        prior.code(), prior.info(), ImportFailure.Kind.EARLIER_RUN, record.item(), record.rawInput()));
            }
            return true;
        }
        String problem = RecordRules.problem(record);
        if (problem != null) {
            meter.recordRead();
            // A valid item under an invalid record (a bad From_Account, a user befriending themself) keeps its item,
            // so that the failures file can hold the relation in the input format.
            meter.failed(new ImportFailure(position, record.origin(), record.fromAccount(), record.toAccount(),
                    ImportFailure.INVALID_INPUT, problem, ImportFailure.Kind.INVALID_INPUT, record.item(),
                    record.rawInput()));
            return true;
        }
        Condemned no = condemned.get(record.fromAccount());
        if (no != null) {
            meter.recordRead();
            String info = no.notSent();
            meter.failed(new ImportFailure(position, record.origin(), record.fromAccount(), record.toAccount(),
                    no.code(), info, ImportFailure.Kind.REJECTED, record.item(), null));
            journal.record(new long[0], 0, List.of(new WorkJournal.FailedPosition(position, no.code(), info)));
            return true;
        }
        if (queues.mustWait()) {
            return false;
        }
        meter.recordRead();
        Pending<T> replaced = queues.add(record.fromAccount(), new Pending<>(position, record.origin(), record.item()));
        if (replaced != null) {
            meter.superseded();
            journal.record(new long[] {replaced.position}, 1, List.of());
        }
        return true;
    }

    @Override
    public void inputEnded() {
        inputEnded = true;
        queues.inputEnded();
    }

    @Override
    public RelationCall<T> poll(long now) {
        Delayed<T> d;
        while ((d = delayed.peek()) != null && now - d.due() >= 0) {
            delayed.poll();
            requeue(d.account(), d.items());
        }
        return queues.take(now);
    }

    @Override
    public long wakeAt() {
        Delayed<T> next = delayed.peek();
        long linger = queues.lingerDeadline();
        if (next == null) {
            return linger;
        }
        // times are System.nanoTime() values, which may be negative: compare differences, never NEVER itself
        return linger == EngineCore.NEVER || next.due() - linger < 0 ? next.due() : linger;
    }

    /** Items waiting or in flight (the buffer bound's measure). */
    long held() {
        return queues.held();
    }

    @Override
    public boolean isDone() {
        return inputEnded && queues.held() == 0;
    }

    @Override
    public CompletableFuture<FriendImportResponse> send(RelationCall<T> call) throws InterruptedException {
        List<T> items = new ArrayList<>(call.items.size());
        for (Pending<T> p : call.items) {
            items.add(p.item);
        }
        return sender.send(call.from(), items);
    }

    @Override
    public Decision<?> decide(RelationCall<T> call, FriendImportResponse answer, Throwable error, long now) {
        call.random = answer != null ? answer.random() : randomOf(error);
        Decision<Pending<T>> decision = policy.decide(call.items, answer, error, now);
        SystematicFailures.Trip trip = breaker.observe(call, decision);
        if (trip != null) {
            return new Decision.Stop<>(decision.answer(), trip.code(), trip.message(), trip.code(), null);
        }
        if (answer != null && call.random >= 0) {
            // an answer that stops the import: its random, for Tencent support (a transport failure's message has it)
            if (decision instanceof Decision.Stop<Pending<T>> stop) {
                return withRandom(stop, call.random);
            }
            if (decision instanceof Decision.RenewSignature<Pending<T>> renew) {
                return new Decision.RenewSignature<>(renew.answer(), renew.code(),
                        withRandom(renew.ifRefusedAgain(), call.random));
            }
        }
        return decision;
    }

    private static <I> Decision.Stop<I> withRandom(Decision.Stop<I> stop, long random) {
        return new Decision.Stop<>(stop.answer(), stop.code(), stop.message() + " The call's random, for Tencent "
                + "support: " + random + ".", stop.errorCode(), stop.cause());
    }

    /** While the breaker for systematic failures suspects one, one call at a time. */
    @Override
    public boolean cautious() {
        return breaker.suspicious();
    }

    private static long randomOf(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof TransportException e ? e.random() : ImportFailure.NO_RANDOM;
    }

    @Override
    @SuppressWarnings("unchecked") // the decision is the one decide() made for this call: about its Pending<T>s
    public void apply(RelationCall<T> call, Decision<?> decision, long now, boolean stopping) {
        List<WorkJournal.FailedPosition> released = breaker.takeReleased();
        if (!released.isEmpty()) {
            journal.record(new long[0], 0, released);
        }
        if (decision instanceof Decision.Split<?>) {
            if (stopping) {
                abandon(call);
            } else {
                requeueSplit(call.account, call.items);
            }
            return;
        }
        if (!(decision instanceof Decision.Settle)) {
            throw new IllegalArgumentException("the relations phase cannot carry out " + decision);
        }
        Decision.Settle<Pending<T>> settle = (Decision.Settle<Pending<T>>) decision;
        List<Pending<T>> ok = settle.ok();
        long[] done = new long[ok.size()];
        for (int i = 0; i < done.length; i++) {
            done[i] = ok.get(i).position;
        }
        List<ImportFailure> failures = new ArrayList<>(settle.failed().size());
        List<WorkJournal.FailedPosition> failedPositions = new ArrayList<>(settle.failed().size());
        Condemned condemns = null;
        for (Decision.Failed<Pending<T>> f : settle.failed()) {
            Pending<T> p = f.item();
            String info = f.info() == null ? "" : f.info();
            failures.add(new ImportFailure(p.position, p.origin, call.from(), p.item.toAccount(), f.code(), info,
                    f.kind(), p.item, null, call.random));
            if (f.kind() != ImportFailure.Kind.GAVE_UP) { // a give-up is not done: a rerun with the journal retries it
                failedPositions.add(new WorkJournal.FailedPosition(p.position, f.code(), info));
            }
            if (condemns == null && f.kind() == ImportFailure.Kind.REJECTED && condemnsAccount(settle, f.code())) {
                condemns = new Condemned(f.code(), call.random, condemningInfos.computeIfAbsent(info, i -> i));
            }
        }
        if (breaker.suspicious() && !stopping) {
            breaker.hold(failedPositions); // journaled once the streak ends without a stop; else sent again
            journal.record(done, done.length, List.of());
        } else {
            journal.record(done, done.length, failedPositions);
        }
        meter.imported(done.length);
        meter.failed(failures);
        if (condemns != null) {
            condemn(call, condemns);
        }

        List<Pending<T>> retry = new ArrayList<>(settle.retry().size());
        for (Decision.Retry<Pending<T>> r : settle.retry()) {
            r.item().attempts++;
            r.item().lastCode = r.code();
            retry.add(r.item());
        }
        if (!retry.isEmpty() && call.bisecting) {
            retry.get(0).segment = retry.size(); // still a part of a split batch
        }
        if (retry.isEmpty() || stopping) {
            queues.settled(call.size()); // the retries too, when stopping: they stay undone
            queues.release(call.account);
            return;
        }
        queues.settled(call.size() - retry.size());
        if (settle.retryAfterNanos() <= 0) {
            requeue(call.account, retry);
        } else {
            delayed.add(new Delayed<>(now + settle.retryAfterNanos(), delayedSequence++, call.account, retry));
        }
    }

    @Override
    public void resend(RelationCall<T> call) {
        if (call.bisecting) {
            call.items.get(0).segment = call.size();
        }
        requeue(call.account, call.items);
    }

    @Override
    public void abandon(RelationCall<T> call) {
        queues.settled(call.size());
        queues.release(call.account);
    }

    @Override
    public void renewSignature() {
        sender.renewSignature();
    }

    @Override
    public double pace() {
        return sender.pace();
    }

    @Override
    public int takeWakes() {
        return queues.takeWakes();
    }

    /** Whether a failure of {@code code} condemns the From_Account (at request level or per item). */
    private static boolean condemnsAccount(Decision.Settle<?> settle, int code) {
        return settle.code() != 0 ? ErrorCatalogue.forRequest(code).marksFromAccount()
                : ErrorCatalogue.forItem(code).marksFromAccount();
    }

    /** The account's relations waiting now, and those to come, fail without being sent. */
    private void condemn(RelationCall<T> call, Condemned why) {
        condemned.put(call.from(), why);
        List<Pending<T>> waiting = queues.drain(call.account);
        if (!waiting.isEmpty()) {
            failUnsent(call, waiting, why);
        }
    }

    /** Relations of a condemned account fail without being sent. */
    private void failUnsent(RelationCall<T> call, List<Pending<T>> waiting, Condemned why) {
        List<ImportFailure> failures = new ArrayList<>(waiting.size());
        List<WorkJournal.FailedPosition> positions = new ArrayList<>(waiting.size());
        String info = why.notSent();
        for (Pending<T> p : waiting) {
            failures.add(new ImportFailure(p.position, p.origin, call.from(), p.item.toAccount(), why.code(),
                    info, ImportFailure.Kind.REJECTED, p.item, null));
            positions.add(new WorkJournal.FailedPosition(p.position, why.code(), info));
        }
        journal.record(new long[0], 0, positions);
        meter.failed(failures);
    }

    /** The parts of a split batch back to the front of their queue, each to go as a call of its own. */
    private void requeueSplit(AccountQueues.Account<T> account, List<Pending<T>> items) {
        superseded(queues.requeueSplit(account, items));
    }

    /**
     * True for a give-up that a journal written before give-ups stopped being journaled recorded as done: it is sent
     * again, like any record a journal does not hold.
     */
    private static boolean givenUpEarlier(PriorWork.Failure prior) {
        return prior != null && prior.info() != null && prior.info().startsWith(AnswerPolicy.GAVE_UP_PREFIX);
    }

    /** Back to the front of their queue; those a later record of their pair replaced meanwhile are superseded. */
    private void requeue(AccountQueues.Account<T> account, List<Pending<T>> items) {
        superseded(queues.requeueFront(account, items));
    }

    private void superseded(List<Pending<T>> superseded) {
        if (!superseded.isEmpty()) {
            long[] positions = new long[superseded.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = superseded.get(i).position;
                meter.superseded();
            }
            journal.record(positions, positions.length, List.of());
        }
    }
}
