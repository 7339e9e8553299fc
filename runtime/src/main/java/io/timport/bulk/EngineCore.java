package io.timport.bulk;

import io.timport.errors.ErrorClass;

/**
 * The deterministic core of an import: the coordinator between a {@link Phase} and the driver. It keeps what every
 * call shares and hands the rest to the phase:
 *
 * <ul>
 *   <li><b>the gate</b>: at most {@code maxInFlight} calls awaiting answers, the very first alone (so that wrong
 *       credentials stop the import after one answer), one at a time while the phase is
 *       {@linkplain Phase#cautious() cautious}, none while every call is paused or after a stop;</li>
 *   <li><b>decisions</b>: an answer goes to the phase's answer policy; the engine carries out the kinds that
 *       concern every call (renew the UserSig, pause every call, stop) and lets the phase settle its items;</li>
 *   <li><b>the UserSig generation</b>: a UserSig refused as expired or invalidated is renewed once; one refused
 *       again before any call succeeded with the new one stops the import; calls signed before a renewal that
 *       already happened are simply re-sent;</li>
 *   <li><b>the stop</b>: the first reason wins; calls in flight still settle; nothing more is sent.</li>
 *   <li><b>the server's second</b> ({@link Pacing#WINDOW}, when given a {@link ServerWindow}): no call while the
 *       modelled second of the server has no room for it;</li>
 *   <li><b>an outage</b> (when given an {@link OutageWatch}): while no usable answer comes, no new call, one probe at a
 *       time, no attempt counted; the first usable answer resumes; an outage that lasts its limit stops the run.</li>
 * </ul>
 *
 * <p>No threads, no locks, no clock: the driver calls it one call at a time (under its lock) and passes the time
 * in. What changed for whom is told by {@link #takeWakes()}.
 *
 * @param <U> the phase's input unit
 * @param <C> the phase's call
 * @param <A> the phase's answer
 */
final class EngineCore<U, C extends Call, A> {

    /** A time that never comes: nothing to wait for but a signal. */
    static final long NEVER = Long.MAX_VALUE;

    /** {@link #takeWakes()} bits: the dispatcher may have a call to send; the reader may go on. */
    static final int WAKE_DISPATCHER = 1;
    static final int WAKE_READER = 2;

    /** Why a run stopped before its end. */
    record Stop(String message, int errorCode, Throwable cause) {
    }

    private final Phase<U, C, A> phase;
    private final ProgressMeter meter;
    private final Listeners events;
    private final int maxInFlight;
    private final ServerWindow window;
    private final OutageWatch outage;

    private int inFlight;
    private boolean probing = true;
    private boolean paused;
    private long pausedUntil;
    private int generation;
    private boolean okSinceRenewal = true;
    private Stop stop;
    private boolean inputEnded;
    private int wakes;

    EngineCore(Phase<U, C, A> phase, ProgressMeter meter, Listeners events, int maxInFlight) {
        this(phase, meter, events, maxInFlight, null, null);
    }

    /**
     * @param window the model of the server's second, or null for none
     * @param outage the outage watch, or null for none (every unusable answer is then the policy's alone)
     */
    EngineCore(Phase<U, C, A> phase, ProgressMeter meter, Listeners events, int maxInFlight, ServerWindow window,
            OutageWatch outage) {
        this.phase = phase;
        this.meter = meter;
        this.events = events;
        this.maxInFlight = maxInFlight;
        this.window = window;
        this.outage = outage;
    }

    // ---------------------------------------------------------------- input

    /**
     * Offers the input unit at {@code position}.
     *
     * @return false when the phase cannot take it yet: offer it again once woken ({@link #WAKE_READER})
     */
    boolean offer(long position, U unit) {
        if (stop != null) {
            meter.recordRead(); // read, and left undone
            return true;
        }
        return phase.offer(position, unit);
    }

    /** The input has ended. */
    void inputEnded() {
        inputEnded = true;
        phase.inputEnded();
        wakes |= WAKE_DISPATCHER;
    }

    // ---------------------------------------------------------------- calls

    /**
     * The next call to send at {@code now}, or null: none while stopped, paused, or with as many calls in flight as
     * allowed; else whatever the phase has ready. The call counts as sent (and in flight) from here.
     */
    C next(long now) {
        if (stop != null) {
            return null;
        }
        if (outage != null && outage.active()) {
            if (outage.overLimit(now)) {
                stop(outage.stopMessage(now), 0, null);
                return null;
            }
            if (inFlight > 0 || now - outage.nextProbeAt() < 0) {
                return null; // one probe at a time, at its time
            }
        }
        if (inFlight >= (probing || phase.cautious() ? 1 : maxInFlight)) {
            return null;
        }
        if (paused) {
            if (now - pausedUntil < 0) {
                return null;
            }
            paused = false;
        }
        if (window != null && !window.hasRoom(now)) {
            return null;
        }
        C call = phase.poll(now);
        if (call != null) {
            call.generation = generation;
            inFlight++;
            if (window != null) {
                window.sent(now);
            }
            if (outage != null) {
                outage.sent(now);
            }
            meter.callSent(call.size(), call.isRetry());
            events.inFlight(phase.api(), inFlight);
        }
        return call;
    }

    /**
     * When {@link #next} may have a call though nothing else happens: the end of a pause, or the phase's next
     * linger or backoff; {@link #NEVER} when only an answer, input or a stop can change that.
     */
    long wakeAt(long now) {
        if (stop != null) {
            return NEVER;
        }
        if (outage != null && outage.active()) {
            // the next probe once no call is in flight (when the phase has one ready); the limit in any case
            long limit = outage.limitAt();
            long at = inFlight > 0 ? limit : now - outage.nextProbeAt() < 0 ? outage.nextProbeAt() : phase.wakeAt();
            return at == NEVER || limit - at < 0 ? limit : at;
        }
        if (inFlight >= (probing || phase.cautious() ? 1 : maxInFlight)) {
            return NEVER;
        }
        if (paused && now - pausedUntil < 0) {
            return pausedUntil;
        }
        if (window != null && !window.hasRoom(now)) {
            return window.roomAt(now);
        }
        return phase.wakeAt();
    }

    /** False once nothing more will be sent: the run stopped, or every unit is settled after the input ended. */
    boolean dispatching() {
        return stop == null && !(inputEnded && phase.isDone());
    }

    /** True when the run is over: everything settled, or, after a stop, no call in flight any more. */
    boolean finished() {
        return stop == null ? inputEnded && phase.isDone() : inFlight == 0;
    }

    /**
     * A call's answer ({@code error} when none came): the phase's policy decides, and the decision is carried out.
     */
    void answered(C call, A answer, Throwable error, long now) {
        inFlight--;
        events.inFlight(phase.api(), inFlight);
        Decision<?> decision = phase.decide(call, answer, error, now);
        events.callAnswered(phase.api(), decision.answer(), decision.code(), now - call.sentNanos);
        if (decision.answer() == ErrorClass.THROTTLED) {
            meter.throttled(decision.code());
        }
        boolean unusable = error != null && decision.answer() == ErrorClass.TRANSIENT
                && decision.code() == ImportFailure.NO_ANSWER;
        if (window != null) {
            window.answered(call.sentNanos, now, !unusable && decision.answer() != ErrorClass.THROTTLED);
            if (decision.answer() == ErrorClass.THROTTLED) {
                window.throttled(now);
            }
        }
        if (outage != null && outageAnswer(call, unusable, error, now)) {
            wakes |= WAKE_DISPATCHER | WAKE_READER;
            return;
        }
        carryOut(call, decision, now);
        wakes |= WAKE_DISPATCHER | WAKE_READER;
    }

    /**
     * Tells the outage watch about an answer; during an outage, an unusable answer's call goes back untouched (no
     * attempt counted), or is given up when the run stops.
     *
     * @return true when the call was taken care of here
     */
    private boolean outageAnswer(C call, boolean unusable, Throwable error, long now) {
        if (!unusable) {
            long lasted = outage.usable(now);
            if (lasted >= 0) {
                events.outageEnded(phase.api(), lasted, outage.probes());
            }
            return false;
        }
        if (outage.unusable(now, causeOf(error))) {
            events.outageStarted(phase.api(), outage.cause());
        }
        if (!outage.active()) {
            return false;
        }
        if (stop == null && outage.overLimit(now)) {
            stop(outage.stopMessage(now), 0, null);
        }
        if (stop != null) {
            phase.abandon(call);
        } else {
            phase.resend(call);
        }
        return true;
    }

    private static String causeOf(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** A call could not be sent (the sending thread was interrupted while waiting for its permit): undo it. */
    void notSent(C call) {
        inFlight--;
        if (window != null) {
            window.withdrawn();
        }
        events.inFlight(phase.api(), inFlight);
        phase.resend(call);
        wakes |= WAKE_DISPATCHER | WAKE_READER;
    }

    /**
     * Handling a call's answer threw (a bug; {@link #answered} had counted the answer): stops the run and gives the
     * call's items up.
     */
    void crashed(C call, String message, Throwable cause) {
        stop(message, 0, cause);
        phase.abandon(call);
        wakes |= WAKE_DISPATCHER | WAKE_READER;
    }

    private void carryOut(C call, Decision<?> decision, long now) {
        if (decision instanceof Decision.Stop<?> s) {
            stop(s.message(), s.errorCode(), s.cause());
            phase.abandon(call);
            return;
        }
        if (decision instanceof Decision.RenewSignature<?> renew) {
            if (call.generation != generation) {
                phase.resend(call); // it was signed before a renewal that already happened
            } else if (!okSinceRenewal) {
                carryOut(call, renew.ifRefusedAgain(), now);
            } else {
                generation++;
                okSinceRenewal = false;
                phase.renewSignature();
                phase.resend(call);
            }
            return;
        }
        Decision<?> settle = decision;
        if (decision instanceof Decision.PauseAll<?> pause) {
            pauseAll(now, pause.pauseNanos(), pause.code());
            settle = pause.then();
        }
        if (settle.answer() == ErrorClass.OK) {
            probing = false;
            if (call.generation == generation) {
                okSinceRenewal = true;
            }
        }
        phase.apply(call, settle, now, stop != null);
    }

    private void pauseAll(long now, long pauseNanos, int code) {
        long until = now + pauseNanos;
        if (!paused || until - pausedUntil > 0) {
            pausedUntil = until;
        }
        paused = true;
        events.paused(phase.api(), pauseNanos, code);
    }

    // ---------------------------------------------------------------- the run

    /** Stops the run: the first reason wins. Calls in flight still settle; nothing more is sent. */
    void stop(String message, int errorCode, Throwable cause) {
        if (stop == null) {
            stop = new Stop(message, errorCode, cause);
        }
        wakes |= WAKE_DISPATCHER | WAKE_READER;
    }

    /** Why the run stopped, or null. */
    Stop stopped() {
        return stop;
    }

    /** Calls awaiting answers. */
    int inFlight() {
        return inFlight;
    }

    /** The phase this core runs. */
    Phase<U, C, A> phase() {
        return phase;
    }

    /** Who should be woken since the last call, as {@link #WAKE_DISPATCHER} and {@link #WAKE_READER} bits. */
    int takeWakes() {
        int w = wakes | phase.takeWakes();
        wakes = 0;
        return w;
    }
}
