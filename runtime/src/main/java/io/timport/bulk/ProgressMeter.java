package io.timport.bulk;

import io.timport.errors.ErrorCatalogue;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what a run did, and tells it: {@link ImportProgress} snapshots with the recent call rate and an ETA, the
 * final {@link ImportReport}, and the {@link ImportListener} events that mirror each count (so that listeners that
 * count events arrive at the report's figures). Called under the engine's lock, with the engine's time.
 *
 * <p>Failures are counted by code, and only the first {@code keepFailures} are kept for the report, so that memory
 * does not grow with them; with a {@link FailuresFile}, every failure is also handed over to be written
 * ({@link #takeFailuresToWrite}), outside the lock.
 */
final class ProgressMeter {

    /** The call rate is measured over this much recent time... */
    private static final long RATE_WINDOW_NANOS = 5_000_000_000L;
    /** ...and the ETA from the pace over this much, once there is a second of it. */
    private static final long ETA_WINDOW_NANOS = 10_000_000_000L;
    private static final long ETA_MIN_NANOS = 1_000_000_000L;

    private final String api;
    private final long total;
    private final long startNanos;
    private final Listeners events;

    private long records;
    private long imported;
    private long superseded;
    private long skippedEarlier;
    private long calls;
    private long retries;
    private long throttled;
    private final List<ImportFailure> failures = new ArrayList<>();
    private long failed;
    private final Map<Integer, Long> failuresByCode = new TreeMap<>();
    private int keepFailures = Integer.MAX_VALUE;
    private FailuresFile failuresFile;
    private List<ImportFailure> toWrite = new ArrayList<>();
    /** Whether {@link #toWrite} holds any: read without the lock by the driver, to take the lock only then. */
    private volatile boolean anyToWrite;
    private boolean journaled = true;
    private boolean validation;
    private final ArrayDeque<long[]> callSamples = new ArrayDeque<>();
    private final ArrayDeque<long[]> doneSamples = new ArrayDeque<>();

    ProgressMeter(String api, long total, long startNanos, Listeners events) {
        this.api = api;
        this.total = total;
        this.startNanos = startNanos;
        this.events = events;
    }

    /**
     * Keeps at most {@code keep} failures for the report; with {@code file}, hands every failure over to be written
     * there.
     */
    void failuresTo(int keep, FailuresFile file) {
        this.keepFailures = keep;
        this.failuresFile = file;
    }

    /** Whether the run keeps a journal (for the report's advice on what is not done). */
    void journaled(boolean journaled) {
        this.journaled = journaled;
    }

    /** Makes the report a validation's: nothing was sent. */
    void validation() {
        this.validation = true;
    }

    /** The failures file, or null. */
    FailuresFile failuresFile() {
        return failuresFile;
    }

    /** Whether failures wait to be written: a cheap check without the lock. */
    boolean anyFailuresToWrite() {
        return anyToWrite;
    }

    /** The failures not yet handed over to be written, in order; under the lock. */
    List<ImportFailure> takeFailuresToWrite() {
        if (toWrite.isEmpty()) {
            return List.of();
        }
        List<ImportFailure> taken = toWrite;
        toWrite = new ArrayList<>();
        anyToWrite = false;
        return taken;
    }

    /** The number of input records expected, or -1 when unknown. */
    long total() {
        return total;
    }

    /** An input record was read (whatever becomes of it). */
    void recordRead() {
        records++;
    }

    /** {@code count} input records were read at once (a verification reads a user's relations as one unit). */
    void recordsRead(long count) {
        records += count;
    }

    /**
     * {@code count} relations were checked by a verification: counted as done, for progress, with no relation event
     * (nothing was imported).
     */
    void checked(long count) {
        imported += count;
    }

    /** {@code count} relations were imported. */
    void imported(int count) {
        if (count > 0) {
            imported += count;
            events.relationsSettled(RelationOutcome.IMPORTED, 0, count);
        }
    }

    /** A record was replaced by a later one of its pair before it was sent. */
    void superseded() {
        superseded++;
        events.relationsSettled(RelationOutcome.SUPERSEDED, 0, 1);
    }

    /** A record was skipped because an earlier run imported it. */
    void completedEarlier() {
        skippedEarlier++;
        events.relationsSettled(RelationOutcome.COMPLETED_EARLIER, 0, 1);
    }

    /** A relation failed. */
    void failed(ImportFailure failure) {
        count(failure);
        events.relationsSettled(RelationOutcome.of(failure.kind()), failure.code(), 1);
    }

    /** Counts a failure, keeps it when there is room, and hands it over to be written. */
    private void count(ImportFailure failure) {
        failed++;
        failuresByCode.merge(failure.code(), 1L, Long::sum);
        if (failures.size() < keepFailures) {
            failures.add(kept(failure));
        }
        if (failuresFile != null) {
            toWrite.add(failure);
            anyToWrite = true;
        }
    }

    /** Longer original texts are not kept in the report (the failures file has them whole). */
    static final int KEPT_RAW_CHARS = 64 * 1024;

    private static ImportFailure kept(ImportFailure f) {
        if (f.rawInput() == null || f.rawInput().length() <= KEPT_RAW_CHARS) {
            return f;
        }
        return new ImportFailure(f.position(), f.origin(), f.fromAccount(), f.toAccount(), f.code(), f.info(),
                f.kind(), f.item(), null, f.random());
    }

    /** Relations failed, as one answer settled them: one event per outcome and code. */
    void failed(List<ImportFailure> failed) {
        if (failed.isEmpty()) {
            return;
        }
        for (ImportFailure f : failed) {
            count(f);
        }
        boolean[] told = new boolean[failed.size()];
        for (int i = 0; i < failed.size(); i++) {
            if (told[i]) {
                continue;
            }
            ImportFailure f = failed.get(i);
            long count = 0;
            for (int j = i; j < failed.size(); j++) {
                ImportFailure g = failed.get(j);
                if (!told[j] && g.kind() == f.kind() && g.code() == f.code()) {
                    told[j] = true;
                    count++;
                }
            }
            events.relationsSettled(RelationOutcome.of(f.kind()), f.code(), count);
        }
    }

    /** A call was handed to the sender. */
    void callSent(int items, boolean retry) {
        calls++;
        if (retry) {
            retries++;
        }
        events.callSent(api, items, retry);
    }

    /** An answer said the call rate is over the limit. */
    void throttled(int code) {
        throttled++;
        events.throttled(api, code);
    }

    /**
     * A snapshot at {@code now}: counts, the call rate of the last five seconds, and the ETA at the pace of the last
     * ten (null until there is a second of progress to go by, and for the last snapshot).
     */
    ImportProgress snapshot(long now, int inFlight, boolean finished) {
        callSamples.addLast(new long[] {now, calls});
        while (callSamples.size() > 2 && now - callSamples.peekFirst()[0] > RATE_WINDOW_NANOS) {
            callSamples.pollFirst();
        }
        long[] first = callSamples.peekFirst();
        double seconds = (now - first[0]) / 1e9;
        double rate = seconds > 0 ? (calls - first[1]) / seconds : 0;
        long failed = this.failed;
        long skipped = superseded + skippedEarlier;
        long done = imported + failed + skipped;
        doneSamples.addLast(new long[] {now, done});
        while (doneSamples.size() > 2 && now - doneSamples.peekFirst()[0] > ETA_WINDOW_NANOS) {
            doneSamples.pollFirst();
        }
        Duration eta = null;
        long[] since = doneSamples.peekFirst();
        if (total > 0 && !finished && done > since[1] && now - since[0] >= ETA_MIN_NANOS) {
            double nanosPerRecord = (double) (now - since[0]) / (done - since[1]);
            eta = Duration.ofNanos((long) (nanosPerRecord * Math.max(0, total - done)));
        }
        return new ImportProgress(records, imported, failed, skipped, total, calls, retries, throttled, inFlight, rate,
                Duration.ofNanos(now - startNanos), eta, finished);
    }

    /** The report of the run as it stands at {@code now}. */
    ImportReport report(long now, boolean aborted) {
        // a validation counts its valid records as imported for progress, and imports nothing
        return new ImportReport(records, validation ? 0 : imported, superseded, skippedEarlier, calls, retries, throttled,
                Duration.ofNanos(now - startNanos), aborted, failures, failed, failuresByCode,
                ImportReport.meaningsOf(failuresByCode.keySet(), code -> code == ImportFailure.NO_ANSWER
                        ? "no usable answer (network error, timeout or HTTP 5xx)"
                        : ErrorCatalogue.lookup(code).meaning()),
                validation, journaled, failuresFile == null ? null : failuresFile.file(),
                failuresFile == null ? 0 : failuresFile.written(),
                failuresFile == null ? 0 : failuresFile.unwritable());
    }
}
