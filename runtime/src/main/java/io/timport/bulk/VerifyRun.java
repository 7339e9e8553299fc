package io.timport.bulk;

import io.timport.call.FriendImportResponse;
import io.timport.wire.AddFriendItem;
import io.timport.wire.FieldDifference;
import io.timport.wire.ItemType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A verification, start to end: the first reading of every user (or a sample), then rounds of repair, each an import
 * of what was found missing or different through the relations engine, then a second reading of just those
 * relations; at most {@value #MAX_REPAIR_ROUNDS} rounds, and none once a round repaired nothing. Each reading is a
 * {@link VerifyPhase} on its own {@link EngineCore}, run by the production driver {@link ImportRun}; each repair is
 * a {@link RelationsPhase}, as an import.
 *
 * <p>A relation that names an account the accounts phase found not to exist ({@link AccountsMode}: missing and
 * not created, or failed to be created) was not sent by the import, and is not sent by a repair either: the server
 * would refuse it (30003). Found missing or different, it is counted apart ({@link
 * VerificationReport#notRepairedMissingAccount()}) and reported still missing or different. A user that does not
 * exist is not read at all (friend_get would answer 30003): its relations are all counted missing and not repaired,
 * as those naming a missing To_Account are ({@link VerificationReport#missingAccountUsers()}); it is not journaled.
 *
 * <p>The journal (when the run keeps one) records the users found wholly equal, by their group number
 * ({@link UserGroup#index}): a resumed verification skips them, and reads again every user it had not proven, which
 * is cheap, and repairs what it finds again.
 *
 * @param <T> the item type
 */
final class VerifyRun<T extends AddFriendItem> implements VerifyPhase.Outcomes<T> {

    /** The phase's name in events. */
    static final String VERIFICATION = "verification";
    /** No account is known missing: a verification without an accounts phase before it, or one where all exist. */
    static final Predicate<String> NONE_MISSING = account -> false;

    /** The repairs' name on progress lines (they run the relations phase). */
    static final String REPAIR = "repair";
    /** The API of its calls, in events. */
    static final String FRIEND_GET = "friend_get";
    /** Repair rounds at most: a relation lost again by its repair is repaired again. */
    static final int MAX_REPAIR_ROUNDS = 3;

    /** A verification's report, and why it stopped early (or null). */
    record Result(VerificationReport report, EngineCore.Stop stop) {
    }

    private final Verification verification;
    private final ImportSettings settings;
    private final ItemType<T> type;
    private final VerifyPhase.PageSender pages;
    private final RelationSender<T> repairs;
    private final WorkJournal journal;
    private final Ticker ticker;
    private final int keep;
    /** True for an account the accounts phase left not existing: a relation that names it is never repaired. */
    private final Predicate<String> missingAccount;

    // ---- the tally, under the engine's lock
    private boolean firstReading = true;
    private RelationGroups<T> toRepair;
    private long usersInInput;
    private long users;
    private long relations;
    private long equalEarlier;
    private long equal;
    /** What the first reading found missing or different. */
    private final Wrong first = new Wrong();
    private final Map<String, Long> byField = new TreeMap<>();
    /** Users not read because the accounts phase found them not to exist, and their relations. */
    private long missingAccountUsers;
    private long missingAccountRelations;
    private long unreadableUsers;
    private long unreadableRelations;
    private final Map<Integer, Long> unreadableByCode = new TreeMap<>();
    private long repaired;
    private long reimported;
    private long repairCalls;
    private final Map<Integer, Long> repairFailures = new TreeMap<>();
    /**
     * Input positions whose repair the server refused (the engine had already retried what was transient): read back
     * still missing or different, they are reported, not repaired again, since another round would be refused alike.
     */
    private final Set<Long> refused = new HashSet<>();
    /**
     * What the last reading found still wrong, and may be repaired: the first reading's (but those naming an account
     * that does not exist), until a repair round reads again.
     */
    private Wrong lastRound = new Wrong();
    /** Read back still wrong after a refused repair: final, since no later round reads them again. */
    private final Wrong stillRefused = new Wrong();
    /**
     * Found wrong at the first reading, naming an account that does not exist: never repaired (the gate held them
     * back from the import, and a repair would be refused alike), so final at once.
     */
    private final Wrong accountMissing = new Wrong();
    private long calls;

    private VerifyRun(Verification verification, ImportSettings settings, ItemType<T> type,
            VerifyPhase.PageSender pages, RelationSender<T> repairs, WorkJournal journal, Ticker ticker,
            Predicate<String> missingAccount) {
        this.verification = verification;
        this.settings = settings;
        this.type = type;
        this.pages = pages;
        this.repairs = repairs;
        this.journal = journal;
        this.ticker = ticker;
        this.keep = settings.keepFailures();
        this.missingAccount = missingAccount;
    }

    /**
     * Verifies the relations of {@code groups} (and repairs them, when the verification says so), closing the
     * journal at the end.
     *
     * @param repairs sends the repairs; may be null when the verification makes none
     * @param missingAccount true for an account the accounts phase left not existing: a user it names is not read,
     *     a relation that names it is not repaired ({@link #NONE_MISSING} without an accounts phase)
     */
    static <T extends AddFriendItem> Result run(Verification verification, ImportSettings settings, ItemType<T> type,
            RelationGroups<T> groups, VerifyPhase.PageSender pages, RelationSender<T> repairs, WorkJournal journal,
            Ticker ticker, Predicate<String> missingAccount) throws IOException, InterruptedException {
        if (!type.supportsReadBack()) {
            throw new IllegalArgumentException(type.itemClass().getName() + " cannot read friends back from "
                    + "friend_get (a hand-written ItemType): it cannot be verified");
        }
        VerifyRun<T> run = new VerifyRun<>(verification, settings, type, pages, repairs, journal, ticker,
                missingAccount);
        try {
            return run.execute(groups);
        } finally {
            journal.close();
        }
    }

    private Result execute(RelationGroups<T> groups) throws IOException, InterruptedException {
        long start = ticker.nanoTime();
        Iterator<UserGroup<T>> input;
        long total;
        if (verification.mode() == Verification.Mode.SAMPLE) {
            for (Iterator<UserGroup<T>> all = groups.groups(); all.hasNext(); all.next()) {
                usersInInput++;
            }
            Set<Long> chosen = draw(usersInInput, verification.sampleUsers(), verification.seed());
            input = new Filter<>(groups.groups(), chosen);
            total = -1;
        } else {
            input = counting(groups.groups());
            total = groups.relations();
        }
        RelationGroups<T> left = new RelationGroups<>(type, settings.maxBufferedItems(), verification.tempDirectory());
        toRepair = left;
        EngineCore.Stop stop;
        try {
            stop = read(input, total);
            if (verification.repairs()) {
                firstReading = false;
                for (int round = 1; stop == null && round <= MAX_REPAIR_ROUNDS && left.relations() > 0; round++) {
                    stop = repair(left);
                    if (stop != null) {
                        break;
                    }
                    RelationGroups<T> next = new RelationGroups<>(type, settings.maxBufferedItems(),
                            verification.tempDirectory());
                    toRepair = next;
                    long before = repaired;
                    lastRound = new Wrong();
                    stop = read(left.groups(), left.relations());
                    left.close();
                    left = next;
                    if (repaired == before) {
                        break; // nothing came right: another round would not either
                    }
                }
            }
        } finally {
            left.close();
        }
        VerificationReport report = new VerificationReport(verification, usersInInput, users, relations, equalEarlier,
                equal, first.missing, first.different, byField, first.kept, missingAccountUsers,
                missingAccountRelations, unreadableUsers, unreadableRelations, unreadableByCode, repaired, reimported,
                repairCalls, repairFailures,
                accountMissing.missing + accountMissing.different,
                lastRound.missing + stillRefused.missing + accountMissing.missing,
                lastRound.different + stillRefused.different + accountMissing.different, stillWrong(), calls,
                Duration.ofNanos(ticker.nanoTime() - start), stop != null);
        return new Result(report, stop);
    }

    /**
     * The relations left missing or different, as many as are kept: those naming an account that does not exist, the
     * refused repairs', then the last round's.
     */
    private List<RelationMismatch> stillWrong() {
        List<RelationMismatch> still = new ArrayList<>(accountMissing.kept);
        for (List<RelationMismatch> more : List.of(stillRefused.kept, lastRound.kept)) {
            for (RelationMismatch m : more) {
                if (still.size() >= keep) {
                    return still;
                }
                still.add(m);
            }
        }
        return still;
    }

    /** Relations read back missing or different: counted, and the first {@code keep} of them kept for the report. */
    private final class Wrong {
        long missing;
        long different;
        final List<RelationMismatch> kept = new ArrayList<>();

        void add(RelationMismatch mismatch) {
            if (mismatch.kind() == RelationMismatch.Kind.MISSING) {
                missing++;
            } else {
                different++;
            }
            if (kept.size() < keep) {
                kept.add(mismatch);
            }
        }
    }

    /** A reading of {@code input}'s users through the production driver. */
    private EngineCore.Stop read(Iterator<UserGroup<T>> input, long total) throws IOException, InterruptedException {
        Listeners events = new Listeners(settings.listeners());
        ProgressMeter meter = new ProgressMeter(FRIEND_GET, total, ticker.nanoTime(), events);
        meter.journaled(journal != WorkJournal.NONE);
        VerifyPhase<T> phase = new VerifyPhase<>(type, VerifyPhase.policy(settings, new SplittableRandom()), pages,
                journal, meter, this, missingAccount, settings.maxBufferedItems());
        // The model of the server's second guards friend_get's limit as it guards friend_import's (Pacing.WINDOW)
        ServerWindow window = settings.pacing() == Pacing.WINDOW ? ServerWindow.forPace(pages.pace()) : null;
        EngineCore<UserGroup<T>, VerifyCall<T>, io.timport.call.FriendGetPage> core = new EngineCore<>(phase, meter,
                events, settings.maxInFlight(), window,
                new OutageWatch(settings.outageLimit().toNanos(), journal != WorkJournal.NONE));
        EngineCore.Stop stop = new ImportRun<>(core, meter, new Unclosed(journal), settings, events, ticker)
                .execute(input);
        calls += meter.report(ticker.nanoTime(), false).calls();
        return stop;
    }

    /** Imports {@code left}'s relations again, through the relations engine (no journal, no failures file). */
    private EngineCore.Stop repair(RelationGroups<T> left) throws IOException, InterruptedException {
        Listeners events = new Listeners(settings.listeners());
        ProgressMeter meter = new ProgressMeter(ImportListener.FRIEND_IMPORT, left.relations(), ticker.nanoTime(),
                events);
        meter.journaled(false);
        meter.failuresTo(Integer.MAX_VALUE, null); // kept to know which not to repair again; as many as repairs at most
        EngineCore<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse> core = RelationsPhase.engine(
                settings, repairs, WorkJournal.NONE, meter, events, ticker, new SplittableRandom());
        Flatten<T> relations = new Flatten<>(left.groups());
        EngineCore.Stop stop = new ImportRun<>(core, meter, WorkJournal.NONE, settings, events, ticker)
                .labelled(REPAIR).execute(relations);
        ImportReport report = meter.report(ticker.nanoTime(), stop != null);
        reimported += report.imported() + report.failed();
        repairCalls += report.calls();
        report.failuresByCode().forEach((code, n) -> repairFailures.merge(code, n, Long::sum));
        for (ImportFailure failure : report.failures()) {
            refused.add(relations.inputPosition(failure.position()));
        }
        return stop;
    }

    // ------------------------------------------------------------------ outcomes, under the engine's lock

    @Override
    public void read(UserGroup<T> group, int equalCount, List<VerifyPhase.Mismatch<T>> mismatches) {
        if (firstReading) {
            users++;
            relations += group.size;
            equal += equalCount;
        } else {
            repaired += equalCount;
        }
        for (VerifyPhase.Mismatch<T> m : mismatches) {
            UserGroup.Expected<T> e = m.expected();
            RelationMismatch mismatch = new RelationMismatch(group.from, e.item().toAccount(), e.position(),
                    m.missing() ? RelationMismatch.Kind.MISSING : RelationMismatch.Kind.DIFFERS,
                    m.missing() ? List.of() : m.differences());
            if (firstReading) {
                first.add(mismatch);
                for (FieldDifference d : mismatch.differences()) { // none for a missing one
                    byField.merge(d.field(), 1L, Long::sum);
                }
            }
            boolean repairable = false;
            // the From_Account exists: VerifyPhase does not read a user that does not
            if (firstReading && missingAccount.test(e.item().toAccount())) {
                accountMissing.add(mismatch); // never repaired, so never read again: final
            } else if (refused.contains(e.position())) {
                stillRefused.add(mismatch);
            } else {
                lastRound.add(mismatch);
                repairable = true;
            }
            if (verification.repairs() && repairable) {
                toRepair.add(group.from, e.position(), group.index, e.item());
            }
        }
    }

    @Override
    public void unreadable(UserGroup<T> group, int code, String info) {
        if (firstReading) {
            users++;
            relations += group.size;
        }
        unreadableUsers++;
        unreadableRelations += group.size;
        unreadableByCode.merge(code, 1L, Long::sum);
    }

    @Override
    public void accountMissing(UserGroup<T> group) {
        // only at the first reading: a repair never names the user, so no later reading offers it
        users++;
        relations += group.size;
        missingAccountUsers++;
        missingAccountRelations += group.size;
        for (UserGroup.Expected<T> e : group.expected.values()) {
            RelationMismatch mismatch = new RelationMismatch(group.from, e.item().toAccount(), e.position(),
                    RelationMismatch.Kind.MISSING, List.of());
            first.add(mismatch);
            accountMissing.add(mismatch); // never repaired: final
        }
    }

    @Override
    public void equalEarlier(UserGroup<T> group) {
        users++;
        relations += group.size;
        equalEarlier += group.size;
    }

    // ------------------------------------------------------------------ helpers

    /** {@code n} distinct numbers of 1..{@code of}, drawn with {@code seed} (Floyd's algorithm); all when n ≥ of. */
    static Set<Long> draw(long of, int n, long seed) {
        Set<Long> chosen = new HashSet<>();
        if (n >= of) {
            for (long i = 1; i <= of; i++) {
                chosen.add(i);
            }
            return chosen;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (long j = of - n + 1; j <= of; j++) {
            long t = random.nextLong(j) + 1;
            chosen.add(chosen.contains(t) ? j : t);
        }
        return chosen;
    }

    private Iterator<UserGroup<T>> counting(Iterator<UserGroup<T>> groups) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return groups.hasNext();
            }

            @Override
            public UserGroup<T> next() {
                UserGroup<T> g = groups.next();
                usersInInput++; // on the reader's thread; read once the run is over
                return g;
            }
        };
    }

    /** The groups whose number was drawn. */
    private static final class Filter<T extends AddFriendItem> implements Iterator<UserGroup<T>> {
        private final Iterator<UserGroup<T>> groups;
        private final Set<Long> chosen;
        private UserGroup<T> next;

        Filter(Iterator<UserGroup<T>> groups, Set<Long> chosen) {
            this.groups = groups;
            this.chosen = chosen;
        }

        @Override
        public boolean hasNext() {
            while (next == null && groups.hasNext()) {
                UserGroup<T> g = groups.next();
                if (chosen.contains(g.index)) {
                    next = g;
                }
            }
            return next != null;
        }

        @Override
        public UserGroup<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            UserGroup<T> g = next;
            next = null;
            return g;
        }
    }

    /** The relations of the groups, one record each, user after user. */
    private static final class Flatten<T extends AddFriendItem> implements Iterator<ImportRecord<? extends T>> {
        private final Iterator<UserGroup<T>> groups;
        /** The input position of each record handed out, in order: the run numbers them 1, 2, 3... */
        private final List<Long> positions = new ArrayList<>();
        private String from;
        private Iterator<UserGroup.Expected<T>> current = java.util.Collections.emptyIterator();

        Flatten(Iterator<UserGroup<T>> groups) {
            this.groups = groups;
        }

        /** The input position of the {@code n}-th record handed out (1-based, as the run numbers them). */
        long inputPosition(long n) {
            return positions.get((int) (n - 1));
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && groups.hasNext()) {
                UserGroup<T> g = groups.next();
                from = g.from;
                current = g.expected.values().iterator();
            }
            return current.hasNext();
        }

        @Override
        public ImportRecord<? extends T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            UserGroup.Expected<T> e = current.next();
            positions.add(e.position());
            return ImportRecord.of(from, e.item(), "record " + e.position());
        }
    }

    /** The run's journal, left open by each reading's driver (it closes the journal it is given). */
    private static final class Unclosed implements WorkJournal {
        private final WorkJournal journal;

        Unclosed(WorkJournal journal) {
            this.journal = journal;
        }

        @Override
        public PriorWork earlier() {
            return journal.earlier();
        }

        @Override
        public void record(long[] done, int count, List<FailedPosition> failed) {
            journal.record(done, count, failed);
        }

        @Override
        public void flush() throws IOException {
            journal.flush();
        }

        @Override
        public void close() throws IOException {
            journal.flush();
        }
    }
}
