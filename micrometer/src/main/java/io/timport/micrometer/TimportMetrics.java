package io.timport.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.timport.bulk.ImportFailure;
import io.timport.bulk.ImportProgress;
import io.timport.bulk.ImportReport;
import io.timport.bulk.ProgressListener;
import io.timport.errors.ErrorCatalogue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for timport imports: calls, throttled answers, relations by outcome and by error code, calls in
 * flight, the pace, and the progress of each phase. Bind it to a registry and give each importer its
 * {@link #progressListener()}:
 *
 * <pre>{@code
 * TimportMetrics metrics = new TimportMetrics();
 * metrics.bindTo(registry);
 * GameFriendImporter importer = GameFriendImporter.builder(client).progress(metrics.progressListener()).build();
 * ImportReport report = importer.run(records);
 * metrics.recordFailures(report);   // failed relations by error code
 * }</pre>
 *
 * <table>
 *   <caption>Meters (tags in brackets)</caption>
 *   <tr><th>name</th><th>type</th><th>what</th></tr>
 *   <tr><td>{@value #CALLS} [api]</td><td>counter</td><td>calls sent</td></tr>
 *   <tr><td>{@value #CALLS_THROTTLED} [api]</td><td>counter</td><td>answers saying the app is over its call rate</td></tr>
 *   <tr><td>{@value #CALLS_RETRIED} [api]</td><td>counter</td><td>calls that sent items again after a transient error</td></tr>
 *   <tr><td>{@value #CALLS_ACTIVE} [api]</td><td>gauge</td><td>calls awaiting their answer</td></tr>
 *   <tr><td>{@value #PACE} [api]</td><td>gauge</td><td>calls per second, over the last seconds</td></tr>
 *   <tr><td>{@value #RELATIONS} [phase, outcome]</td><td>counter</td><td>relations imported, failed or skipped</td></tr>
 *   <tr><td>{@value #RELATIONS_FAILED} [phase, code]</td><td>counter</td><td>failed relations by error code</td></tr>
 *   <tr><td>{@value #PHASE_ACTIVE} [phase]</td><td>gauge</td><td>runs of the phase in progress</td></tr>
 *   <tr><td>{@value #PHASE_PROGRESS} [phase]</td><td>gauge</td><td>fraction of the expected records done</td></tr>
 *   <tr><td>{@value #PHASE_REMAINING} [phase]</td><td>time gauge</td><td>estimated time left</td></tr>
 * </table>
 *
 * <p>Tag values come from small fixed sets (API names, phases, outcomes, the error catalogue's codes), never from
 * accounts or input: the number of time series does not grow with the import.
 *
 * <p>The meters read counts kept here, so one instance can be bound to several registries, before or after imports
 * start; binding twice to one registry changes nothing. A registry keeps the binder (and its counts) for as long as
 * the registry lives. Thread-safe.
 */
public final class TimportMetrics implements MeterBinder {

    /** Calls sent, by API. */
    public static final String CALLS = "timport.calls";
    /** Answers that said the app is over its call rate, by API. */
    public static final String CALLS_THROTTLED = "timport.calls.throttled";
    /** Calls that sent items again after a transient error, by API. */
    public static final String CALLS_RETRIED = "timport.calls.retried";
    /** Calls awaiting their answer, by API. */
    public static final String CALLS_ACTIVE = "timport.calls.active";
    /** Calls per second over the last seconds, by API. */
    public static final String PACE = "timport.pace";
    /** Relations settled, by phase and outcome. */
    public static final String RELATIONS = "timport.relations";
    /** Relations that failed, by phase and error code. */
    public static final String RELATIONS_FAILED = "timport.relations.failed";
    /** Runs in progress, by phase. */
    public static final String PHASE_ACTIVE = "timport.phase.active";
    /** Fraction of the expected records done, by phase. */
    public static final String PHASE_PROGRESS = "timport.phase.progress";
    /** Estimated time left, by phase. */
    public static final String PHASE_REMAINING = "timport.phase.remaining";

    /** The {@code api} tag of friend_import calls. */
    public static final String API_FRIEND_IMPORT = "friend_import";
    /** The {@code phase} tag of the relations phase (friend_import). */
    public static final String PHASE_RELATIONS = "relations";

    /** {@code outcome} of a relation the server accepted. */
    public static final String OUTCOME_IMPORTED = "imported";
    /** {@code outcome} of a relation that failed for good (rejected, given up, invalid input). */
    public static final String OUTCOME_FAILED = "failed";
    /** {@code outcome} of a relation not sent: completed by an earlier run, or superseded by a later record. */
    public static final String OUTCOME_SKIPPED = "skipped";

    /** {@code code} of an invalid input record, never sent. */
    public static final String CODE_INPUT = "input";
    /** {@code code} of a relation that got no usable answer (network error, timeout, HTTP 5xx) in any attempt. */
    public static final String CODE_NO_ANSWER = "no_answer";
    /** {@code code} of a code the error catalogue does not know (the report has the number). */
    public static final String CODE_OTHER = "other";

    /** The engine's code for "no usable answer" (not public in the runtime). */
    private static final int NO_ANSWER = -2;

    private static final String[] OUTCOMES = {OUTCOME_IMPORTED, OUTCOME_FAILED, OUTCOME_SKIPPED};

    private final Tags tags;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> throttled = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> retried = new ConcurrentHashMap<>();
    /** Keyed by phase + '\0' + outcome. */
    private final Map<String, AtomicLong> relations = new ConcurrentHashMap<>();
    /** Keyed by phase + '\0' + code tag; grows by the codes that occur, registered on first use. */
    private final Map<String, AtomicLong> failedByCode = new ConcurrentHashMap<>();
    /** Every listener handed out, while its importer lives. */
    private final Set<RunTracker> trackers = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private volatile double lastProgress = Double.NaN;

    /** Meters without extra tags. */
    public TimportMetrics() {
        this(Tags.empty());
    }

    /** Meters with {@code tags} added to each (for example the app or the environment). */
    public TimportMetrics(Iterable<Tag> tags) {
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
        calls.put(API_FRIEND_IMPORT, new AtomicLong());
        throttled.put(API_FRIEND_IMPORT, new AtomicLong());
        retried.put(API_FRIEND_IMPORT, new AtomicLong());
        for (String outcome : OUTCOMES) {
            relations.put(key(PHASE_RELATIONS, outcome), new AtomicLong());
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        synchronized (failedByCode) {
            for (MeterRegistry bound : registries) {
                if (bound == registry) {
                    return; // bound already
                }
            }
            registries.add(registry);
        }
        for (String api : calls.keySet()) {
            Tags apiTags = tags.and("api", api);
            counter(registry, CALLS, "Calls sent", apiTags, calls.get(api));
            counter(registry, CALLS_THROTTLED, "Answers saying the app is over its call rate (each call is retried)",
                    apiTags, throttled.get(api));
            counter(registry, CALLS_RETRIED, "Calls that sent items again after a transient error", apiTags,
                    retried.get(api));
            Gauge.builder(CALLS_ACTIVE, this, m -> m.sum(api, RunTracker::inFlight))
                    .tags(apiTags).description("Calls awaiting their answer").strongReference(true).register(registry);
            Gauge.builder(PACE, this, m -> m.sum(api, RunTracker::pace))
                    .tags(apiTags).description("Calls per second over the last seconds, of the imports running")
                    .strongReference(true).register(registry);
        }
        relations.forEach((key, count) -> registerRelations(registry, key, count));
        failedByCode.forEach((key, count) -> registerFailed(registry, key, count));
        Tags phaseTags = tags.and("phase", PHASE_RELATIONS);
        Gauge.builder(PHASE_ACTIVE, this, m -> m.activeRuns())
                .tags(phaseTags).description("Runs of the phase in progress").strongReference(true).register(registry);
        Gauge.builder(PHASE_PROGRESS, this, TimportMetrics::progress)
                .tags(phaseTags)
                .description("Fraction of the expected records done, 0 to 1, of the runs in progress (the last run's "
                        + "when none is); NaN when the total is not known")
                .strongReference(true).register(registry);
        TimeGauge.builder(PHASE_REMAINING, this, TimeUnit.SECONDS, TimportMetrics::remainingSeconds)
                .tags(phaseTags)
                .description("Estimated time left of the runs in progress; NaN when not known")
                .strongReference(true).register(registry);
    }

    /**
     * A new listener for one importer ({@code builder.progress(metrics.progressListener())}): it turns the
     * importer's progress snapshots into counts. One listener follows one run at a time; give each importer its own.
     */
    public ProgressListener progressListener() {
        RunTracker tracker = new RunTracker();
        trackers.add(tracker);
        return tracker;
    }

    /**
     * Counts the report's failed relations by error code ({@value #RELATIONS_FAILED}). Call it once per run, with
     * the report {@code run} returned or {@link io.timport.bulk.ImportAbortedException#report()}.
     *
     * @return the report
     */
    public ImportReport recordFailures(ImportReport report) {
        Objects.requireNonNull(report, "report");
        report.failuresByCode().forEach((code, n) -> failedCounter(PHASE_RELATIONS, codeTag(code)).addAndGet(n));
        return report;
    }

    /**
     * The {@code code} tag of an error code: the code itself for the codes the error catalogue knows,
     * {@value #CODE_INPUT} for invalid input, {@value #CODE_NO_ANSWER} when no usable answer came, and
     * {@value #CODE_OTHER} for any other number, so that the tag's values stay a small fixed set.
     */
    public static String codeTag(int code) {
        if (code == ImportFailure.INVALID_INPUT) {
            return CODE_INPUT;
        }
        if (code == NO_ANSWER) {
            return CODE_NO_ANSWER;
        }
        return ErrorCatalogue.isKnown(code) ? Integer.toString(code) : CODE_OTHER;
    }

    // ------------------------------------------------------------------------------------------------------------

    private void relationsSettled(String phase, String outcome, long n) {
        if (n > 0) {
            relations.get(key(phase, outcome)).addAndGet(n);
        }
    }

    private AtomicLong failedCounter(String phase, String code) {
        String key = key(phase, code);
        AtomicLong count = failedByCode.get(key);
        if (count != null) {
            return count;
        }
        synchronized (failedByCode) {
            count = failedByCode.get(key);
            if (count == null) {
                count = new AtomicLong();
                failedByCode.put(key, count);
                for (MeterRegistry registry : registries) {
                    registerFailed(registry, key, count);
                }
            }
            return count;
        }
    }

    private void registerRelations(MeterRegistry registry, String key, AtomicLong count) {
        String[] parts = key.split("\0", 2);
        counter(registry, RELATIONS, "Relations settled: imported, failed, or skipped (completed by an earlier run or "
                + "superseded by a later record)", tags.and("phase", parts[0], "outcome", parts[1]), count);
    }

    private void registerFailed(MeterRegistry registry, String key, AtomicLong count) {
        String[] parts = key.split("\0", 2);
        counter(registry, RELATIONS_FAILED, "Relations that failed, by error code",
                tags.and("phase", parts[0], "code", parts[1]), count);
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags, AtomicLong count) {
        FunctionCounter.builder(name, count, AtomicLong::doubleValue).tags(tags).description(description)
                .register(registry);
    }

    private static String key(String a, String b) {
        return a + '\0' + b;
    }

    private List<RunTracker> trackers() {
        synchronized (trackers) {
            return new ArrayList<>(trackers);
        }
    }

    /** Every tracker follows friend_import calls (the only API the engine calls yet), so {@code api} selects all. */
    private double sum(String api, ToDoubleFunction<RunTracker> value) {
        double sum = 0;
        for (RunTracker t : trackers()) {
            sum += value.applyAsDouble(t);
        }
        return sum;
    }

    private int activeRuns() {
        int n = 0;
        for (RunTracker t : trackers()) {
            n += t.running() ? 1 : 0;
        }
        return n;
    }

    private double progress() {
        long done = 0;
        long total = 0;
        int running = 0;
        for (RunTracker t : trackers()) {
            ImportProgress p = t.runningSnapshot();
            if (p != null) {
                running++;
                if (p.total() < 0) {
                    return Double.NaN;
                }
                done += p.done();
                total += p.total();
            }
        }
        if (running == 0) {
            return lastProgress;
        }
        return total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }

    private static double fraction(ImportProgress p) {
        return p.total() < 0 ? Double.NaN : p.total() == 0 ? 1.0 : Math.min(1.0, (double) p.done() / p.total());
    }

    private double remainingSeconds() {
        double most = Double.NaN;
        for (RunTracker t : trackers()) {
            ImportProgress p = t.runningSnapshot();
            if (p != null) {
                if (p.eta() == null) {
                    return Double.NaN;
                }
                double seconds = p.eta().toNanos() / 1e9;
                most = Double.isNaN(most) ? seconds : Math.max(most, seconds);
            }
        }
        return most;
    }

    /**
     * Follows the runs of one importer through its progress snapshots and adds what changed to the counts. A
     * snapshot whose figures are lower than the last one's starts a new run (the importer ran again).
     */
    private final class RunTracker implements ProgressListener {
        private ImportProgress last;
        private long finishedAt;
        private boolean running;

        @Override
        public synchronized void onProgress(ImportProgress p) {
            ImportProgress before = last;
            if (before != null && before.finished()) {
                // After a run's final snapshot: a snapshot of a run that began since then is a new run; any other is
                // a late one of the finished run (its timer raced the final snapshot) and changes nothing.
                if (p.elapsed().toNanos() > System.nanoTime() - finishedAt) {
                    return;
                }
                before = null;
            } else if (before != null && isEarlier(p, before)) {
                before = null; // a new run after one that never finished (it was interrupted)
            }
            add(calls, p.calls() - (before == null ? 0 : before.calls()));
            add(throttled, p.throttled() - (before == null ? 0 : before.throttled()));
            add(retried, p.retries() - (before == null ? 0 : before.retries()));
            relationsSettled(PHASE_RELATIONS, OUTCOME_IMPORTED, p.imported() - (before == null ? 0 : before.imported()));
            relationsSettled(PHASE_RELATIONS, OUTCOME_FAILED, p.failed() - (before == null ? 0 : before.failed()));
            relationsSettled(PHASE_RELATIONS, OUTCOME_SKIPPED, p.skipped() - (before == null ? 0 : before.skipped()));
            last = p;
            running = !p.finished();
            if (p.finished()) {
                finishedAt = System.nanoTime();
                lastProgress = fraction(p);
            }
        }

        private void add(Map<String, AtomicLong> counts, long delta) {
            if (delta > 0) {
                counts.get(API_FRIEND_IMPORT).addAndGet(delta);
            }
        }

        private boolean isEarlier(ImportProgress p, ImportProgress before) {
            return p.elapsed().compareTo(before.elapsed()) < 0 || p.calls() < before.calls()
                    || p.recordsRead() < before.recordsRead() || p.done() < before.done();
        }

        synchronized boolean running() {
            return running;
        }

        synchronized ImportProgress runningSnapshot() {
            return running ? last : null;
        }

        synchronized double inFlight() {
            return running ? last.inFlight() : 0;
        }

        synchronized double pace() {
            return running ? last.callsPerSecond() : 0;
        }
    }
}
