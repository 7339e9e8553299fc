package io.timport.bulk;

import io.timport.call.AccountItem;
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
    Pacing pacing = Pacing.WINDOW;
    Duration outageLimit = DEFAULT_OUTAGE_LIMIT;
    int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    int breakerCalls = SystematicFailures.DEFAULT_CALLS;
    int breakerRelations = SystematicFailures.DEFAULT_RELATIONS;
    AccountsMode accountsMode = AccountsMode.OFF;
    Path accountsFile;
    Iterable<AccountItem> accountsList;
    Path missingAccountsFile;
    Path accountsTempDir;

    /** The largest request body by default: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    /** The smallest request body cap: room for the envelope and an ordinary item. */
    public static final int MIN_MAX_BODY_BYTES = 1024;
    Verification verification = Verification.off();
    io.timport.wire.ItemType<T> verifiedType;

    /** The failures a report keeps by default; every failure is counted, and written to the failures file. */
    public static final int DEFAULT_KEEP_FAILURES = 1_000;

    /** How long an outage may last by default before the run stops: 10 minutes. */
    public static final Duration DEFAULT_OUTAGE_LIMIT = Duration.ofMinutes(10);

    /**
     * A builder for imports sent through {@code client} (and so through its rate limiter).
     *
     * @param client the client that sends the calls, or null for a validator
     */
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

    /**
     * This builder, typed as the concrete class.
     *
     * @return {@code this}
     */
    protected abstract B self();

    /**
     * Items per request, 1 to 1000 (the API's limit). Default 1000.
     *
     * @param batchSize the number of items per call, 1 to 1000
     * @return this builder
     */
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
     *
     * @param maxBufferedItems the most items in memory, at least the batch size
     * @return this builder
     */
    public B maxBufferedItems(int maxBufferedItems) {
        if (maxBufferedItems < 1) {
            throw new IllegalArgumentException("maxBufferedItems must be positive, was " + maxBufferedItems);
        }
        this.maxBufferedItems = maxBufferedItems;
        return self();
    }

    /**
     * The most calls awaiting answers at once (default 512); the rate limiter usually bounds it first.
     *
     * @param maxInFlight the most calls in flight, positive
     * @return this builder
     */
    public B maxInFlight(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive, was " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        return self();
    }

    /**
     * Attempts per item before a transient error is reported as a failure (default 10).
     *
     * @param maxAttempts the number of attempts, positive
     * @return this builder
     */
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
     *
     * @param initial the first backoff (positive)
     * @param max the longest backoff (at least {@code initial})
     * @return this builder
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
     * With {@link Pacing#PAUSE}: how long every call pauses when throttled answers persist, 3 or more within one second
     * (default 100 ms); a lone throttled answer only delays its own call, by the backoff. The default pacing,
     * {@link Pacing#WINDOW}, never pauses every call.
     *
     * @param pause the pause (positive)
     * @return this builder
     */
    public B throttlePause(Duration pause) {
        this.throttlePause = requireNotNegative(pause, "throttlePause");
        return self();
    }

    /**
     * How long every call pauses after 70050, too many failed signature checks (default 60 s).
     *
     * @param pause the pause (positive)
     * @return this builder
     */
    public B lockoutPause(Duration pause) {
        this.lockoutPause = requireNotNegative(pause, "lockoutPause");
        return self();
    }

    /**
     * How long a From_Account's partial batch may wait for more of its records before it is sent anyway
     * (default 2 s). Matters only for input that arrives slowly; a full buffer or the end of the input sends
     * partial batches at once.
     *
     * @param linger the longest wait of a partial batch (zero or more)
     * @return this builder
     */
    public B linger(Duration linger) {
        this.linger = requireNotNegative(linger, "linger");
        return self();
    }

    /**
     * Keeps an append-only journal of completed work in {@code file} (created if missing). Starting again with
     * the same input and journal skips what completed. Null (the default) keeps none.
     *
     * <p>A new journal records the app it belongs to (the client's endpoint host and SDKAppID) and a fingerprint of
     * the input's records; a run with another app, or whose records differ, refuses to resume it
     * ({@link JournalMismatchException}; the records are checked as they are read, see {@link JournalIdentity}). A
     * new input needs a new journal. One importer at a time may use a journal: another is refused at once
     * ({@link JournalInUseException}). To have the input's description checked as well, use
     * {@link #journal(Path, String)}.
     *
     * @param file the journal file, created when absent; null (the default) for no journal
     * @return this builder
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
     *
     * @param file the journal file, created when absent (not null)
     * @param input the input's description, one line without secrets
     * @return this builder
     */
    public B journal(Path file, String input) {
        this.journal = file;
        this.journalInput = input;
        return self();
    }

    /**
     * Forces every journal entry to the device (default off). Off, the journal survives the process being
     * killed; on, it also survives power loss, at a cost per call.
     *
     * @param fsync true to force every entry to the device
     * @return this builder
     */
    public B fsyncJournal(boolean fsync) {
        this.fsyncJournal = fsync;
        return self();
    }

    /**
     * Receives progress snapshots (for example {@link ConsoleProgress}); null for none.
     *
     * @param listener the progress listener, or null
     * @return this builder
     */
    public B progress(ProgressListener listener) {
        this.progress = listener;
        return self();
    }

    /**
     * How often progress is reported (default 500 ms).
     *
     * @param interval the interval between snapshots (positive)
     * @return this builder
     */
    public B progressInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("progressInterval must be positive");
        }
        this.progressInterval = interval;
        return self();
    }

    /**
     * The number of input records, for progress and ETA when the input is not a collection; -1 if unknown.
     *
     * @param total the expected number of records, or -1 when unknown
     * @return this builder
     */
    public B expectedTotal(long total) {
        this.expectedTotal = total;
        return self();
    }

    /**
     * Adds a listener of the import's events (calls, answers, throttling, relations settled, progress), for metrics;
     * may be called more than once, each listener then receiving every event. See {@link ImportListener}.
     *
     * @param listener the listener (not null)
     * @return this builder
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
     *
     * @param file the failures file, or null for none
     * @return this builder
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
     *
     * @param count the number of failures kept, 0 or more
     * @return this builder
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
     *
     * @param bytes the longest line, in bytes (positive)
     * @return this builder
     */
    public B maxLineBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive, was " + bytes);
        }
        this.maxLineBytes = bytes;
        return self();
    }

    /**
     * The largest request body a call may have, in bytes (default 1 MiB, {@value #DEFAULT_MAX_BODY_BYTES}; at least
     * {@value #MIN_MAX_BODY_BYTES}). A batch ends before the item that would make its body larger, whatever the batch
     * size; an item larger than the cap on its own goes alone. No Tencent source documents a limit: a client-SDK page
     * mentions a 1 MB backend cap. A server that answers HTTP 413 anyway has the batch split and sent again in halves.
     *
     * @param bytes the largest body, in bytes (at least {@value #MIN_MAX_BODY_BYTES})
     * @return this builder
     */
    public B maxBodyBytes(int bytes) {
        if (bytes < MIN_MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be at least " + MIN_MAX_BODY_BYTES + ", was " + bytes);
        }
        this.maxBodyBytes = bytes;
        return self();
    }

    /**
     * What the import does about the accounts its relations name, before the relations (default
     * {@link AccountsMode#OFF}): {@link AccountsMode#CHECK} checks them with account_check and sends no relation that
     * names a missing account (each is reported failed, 30003, the account named); {@link AccountsMode#IMPORT} also
     * creates the missing accounts with multiaccount_import, <b>creating users in the app</b>. Either way the input is
     * read twice (once to collect its accounts, on disk, in a bounded heap): give it to {@code run} as an
     * {@code Iterable} or to {@code runJsonl} as a file; {@code run(Stream)} refuses. With a journal, the accounts
     * phase is journaled beside it ({@code <journal>.accounts}): a run started again neither checks nor imports a
     * confirmed account again. Its report is {@link ImportReport#accounts()}.
     *
     * @param mode the accounts mode (not null)
     * @return this builder
     */
    public B accounts(AccountsMode mode) {
        this.accountsMode = Objects.requireNonNull(mode, "mode");
        return self();
    }

    /**
     * How calls are kept within the server's rate limit, and what a throttled answer does (default
     * {@link Pacing#WINDOW}: a model of the server's sliding second, throttled calls sent again with the next
     * permits; {@link Pacing#PAUSE} is the earlier rule, kept for comparison). See {@link Pacing}.
     *
     * @param pacing the pacing (not null)
     * @return this builder
     */
    public B pacing(Pacing pacing) {
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        return self();
    }

    /**
     * The accounts to create, with their Nick and FaceUrl: a JSONL file of {@code {"UserID":…,"Nick":…,"FaceUrl":…}}
     * (Nick and FaceUrl optional). Its accounts are checked too, even when no relation names them. With a list, the
     * {@link AccountsMode#IMPORT} mode creates only the accounts it lists: an account a relation names that neither
     * exists nor is listed is reported missing (a friend whose account was deleted is not created again). Null (the
     * default): no list; every missing account is created with its UserID alone.
     *
     * @param file the accounts file, or null for none
     * @return this builder
     */
    public B accountsFile(Path file) {
        this.accountsFile = file;
        this.accountsList = null;
        return self();
    }

    /**
     * Like {@link #accountsFile(Path)}, the accounts given as objects (iterated once per run).
     *
     * @param accounts the accounts to create, or null for none
     * @return this builder
     */
    public B accountsList(Iterable<AccountItem> accounts) {
        this.accountsList = accounts;
        this.accountsFile = null;
        return self();
    }

    /**
     * The breaker for systematic failures (on by default: 5 calls, 100 relations): when at least {@code calls}
     * consecutive answered calls, holding at least {@code relations} relations, failed with the same permanent code
     * and ResultInfo pattern for at least 90 % of their relations, the import stops with
     * {@link ImportAbortedException} and a diagnosis: the code, its meaning, a sample ResultInfo, the likely cause and
     * the fix (a custom tag not configured in the console, accounts not imported, …). Relations given up after their
     * retries do not count. While such answers come, one call at a time is sent, so that a failure systematic from
     * the start costs {@code calls} calls with full batches. The failures of the streak are not journaled, so that a
     * rerun with the same journal after the fix sends them again.
     *
     * @param calls the consecutive calls that stop the import (positive)
     * @param relations the relations those calls must hold at least (positive)
     * @return this builder
     */
    public B breaker(int calls, int relations) {
        if (calls < 1 || relations < 1) {
            throw new IllegalArgumentException("breaker needs calls >= 1 and relations >= 1, was " + calls + " and "
                    + relations);
        }
        this.breakerCalls = calls;
        this.breakerRelations = relations;
        return self();
    }

    /**
     * Switches the {@linkplain #breaker breaker for systematic failures} off: every relation is sent.
     *
     * @return this builder
     */
    public B breakerOff() {
        this.breakerCalls = 0;
        this.breakerRelations = 0;
        return self();
    }

    /**
     * Writes the accounts that do not exist after the accounts phase (missing and not created, or failed) to
     * {@code file}, one {@code {"UserID":…}} a line: the accounts-file format, ready to be completed with Nicks and
     * imported. Null (the default): none written; the report lists the first ones.
     *
     * @param file the file to write, or null for none
     * @return this builder
     */
    public B missingAccountsFile(Path file) {
        this.missingAccountsFile = file;
        return self();
    }

    /**
     * How long an outage may last before the run stops (default 10 minutes, {@link #DEFAULT_OUTAGE_LIMIT}). When no
     * usable answer has come for a second (connections refused or reset, timeouts, HTTP 5xx, bodies that are not a
     * Chat answer: HTML, garbage, empty), the engine stops sending new calls and probes the server with one call at a
     * time, 0.5 s, 1 s, 2 s, then every 5 s apart; no attempt is counted meanwhile. The first usable answer resumes
     * the import. An outage longer than this stops it with an {@link ImportAbortedException}; what was not imported
     * stays undone in the journal, and a run with the same journal resumes it.
     *
     * @param limit the longest outage the import waits out (positive)
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public B outageLimit(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("outageLimit must be positive, was " + limit);
        }
        this.outageLimit = limit;
        return self();
    }

    /**
     * Where the accounts phase keeps its sorted accounts during the run (about 41 bytes an account, deleted at the
     * end); null (the default) for the system's temporary directory.
     *
     * @param dir the directory, or null for the system's temporary directory
     * @return this builder
     */
    public B accountsTempDir(Path dir) {
        this.accountsTempDir = dir;
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
     * @param verification how to verify: {@link Verification#full()}, a sample, or {@link Verification#off()} (not
     *     null)
     * @return this builder
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

    /**
     * The engine with these settings; concrete builders wrap it.
     *
     * @return a new importer
     */
    protected final BulkImporter<T> buildImporter() {
        return new BulkImporter<T>(client, settings(), new AccountsSettings(accountsMode, accountsFile, accountsList,
                missingAccountsFile, accountsTempDir)).verifying(verification, verifiedType);
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
                expectedTotal, listeners, keepFailures, failuresFile, maxLineBytes, maxBodyBytes, breakerCalls,
                breakerRelations, pacing, outageLimit);
    }

    private static Duration requireNotNegative(Duration d, String name) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }
}
