package io.timport.bulk;

import io.timport.call.FriendImportClient;
import io.timport.call.FriendImportResponse;
import io.timport.internal.Printable;
import io.timport.wire.AddFriendItem;
import io.timport.wire.ItemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Imports any number of (From_Account, item) relations at the server's full rate, losing nothing, explaining every
 * failure, and able to resume.
 *
 * <pre>{@code
 * BulkImporter<GameFriendItem> importer = BulkImporter.<GameFriendItem>builder(client)
 *         .journal(Path.of("import.journal"))
 *         .progress(ConsoleProgress.toStandardError())
 *         .build();
 * ImportReport report = importer.run(records);   // Iterable or Stream of ImportRecord<GameFriendItem>
 * report.writeFailures(Path.of("failures.jsonl"));
 * }</pre>
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>Each request carries items of one From_Account only, at most {@linkplain ImporterBuilder#batchSize batch size} of
 *       them, never the same To_Account twice. Input need not be sorted: records are buffered, within a bound on the
 *       items held in memory ({@linkplain ImporterBuilder#maxBufferedItems}), and a From_Account's items are sent when they
 *       fill a batch, when the buffer is full (oldest first), when they have waited {@linkplain ImporterBuilder#linger
 *       linger}, or at the end of the input.</li>
 *   <li>Never two calls for one From_Account at once, so the server never answers 30008 because of us. One
 *       From_Account's records reach the server in input order, also across retries; when a pair appears again
 *       later in the input, the later record wins (an earlier one still waiting to be sent is dropped as
 *       superseded and counted).</li>
 *   <li>Calls are paced by the client's rate limiter and pipelined: as many in flight as the rate and the latency
 *       need, up to {@linkplain ImporterBuilder#maxInFlight}. The first call goes alone, so that wrong credentials stop the
 *       import after one answer.</li>
 *   <li>Retries follow the error catalogue: transient and throttled answers, HTTP 5xx, resets and timeouts are
 *       retried with exponential backoff and jitter, at most {@linkplain ImporterBuilder#maxAttempts} attempts per item;
 *       per-item transient codes re-send only those items; an expired or invalidated UserSig is renewed once;
 *       70050 pauses every call; permanent item errors are recorded, never retried; fatal configuration errors
 *       stop the import at once with an {@link ImportAbortedException}.</li>
 *   <li>With a {@linkplain ImporterBuilder#journal journal}, a run killed at any moment and started again with the same
 *       input and journal sends nothing that had completed; at most the calls in flight at the kill are sent again,
 *       which is harmless because importing an existing friend overwrites it. The journal records the app it
 *       belongs to, a fingerprint of the input's records (and the input's description,
 *       {@linkplain ImporterBuilder#journal(Path, String) when given}), and a run for another app or input refuses it
 *       ({@link JournalMismatchException}) rather than skip the wrong records. One importer at a time may use a
 *       journal ({@link JournalInUseException}).</li>
 * </ul>
 *
 * <p>An importer holds only its settings: it can run several imports one after the other, or at once on different
 * threads (they then share the client's rate limiter). How the engine is built inside is described in
 * {@code docs/architecture.md}.
 *
 * <p><b>Validate only.</b> {@link #validate(Stream)} (and {@link #validateJsonl}) reads the whole input and applies
 * every rule an import applies before sending (the item's rules, the From_Account rule, a user befriending themself),
 * writing the same report and failures file, and sends nothing. An importer built by {@link #validator()} needs no
 * client, so no key.
 *
 * @param <T> the generated item type
 */
public final class BulkImporter<T extends AddFriendItem> {

    /** The API's largest AddFriendItem array, and the default batch size. */
    public static final int MAX_BATCH_SIZE = 1000;

    private final FriendImportClient client;
    private final ImportSettings settings;
    /** The proof after an import ({@link ImporterBuilder#verify}): off by default. */
    private Verification verification = Verification.off();
    private ItemType<T> verifiedType;

    private final AccountsSettings accounts;

    /** With a null client, the importer can only validate. */
    BulkImporter(FriendImportClient client, ImportSettings settings) {
        this(client, settings, AccountsSettings.OFF);
    }

    BulkImporter(FriendImportClient client, ImportSettings settings, AccountsSettings accounts) {
        this.client = client;
        this.settings = settings;
        this.accounts = accounts;
    }

    /** Verifies every import after it ends, as {@code verification} says, reading items back as {@code type}. */
    BulkImporter<T> verifying(Verification verification, ItemType<T> type) {
        this.verification = verification;
        this.verifiedType = type;
        return this;
    }

    /**
     * A builder for an importer that sends through {@code client} (and so through its rate limiter).
     *
     * @param <T> the item type
     * @param client the client that sends the calls (not null)
     * @return a new builder with every default
     */
    public static <T extends AddFriendItem> Builder<T> builder(FriendImportClient client) {
        return new Builder<>(client);
    }

    /**
     * A builder for an importer that only {@linkplain #validate validates}: it has no client, needs no key and
     * sends nothing; its {@code run} methods throw {@link IllegalStateException}.
     *
     * @param <T> the item type
     * @return a new builder of a validator
     */
    public static <T extends AddFriendItem> Builder<T> validator() {
        return new Builder<>();
    }

    /**
     * Imports every record and returns the report. The total for progress is the collection's size when the
     * input is a {@link Collection}, else {@linkplain ImporterBuilder#expectedTotal as configured}.
     *
     * @param input the records, read once, in order (not null); an {@code Iterable} lets the accounts phase read it
     *     twice
     * @return what was done: counts, failures and, when enabled, the accounts and verification reports
     * @throws ImportAbortedException when a fatal error stopped the import (its report tells what was done)
     * @throws IOException when the journal cannot be opened, is damaged, belongs to another import
     *     ({@link JournalMismatchException}: another app or input, found before anything is sent; other content, found
     *     as the input is read, see {@link JournalIdentity}), or is in use by another importer
     *     ({@link JournalInUseException})
     * @throws InterruptedException when the calling thread is interrupted; calls in flight are left to finish
     */
    public ImportReport run(Iterable<? extends ImportRecord<? extends T>> input)
            throws ImportAbortedException, IOException, InterruptedException {
        if (accounts.mode() != AccountsMode.OFF) {
            return migrate(() -> StreamSupport.stream(input.spliterator(), false), total(input));
        }
        return run(input.iterator(), total(input));
    }

    private long total(Iterable<?> input) {
        return settings.expectedTotal() >= 0 ? settings.expectedTotal()
                : input instanceof Collection ? ((Collection<?>) input).size() : -1;
    }

    /**
     * Imports every record of the stream (and closes it); see {@link #run(Iterable)}.
     *
     * @param input the records (not null); closed when the import ends, also on an exception
     * @return what was done: counts, failures and, when enabled, the accounts and verification reports
     * @throws ImportAbortedException when a fatal error stopped the import (its report tells what was done)
     * @throws IOException when the journal cannot be used; see {@link #run(Iterable)}
     * @throws InterruptedException when the calling thread is interrupted; calls in flight are left to finish
     */
    public ImportReport run(Stream<? extends ImportRecord<? extends T>> input)
            throws ImportAbortedException, IOException, InterruptedException {
        try (input) {
            if (accounts.mode() != AccountsMode.OFF) {
                throw new IllegalStateException("the accounts phase (" + accounts.mode() + ") reads the input twice, "
                        + "and a Stream can be read once: give the input as an Iterable, or a file to runJsonl");
            }
            return run(input.iterator(), settings.expectedTotal());
        }
    }

    /**
     * Imports the relations of a JSONL file ({@link JsonlInput}, with this importer's
     * {@linkplain ImporterBuilder#maxLineBytes line limit}); see {@link #run(Stream)}. The file is read once, in order:
     * any readable file will do, a named pipe included.
     *
     * @param file the JSONL file, one relation a line (not null)
     * @param type reads each line's item (a generated {@code XItem.TYPE})
     * @return what was done; unreadable and invalid lines are failures of kind {@link ImportFailure.Kind#INVALID_INPUT}
     * @throws IllegalArgumentException when the file is the {@linkplain ImporterBuilder#failuresFile failures file}
     * @throws ImportAbortedException when a fatal error stopped the import (its report tells what was done)
     * @throws IOException when the file cannot be opened, or the journal cannot be used; see {@link #run(Iterable)}
     * @throws InterruptedException when the calling thread is interrupted; calls in flight are left to finish
     */
    public ImportReport runJsonl(Path file, ItemType<T> type)
            throws ImportAbortedException, IOException, InterruptedException {
        checkNotFailuresFile(file);
        if (accounts.mode() != AccountsMode.OFF) {
            return migrate(() -> {
                try {
                    return JsonlInput.read(file, type, settings.maxLineBytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, settings.expectedTotal());
        }
        return run(JsonlInput.read(file, type, settings.maxLineBytes()));
    }

    /**
     * The accounts phase, then the relations ({@link MigrationRun}), then the verification when it is on. With a
     * journal, the input's fingerprint is checked as the relations phase reads it.
     */
    private ImportReport migrate(Supplier<Stream<? extends ImportRecord<? extends T>>> input, long total)
            throws ImportAbortedException, IOException, InterruptedException {
        FriendImportClient sendingClient = client();
        if (!verification.isOn()) {
            return migrate(sendingClient, input, total, UnaryOperator.identity(), MigrationRun.Next.NOTHING);
        }
        // The verification runs while the accounts phase's gate is open: what it held back is not repaired either
        try (RelationGroups<T> groups = new RelationGroups<>(verifiedType, settings.maxBufferedItems(),
                verification.tempDirectory())) {
            return migrate(sendingClient, input, total, relations -> new Keeping<>(relations, groups),
                    (report, missingAccount) -> verified(report, groups, sendingClient, missingAccount));
        }
    }

    private ImportReport migrate(FriendImportClient sendingClient,
            Supplier<Stream<? extends ImportRecord<? extends T>>> input, long total,
            UnaryOperator<Iterator<? extends ImportRecord<? extends T>>> relations, MigrationRun.Next next)
            throws ImportAbortedException, IOException, InterruptedException {
        InputFingerprint fingerprint = settings.journal() == null ? null : new InputFingerprint();
        WorkJournal journal = settings.journal() == null ? WorkJournal.NONE
                : Journal.open(settings.journal(), settings.fsyncJournal(), journalIdentity(), fingerprint);
        UnaryOperator<Iterator<? extends ImportRecord<? extends T>>> read = fingerprint == null ? relations
                : records -> fingerprint.checking(relations.apply(records));
        try {
            return MigrationRun.run(settings, accounts, AccountSender.of(sendingClient.chatClient().accounts()),
                    RelationSender.of(sendingClient), journal, settings.journal(),
                    sendingClient.app().endpoint().baseUri().getHost(), sendingClient.app().sdkAppId(), total, input,
                    read, next);
        } catch (ImportAbortedException e) {
            if (e.getCause() instanceof JournalMismatchException mismatch) {
                throw mismatch;
            }
            throw e;
        }
    }

    /**
     * The identity this importer's journal records and checks: its client's app, and the input as described.
     *
     * @return the identity, never null
     */
    public JournalIdentity journalIdentity() {
        return JournalIdentity.of(client().app(), settings.journalInput());
    }

    private FriendImportClient client() {
        if (client == null) {
            throw new IllegalStateException("this importer was built by validator(), without a client: it can "
                    + "validate input, not import it; build one with builder(client)");
        }
        return client;
    }

    private ImportReport run(Iterator<? extends ImportRecord<? extends T>> input, long total)
            throws ImportAbortedException, IOException, InterruptedException {
        FriendImportClient sendingClient = client();
        if (!verification.isOn()) {
            return importRelations(sendingClient, input, total);
        }
        // The input is read once: its valid records are also kept, grouped by From_Account, for the verification
        try (RelationGroups<T> groups = new RelationGroups<>(verifiedType, settings.maxBufferedItems(),
                verification.tempDirectory())) {
            return verified(importRelations(sendingClient, new Keeping<>(input, groups), total), groups, sendingClient,
                    VerifyRun.NONE_MISSING);
        }
    }

    /** The relations phase alone: with a journal, the input's fingerprint checked as the records are read. */
    private ImportReport importRelations(FriendImportClient sendingClient,
            Iterator<? extends ImportRecord<? extends T>> input, long total)
            throws ImportAbortedException, IOException, InterruptedException {
        if (settings.journal() == null) {
            return run(settings, RelationSender.of(sendingClient), WorkJournal.NONE, total, input);
        }
        // The journal checks that the input is the one it was written for as the records are read
        InputFingerprint fingerprint = new InputFingerprint();
        Journal journal = Journal.open(settings.journal(), settings.fsyncJournal(), journalIdentity(), fingerprint);
        try {
            return run(settings, RelationSender.of(sendingClient), journal, total, fingerprint.checking(input));
        } catch (ImportAbortedException e) {
            if (e.getCause() instanceof JournalMismatchException mismatch) {
                throw mismatch;
            }
            throw e;
        }
    }

    /**
     * The verification after an import: its report joins the import's; a fatal error stops it. A relation naming an
     * account for which {@code missingAccount} is true (the accounts phase held it back) is not repaired.
     */
    private ImportReport verified(ImportReport report, RelationGroups<T> groups, FriendImportClient sendingClient,
            Predicate<String> missingAccount)
            throws ImportAbortedException, IOException, InterruptedException {
        VerifyRun.Result verified = VerifyRun.run(verification, settings, verifiedType, groups,
                VerifyPhase.sender(sendingClient.chatClient().friends()), RelationSender.of(sendingClient),
                verificationJournal(), Ticker.system(), missingAccount);
        report.verified(verified.report());
        if (verified.stop() != null) {
            throw new ImportAbortedException(Printable.escape("the verification stopped: "
                    + verified.stop().message()), verified.stop().errorCode(), report, verified.stop().cause());
        }
        return report;
    }

    // ------------------------------------------------------------------------------------------------- verify

    /**
     * Verifies relations imported earlier, and imports nothing but repairs: every From_Account of the input (or a
     * sample, as {@linkplain ImporterBuilder#verify the builder's verification} says; in full when it is off) has its
     * friends read back with {@code friend_get}, and each relation is compared, field by field, with the last valid
     * record of its pair: equal, missing or different. With repairs ({@link Verification#repairs()}), what is missing
     * or different is imported again and read back again. Invalid records are not verified (a validation reports
     * them).
     *
     * <p>Memory: the input is grouped by From_Account, sorted in temporary files when it holds more relations than
     * {@linkplain ImporterBuilder#maxBufferedItems the buffer}. With a {@linkplain ImporterBuilder#journal journal},
     * the users found equal are recorded in {@code <journal>.verify}, and a run started again skips them.
     *
     * @param type reads the friends back (a generated {@code XItem.TYPE})
     * @param input the records that were imported (not null); read once, or twice when larger than the buffer
     * @return what reading back found and repaired
     * @throws VerificationAbortedException when a fatal error stopped it (its report tells what was verified)
     * @throws IOException when the journal cannot be opened, or the temporary files cannot be written
     * @throws InterruptedException when the calling thread is interrupted
     */
    public VerificationReport verify(Iterable<? extends ImportRecord<? extends T>> input, ItemType<T> type)
            throws VerificationAbortedException, IOException, InterruptedException {
        return verify(input.iterator(), type);
    }

    /**
     * Verifies the relations of the stream (and closes it); see {@link #verify(Iterable, ItemType)}.
     *
     * @param input the records that were imported (not null); closed when the verification ends
     * @param type reads the friends back (a generated {@code XItem.TYPE})
     * @return what reading back found and repaired
     * @throws VerificationAbortedException when a fatal error stopped it (its report tells what was verified)
     * @throws IOException when the journal cannot be opened, or the temporary files cannot be written
     * @throws InterruptedException when the calling thread is interrupted
     */
    public VerificationReport verify(Stream<? extends ImportRecord<? extends T>> input, ItemType<T> type)
            throws VerificationAbortedException, IOException, InterruptedException {
        try (input) {
            return verify(input.iterator(), type);
        }
    }

    /**
     * Verifies the relations of a JSONL file ({@link JsonlInput}); see {@link #verify(Iterable, ItemType)}.
     *
     * @param file the JSONL file that was imported (not null)
     * @param type reads the lines' items and the friends back (a generated {@code XItem.TYPE})
     * @return what reading back found and repaired
     * @throws VerificationAbortedException when a fatal error stopped it (its report tells what was verified)
     * @throws IOException when the file or the journal cannot be opened, or the temporary files cannot be written
     * @throws InterruptedException when the calling thread is interrupted
     */
    public VerificationReport verifyJsonl(Path file, ItemType<T> type)
            throws VerificationAbortedException, IOException, InterruptedException {
        return verify(JsonlInput.read(file, type, settings.maxLineBytes()), type);
    }

    private VerificationReport verify(Iterator<? extends ImportRecord<? extends T>> input, ItemType<T> type)
            throws VerificationAbortedException, IOException, InterruptedException {
        FriendImportClient sendingClient = client();
        Verification how = verification.isOn() ? verification : Verification.full();
        try (RelationGroups<T> groups = new RelationGroups<>(type, settings.maxBufferedItems(),
                how.tempDirectory())) {
            Keeping<T> keeping = new Keeping<>(input, groups);
            try {
                while (keeping.hasNext()) {
                    keeping.next();
                }
            } catch (RuntimeException e) {
                throw new VerificationAbortedException(Printable.escape("the input could not be read past record "
                        + keeping.position + ": " + e.getMessage()), 0,
                        VerificationReport.nothing(how, java.time.Duration.ZERO), e);
            }
            VerifyRun.Result verified = VerifyRun.run(how, settings, type, groups,
                    VerifyPhase.sender(sendingClient.chatClient().friends()), RelationSender.of(sendingClient),
                    verificationJournal(), Ticker.system(), VerifyRun.NONE_MISSING);
            if (verified.stop() != null) {
                throw new VerificationAbortedException(Printable.escape(verified.stop().message()),
                        verified.stop().errorCode(), verified.report(), verified.stop().cause());
            }
            return verified.report();
        }
    }

    /** The verification's journal: {@code <journal>.verify} beside the import's, with its identity; or none. */
    private WorkJournal verificationJournal() throws IOException {
        if (settings.journal() == null) {
            return WorkJournal.NONE;
        }
        Path file = settings.journal().resolveSibling(settings.journal().getFileName() + ".verify");
        return Journal.open(file, settings.fsyncJournal(), journalIdentity());
    }

    /** The input, its valid records kept for the verification as they are read; positions as the import's. */
    private static final class Keeping<T extends AddFriendItem> implements Iterator<ImportRecord<? extends T>> {
        private final Iterator<? extends ImportRecord<? extends T>> input;
        private final RelationGroups<T> groups;
        long position;

        Keeping(Iterator<? extends ImportRecord<? extends T>> input, RelationGroups<T> groups) {
            this.input = input;
            this.groups = groups;
        }

        @Override
        public boolean hasNext() {
            return input.hasNext();
        }

        @Override
        public ImportRecord<? extends T> next() {
            ImportRecord<? extends T> record = input.next();
            position++;
            if (RecordRules.problem(record) == null) {
                groups.add(record.fromAccount(), position, record.item());
            }
            return record;
        }
    }

    // ------------------------------------------------------------------------------------------------- validate

    /**
     * Reads every record and applies every rule an import applies before sending, and sends nothing: a record that
     * could not be made into an item, a From_Account that is not a UserID of 1 to 32 UTF-8 bytes, a user befriending
     * themself. Returns the same report an import would give for its invalid records (a
     * {@linkplain ImportReport#validation() validation's}: {@link ImportReport#valid()}, {@link ImportReport#allValid()})
     * and writes them to the {@linkplain ImporterBuilder#failuresFile failures file}. Progress is reported as for an
     * import, the valid records counted as {@link ImportProgress#imported()}; {@link ImportListener}s hear nothing. No
     * journal is read or written. What only the server can find (an account that does not exist, a tag the app lacks,
     * a full friend list) is not found.
     *
     * @param input the records (not null)
     * @return a report of a validation: {@link ImportReport#valid()} and {@link ImportReport#allValid()} give the
     *     verdict
     * @throws ImportAbortedException when the input cannot be read to its end (an I/O error, a binary file): its
     *     report counts the records before
     * @throws IOException when the failures file cannot be written
     */
    public ImportReport validate(Iterable<? extends ImportRecord<? extends T>> input)
            throws ImportAbortedException, IOException {
        return validate(settings, total(input), input.iterator());
    }

    /**
     * Validates every record of the stream (and closes it); see {@link #validate(Iterable)}.
     *
     * @param input the records (not null); closed at the end
     * @return a report of a validation: {@link ImportReport#valid()} and {@link ImportReport#allValid()} give the
     *     verdict
     * @throws ImportAbortedException when the input cannot be read to its end: its report counts the records before
     * @throws IOException when the failures file cannot be written
     */
    public ImportReport validate(Stream<? extends ImportRecord<? extends T>> input)
            throws ImportAbortedException, IOException {
        try (input) {
            return validate(settings, settings.expectedTotal(), input.iterator());
        }
    }

    /**
     * Validates the relations of a JSONL file; see {@link #validate(Iterable)} and {@link #runJsonl}.
     *
     * @param file the JSONL file (not null)
     * @param type reads each line's item (a generated {@code XItem.TYPE})
     * @return a report of a validation: {@link ImportReport#valid()} and {@link ImportReport#allValid()} give the
     *     verdict
     * @throws ImportAbortedException when the file cannot be read to its end: its report counts the records before
     * @throws IOException when the file cannot be opened, or the failures file cannot be written
     */
    public ImportReport validateJsonl(Path file, ItemType<T> type) throws ImportAbortedException, IOException {
        checkNotFailuresFile(file);
        return validate(JsonlInput.read(file, type, settings.maxLineBytes()));
    }

    private void checkNotFailuresFile(Path input) throws IOException {
        Path failures = settings.failuresFile();
        if (failures != null && Files.exists(failures) && Files.exists(input) && Files.isSameFile(input, failures)) {
            throw new IllegalArgumentException("the input " + input + " is the failures file: failures would overwrite "
                    + "the input while it is read; give the failures file another name");
        }
    }

    /** A validation: every record through {@link RecordRules}, on the calling thread. */
    static ImportReport validate(ImportSettings settings, long total, Iterator<? extends ImportRecord<?>> input)
            throws ImportAbortedException, IOException {
        Ticker ticker = Ticker.system();
        long start = ticker.nanoTime();
        ProgressMeter meter = new ProgressMeter(ImportListener.FRIEND_IMPORT, total, start, new Listeners(List.of()));
        meter.validation();
        meter.journaled(false);
        FailuresFile failures = settings.failuresFile() == null ? null : new FailuresFile(settings.failuresFile());
        meter.failuresTo(settings.keepFailures(), failures);
        ProgressListener progress = settings.progress();
        long every = settings.progressInterval().toNanos();
        long nextProgress = start + every;
        long position = 0;
        RuntimeException unreadable = null;
        try {
            while (true) {
                ImportRecord<?> record;
                try {
                    if (!input.hasNext()) {
                        break;
                    }
                    record = input.next();
                } catch (RuntimeException e) {
                    unreadable = e; // an I/O error, a binary file: what was read is counted, then the validation stops
                    break;
                }
                position++;
                meter.recordRead();
                String problem = RecordRules.problem(record);
                if (problem == null) {
                    meter.imported(1);
                } else {
                    meter.failed(new ImportFailure(position, record.origin(), record.fromAccount(), record.toAccount(),
                            ImportFailure.INVALID_INPUT, problem, ImportFailure.Kind.INVALID_INPUT, record.item(),
                            record.rawInput()));
                    if (failures != null) {
                        failures.write(meter.takeFailuresToWrite());
                    }
                }
                if (progress != null && (position & 255) == 0) {
                    long now = ticker.nanoTime();
                    if (now - nextProgress >= 0) {
                        nextProgress = now + every;
                        tell(progress, meter.snapshot(now, 0, false));
                    }
                }
            }
        } finally {
            if (failures != null) {
                failures.close();
            }
        }
        if (progress != null) {
            tell(progress, meter.snapshot(ticker.nanoTime(), 0, true));
        }
        if (unreadable != null) {
            throw new ImportAbortedException(Printable.escape("the input could not be read past record " + position
                    + ": " + unreadable.getMessage()), 0, meter.report(ticker.nanoTime(), true), unreadable);
        }
        return meter.report(ticker.nanoTime(), false);
    }

    private static void tell(ProgressListener listener, ImportProgress snapshot) {
        try {
            listener.onProgress(snapshot);
        } catch (RuntimeException e) {
            // a faulty listener must not stop the validation
        }
    }

    /**
     * Runs a relations import: assembles the engine's parts from {@code settings} and runs them with the production
     * driver. The journal is open; it is closed at the end.
     */
    static <T extends AddFriendItem> ImportReport run(ImportSettings settings, RelationSender<T> sender,
            WorkJournal journal, long total, Iterator<? extends ImportRecord<? extends T>> input)
            throws ImportAbortedException, IOException, InterruptedException {
        return run(settings, sender, journal, total, input, null);
    }

    /** What a relations phase is wrapped in (the accounts gate), given the phase and the run's meter. */
    interface PhaseWrapper<T extends AddFriendItem> {
        Phase<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse> wrap(
                Phase<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse> phase, ProgressMeter meter);
    }

    /** {@link #run(ImportSettings, RelationSender, WorkJournal, long, Iterator)} with the phase wrapped, when not null. */
    static <T extends AddFriendItem> ImportReport run(ImportSettings settings, RelationSender<T> sender,
            WorkJournal journal, long total, Iterator<? extends ImportRecord<? extends T>> input,
            PhaseWrapper<T> wrapper) throws ImportAbortedException, IOException, InterruptedException {
        Ticker ticker = Ticker.system();
        Listeners events = new Listeners(settings.listeners());
        ProgressMeter meter = new ProgressMeter(ImportListener.FRIEND_IMPORT, total, ticker.nanoTime(), events);
        meter.journaled(journal != WorkJournal.NONE);
        FailuresFile failures = settings.failuresFile() == null ? null : new FailuresFile(settings.failuresFile());
        meter.failuresTo(settings.keepFailures(), failures);
        EngineCore<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse> core = RelationsPhase.engine(
                settings, sender, journal, meter, events, ticker, new SplittableRandom(),
                wrapper == null ? p -> p : p -> wrapper.wrap(p, meter));
        EngineCore.Stop stop;
        try {
            stop = new ImportRun<>(core, meter, journal, settings, events, ticker).execute(input);
        } finally {
            if (failures != null) {
                failures.close();
            }
        }
        ImportReport report = meter.report(ticker.nanoTime(), stop != null);
        if (stop != null) {
            // The message may quote the server (ResultInfo, ErrorInfo, a body that is not a Chat answer) or the input:
            // it is made safe to print, as the report's texts are
            throw new ImportAbortedException(Printable.escape(stop.message()), stop.errorCode(), report, stop.cause());
        }
        return report;
    }

    /**
     * Builds a {@link BulkImporter}; every setting has a default that suits the real service.
     *
     * @param <T> the item type of the importer
     */
    public static final class Builder<T extends AddFriendItem> extends ImporterBuilder<T, Builder<T>> {
        private Builder(FriendImportClient client) {
            super(client);
        }

        private Builder() {
            super();
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        /**
         * The importer.
         *
         * @return a new importer with this builder's settings; it may run several imports, one at a time
         */
        public BulkImporter<T> build() {
            return buildImporter();
        }
    }
}
