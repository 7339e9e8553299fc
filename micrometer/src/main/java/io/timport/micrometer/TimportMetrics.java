package io.timport.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.timport.bulk.ImportFailure;
import io.timport.bulk.ImportListener;
import io.timport.bulk.ImportProgress;
import io.timport.bulk.RelationOutcome;
import io.timport.call.ChatApi;
import io.timport.errors.ErrorCatalogue;
import io.timport.errors.ErrorClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Micrometer meters for timport imports: calls by API and outcome, throttled answers, relations by outcome and by
 * error code, calls in flight, the pace, and the progress of each phase. Bind it to a registry and give each importer
 * its own {@link #listener()}:
 *
 * <pre>{@code
 * TimportMetrics metrics = new TimportMetrics();
 * metrics.bindTo(registry);
 * GameFriendImporter importer = GameFriendImporter.builder(client).listener(metrics.listener()).build();
 * ImportReport report = importer.run(records);   // the meters count as the import goes
 * }</pre>
 *
 * <table>
 *   <caption>Meters (tags in brackets)</caption>
 *   <tr><th>name</th><th>type</th><th>what</th></tr>
 *   <tr><td>{@value #CALLS} [api, outcome]</td><td>counter</td><td>calls answered, by what the answer said</td></tr>
 *   <tr><td>{@value #CALLS_THROTTLED} [api]</td><td>counter</td><td>answers saying the app is over its call rate</td></tr>
 *   <tr><td>{@value #CALLS_RETRIED} [api]</td><td>counter</td><td>calls that sent items again after a transient error</td></tr>
 *   <tr><td>{@value #CALLS_ACTIVE} [api]</td><td>gauge</td><td>calls awaiting their answer</td></tr>
 *   <tr><td>{@value #PACE} [api]</td><td>gauge</td><td>the pace calls are sent at, calls per second</td></tr>
 *   <tr><td>{@value #RELATIONS} [phase, outcome]</td><td>counter</td><td>relations imported, failed or skipped</td></tr>
 *   <tr><td>{@value #RELATIONS_FAILED} [phase, code]</td><td>counter</td><td>failed relations by error code</td></tr>
 *   <tr><td>{@value #PHASE_ACTIVE} [phase]</td><td>gauge</td><td>runs of the phase in progress</td></tr>
 *   <tr><td>{@value #PHASE_PROGRESS} [phase]</td><td>gauge</td><td>fraction of the expected records done</td></tr>
 *   <tr><td>{@value #PHASE_REMAINING} [phase]</td><td>time gauge</td><td>estimated time left</td></tr>
 * </table>
 *
 * <p><b>Where the figures come from.</b> The listener receives the engine's {@link ImportListener} events as they
 * happen: each answer ({@code callAnswered}) counts one call under its outcome, each settled batch of relations
 * ({@code relationsSettled}) counts them by outcome and failure code, {@code inFlight} and {@code pace} set the gauges,
 * and {@code phaseStarted}, {@code phaseProgress} and {@code phaseEnded} follow each phase. At the end of a run the
 * counts equal its {@link io.timport.bulk.ImportReport}: {@value #CALLS} summed over outcomes is
 * {@code calls()}, {@value #CALLS_THROTTLED} is {@code throttled()}, {@value #CALLS_RETRIED} is {@code retries()},
 * {@value #RELATIONS} is {@code imported()}, {@code failed()} and {@code superseded() + skippedEarlier()}, and
 * {@value #RELATIONS_FAILED} is {@code failuresByCode()}.
 *
 * <p>The counters add every event of every run, whatever runs at once. The gauges of one listener follow the runs of
 * its importer: give each importer its own listener. Two imports at once on one importer are both counted in
 * {@value #PHASE_ACTIVE}, but share their {@value #CALLS_ACTIVE} and {@value #PHASE_PROGRESS} figures (the latest
 * event wins).
 *
 * <p>Tag values come from small fixed sets (the Chat APIs, the engine's phases, outcomes, error classes, the error
 * catalogue's codes), never from accounts or input: the number of time series does not grow with the import. The
 * meters of an API or a phase appear with its first event; those of {@code friend_import} and {@code relations} are
 * there from the start.
 *
 * <p>The meters read counts kept here, so one instance can be bound to several registries, before or after imports
 * start; binding twice to one registry changes nothing. A registry keeps the binder (and its counts) for as long as
 * the registry lives. Thread-safe.
 */
public final class TimportMetrics implements MeterBinder {

    /** Calls answered, by API and outcome. */
    public static final String CALLS = "timport.calls";
    /** Answers that said the app is over its call rate, by API. */
    public static final String CALLS_THROTTLED = "timport.calls.throttled";
    /** Calls that sent items again after a transient error, by API. */
    public static final String CALLS_RETRIED = "timport.calls.retried";
    /** Calls awaiting their answer, by API. */
    public static final String CALLS_ACTIVE = "timport.calls.active";
    /** The pace calls are sent at (the rate limiter's), in calls per second, by API. */
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
    public static final String API_FRIEND_IMPORT = ImportListener.FRIEND_IMPORT;
    /** The {@code phase} tag of the relations phase (friend_import). */
    public static final String PHASE_RELATIONS = ImportListener.RELATIONS;
    /** The {@code api} or {@code phase} tag of a name outside the fixed set (never expected: a guard). */
    public static final String OTHER = "other";

    /** {@code outcome} of a relation the server accepted. */
    public static final String OUTCOME_IMPORTED = "imported";
    /** {@code outcome} of a relation that failed for good (rejected, given up, invalid input, failed earlier). */
    public static final String OUTCOME_FAILED = "failed";
    /** {@code outcome} of a relation not sent: completed by an earlier run, or superseded by a later record. */
    public static final String OUTCOME_SKIPPED = "skipped";

    /** {@code code} of an invalid input record, never sent. */
    public static final String CODE_INPUT = "input";
    /** {@code code} of a relation that got no usable answer (network error, timeout, HTTP 5xx) in any attempt. */
    public static final String CODE_NO_ANSWER = "no_answer";
    /** {@code code} of a code the error catalogue does not know (the report has the number). */
    public static final String CODE_OTHER = "other";

    /** The most distinct phases tagged; beyond them (never expected: the engine has a few) the tag is "other". */
    static final int MAX_PHASES = 16;
    private static final Pattern PHASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final String[] RELATION_OUTCOMES = {OUTCOME_IMPORTED, OUTCOME_FAILED, OUTCOME_SKIPPED};

    private final Tags tags;

    /** Guards {@link #registries} and {@link #meters}: every meter goes to every registry bound. */
    private final Object lock = new Object();
    private final List<MeterRegistry> registries = new ArrayList<>();
    private final List<Consumer<MeterRegistry>> meters = new ArrayList<>();

    private final Map<String, ApiCounts> apis = new ConcurrentHashMap<>();
    private final Map<String, PhaseCounts> phases = new ConcurrentHashMap<>();
    /** Every listener handed out, while its importer lives. */
    private final Set<Tracker> trackers = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** Meters without extra tags. */
    public TimportMetrics() {
        this(Tags.empty());
    }

    /**
     * Meters with {@code tags} added to each (for example the app or the environment).
     *
     * @param tags the tags to add to every meter, such as {@code Tags.of("app", "game")} (not null)
     */
    public TimportMetrics(Iterable<Tag> tags) {
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
        api(API_FRIEND_IMPORT);
        phase(PHASE_RELATIONS);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        synchronized (lock) {
            for (MeterRegistry bound : registries) {
                if (bound == registry) {
                    return; // bound already
                }
            }
            registries.add(registry);
            for (Consumer<MeterRegistry> meter : meters) {
                meter.accept(registry);
            }
        }
    }

    /**
     * A new listener for one importer ({@code builder.listener(metrics.listener())}): it turns the importer's events
     * into counts and gauges. Give each importer its own (see the class comment).
     *
     * @return a new listener feeding this object's meters; never shared with another importer
     */
    public ImportListener listener() {
        Tracker tracker = new Tracker();
        trackers.add(tracker);
        return tracker;
    }

    /**
     * The {@code code} tag of an error code: the code itself for the codes the error catalogue knows,
     * {@value #CODE_INPUT} for invalid input, {@value #CODE_NO_ANSWER} when no usable answer came, and
     * {@value #CODE_OTHER} for any other number, so that the tag's values stay a small fixed set.
     *
     * @param code an {@code ErrorCode}, a {@code ResultCode} or one of {@link ImportFailure}'s own codes
     * @return the tag value: the decimal code, {@value #CODE_INPUT}, {@value #CODE_NO_ANSWER} or {@value #CODE_OTHER}
     */
    public static String codeTag(int code) {
        if (code == ImportFailure.INVALID_INPUT) {
            return CODE_INPUT;
        }
        if (code == ImportFailure.NO_ANSWER) {
            return CODE_NO_ANSWER;
        }
        return ErrorCatalogue.isKnown(code) ? Integer.toString(code) : CODE_OTHER;
    }

    /**
     * The {@code outcome} tag of a call's answer: its error class in lower case ({@code ok}, {@code transient},
     * {@code throttled}, {@code resign}, {@code wait_then_retry}, {@code permanent}, {@code fatal_config},
     * {@code client_bug}, {@code unknown}). {@code ok} is an answer with per-item results, some of which may have
     * failed.
     *
     * @param outcome the error class of the call's answer (not null)
     * @return the tag value, the class's name in lower case
     */
    public static String outcomeTag(ErrorClass outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code outcome} tag of a settled relation: {@value #OUTCOME_IMPORTED}, {@value #OUTCOME_FAILED} or {@value #OUTCOME_SKIPPED}.
     *
     * @param outcome the relation's outcome (not null)
     * @return the tag value: {@value #OUTCOME_IMPORTED}, {@value #OUTCOME_FAILED} or {@value #OUTCOME_SKIPPED}
     */
    public static String outcomeTag(RelationOutcome outcome) {
        if (outcome == RelationOutcome.IMPORTED) {
            return OUTCOME_IMPORTED;
        }
        return outcome.isFailure() ? OUTCOME_FAILED : OUTCOME_SKIPPED;
    }

    /** The {@code api} tag: a Chat API's name ({@link ChatApi#apiName()}), else {@value #OTHER}. */
    static String apiTag(String api) {
        for (ChatApi known : ChatApi.values()) {
            if (known.apiName().equals(api)) {
                return api;
            }
        }
        return OTHER;
    }

    // ------------------------------------------------------------------------------------------------ the counts

    /** The counts of one API, its meters registered with its first event. */
    private ApiCounts api(String api) {
        String tag = apiTag(api);
        ApiCounts counts = apis.get(tag);
        if (counts != null) {
            return counts;
        }
        synchronized (lock) {
            return apis.computeIfAbsent(tag, this::newApi);
        }
    }

    /** Lock held. */
    private ApiCounts newApi(String api) {
        ApiCounts counts = new ApiCounts(api);
        Tags apiTags = tags.and("api", api);
        for (ErrorClass outcome : ErrorClass.values()) {
            AtomicLong n = counts.answered.get(outcome);
            register(r -> counter(r, CALLS, "Calls answered, by what the answer said: ok (per-item results), or the "
                    + "error class of the request-level error or of the failure to get an answer",
                    apiTags.and("outcome", outcomeTag(outcome)), n));
        }
        register(r -> counter(r, CALLS_THROTTLED, "Answers saying the app is over its call rate (each call is retried)",
                apiTags, counts.throttled));
        register(r -> counter(r, CALLS_RETRIED, "Calls that sent items again after a transient error", apiTags,
                counts.retried));
        register(r -> Gauge.builder(CALLS_ACTIVE, this, m -> m.inFlight(api)).tags(apiTags)
                .description("Calls awaiting their answer").strongReference(true).register(r));
        register(r -> Gauge.builder(PACE, this, m -> m.pace(api)).tags(apiTags)
                .description("The pace calls are sent at (their rate limiter's), in calls per second, of the imports "
                        + "running; 0 when none runs").strongReference(true).register(r));
        return counts;
    }

    /**
     * The counts of one phase, its meters registered with its first event. A name that is not a plain lower-case
     * word, or one beyond {@value #MAX_PHASES} phases, counts as {@value #OTHER}: the engine's phase names are a few
     * constants, and this only keeps a mistake from growing the time series.
     */
    private PhaseCounts phase(String phase) {
        PhaseCounts counts = phases.get(phase);
        if (counts != null) {
            return counts;
        }
        synchronized (lock) {
            counts = phases.get(phase);
            if (counts != null) {
                return counts;
            }
            boolean fits = PHASE_NAME.matcher(phase).matches() && phases.size() < MAX_PHASES - 1;
            return phases.computeIfAbsent(fits ? phase : OTHER, this::newPhase);
        }
    }

    /** Lock held. */
    private PhaseCounts newPhase(String phase) {
        PhaseCounts counts = new PhaseCounts(phase);
        Tags phaseTags = tags.and("phase", phase);
        if (phase.equals(PHASE_RELATIONS)) {
            for (String outcome : RELATION_OUTCOMES) {
                AtomicLong n = counts.relations.get(outcome);
                register(r -> counter(r, RELATIONS, "Relations settled: imported, failed, or skipped (completed by an "
                        + "earlier run or superseded by a later record)", phaseTags.and("outcome", outcome), n));
            }
        }
        register(r -> Gauge.builder(PHASE_ACTIVE, this, m -> m.activeRuns(phase)).tags(phaseTags)
                .description("Runs of the phase in progress").strongReference(true).register(r));
        register(r -> Gauge.builder(PHASE_PROGRESS, this, m -> m.progress(phase)).tags(phaseTags)
                .description("Fraction of the expected records done, 0 to 1, of the runs in progress (the last run's "
                        + "when none is); NaN when the total is not known")
                .strongReference(true).register(r));
        register(r -> TimeGauge.builder(PHASE_REMAINING, this, TimeUnit.SECONDS, m -> m.remainingSeconds(phase))
                .tags(phaseTags).description("Estimated time left of the runs in progress; NaN when not known")
                .strongReference(true).register(r));
        return counts;
    }

    private AtomicLong failedCounter(PhaseCounts phase, String code) {
        AtomicLong count = phase.failedByCode.get(code);
        if (count != null) {
            return count;
        }
        synchronized (lock) {
            return phase.failedByCode.computeIfAbsent(code, c -> {
                AtomicLong n = new AtomicLong();
                register(r -> counter(r, RELATIONS_FAILED, "Relations that failed, by error code",
                        tags.and("phase", phase.name, "code", c), n));
                return n;
            });
        }
    }

    /** Lock held: registers a meter now in every registry bound, and later in every registry bound then. */
    private void register(Consumer<MeterRegistry> meter) {
        meters.add(meter);
        for (MeterRegistry registry : registries) {
            meter.accept(registry);
        }
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags, AtomicLong count) {
        FunctionCounter.builder(name, count, AtomicLong::doubleValue).tags(tags).description(description)
                .register(registry);
    }

    // ------------------------------------------------------------------------------------------------ the gauges

    private List<Tracker> trackers() {
        synchronized (trackers) {
            return new ArrayList<>(trackers);
        }
    }

    private double inFlight(String api) {
        double sum = 0;
        for (Tracker t : trackers()) {
            sum += t.inFlight(api);
        }
        return sum;
    }

    /** The highest pace of the runs in progress: importers of one app share one limiter per API by default. */
    private double pace(String api) {
        double most = 0;
        for (Tracker t : trackers()) {
            most = Math.max(most, t.pace(api));
        }
        return most;
    }

    private int activeRuns(String phase) {
        int n = 0;
        for (Tracker t : trackers()) {
            n += t.running(phase);
        }
        return n;
    }

    private double progress(String phase) {
        long done = 0;
        long total = 0;
        int running = 0;
        for (Tracker t : trackers()) {
            ImportProgress p = t.snapshot(phase);
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
            return phase(phase).lastProgress;
        }
        return total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }

    private static double fraction(ImportProgress p) {
        return p.total() < 0 ? Double.NaN : p.total() == 0 ? 1.0 : Math.min(1.0, (double) p.done() / p.total());
    }

    private double remainingSeconds(String phase) {
        double most = Double.NaN;
        for (Tracker t : trackers()) {
            ImportProgress p = t.snapshot(phase);
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

    /** The counts of one API. */
    private static final class ApiCounts {
        final String name;
        final Map<ErrorClass, AtomicLong> answered = new EnumMap<>(ErrorClass.class);
        final AtomicLong throttled = new AtomicLong();
        final AtomicLong retried = new AtomicLong();

        ApiCounts(String name) {
            this.name = name;
            for (ErrorClass outcome : ErrorClass.values()) {
                answered.put(outcome, new AtomicLong());
            }
        }
    }

    /** The counts of one phase. */
    private static final class PhaseCounts {
        final String name;
        final Map<String, AtomicLong> relations = new HashMap<>();
        final Map<String, AtomicLong> failedByCode = new ConcurrentHashMap<>();
        volatile double lastProgress = Double.NaN;

        PhaseCounts(String name) {
            this.name = name;
            for (String outcome : RELATION_OUTCOMES) {
                relations.put(outcome, new AtomicLong());
            }
        }
    }

    /**
     * The listener of one importer: counts each event at once, and keeps what the gauges show of its runs (the calls
     * in flight, the pace, the phases running and their latest snapshots).
     */
    private final class Tracker implements ImportListener {
        /** Keyed by the api tag. Guarded by this. */
        private final Map<String, Integer> inFlight = new HashMap<>();
        private final Map<String, Double> pace = new HashMap<>();
        /** Runs in progress and their latest snapshot, keyed by the phase tag. Guarded by this. */
        private final Map<String, Integer> running = new HashMap<>();
        private final Map<String, ImportProgress> snapshots = new HashMap<>();

        @Override
        public void callSent(String api, int items, boolean retry) {
            if (retry) {
                api(api).retried.incrementAndGet();
            }
        }

        @Override
        public void callAnswered(String api, ErrorClass outcome, int code, long latencyNanos) {
            api(api).answered.get(outcome).incrementAndGet();
        }

        @Override
        public void throttled(String api, int code) {
            api(api).throttled.incrementAndGet();
        }

        @Override
        public void relationsSettled(RelationOutcome outcome, int code, long count) {
            PhaseCounts relations = phase(PHASE_RELATIONS);
            relations.relations.get(outcomeTag(outcome)).addAndGet(count);
            if (outcome.isFailure()) {
                failedCounter(relations, codeTag(code)).addAndGet(count);
            }
        }

        @Override
        public void inFlight(String api, int calls) {
            String tag = api(api).name; // outside this tracker's lock: it may register meters
            synchronized (this) {
                inFlight.put(tag, calls);
            }
        }

        @Override
        public void pace(String api, double callsPerSecond) {
            String tag = api(api).name;
            synchronized (this) {
                pace.put(tag, callsPerSecond);
            }
        }

        @Override
        public void phaseStarted(String phase, long total) {
            String tag = phase(phase).name;
            synchronized (this) {
                running.merge(tag, 1, Integer::sum);
                snapshots.remove(tag);
            }
        }

        @Override
        public void phaseProgress(String phase, ImportProgress progress) {
            String tag = phase(phase).name;
            synchronized (this) {
                if (running.getOrDefault(tag, 0) > 0) { // never after the run's end
                    snapshots.put(tag, progress);
                }
            }
        }

        @Override
        public void phaseEnded(String phase, ImportProgress last, boolean stopped) {
            PhaseCounts counts = phase(phase);
            synchronized (this) {
                int left = running.getOrDefault(counts.name, 0) - 1;
                if (left > 0) {
                    running.put(counts.name, left);
                } else {
                    running.remove(counts.name);
                    snapshots.remove(counts.name);
                }
            }
            counts.lastProgress = fraction(last);
        }

        synchronized double inFlight(String api) {
            return inFlight.getOrDefault(api, 0);
        }

        /** The pace while a phase runs, else 0. */
        synchronized double pace(String api) {
            return running.isEmpty() ? 0 : pace.getOrDefault(api, 0.0);
        }

        synchronized int running(String phase) {
            return running.getOrDefault(phase, 0);
        }

        /** The latest snapshot of a run of {@code phase} in progress, or null. */
        synchronized ImportProgress snapshot(String phase) {
            return running.getOrDefault(phase, 0) > 0 ? snapshots.get(phase) : null;
        }
    }
}
