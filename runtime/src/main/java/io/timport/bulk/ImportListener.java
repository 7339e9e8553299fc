package io.timport.bulk;

import io.timport.errors.ErrorClass;

/**
 * Receives the events of a running import, for metrics (a Micrometer binder, logs, a dashboard). Every method has
 * an empty default, so an implementation overrides only what it counts; add one with
 * {@link ImporterBuilder#listener(ImportListener)}.
 *
 * <p>The events add up to the final {@link ImportReport}: counting them gives its figures.
 * <ul>
 *   <li>{@link ImportReport#calls()}: {@link #callSent} events; {@link ImportReport#retries()}: those with
 *       {@code retry} true.</li>
 *   <li>{@link ImportReport#throttled()}: {@link #throttled} events.</li>
 *   <li>{@link ImportReport#imported()}, {@link ImportReport#failed()} (and {@link ImportReport#failuresByCode()}),
 *       {@link ImportReport#superseded()}, {@link ImportReport#skippedEarlier()}: the {@code count}s of
 *       {@link #relationsSettled} by {@link RelationOutcome} (and code).</li>
 *   <li>{@link ImportReport#records()}: {@link ImportProgress#recordsRead()} of the snapshot {@link #phaseEnded}
 *       carries; the records neither settled nor superseded when an import stopped early are its
 *       {@link ImportReport#notDone()}.</li>
 * </ul>
 *
 * <p>Events come from the engine's threads (the one reading the input, the one sending calls, the HTTP client's)
 * one at a time while the engine holds its lock, except {@link #phaseProgress} and {@link #phaseEnded}, which come
 * from a thread of their own; implementations must be thread-safe. Keep each method quick and never call the
 * importer from it: the import waits while it runs. An exception thrown by a listener is ignored. Nothing secret is
 * ever passed (no key, no UserSig).
 */
public interface ImportListener {

    /** The phase that imports the relations with {@code friend_import}, and today's only one. */
    String RELATIONS = "relations";

    /** The API of the relations phase, as {@code api} arguments name it. */
    String FRIEND_IMPORT = "friend_import";

    /**
     * A phase begins.
     *
     * @param phase for example {@link #RELATIONS}
     * @param total the input records the phase expects, or -1 when unknown
     */
    default void phaseStarted(String phase, long total) {
    }

    /**
     * A call is on its way (counted when it is handed to the sender, before it waits for its rate-limiter permit).
     *
     * @param api for example {@link #FRIEND_IMPORT}
     * @param items the items it carries
     * @param retry true when it re-sends at least one item after a transient error
     */
    default void callSent(String api, int items, boolean retry) {
    }

    /**
     * A call's answer was handled.
     *
     * @param outcome what the answer as a whole said: {@link ErrorClass#OK} for an answer with per-item results
     *     (some items may have failed: see {@link #relationsSettled}), else the class of the request-level error
     *     or of the transport failure
     * @param code the request-level {@code ErrorCode} (0 for OK), or {@link ImportFailure#NO_ANSWER} when no usable
     *     answer came (timeout, reset, HTTP status other than 200, malformed body)
     * @param latencyNanos from the moment the request was handed to the HTTP client to the answer
     * @param api the Chat API called, such as {@code "friend_import"} ({@link io.timport.call.ChatApi#apiName()})
     */
    default void callAnswered(String api, ErrorClass outcome, int code, long latencyNanos) {
    }

    /**
     * An answer said the call rate is over the limit (a request-level throttling code, or HTTP 429). The call is
     * retried; each such answer is one of {@link ImportReport#throttled()}.
     *
     * @param code the request-level code, or {@link ImportFailure#NO_ANSWER} for HTTP 429
     * @param api the Chat API called, such as {@code "friend_import"}
     */
    default void throttled(String api, int code) {
    }

    /**
     * Every call pauses: after 70050 (a lockout of about a minute), or when throttled answers persist.
     *
     * @param pauseNanos how long, from now
     * @param code the code that caused it
     * @param api the Chat API whose calls pause
     */
    default void paused(String api, long pauseNanos, int code) {
    }

    /**
     * An outage began: no usable answer came for a while (connections refused, timeouts, HTTP 5xx, bodies that are not
     * a Chat answer). No new call is sent; one call at a time probes the server until it answers, or the outage limit
     * stops the run.
     *
     * @param cause why the last answer was unusable (made safe to print by the caller when it prints it)
     * @param api the Chat API whose calls get no usable answer
     */
    default void outageStarted(String api, String cause) {
    }

    /**
     * The outage ended: a usable answer came.
     *
     * @param durationNanos how long it lasted, since the last usable answer before it
     * @param probes the probes sent so far in the run
     * @param api the Chat API whose calls answer again
     */
    default void outageEnded(String api, long durationNanos, long probes) {
    }

    /**
     * Relations reached their outcome for this run. Emitted per call answer (one event per outcome and code) and per
     * input record for the outcomes decided while reading (invalid input, completed earlier, superseded).
     *
     * @param code the failure's code for a failure ({@link ImportFailure#code()}), 0 otherwise
     * @param count how many relations
     * @param outcome the outcome the relations reached
     */
    default void relationsSettled(RelationOutcome outcome, int code, long count) {
    }

    /**
     * The number of calls awaiting an answer changed.
     *
     * @param api the Chat API, such as {@code "friend_import"}
     * @param calls the calls awaiting their answers now, 0 or more
     */
    default void inFlight(String api, int calls) {
    }

    /**
     * The pace calls are sent at, in calls per second: once when a phase starts, and whenever it changes.
     *
     * @param api the Chat API, such as {@code "friend_import"}
     * @param callsPerSecond the pace, positive
     */
    default void pace(String api, double callsPerSecond) {
    }

    /**
     * A progress snapshot, at the importer's progress interval (also when no {@link ProgressListener} is set).
     *
     * @param phase the phase, such as {@code "relations"} or {@code "accounts"}
     * @param progress the snapshot (not null)
     */
    default void phaseProgress(String phase, ImportProgress progress) {
    }

    /**
     * A phase ended. It follows every {@link #phaseStarted} once, after the phase's last {@link #phaseProgress}: also
     * when the phase stopped early, and when the thread that ran the import was interrupted. In that last case calls
     * still in flight are left to finish, so their {@link #callAnswered}, {@link #inFlight} and
     * {@link #relationsSettled} events may come after this one.
     *
     * @param last its last snapshot ({@link ImportProgress#finished()} is true)
     * @param stopped true when it stopped early (see {@link ImportAbortedException}), or was interrupted
     * @param phase the phase that ended, as {@link #phaseStarted} named it
     */
    default void phaseEnded(String phase, ImportProgress last, boolean stopped) {
    }
}
