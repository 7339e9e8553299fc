package io.timport.bulk;

/**
 * Tells an outage from bad luck, and paces the probes while it lasts: part of the engine's gate ({@link EngineCore}).
 *
 * <ul>
 *   <li>An answer is <b>unusable</b> when it is no Chat answer at all: a connection refused or reset, a timeout, an
 *       HTTP 5xx, a body that is not a Chat answer (HTML, garbage, empty, also with status 200). Every other answer,
 *       a throttled one or a Chat error code included, is usable: the server is there.</li>
 *   <li>An <b>outage</b> begins when {@value #DETECT_ANSWERS} unusable answers came in a row and no usable one for
 *       {@value #DETECT_MILLIS} ms (since the first call, when none ever came). It dates from the last usable
 *       answer.</li>
 *   <li>During an outage the engine sends no new call: one call at a time probes the server, the first
 *       {@value #FIRST_PROBE_MILLIS} ms after the outage began, each next one twice as far from the last failed
 *       probe's answer, at most {@value #MAX_PROBE_MILLIS} ms. Attempts are not counted meanwhile: an outage does
 *       not use up the items' attempts.</li>
 *   <li>The first usable answer ends it. One that lasts the limit stops the run.</li>
 * </ul>
 * Called under the engine's lock with the engine's time; reads no clock.
 */
final class OutageWatch {

    static final int DETECT_ANSWERS = 3;
    static final long DETECT_MILLIS = 1_000;
    static final long FIRST_PROBE_MILLIS = 500;
    static final long MAX_PROBE_MILLIS = 5_000;
    private static final long MS = 1_000_000L;

    private final long limitNanos;
    private final boolean journaled;

    private boolean started;
    private long lastUsable;
    private int unusableInARow;
    private boolean active;
    private long since;
    private long nextProbe;
    private long probeDelay;
    private boolean probeInFlight;
    private String cause = "";
    private long outages;
    private long probes;

    /**
     * @param limitNanos how long an outage may last before the run stops
     * @param journaled whether the run keeps a journal (the stop's message then says to run again with it)
     */
    OutageWatch(long limitNanos, boolean journaled) {
        if (limitNanos <= 0) {
            throw new IllegalArgumentException("the outage limit must be positive");
        }
        this.limitNanos = limitNanos;
        this.journaled = journaled;
    }

    /** A call is taken to be sent at {@code now}: during an outage, it is the probe. */
    void sent(long now) {
        if (!started) {
            started = true;
            lastUsable = now;
        }
        if (active) {
            probeInFlight = true;
            probes++;
        }
    }

    /**
     * An unusable answer at {@code now}, for {@code why}.
     *
     * @return true when it began an outage
     */
    boolean unusable(long now, String why) {
        unusableInARow++;
        cause = why == null ? "" : why;
        if (active) {
            if (probeInFlight) { // the probe failed: the next one later
                probeInFlight = false;
                probeDelay = Math.min(probeDelay * 2, MAX_PROBE_MILLIS * MS);
                nextProbe = now + probeDelay;
            }
            return false;
        }
        if (unusableInARow >= DETECT_ANSWERS && now - lastUsable >= DETECT_MILLIS * MS) {
            active = true;
            since = lastUsable;
            probeDelay = FIRST_PROBE_MILLIS * MS;
            nextProbe = now + probeDelay;
            probeInFlight = false;
            outages++;
            return true;
        }
        return false;
    }

    /**
     * A usable answer at {@code now}.
     *
     * @return how long the outage it ended lasted, or -1 when there was none
     */
    long usable(long now) {
        unusableInARow = 0;
        lastUsable = now;
        started = true;
        if (!active) {
            return -1;
        }
        active = false;
        probeInFlight = false;
        return now - since;
    }

    /** True during an outage. */
    boolean active() {
        return active;
    }

    /** During an outage, when the next probe may go. */
    long nextProbeAt() {
        return nextProbe;
    }

    /** During an outage, when it reaches the limit. */
    long limitAt() {
        return since + limitNanos;
    }

    /** True when the outage in progress has lasted the limit at {@code now}. */
    boolean overLimit(long now) {
        return active && now - since >= limitNanos;
    }

    /** Outages so far. */
    long outages() {
        return outages;
    }

    /** Probes sent so far. */
    long probes() {
        return probes;
    }

    /** Why the last unusable answer was unusable. */
    String cause() {
        return cause;
    }

    /** The stop's message, at {@code now}. */
    String stopMessage(long now) {
        return "no usable answer from the server for " + seconds(now - since) + " (the outage limit is "
                + seconds(limitNanos) + "; the last: " + cause + "). Nothing more is sent; "
                + (journaled ? "what was not imported stays undone in the journal: run again with the same journal "
                        + "once the server answers, to import it." : "run again once the server answers.");
    }

    static String seconds(long nanos) {
        long s = Math.round(nanos / 1e9);
        return s >= 60 && s % 60 == 0 ? s / 60 + " min" : s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
    }
}
