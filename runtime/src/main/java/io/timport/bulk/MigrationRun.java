package io.timport.bulk;

import io.timport.call.AccountItem;
import io.timport.call.ChatApi;
import io.timport.internal.Printable;
import io.timport.wire.AddFriendItem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A migration of a friend graph as one job, its phases in the order Tencent's migration guide gives: the accounts
 * (unless {@link AccountsMode#OFF}), then the relations. Each phase runs to its end through its own
 * {@link EngineCore} and the production driver {@link ImportRun}, one after the other; a phase that stops stops the
 * run. A later phase (verification) goes after the relations in {@link #run}.
 *
 * <p>The input is read twice: once to collect the accounts it names ({@link AccountSet}, on disk), once for the
 * relations. So it must be given as something that can be read again: an {@code Iterable} or a file.
 */
final class MigrationRun {

    private MigrationRun() {
    }

    /** What the accounts phase left: its report, and the gate for the relations (null when every account exists). */
    record AccountsOutcome(AccountsReport report, AccountGate gate, AccountSet set) {

        /** Whether an account does not exist after the phase: the gate's answer; none when every account exists. */
        Predicate<String> missingAccount() {
            return gate == null ? VerifyRun.NONE_MISSING : gate::missing;
        }
    }

    /**
     * What follows the relations phase while the accounts phase's set is still open (the gate reads it): the
     * verification, or nothing.
     */
    @FunctionalInterface
    interface Next {

        /** Nothing follows: the report as it is. */
        Next NOTHING = (report, missingAccount) -> report;

        /**
         * Goes on from the relations phase's report.
         *
         * @param missingAccount true for an account the accounts phase left not existing (its relations were not sent
         *     and must not be)
         */
        ImportReport after(ImportReport report, Predicate<String> missingAccount)
                throws ImportAbortedException, IOException, InterruptedException;
    }

    /**
     * Runs the accounts phase, then the relations. The main journal is open (its identity checked); it is closed at
     * the end.
     *
     * @param input opens the input anew: called twice
     * @param relationsInput what the relations phase reads the second reading through (the journal's fingerprint
     *     check, the verification's keeping of records)
     * @param next what follows a relations phase that ran to its end (the verification), told which accounts do
     *     not exist
     */
    static <T extends AddFriendItem> ImportReport run(ImportSettings settings, AccountsSettings accounts,
            AccountSender accountSender, RelationSender<T> relationSender, WorkJournal journal, Path journalFile,
            String host, long sdkAppId, long total, Supplier<Stream<? extends ImportRecord<? extends T>>> input,
            UnaryOperator<Iterator<? extends ImportRecord<? extends T>>> relationsInput, Next next)
            throws ImportAbortedException, IOException, InterruptedException {
        AccountsOutcome outcome;
        try {
            outcome = accounts(settings, accounts, accountSender, journalFile, host, sdkAppId, input);
        } catch (ImportAbortedException | IOException | InterruptedException | RuntimeException e) {
            journal.close();
            throw e;
        }
        try {
            AccountGate gate = outcome.gate();
            ImportReport report;
            try (Stream<? extends ImportRecord<? extends T>> relations = input.get()) {
                report = relations(settings, relationSender, journal, total, relationsInput.apply(relations.iterator()),
                        gate);
            } catch (ImportAbortedException e) {
                ImportReport r = e.report().withAccounts(outcome.report().withRelationsSkipped(
                        gate == null ? 0 : gate.skipped()));
                throw new ImportAbortedException(e.getMessage(), e.errorCode(), r, e.getCause());
            }
            return next.after(report.withAccounts(outcome.report().withRelationsSkipped(
                    gate == null ? 0 : gate.skipped())), outcome.missingAccount());
        } finally {
            outcome.set().close();
        }
    }

    private static <T extends AddFriendItem> ImportReport relations(ImportSettings settings, RelationSender<T> sender,
            WorkJournal journal, long total, Iterator<? extends ImportRecord<? extends T>> input, AccountGate gate)
            throws ImportAbortedException, IOException, InterruptedException {
        return BulkImporter.run(settings, sender, journal, total, input,
                gate == null ? null : (phase, meter) -> gate.wrap(phase, journal.earlier(), meter));
    }

    /** The accounts phase: collect, check, import; its report and gate. Stops the run by throwing. */
    static AccountsOutcome accounts(ImportSettings settings, AccountsSettings accounts, AccountSender sender,
            Path journalFile, String host, long sdkAppId, Supplier<? extends Stream<? extends ImportRecord<?>>> input)
            throws ImportAbortedException, IOException, InterruptedException {
        Ticker ticker = Ticker.system();
        long start = ticker.nanoTime();
        AccountSet set;
        try (Stream<? extends ImportRecord<?>> records = input.get()) {
            Iterator<AccountItem> list = accounts.file() != null ? AccountsFile.read(accounts.file())
                    : accounts.list() != null ? accounts.list().iterator() : null;
            set = AccountSet.collect(records.iterator(), list, accounts.tempDir(), AccountSet.DEFAULT_CHUNK);
        }
        boolean done = false;
        try {
            AccountsJournal journal = journalFile == null ? null : AccountsJournal.open(
                    AccountsJournal.beside(journalFile), settings.fsyncJournal(), host, sdkAppId, set);
            Listeners events = new Listeners(settings.listeners());
            ProgressMeter meter = new ProgressMeter(ChatApi.ACCOUNT_CHECK.apiName(), set.size(), start,
                    new Listeners(List.of()));
            meter.failuresTo(0, null);
            meter.journaled(journal != null);
            Backoff backoff = new Backoff(settings.initialBackoff().toNanos(), settings.maxBackoff().toNanos(),
                    new SplittableRandom());
            AccountsPhase phase = new AccountsPhase(set, accounts.mode(), accounts.listed(), sender, journal, meter,
                    settings.maxAttempts(), backoff, settings.lockoutPause().toNanos(), 50_000);
            EngineCore<Integer, AccountCall, io.timport.call.ChatAnswer> core = new EngineCore<>(phase, meter, events,
                    settings.maxInFlight(), null, new OutageWatch(settings.outageLimit().toNanos(), journal != null));
            EngineCore.Stop stop = new ImportRun<>(core, meter, journal == null ? WorkJournal.NONE : journal, settings,
                    events, ticker).execute(set.positions());
            AccountGate gate = stop == null ? AccountGate.of(set, phase, accounts.mode(), accounts.listed()) : null;
            AccountsReport report = report(settings, accounts, set, phase, gate,
                    Duration.ofNanos(ticker.nanoTime() - start), stop != null);
            if (stop != null) {
                // no relation was sent: every record is left undone
                ProgressMeter relations = new ProgressMeter(ChatApi.FRIEND_IMPORT.apiName(), -1, ticker.nanoTime(),
                        new Listeners(List.of()));
                relations.journaled(journalFile != null);
                for (long r = 0; r < set.records(); r++) {
                    relations.recordRead();
                }
                ImportReport nothing = relations.report(ticker.nanoTime(), true).withAccounts(report);
                throw new ImportAbortedException(Printable.escape(stop.message()), stop.errorCode(), nothing,
                        stop.cause());
            }
            done = true;
            return new AccountsOutcome(report, gate, set);
        } finally {
            if (!done) {
                set.close();
            }
        }
    }

    private static AccountsReport report(ImportSettings settings, AccountsSettings accounts, AccountSet set,
            AccountsPhase phase, AccountGate gate, Duration duration, boolean stopped) throws IOException {
        List<AccountsReport.Account> notCreated = new ArrayList<>();
        byte[] state = phase.states();
        BufferedWriter out = accounts.missingOut() == null || stopped ? null
                : Files.newBufferedWriter(accounts.missingOut(), StandardCharsets.UTF_8);
        try {
            for (int p = 1; p < state.length; p++) {
                if (state[p] != AccountsPhase.NOT_CREATED && state[p] != AccountsPhase.FAILED) {
                    continue;
                }
                String id = set.id(p);
                if (notCreated.size() < settings.keepFailures()) {
                    int code = state[p] == AccountsPhase.FAILED ? phase.failCode(p) : 30003;
                    notCreated.add(new AccountsReport.Account(id, code, gate == null ? "" : gate.describe(id, p)
                            .replaceFirst("^not sent: ", "")));
                }
                if (out != null) {
                    out.write("{\"UserID\":");
                    out.write(quote(id));
                    out.write("}\n");
                }
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
        Map<Integer, String> meanings = ImportReport.meaningsOf(phase.failedByCode.keySet(), AccountsPhase::meaning);
        return new AccountsReport(accounts.mode(), set.size(), phase.existing, phase.imported,
                phase.existingEarlier + phase.importedEarlier, phase.missing, phase.failed, phase.failedByCode,
                meanings, notCreated, 0, phase.calls[AccountCall.Kind.CHECK.ordinal()],
                phase.calls[AccountCall.Kind.IMPORT.ordinal()], phase.calls[AccountCall.Kind.SINGLE.ordinal()],
                duration, stopped);
    }

    /** {@code text} as a JSON string. */
    static String quote(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
