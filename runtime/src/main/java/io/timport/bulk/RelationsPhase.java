package io.timport.bulk;

import io.timport.call.FriendImportResponse;
import io.timport.wire.AddFriendItem;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
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
 *   <li>{@link #decide}: the {@link AnswerPolicy}. {@link #apply}: a {@link Decision.Settle} journals and counts
 *       the items done and failed, and holds the retries for their backoff, their account staying busy so that
 *       nothing overtakes them.</li>
 * </ul>
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

    RelationsPhase(AccountQueues<T> queues, AnswerPolicy<T> policy, RelationSender<T> sender, WorkJournal journal,
            ProgressMeter meter) {
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
        ThrottleReaction throttling = new ThrottleReaction.PauseWhenPersistent(settings.throttlePause().toNanos());
        AnswerPolicy<T> policy = new AnswerPolicy<>(settings.maxAttempts(), backoff, throttling,
                settings.lockoutPause().toNanos(), journal != WorkJournal.NONE);
        AccountQueues<T> queues = new AccountQueues<>(settings.batchSize(), settings.maxBufferedItems(),
                settings.pressure(), settings.linger().toNanos(), ticker);
        return new EngineCore<>(wrap.apply(new RelationsPhase<>(queues, policy, sender, journal, meter)), meter,
                events, settings.maxInFlight());
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
        if (earlier.isDone(position)) {
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
        return policy.decide(call.items, answer, error, now);
    }

    @Override
    @SuppressWarnings("unchecked") // the decision is the one decide() made for this call: about its Pending<T>s
    public void apply(RelationCall<T> call, Decision<?> decision, long now, boolean stopping) {
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
        for (Decision.Failed<Pending<T>> f : settle.failed()) {
            Pending<T> p = f.item();
            String info = f.info() == null ? "" : f.info();
            failures.add(new ImportFailure(p.position, p.origin, call.from(), p.item.toAccount(), f.code(), info,
                    f.kind(), p.item, null));
            failedPositions.add(new WorkJournal.FailedPosition(p.position, f.code(), info));
        }
        journal.record(done, done.length, failedPositions);
        meter.imported(done.length);
        meter.failed(failures);

        List<Pending<T>> retry = new ArrayList<>(settle.retry().size());
        for (Decision.Retry<Pending<T>> r : settle.retry()) {
            r.item().attempts++;
            retry.add(r.item());
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

    /** Back to the front of their queue; those a later record of their pair replaced meanwhile are superseded. */
    private void requeue(AccountQueues.Account<T> account, List<Pending<T>> items) {
        List<Pending<T>> superseded = queues.requeueFront(account, items);
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
