package io.timport.bulk;

import io.timport.call.FriendImportResponse;
import io.timport.call.ResultItem;
import io.timport.call.TransportException;
import io.timport.errors.ErrorCatalogue;
import io.timport.errors.ErrorClass;
import io.timport.errors.ErrorEntry;
import io.timport.wire.AddFriendItem;
import io.timport.wire.FriendImportRules;
import io.timport.wire.Violations;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One execution of a {@link BulkImporter}: the scheduler state and the three roles that share it.
 *
 * <ul>
 *   <li>The <b>reader</b> (the thread that called {@code run}) numbers records, skips what the journal says is done,
 *       reports invalid ones, and adds the rest to their From_Account's queue, waiting while the buffer is full.</li>
 *   <li>The <b>dispatcher</b> thread takes the next batch (a From_Account not busy; full batches first, partial ones
 *       when the buffer is full, the input has ended or they lingered) and sends it; the client's rate limiter
 *       paces it.</li>
 *   <li><b>Answers</b> arrive on the HTTP client's threads: each item is classified by the error catalogue, done
 *       work is journaled, retries go back to the front of their From_Account's queue after a backoff, and the
 *       From_Account is released.</li>
 * </ul>
 * All state is guarded by one lock; nothing slow (network, file writes) happens while holding it.
 */
final class ImportRun<T extends AddFriendItem> {

    /** {@link ImportFailure#code} for a transient network or HTTP failure that outlasted every attempt. */
    static final int NO_ANSWER = -2;

    /** In grouped input, how many accounts ready to send the reader may be ahead of the calls. */
    static final int READY_AHEAD = 16;

    /** Throttled answers within one second that make every call pause: see {@link #throttled()}. */
    static final int PERSISTENT_THROTTLING = 3;

    private final BulkImporter<T> settings;
    private final long total;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Account<T>> accounts = new HashMap<>();
    private final ArrayDeque<Account<T>> full = new ArrayDeque<>();
    private final ArrayDeque<Account<T>> waiting = new ArrayDeque<>();
    private final List<ImportFailure> failures = new ArrayList<>();
    private final ArrayDeque<long[]> callSamples = new ArrayDeque<>();
    private final ArrayDeque<long[]> doneSamples = new ArrayDeque<>();
    private final ArrayDeque<Long> recentThrottled = new ArrayDeque<>();

    private long held; // items waiting or in flight (the memory bound)
    private final long pressure; // from this many items held, waiting accounts are sent oldest first
    // Is the input grouped by From_Account? Counted by the reader: valid records added, changes of From_Account
    // from one record to the next, and changes to an account that still has records waiting or in flight.
    private String lastFrom;
    private boolean readerWaiting;
    private long added;
    private long switches;
    private long reopens;
    private int inFlight;
    private boolean inputEnded;
    private boolean probing = true;
    private long pausedUntil;
    private int signatureGeneration;
    private boolean okSinceRenewal = true;
    private Abort abort;

    private long records;
    private long imported;
    private long superseded;
    private long skippedEarlier;
    private long calls;
    private long retries;
    private long throttled;

    private final long startNanos = System.nanoTime();
    private Journal journal;
    private Journal.Completed earlier;
    private ScheduledExecutorService timer;

    ImportRun(BulkImporter<T> settings, long total) {
        this.settings = settings;
        this.total = total;
        this.pressure = settings.maxBufferedItems - settings.maxBufferedItems / 10;
    }

    private record Abort(String message, int code, Throwable cause) {
    }

    /** An item waiting to be sent, or in flight. */
    private static final class Pending<T> {
        final long position;
        final String origin;
        final T item;
        int attempts;
        int lastCode;
        String lastInfo;

        Pending(long position, String origin, T item) {
            this.position = position;
            this.origin = origin;
            this.item = item;
        }
    }

    /** One From_Account's queue. {@code busy} while a call for it is in flight or waiting to be retried. */
    private static final class Account<T> {
        final String from;
        LinkedHashMap<String, Pending<T>> pending = new LinkedHashMap<>();
        boolean busy;
        boolean inFull;
        boolean inWaiting;
        boolean retryFirst;
        /** The reader moved on from this account in input that looks grouped by From_Account: send it now. */
        boolean complete;
        long waitingSince;

        Account(String from) {
            this.from = from;
        }
    }

    /** One call's worth of items. */
    private record Batch<T>(Account<T> account, List<Pending<T>> items, int generation, boolean retry) {
    }

    ImportReport execute(Iterator<? extends ImportRecord<? extends T>> input)
            throws ImportAbortedException, IOException, InterruptedException {
        if (settings.journal != null) {
            journal = Journal.open(settings.journal, settings.fsyncJournal);
            earlier = journal.completed();
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "timport-import-timer"));
        Thread dispatcher = daemon(this::dispatchLoop, "timport-dispatcher");
        dispatcher.start();
        if (settings.progress != null) {
            long every = settings.progressInterval.toNanos();
            timer.scheduleAtFixedRate(() -> report(false), every, every, TimeUnit.NANOSECONDS);
        }
        try {
            read(input);
            awaitEnd();
        } catch (InterruptedException e) {
            abort(new Abort("the import was interrupted", 0, e));
            throw e;
        } finally {
            dispatcher.interrupt();
            dispatcher.join(10_000);
            timer.shutdownNow();
            if (journal != null) {
                journal.close();
            }
        }
        ImportReport report = buildReport();
        if (settings.progress != null) {
            report(true);
        }
        Abort a = abortState();
        if (a != null) {
            throw new ImportAbortedException(a.message(), a.code(), report, a.cause());
        }
        return report;
    }

    // ---------------------------------------------------------------- reader

    private void read(Iterator<? extends ImportRecord<? extends T>> input) throws InterruptedException {
        long position = 0;
        while (true) {
            ImportRecord<? extends T> record;
            try {
                if (abortState() != null || !input.hasNext()) {
                    break;
                }
                record = input.next();
            } catch (RuntimeException e) {
                abort(new Abort("cannot read input record " + (position + 1) + ": " + e.getMessage(), 0, e));
                break;
            }
            position++;
            accept(position, record);
        }
        lock.lock();
        try {
            inputEnded = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void accept(long position, ImportRecord<? extends T> record) throws InterruptedException {
        if (earlier != null && earlier.isDone(position)) {
            Journal.PriorFailure prior = earlier.failures.get(position);
            lock.lock();
            try {
                records++;
                if (prior == null) {
                    skippedEarlier++;
                } else {
                    failures.add(new ImportFailure(position, record.origin(), record.fromAccount(),
                            record.toAccount(), prior.code(), prior.info(),
                            ImportFailure.Kind.EARLIER_RUN, record.item(), record.rawInput()));
                }
            } finally {
                lock.unlock();
            }
            return;
        }
        String problem = record.isValid() ? fromAccountProblem(record.fromAccount()) : record.problem();
        if (problem != null) {
            lock.lock();
            try {
                records++;
                failures.add(new ImportFailure(position, record.origin(), record.fromAccount(),
                        record.toAccount(), ImportFailure.INVALID_INPUT, problem,
                        ImportFailure.Kind.INVALID_INPUT, null, record.rawInput()));
            } finally {
                lock.unlock();
            }
            return;
        }
        Pending<T> item = new Pending<>(position, record.origin(), record.item());
        Pending<T> replaced;
        lock.lockInterruptibly();
        try {
            while (abort == null && held >= settings.maxBufferedItems) {
                changed.signalAll(); // a full buffer lets the dispatcher send partial batches
                awaitAsReader();
            }
            while (abort == null && full.size() >= READY_AHEAD && grouped()) {
                awaitAsReader(); // far enough ahead of the calls: reading on would only fill memory
            }
            records++;
            if (abort != null) {
                return;
            }
            String from = record.fromAccount();
            if (!from.equals(lastFrom)) {
                movedOn(from);
            }
            Account<T> account = accounts.computeIfAbsent(from, Account::new);
            replaced = account.pending.put(item.item.toAccount(), item);
            added++;
            if (replaced == null) {
                held++;
                if (held == pressure) {
                    changed.signalAll(); // waiting accounts may go now
                }
            } else {
                superseded++;
            }
            if (!account.busy) {
                markReady(account);
            }
        } finally {
            lock.unlock();
        }
        if (replaced != null) {
            journalDone(new long[] {replaced.position}, 1, List.of());
        }
    }

    private void awaitAsReader() throws InterruptedException {
        readerWaiting = true;
        try {
            changed.await();
        } finally {
            readerWaiting = false;
        }
    }

    /**
     * Whether the input so far looks grouped by From_Account: runs of two records or more on average, and accounts
     * hardly ever coming back while they still have records waiting or in flight. Lock held.
     */
    private boolean grouped() {
        return switches > 0 && added >= 2 * switches && reopens * 50 <= switches;
    }

    /**
     * The reader moves on from one From_Account to another. In input {@linkplain #grouped() grouped} by
     * From_Account the account it leaves is complete: it is sent now rather than when the buffer fills or it has
     * lingered, and the reader stays at most {@link #READY_AHEAD} accounts ahead of the calls, which keeps the buffer
     * small (and the collector's work light) and the calls flowing. Unsorted input is grouped within the buffer.
     * Lock held.
     */
    private void movedOn(String next) {
        if (lastFrom != null) {
            switches++;
            Account<T> back = accounts.get(next);
            if (back != null) {
                reopens++;
                back.complete = false; // it has more records after all
            }
            Account<T> left = accounts.get(lastFrom);
            if (left != null && grouped()) {
                left.complete = true;
                if (!left.busy && !left.pending.isEmpty()) {
                    markReady(left);
                }
            }
        }
        lastFrom = next;
    }

    /** What is wrong with a record's From_Account, or null when it is a valid UserID. */
    private static String fromAccountProblem(String fromAccount) {
        Violations violations = new Violations();
        FriendImportRules.checkFromAccount(violations, fromAccount);
        return violations.isEmpty() ? null : violations.list().get(0).message();
    }

    // ---------------------------------------------------------------- dispatcher

    private void dispatchLoop() {
        try {
            while (true) {
                Batch<T> batch = takeBatch();
                if (batch == null) {
                    return;
                }
                send(batch);
            }
        } catch (InterruptedException e) {
            // the run is over
        } catch (RuntimeException | Error e) {
            abort(new Abort("the dispatcher failed: " + e, 0, e));
        }
    }

    private Batch<T> takeBatch() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (abort != null || (inputEnded && held == 0)) {
                    return null;
                }
                long now = System.nanoTime();
                if (pausedUntil != 0 && now - pausedUntil < 0) {
                    changed.awaitNanos(pausedUntil - now);
                    continue;
                }
                if (inFlight >= (probing ? 1 : settings.maxInFlight)) {
                    changed.await();
                    continue;
                }
                Account<T> account = pollFull();
                if (account == null) {
                    account = pollWaiting(now, inputEnded || held >= pressure);
                }
                if (account == null) {
                    Account<T> head = waiting.peek();
                    if (head != null) {
                        long due = head.waitingSince + settings.linger.toNanos();
                        changed.awaitNanos(Math.max(1, due - now));
                    } else {
                        changed.await();
                    }
                    continue;
                }
                List<Pending<T>> items = new ArrayList<>(Math.min(settings.batchSize, account.pending.size()));
                Iterator<Pending<T>> it = account.pending.values().iterator();
                boolean retry = false;
                while (it.hasNext() && items.size() < settings.batchSize) {
                    Pending<T> p = it.next();
                    retry |= p.attempts > 0;
                    items.add(p);
                    it.remove();
                }
                account.busy = true;
                account.retryFirst = false;
                inFlight++;
                calls++;
                if (retry) {
                    retries++;
                }
                return new Batch<>(account, items, signatureGeneration, retry);
            }
        } finally {
            lock.unlock();
        }
    }

    private Account<T> pollFull() {
        Account<T> a;
        while ((a = full.poll()) != null) {
            a.inFull = false;
            if (readerWaiting && full.size() < READY_AHEAD) {
                changed.signalAll(); // the reader may go on
            }
            if (!a.busy && !a.pending.isEmpty()) {
                return a;
            }
            forgetIfIdle(a);
        }
        return null;
    }

    private Account<T> pollWaiting(long now, boolean flush) {
        Account<T> a;
        while ((a = waiting.peek()) != null) {
            if (a.busy || a.pending.isEmpty()) {
                waiting.poll().inWaiting = false; // stale: it was sent from the full queue
                forgetIfIdle(a);
                continue;
            }
            if (flush || now - a.waitingSince >= settings.linger.toNanos()) {
                waiting.poll().inWaiting = false;
                return a;
            }
            return null;
        }
        return null;
    }

    /**
     * Queues an idle account that has pending items, waking the dispatcher only when there is something new for
     * it: a full batch, or a first waiting account (whose linger it must time). Lock held.
     */
    private void markReady(Account<T> a) {
        boolean wake = false;
        if ((a.retryFirst || a.complete || a.pending.size() >= settings.batchSize) && !a.inFull) {
            full.add(a);
            a.inFull = true;
            wake = true;
        }
        if (!a.inWaiting) {
            wake |= waiting.isEmpty();
            waiting.add(a);
            a.inWaiting = true;
            a.waitingSince = System.nanoTime();
        }
        if (wake) {
            changed.signalAll();
        }
    }

    /** Drops an account that has nothing to do from the map (it is created again if records arrive). Lock held. */
    private void forgetIfIdle(Account<T> a) {
        if (!a.busy && a.pending.isEmpty() && !a.inFull && !a.inWaiting) {
            accounts.remove(a.from, a);
        }
    }

    private void send(Batch<T> batch) throws InterruptedException {
        List<T> items = new ArrayList<>(batch.items().size());
        for (Pending<T> p : batch.items()) {
            items.add(p.item);
        }
        CompletableFuture<FriendImportResponse> answer;
        try {
            answer = settings.client.importFriendsAsync(batch.account().from, items);
        } catch (InterruptedException e) {
            settle(batch, batch.items(), 0); // not sent: give the items back untouched
            throw e;
        } catch (RuntimeException | Error e) {
            // e.g. an item that cannot write itself, or a generated class compiled against another runtime
            // (NoSuchMethodError): the call is settled through the answer path, which stops the import
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, error) -> {
            try {
                onAnswer(batch, response, error);
            } catch (RuntimeException | Error e) {
                abort(new Abort("handling an answer failed: " + e, 0, e));
                settle(batch, List.of(), 0);
            }
        });
    }

    // ---------------------------------------------------------------- answers

    private void onAnswer(Batch<T> batch, FriendImportResponse response, Throwable error) {
        if (error != null) {
            onTransportFailure(batch, unwrap(error));
        } else if (!response.isRequestOk()) {
            onRequestError(batch, response.requestError(), response.errorInfo());
        } else {
            onItems(batch, response);
        }
    }

    private void onTransportFailure(Batch<T> batch, Throwable error) {
        if (!(error instanceof TransportException)) {
            abort(new Abort("the call failed unexpectedly: " + error, 0, error));
            settle(batch, List.of(), 0);
            return;
        }
        TransportException e = (TransportException) error;
        switch (e.errorClass()) {
            case THROTTLED: // HTTP 429
                throttled();
                retryAll(batch, NO_ANSWER, e.getMessage(), -1);
                break;
            case TRANSIENT: // timeouts, resets, 5xx, a malformed body
                retryAll(batch, NO_ANSWER, e.getMessage(), -1);
                break;
            default: // TLS failure, a 404 or a redirect: the endpoint is wrong
                abort(new Abort("no usable answer from the endpoint: " + e.getMessage()
                        + ". Check the endpoint or region; nothing more is sent.", 0, e));
                settle(batch, List.of(), 0);
        }
    }

    private void onRequestError(Batch<T> batch, ErrorEntry error, String info) {
        int code = error.code();
        switch (error.errorClass()) {
            case TRANSIENT:
                retryAll(batch, code, info, -1);
                break;
            case THROTTLED:
                throttled();
                retryAll(batch, code, info, -1);
                break;
            case RESIGN:
                if (renewSignature(batch)) {
                    settle(batch, batch.items(), 0);
                } else {
                    fatal(batch, error, info, "a freshly renewed UserSig was refused too");
                }
                break;
            case WAIT_THEN_RETRY:
                pause(settings.lockoutPause);
                retryAll(batch, code, info, settings.lockoutPause.toNanos());
                break;
            case FATAL_CONFIG:
            case CLIENT_BUG:
                fatal(batch, error, info, null);
                break;
            default: // PERMANENT (also unknown codes): every item of the request failed for good
                List<ImportFailure> failed = new ArrayList<>();
                for (Pending<T> p : batch.items()) {
                    failed.add(failure(batch, p, code, info, ImportFailure.Kind.REJECTED));
                }
                journalDone(new long[0], 0, failed);
                finish(batch, 0, failed, List.of(), 0);
        }
    }

    private void onItems(Batch<T> batch, FriendImportResponse response) {
        Map<String, ResultItem> results = new HashMap<>();
        for (ResultItem r : response.resultItems()) {
            results.put(r.toAccount(), r);
        }
        long[] ok = new long[batch.items().size()];
        int okCount = 0;
        List<ImportFailure> failed = new ArrayList<>();
        List<Pending<T>> again = new ArrayList<>();
        for (Pending<T> p : batch.items()) {
            ResultItem r = results.get(p.item.toAccount());
            if (r == null) {
                p.lastCode = NO_ANSWER;
                p.lastInfo = "the answer had no ResultItem for this To_Account";
                again.add(p);
                continue;
            }
            int code = r.resultCode();
            if (code == 0) {
                ok[okCount++] = p.position;
                continue;
            }
            if (r.error().errorClass().isRetryable()) {
                p.lastCode = code;
                p.lastInfo = r.resultInfo();
                again.add(p);
            } else {
                failed.add(failure(batch, p, code, r.resultInfo(), ImportFailure.Kind.REJECTED));
            }
        }
        lock.lock();
        try {
            probing = false;
            if (batch.generation() == signatureGeneration) {
                okSinceRenewal = true;
            }
        } finally {
            lock.unlock();
        }
        List<Pending<T>> retry = giveUpExhausted(batch, again, failed);
        journalDone(ok, okCount, failed);
        finish(batch, okCount, failed, retry, backoffNanos(retry));
    }

    /** Counts an attempt for each item; those out of attempts become failures. Returns the ones to retry. */
    private List<Pending<T>> giveUpExhausted(Batch<T> batch, List<Pending<T>> items, List<ImportFailure> failed) {
        List<Pending<T>> retry = new ArrayList<>(items.size());
        for (Pending<T> p : items) {
            p.attempts++;
            if (p.attempts >= settings.maxAttempts) {
                failed.add(failure(batch, p, p.lastCode,
                        "gave up after " + p.attempts + " attempts: " + p.lastInfo, ImportFailure.Kind.GAVE_UP));
            } else {
                retry.add(p);
            }
        }
        return retry;
    }

    private void retryAll(Batch<T> batch, int code, String info, long delayNanos) {
        for (Pending<T> p : batch.items()) {
            p.lastCode = code;
            p.lastInfo = info;
        }
        List<ImportFailure> failed = new ArrayList<>();
        List<Pending<T>> retry = giveUpExhausted(batch, batch.items(), failed);
        journalDone(new long[0], 0, failed);
        finish(batch, 0, failed, retry, delayNanos >= 0 ? delayNanos : backoffNanos(retry));
    }

    private void fatal(Batch<T> batch, ErrorEntry error, String info, String why) {
        int code = error.code();
        abort(new Abort("the server answered " + code + " (" + error.meaning() + ")"
                + (info == null || info.isEmpty() ? "" : ": " + info) + (why == null ? "" : "; " + why)
                + (journal == null ? ". Nothing more is sent; fix the configuration and run again."
                        : ". Nothing more is sent; fix the configuration and run again with the same journal to resume."),
                code, null));
        settle(batch, List.of(), 0);
    }

    /** True when the batch may be sent again with a new UserSig. */
    private boolean renewSignature(Batch<T> batch) {
        lock.lock();
        try {
            if (batch.generation() != signatureGeneration) {
                return true; // it was signed before a renewal that already happened
            }
            if (!okSinceRenewal) {
                return false;
            }
            signatureGeneration++;
            okSinceRenewal = false;
        } finally {
            lock.unlock();
        }
        settings.client.renewUserSig();
        return true;
    }

    private long backoffNanos(List<Pending<T>> retry) {
        int attempts = 0;
        for (Pending<T> p : retry) {
            attempts = Math.max(attempts, p.attempts);
        }
        if (attempts == 0) {
            return 0;
        }
        long initial = settings.initialBackoff.toNanos();
        long max = settings.maxBackoff.toNanos();
        long delay = attempts > 40 ? max : Math.min(max, initial << Math.min(attempts - 1, 30));
        if (delay < 0) {
            delay = max;
        }
        return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    }

    private ImportFailure failure(Batch<T> batch, Pending<T> p, int code, String info, ImportFailure.Kind kind) {
        return new ImportFailure(p.position, p.origin, batch.account().from, p.item.toAccount(), code,
                info == null ? "" : info, kind, p.item, null);
    }

    /** Records an answered call: counts, failures, then releases the account or schedules its retry. */
    private void finish(Batch<T> batch, int okCount, List<ImportFailure> failed, List<Pending<T>> retry,
            long delayNanos) {
        lock.lock();
        try {
            imported += okCount;
            failures.addAll(failed);
        } finally {
            lock.unlock();
        }
        settle(batch, retry, delayNanos);
    }

    /**
     * Ends a call: items not in {@code retry} leave the buffer; {@code retry} items go back to the front of the
     * account's queue after {@code delayNanos}, the account staying busy meanwhile so later records cannot overtake.
     */
    private void settle(Batch<T> batch, List<Pending<T>> retry, long delayNanos) {
        Account<T> account = batch.account();
        lock.lock();
        try {
            inFlight--;
            held -= batch.items().size() - retry.size();
            if (retry.isEmpty() || abort != null) {
                held -= abort != null ? retry.size() : 0;
                release(account);
                return;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (delayNanos <= 0) {
            requeue(account, retry);
        } else {
            try {
                timer.schedule(() -> requeue(account, retry), delayNanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                requeue(account, retry); // the run is ending; requeue() drops them if it was aborted
            }
        }
    }

    private void requeue(Account<T> account, List<Pending<T>> retry) {
        long[] replaced = new long[retry.size()];
        int replacedCount = 0;
        lock.lock();
        try {
            if (abort != null) {
                held -= retry.size();
                release(account);
                return;
            }
            LinkedHashMap<String, Pending<T>> front = new LinkedHashMap<>();
            for (Pending<T> p : retry) {
                String to = p.item.toAccount();
                if (account.pending.containsKey(to)) {
                    replaced[replacedCount++] = p.position; // a later record of the pair is waiting: it wins
                    superseded++;
                    held--;
                } else {
                    front.put(to, p);
                }
            }
            front.putAll(account.pending);
            account.pending = front;
            account.retryFirst = true;
            release(account);
        } finally {
            lock.unlock();
        }
        journalDone(replaced, replacedCount, List.of());
    }

    /** The account has no call in flight any more. Lock held. */
    private void release(Account<T> account) {
        account.busy = false;
        if (account.pending.isEmpty()) {
            forgetIfIdle(account);
        } else {
            markReady(account);
        }
        changed.signalAll();
    }

    private void journalDone(long[] ok, int okCount, List<ImportFailure> failed) {
        if (journal == null || (okCount == 0 && failed.isEmpty())) {
            return;
        }
        List<Journal.FailedPosition> entries = new ArrayList<>(failed.size());
        for (ImportFailure f : failed) {
            entries.add(new Journal.FailedPosition(f.position(), f.code(), f.info()));
        }
        journal.record(ok, okCount, entries);
    }

    // ---------------------------------------------------------------- run state

    private void pause(Duration pause) {
        lock.lock();
        try {
            long until = System.nanoTime() + pause.toNanos();
            if (pausedUntil == 0 || until - pausedUntil > 0) {
                pausedUntil = until;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Counts a throttled answer. A lone one is jitter bunching calls up on their way to the server: the call is
     * retried after its backoff and nothing else changes. When they persist ({@value #PERSISTENT_THROTTLING} within
     * a second: something else uses the app's rate too, or its limit is lower than configured), every call pauses
     * {@code throttlePause} as well.
     */
    private void throttled() {
        boolean persistent;
        lock.lock();
        try {
            throttled++;
            long now = System.nanoTime();
            recentThrottled.addLast(now);
            while (now - recentThrottled.peekFirst() > 1_000_000_000L) {
                recentThrottled.pollFirst();
            }
            persistent = recentThrottled.size() >= PERSISTENT_THROTTLING;
        } finally {
            lock.unlock();
        }
        if (persistent) {
            pause(settings.throttlePause);
        }
    }

    private void abort(Abort reason) {
        lock.lock();
        try {
            if (abort == null) {
                abort = reason;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Abort abortState() {
        lock.lock();
        try {
            return abort;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every record is done, or, after an abort, until no call is in flight. */
    private void awaitEnd() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (abort == null ? held > 0 : inFlight > 0) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private ImportReport buildReport() {
        lock.lock();
        try {
            List<ImportFailure> all = new ArrayList<>(failures);
            return new ImportReport(records, imported, superseded, skippedEarlier, calls, retries, throttled,
                    Duration.ofNanos(System.nanoTime() - startNanos), abort != null, all,
                    ImportReport.meaningsOf(all, code -> code == NO_ANSWER
                            ? "no usable answer (network error, timeout or HTTP 5xx)"
                            : ErrorCatalogue.lookup(code).meaning()));
        } finally {
            lock.unlock();
        }
    }

    private void report(boolean finished) {
        ImportProgress snapshot;
        lock.lock();
        try {
            long now = System.nanoTime();
            callSamples.addLast(new long[] {now, calls});
            while (callSamples.size() > 2 && now - callSamples.peekFirst()[0] > 5_000_000_000L) {
                callSamples.pollFirst();
            }
            long[] first = callSamples.peekFirst();
            double seconds = (now - first[0]) / 1e9;
            double rate = seconds > 0 ? (calls - first[1]) / seconds : 0;
            long failed = failures.size();
            long skipped = superseded + skippedEarlier;
            long done = imported + failed + skipped;
            Duration elapsed = Duration.ofNanos(now - startNanos);
            doneSamples.addLast(new long[] {now, done});
            while (doneSamples.size() > 2 && now - doneSamples.peekFirst()[0] > 10_000_000_000L) {
                doneSamples.pollFirst();
            }
            Duration eta = null;
            long[] since = doneSamples.peekFirst();
            if (total > 0 && !finished && done > since[1] && now - since[0] >= 1_000_000_000L) {
                // at the pace of the last ten seconds, once there is a second of it to go by
                double nanosPerRecord = (double) (now - since[0]) / (done - since[1]);
                eta = Duration.ofNanos((long) (nanosPerRecord * Math.max(0, total - done)));
            }
            snapshot = new ImportProgress(records, imported, failed, skipped, total, calls, retries, throttled,
                    inFlight, rate, elapsed, eta, finished);
        } finally {
            lock.unlock();
        }
        try {
            settings.progress.onProgress(snapshot);
        } catch (RuntimeException e) {
            // a faulty listener must not stop the import
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
