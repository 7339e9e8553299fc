package io.timport.bulk;

import io.timport.call.FriendImportClient;
import io.timport.call.FriendImportResponse;
import io.timport.wire.AddFriendItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;

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
 *       belongs to (and the input, {@linkplain ImporterBuilder#journal(Path, String) when described}), and a run
 *       for another refuses it ({@link JournalMismatchException}).</li>
 * </ul>
 *
 * <p>An importer holds only its settings: it can run several imports one after the other, or at once on different
 * threads (they then share the client's rate limiter). How the engine is built inside is described in
 * {@code docs/architecture.md}.
 *
 * @param <T> the generated item type
 */
public final class BulkImporter<T extends AddFriendItem> {

    /** The API's largest AddFriendItem array, and the default batch size. */
    public static final int MAX_BATCH_SIZE = 1000;

    private final FriendImportClient client;
    private final ImportSettings settings;

    BulkImporter(FriendImportClient client, ImportSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = settings;
    }

    /** A builder for an importer that sends through {@code client} (and so through its rate limiter). */
    public static <T extends AddFriendItem> Builder<T> builder(FriendImportClient client) {
        return new Builder<>(client);
    }

    /**
     * Imports every record and returns the report. The total for progress is the collection's size when the
     * input is a {@link Collection}, else {@linkplain ImporterBuilder#expectedTotal as configured}.
     *
     * @throws ImportAbortedException when a fatal error stopped the import (its report tells what was done)
     * @throws IOException when the journal cannot be opened, is damaged, or belongs to another import
     *     ({@link JournalMismatchException})
     * @throws InterruptedException when the calling thread is interrupted; calls in flight are left to finish
     */
    public ImportReport run(Iterable<? extends ImportRecord<? extends T>> input)
            throws ImportAbortedException, IOException, InterruptedException {
        long total = settings.expectedTotal() >= 0 ? settings.expectedTotal()
                : input instanceof Collection ? ((Collection<?>) input).size() : -1;
        return run(input.iterator(), total);
    }

    /** Imports every record of the stream (and closes it); see {@link #run(Iterable)}. */
    public ImportReport run(Stream<? extends ImportRecord<? extends T>> input)
            throws ImportAbortedException, IOException, InterruptedException {
        try (input) {
            return run(input.iterator(), settings.expectedTotal());
        }
    }

    /** The identity this importer's journal records and checks: its client's app, and the input as described. */
    public JournalIdentity journalIdentity() {
        return JournalIdentity.of(client.app(), settings.journalInput());
    }

    private ImportReport run(Iterator<? extends ImportRecord<? extends T>> input, long total)
            throws ImportAbortedException, IOException, InterruptedException {
        WorkJournal journal = settings.journal() == null ? WorkJournal.NONE
                : Journal.open(settings.journal(), settings.fsyncJournal(), journalIdentity());
        return run(settings, RelationSender.of(client), journal, total, input);
    }

    /**
     * Runs a relations import: assembles the engine's parts from {@code settings} and runs them with the production
     * driver. The journal is open; it is closed at the end.
     */
    static <T extends AddFriendItem> ImportReport run(ImportSettings settings, RelationSender<T> sender,
            WorkJournal journal, long total, Iterator<? extends ImportRecord<? extends T>> input)
            throws ImportAbortedException, IOException, InterruptedException {
        Ticker ticker = Ticker.system();
        Listeners events = new Listeners(settings.listeners());
        ProgressMeter meter = new ProgressMeter(ImportListener.FRIEND_IMPORT, total, ticker.nanoTime(), events);
        EngineCore<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse> core = RelationsPhase.engine(
                settings, sender, journal, meter, events, ticker, new SplittableRandom());
        EngineCore.Stop stop = new ImportRun<>(core, meter, journal, settings, events, ticker).execute(input);
        ImportReport report = meter.report(ticker.nanoTime(), stop != null);
        if (stop != null) {
            throw new ImportAbortedException(stop.message(), stop.errorCode(), report, stop.cause());
        }
        return report;
    }

    /** Builds a {@link BulkImporter}; every setting has a default that suits the real service. */
    public static final class Builder<T extends AddFriendItem> extends ImporterBuilder<T, Builder<T>> {
        private Builder(FriendImportClient client) {
            super(client);
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        /** The importer. */
        public BulkImporter<T> build() {
            return buildImporter();
        }
    }
}
