package io.timport.bulk;

import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The production driver of one run: threads, the lock, and real time around the deterministic {@link EngineCore}.
 *
 * <ul>
 *   <li>The <b>reader</b> (the thread that called {@code run}) takes the input's units one by one and offers each to
 *       the core, waiting while it has no room.</li>
 *   <li>The <b>dispatcher</b> thread asks the core for the next call and sends it; sending waits for a rate-limiter
 *       permit, which paces the run.</li>
 *   <li><b>Answers</b> arrive on the HTTP client's threads and go to the core; then the journal is written.</li>
 *   <li>A <b>timer</b> thread takes progress snapshots, when someone listens.</li>
 * </ul>
 * Every call into the core holds the one lock; everything slow (reading input, the permit, the network, journal
 * writes, listeners of progress) happens outside it. The core says whom to wake.
 *
 * @param <U> the input unit
 * @param <C> the call
 * @param <A> the answer
 */
final class ImportRun<U, C extends Call, A> {

    private final EngineCore<U, C, A> core;
    private final ProgressMeter meter;
    private final WorkJournal journal;
    private final ImportSettings settings;
    private final Listeners events;
    private final Ticker ticker;
    private final String phase;
    /** The phase's name on progress lines ({@link #labelled}); the phase's own name unless told otherwise. */
    private String label;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition dispatcherWake = lock.newCondition();
    private final Condition readerWake = lock.newCondition();
    /** Set once the core has stopped: lets the reader stop without taking the lock. */
    private volatile boolean stopped;
    /** Why the input could not be read to its end (the reader's thread only), or null. */
    private RuntimeException inputFailure;
    private long inputFailedAfter;

    ImportRun(EngineCore<U, C, A> core, ProgressMeter meter, WorkJournal journal, ImportSettings settings,
            Listeners events, Ticker ticker) {
        this.core = core;
        this.meter = meter;
        this.journal = journal;
        this.settings = settings;
        this.events = events;
        this.ticker = ticker;
        this.phase = core.phase().name();
        this.label = phase;
    }

    /** Names the phase {@code label} on progress lines (a repair runs the relations phase: its lines say "repair"). */
    ImportRun<U, C, A> labelled(String label) {
        this.label = label;
        return this;
    }

    /**
     * Runs the phase over {@code input} to its end, or until it stops; closes the journal and sends the last progress
     * snapshot, after every other one (also when the caller was interrupted: {@code phaseEnded} follows every
     * {@code phaseStarted}). The caller then has the meter's report: nothing touches the meter any more.
     *
     * @return why the run stopped early, or null when it reached its end
     * @throws IOException when the journal cannot be closed
     * @throws InterruptedException when the calling thread is interrupted; calls in flight are left to finish
     */
    EngineCore.Stop execute(Iterator<? extends U> input) throws IOException, InterruptedException {
        events.phaseStarted(phase, meter.total());
        events.pace(core.phase().api(), core.phase().pace());
        ScheduledExecutorService timer = null;
        Thread dispatcher = daemon(this::dispatchLoop, "timport-dispatcher");
        dispatcher.start();
        InterruptedException interrupted = null;
        try {
            if (settings.progress() != null || !events.isEmpty()) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "timport-import-timer"));
                long every = settings.progressInterval().toNanos();
                timer.scheduleAtFixedRate(() -> progress(false), every, every, TimeUnit.NANOSECONDS);
            }
            read(input);
            awaitEnd();
            if (inputFailure != null) {
                // What was read is settled: now the run stops, for the input it could not read to its end
                stop("the input could not be read past record " + inputFailedAfter + ": " + inputFailure.getMessage(),
                        inputFailure);
            }
        } catch (InterruptedException e) {
            stop("the import was interrupted", e);
            interrupted = e;
        } finally {
            dispatcher.interrupt();
            boolean interruptedAgain = !join(dispatcher);
            if (timer != null) {
                timer.shutdownNow();
                // a snapshot being delivered finishes first: none may follow the last one
                interruptedAgain |= !awaitTermination(timer);
            }
            writeFailures();
            journal.close();
            if (interruptedAgain) {
                Thread.currentThread().interrupt();
            }
        }
        EngineCore.Stop stop = progress(true);
        if (interrupted != null) {
            throw interrupted;
        }
        return stop;
    }

    /** Waits up to 10 s for {@code thread} to end; false when interrupted meanwhile. */
    private static boolean join(Thread thread) {
        try {
            thread.join(10_000);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Waits up to 10 s for the timer's task in progress, if any; false when interrupted meanwhile. */
    private static boolean awaitTermination(ScheduledExecutorService timer) {
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- reader

    private void read(Iterator<? extends U> input) throws InterruptedException {
        long position = 0;
        while (!stopped) {
            U unit;
            try {
                if (!input.hasNext()) {
                    break;
                }
                unit = input.next();
            } catch (RuntimeException e) {
                // The input ends here: what was read is still imported, then the run stops (see execute)
                inputFailure = e;
                inputFailedAfter = position;
                if (e.getCause() instanceof JournalMismatchException mismatch) {
                    stop(mismatch.getMessage(), mismatch); // another input than the journal's: nothing more is sent
                }
                break;
            }
            position++;
            lock.lockInterruptibly();
            try {
                while (!core.offer(position, unit)) {
                    wake(core.takeWakes());
                    readerWake.await();
                }
                wake(core.takeWakes());
            } finally {
                lock.unlock();
            }
            // What the reader journals (superseded records) is written with the next answer's entries, ahead of
            // them, so that it is on disk before the record that superseded it can be.
            writeFailures();
        }
        lock.lock();
        try {
            core.inputEnded();
            wake(core.takeWakes());
        } finally {
            lock.unlock();
        }
    }

    /** Waits until everything is settled or, after a stop, no call is in flight. */
    private void awaitEnd() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!core.finished()) {
                readerWake.await();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- dispatcher

    private void dispatchLoop() {
        try {
            C call;
            while ((call = nextCall()) != null) {
                send(call);
            }
        } catch (InterruptedException e) {
            // the run is over
        } catch (RuntimeException | Error e) {
            stop("the dispatcher failed: " + e, e);
        }
    }

    /** The next call to send, waiting for one; null once nothing more will be sent. */
    private C nextCall() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (core.dispatching()) {
                long now = ticker.nanoTime();
                C call = core.next(now);
                noteStop(); // the gate may stop the run (an outage over its limit)
                wake(core.takeWakes());
                if (call != null) {
                    return call;
                }
                long wakeAt = core.wakeAt(now);
                if (wakeAt == EngineCore.NEVER) {
                    dispatcherWake.await();
                } else {
                    dispatcherWake.awaitNanos(Math.max(1, wakeAt - now));
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void send(C call) throws InterruptedException {
        CompletableFuture<A> answer;
        try {
            answer = core.phase().send(call);
        } catch (InterruptedException e) {
            lock.lock();
            try {
                core.notSent(call); // not sent: its items go back untouched
                wake(core.takeWakes());
            } finally {
                lock.unlock();
            }
            throw e;
        } catch (RuntimeException | Error e) {
            // e.g. an item that cannot write itself, or a generated class compiled against another runtime
            // (NoSuchMethodError): the call is settled through the answer path, whose policy stops the import
            answer = CompletableFuture.failedFuture(e);
        }
        call.sentNanos = ticker.nanoTime();
        answer.whenComplete((response, error) -> answered(call, response, error));
    }

    // ---------------------------------------------------------------- answers

    private void answered(C call, A response, Throwable error) {
        lock.lock();
        try {
            try {
                core.answered(call, response, error, ticker.nanoTime());
            } catch (RuntimeException | Error e) {
                core.crashed(call, "handling an answer failed: " + e, e);
            }
            noteStop();
            wake(core.takeWakes());
        } finally {
            lock.unlock();
        }
        flushJournal();
        writeFailures();
    }

    // ---------------------------------------------------------------- the run

    /**
     * Writes the failures this thread's step handed over to the failures file, outside the engine's lock; one thread
     * at a time (the file's monitor, taken before the lock, never under it), so that lines keep their order.
     */
    private void writeFailures() {
        FailuresFile file = meter.failuresFile();
        if (file == null || !meter.anyFailuresToWrite()) {
            return;
        }
        synchronized (file) {
            java.util.List<ImportFailure> failures;
            lock.lock();
            try {
                failures = meter.takeFailuresToWrite();
            } finally {
                lock.unlock();
            }
            try {
                file.write(failures);
            } catch (IOException e) {
                stop("cannot write the failures file " + file.file() + ": " + e.getMessage(), e);
            }
        }
    }

    private void flushJournal() {
        try {
            journal.flush();
        } catch (IOException e) {
            stop(e.getMessage(), e);
        }
    }

    private void stop(String message, Throwable cause) {
        lock.lock();
        try {
            core.stop(message, 0, cause);
            noteStop();
            wake(core.takeWakes());
        } finally {
            lock.unlock();
        }
    }

    /** Lock held. */
    private void noteStop() {
        if (core.stopped() != null) {
            stopped = true;
        }
    }

    /** Lock held. */
    private void wake(int wakes) {
        if ((wakes & EngineCore.WAKE_DISPATCHER) != 0) {
            dispatcherWake.signal();
        }
        if ((wakes & EngineCore.WAKE_READER) != 0) {
            readerWake.signal();
        }
    }

    /** Takes a snapshot and tells the listeners; returns why the run stopped, or null. */
    private EngineCore.Stop progress(boolean finished) {
        ImportProgress snapshot;
        EngineCore.Stop stop;
        lock.lock();
        try {
            snapshot = meter.snapshot(ticker.nanoTime(), core.inFlight(), finished);
            stop = core.stopped();
        } finally {
            lock.unlock();
        }
        if (settings.progress() != null) {
            try {
                settings.progress().onProgress(label, snapshot);
            } catch (RuntimeException e) {
                // a faulty listener must not stop the import
            }
        }
        if (finished) {
            events.phaseEnded(phase, snapshot, stop != null);
        } else {
            events.phaseProgress(phase, snapshot);
        }
        return stop;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
