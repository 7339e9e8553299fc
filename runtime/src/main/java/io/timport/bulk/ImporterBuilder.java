package io.timport.bulk;

import io.timport.call.FriendImportClient;
import io.timport.wire.AddFriendItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a bulk import, shared by {@link BulkImporter.Builder} and the builders of generated
 * {@code XImporter}s. Every setting has a default that suits the real service.
 *
 * @param <T> the item type
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ImporterBuilder<T extends AddFriendItem, B extends ImporterBuilder<T, B>> {
    final FriendImportClient client;
    int batchSize = BulkImporter.MAX_BATCH_SIZE;
    int maxBufferedItems = 100_000;
    int maxInFlight = 512;
    int maxAttempts = 10;
    Duration initialBackoff = Duration.ofMillis(200);
    Duration maxBackoff = Duration.ofSeconds(10);
    Duration throttlePause = Duration.ofMillis(100);
    Duration lockoutPause = Duration.ofSeconds(60);
    Duration linger = Duration.ofSeconds(2);
    Path journal;
    String journalInput;
    boolean fsyncJournal;
    ProgressListener progress;
    Duration progressInterval = Duration.ofMillis(500);
    long expectedTotal = -1;
    final List<ImportListener> listeners = new ArrayList<>();
    int keepFailures = DEFAULT_KEEP_FAILURES;
    Path failuresFile;
    int maxLineBytes = JsonlInput.DEFAULT_MAX_LINE_BYTES;
    Verification verification = Verification.off();
    io.timport.wire.ItemType<T> verifiedType;

    /** The failures a report keeps by default; every failure is counted, and written to the failures file. */
    public static final int DEFAULT_KEEP_FAILURES = 1_000;

    /** A builder for imports sent through {@code client} (and so through its rate limiter). */
    protected ImporterBuilder(FriendImportClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * A builder with no client, whose importer can {@linkplain BulkImporter#validate validate} input but not import
     * it: no key, no server, nothing sent. Its {@code run} methods throw {@link IllegalStateException}.
     */
    protected ImporterBuilder() {
        this.client = null;
    }

    /** This builder, typed as the concrete class. */
    protected abstract B self();

    /** Items per request, 1 to 1000 (the API's limit). Default 1000. */
    public B batchSize(int batchSize) {
        if (batchSize < 1 || batchSize > BulkImporter.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1.." + BulkImporter.MAX_BATCH_SIZE + ", was " + batchSize);
        }
        this.batchSize = batchSize;
        return self();
    }

    /**
     * The most items held in memory at once, waiting or in flight (default 100,000; at least the batch size).
     * Unsorted input is grouped within this bound: the larger it is, the fuller the batches of unsorted input.
     */
    public B maxBufferedItems(int maxBufferedItems) {
        if (maxBufferedItems < 1) {
            throw new IllegalArgumentException("maxBufferedItems must be positive, was " + maxBufferedItems);
        }
        this.maxBufferedItems = maxBufferedItems;
        return self();
    }

    /** The most calls awaiting answers at once (default 512); the rate limiter usually bounds it first. */
    public B maxInFlight(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive, was " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        return self();
    }

    /** Attempts per item before a transient error is reported as a failure (default 10). */
    public B maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be positive, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        return self();
    }

    /**
     * Backoff before retrying a transient error: {@code initial × 2^(attempt−1)}, at most {@code max}, with
     * jitter (a random half of it). Defaults 200 ms and 10 s.
     */
    public B backoff(Duration initial, Duration max) {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max");
        }
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return self();
    }

    /**
     * How long every call pauses when throttled answers persist: 3 or more within one second (default 100 ms). A
     * lone throttled answer only delays its own call, by the backoff.
     */
    public B throttlePause(Duration pause) {
        this.throttlePause = requireNotNegative(pause, "throttlePause");
        return self();
    }

    /** How long every call pauses after 70050, too many failed signature checks (default 60 s). */
    public B lockoutPause(Duration pause) {
        this.lockoutPause = requireNotNegative(pause, "lockoutPause");
        return self();
    }

    /**
     * How long a From_Account's partial batch may wait for more of its records before it is sent anyway
     * (default 2 s). Matters only for input that arrives slowly; a full buffer or the end of the input sends
     * partial batches at once.
     */
    public B linger(Duration linger) {
        this.linger = requireNotNegative(linger, "linger");
        return self();
    }

    /**
     * Keeps an append-only journal of completed work in {@code file} (created if missing). Starting again with
     * the same input and journal skips what completed. Null (the default) keeps none.
     *
     * <p>A new journal records the app it belongs to (the client's endpoint host and SDKAppID); a run with another
     * app refuses to resume it ({@link JournalMismatchException}). To have the input checked as well, describe it
     * with {@link #journal(Path, String)}.
     */
    public B journal(Path file) {
        this.journal = file;
        this.journalInput = null;
        return self();
    }

    /**
     * Like {@link #journal(Path)}, and records what the input is, in your words: a new journal records
     * {@code input}, and a run whose description differs refuses to resume it ({@link JournalMismatchException}),
     * since the journal identifies records by their position in the input. Describe the input so that the same input
     * always gets the same description and another input another, for example {@code "file /data/friends.jsonl"} or
     * {@code "export of 2026-11-30"}; one line, no secrets. See {@link JournalIdentity}.
     */
    public B journal(Path file, String input) {
        this.journal = file;
        this.journalInput = input;
        return self();
    }

    /**
     * Forces every journal entry to the device (default off). Off, the journal survives the process being
     * killed; on, it also survives power loss, at a cost per call.
     */
    public B fsyncJournal(boolean fsync) {
        this.fsyncJournal = fsync;
        return self();
    }

    /** Receives progress snapshots (for example {@link ConsoleProgress}); null for none. */
    public B progress(ProgressListener listener) {
        this.progress = listener;
        return self();
    }

    /** How often progress is reported (default 500 ms). */
    public B progressInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("progressInterval must be positive");
        }
        this.progressInterval = interval;
        return self();
    }

    /** The number of input records, for progress and ETA when the input is not a collection; -1 if unknown. */
    public B expectedTotal(long total) {
        this.expectedTotal = total;
        return self();
    }

    /**
     * Adds a listener of the import's events (calls, answers, throttling, relations settled, progress), for metrics;
     * may be called more than once, each listener then receiving every event. See {@link ImportListener}.
     */
    public B listener(ImportListener listener) {
        this.listeners.add(Objects.requireNonNull(listener, "listener"));
        return self();
    }

    /**
     * Writes every relation that fails to {@code file} as it happens: one line of JSONL a failure, in the input
     * format (the same lines as {@link ImportReport#writeFailures}), so that the file holds every failure however
     * many there are, and those before a crash. The file is created, or emptied, at the first failure; a run where
     * nothing fails leaves it untouched. It must not be the input being read. Null (the default) writes none.
     */
    public B failuresFile(Path file) {
        this.failuresFile = file;
        return self();
    }

    /**
     * The most failures the report keeps in {@link ImportReport#failures()} (default
     * {@value #DEFAULT_KEEP_FAILURES}); every failure is counted, by code, and written to the
     * {@linkplain #failuresFile failures file}. Bounds the report's memory: a kept failure holds its item, and its
     * original text up to 64 K characters.
     */
    public B keepFailures(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("keepFailures must not be negative, was " + count);
        }
        this.keepFailures = count;
        return self();
    }

    /**
     * The longest JSONL line read by {@code runJsonl} and {@code validateJsonl}, in bytes (default 1 MiB,
     * {@link JsonlInput#DEFAULT_MAX_LINE_BYTES}): a longer line is reported by its number and skipped, without ever
     * being held whole.
     */
    public B maxLineBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive, was " + bytes);
        }
        this.maxLineBytes = bytes;
        return self();
    }

    /**
     * Proves every import after it ends (default {@link Verification#off()}): every From_Account of the input, or a
     * {@linkplain Verification#sample sample} of them, has its friends read back with {@code friend_get}, and each
     * relation is compared, field by field, with the last valid record of its pair; what is missing or different is
     * imported again and read back again ({@linkplain Verification#withoutRepairs unless told not to}). The import's
     * report then carries the {@link VerificationReport} ({@link ImportReport#verification()}). A generated builder's
     * {@code verify(Verification)} passes its item type.
     *
     * @param type reads the friends back: a generated {@code XItem.TYPE}
     * @throws IllegalArgumentException when {@code type} cannot read friends back (a hand-written {@link
     *     io.timport.wire.ItemType} without {@code readBack})
     */
    public B verify(Verification verification, io.timport.wire.ItemType<T> type) {
        Objects.requireNonNull(verification, "verification");
        if (verification.isOn()) {
            Objects.requireNonNull(type, "type");
            if (!type.supportsReadBack()) {
                throw new IllegalArgumentException(type.itemClass().getName() + " cannot read friends back from "
                        + "friend_get: it cannot be verified");
            }
        }
        this.verification = verification;
        this.verifiedType = type;
        return self();
    }

    /** The engine with these settings; concrete builders wrap it. */
    protected final BulkImporter<T> buildImporter() {
        return new BulkImporter<T>(client, settings()).verifying(verification, verifiedType);
    }

    /**
     * The settings, checked together.
     *
     * @throws IllegalArgumentException when {@code maxBufferedItems} is below {@code batchSize}
     */
    final ImportSettings settings() {
        if (maxBufferedItems < batchSize) {
            throw new IllegalArgumentException(
                    "maxBufferedItems (" + maxBufferedItems + ") must be at least batchSize (" + batchSize + ")");
        }
        return new ImportSettings(batchSize, maxBufferedItems, maxInFlight, maxAttempts, initialBackoff, maxBackoff,
                throttlePause, lockoutPause, linger, journal, journalInput, fsyncJournal, progress, progressInterval,
                expectedTotal, listeners, keepFailures, failuresFile, maxLineBytes);
    }

    private static Duration requireNotNegative(Duration d, String name) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }
}
