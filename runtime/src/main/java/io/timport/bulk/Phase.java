package io.timport.bulk;

import java.util.concurrent.CompletableFuture;

/**
 * One kind of work that the engine runs through its shared machinery: the relations (friend_import) today; an
 * accounts phase (account_check, multiaccount_import) and a verification phase (friend_get, then re-import) are
 * meant to be phases too.
 *
 * <p>The phase owns its work: its input units, how they become calls, what an answer means for them (its answer
 * policy), and what completed (its journal entries and counts). The engine ({@link EngineCore}) owns what every
 * call shares: how many are in flight (the first one alone), pausing every call, renewing the UserSig, stopping the
 * run, and the events of calls. The driver ({@link ImportRun}) owns threads and time.
 *
 * <p>Every method but {@link #send} is called by the engine under its lock, one at a time: quick, no I/O, no
 * waiting, time only from its argument or the injected {@link Ticker}. {@link #send} is called by the driver
 * outside the lock; it may wait for a rate-limiter permit.
 *
 * @param <U> an input unit (relations: an {@link ImportRecord})
 * @param <C> a call
 * @param <A> an answer
 */
interface Phase<U, C extends Call, A> {

    /** The phase's name in events, for example {@link ImportListener#RELATIONS}. */
    String name();

    /** The API its calls go to, in events, for example {@link ImportListener#FRIEND_IMPORT}. */
    String api();

    /**
     * Takes the input unit at {@code position} (1-based, in input order: the journal's key).
     *
     * @return false, having done nothing, when it cannot take it yet (its buffer is full): offer it again once the
     *     driver is woken for the reader
     */
    boolean offer(long position, U unit);

    /** There is no more input. */
    void inputEnded();

    /** The next call to send at {@code now}, or null when none is ready. */
    C poll(long now);

    /**
     * When {@link #poll} may next return a call though nothing else happens (a linger or a backoff running out), or
     * {@link EngineCore#NEVER}.
     */
    long wakeAt();

    /** True when every unit offered is settled and the input has ended. */
    boolean isDone();

    /**
     * Sends a call: called by the driver outside the engine's lock. May wait (for a rate-limiter permit); the
     * future completes with the answer, or exceptionally when no usable answer came.
     */
    CompletableFuture<A> send(C call) throws InterruptedException;

    /** What the answer (or the error, when {@code answer} is null) means: the phase's answer policy. */
    Decision<?> decide(C call, A answer, Throwable error, long now);

    /**
     * Carries out a decision for the call's items ({@link Decision.Settle}, and any other kind the engine does not
     * handle itself). When {@code stopping}, items that would be sent again are dropped instead.
     */
    void apply(C call, Decision<?> decision, long now, boolean stopping);

    /** Sends the call's items again as they are, at once (a renewed UserSig; a call that could not be sent). */
    void resend(C call);

    /** The run stopped: the call's items stay undone. */
    void abandon(C call);

    /** Makes the next calls sign a new UserSig. Quick: no I/O. */
    void renewSignature();

    /** The pace its calls are sent at, in calls per second. */
    double pace();

    /** Who should be woken, as {@link EngineCore#WAKE_DISPATCHER} and {@link EngineCore#WAKE_READER} bits. */
    int takeWakes();

    /**
     * True while the phase wants one call at a time, as the very first call goes: its answers look like a failure of
     * every call (the breaker for systematic failures suspects one), so that no more calls go before it is sure.
     */
    default boolean cautious() {
        return false;
    }
}
