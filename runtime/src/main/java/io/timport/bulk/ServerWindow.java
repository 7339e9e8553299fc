package io.timport.bulk;

/**
 * The engine's model of the server's sliding second ({@link Pacing#WINDOW}): how many of our calls the server counts
 * in the second that ends now, so that a call is sent only when that second has room for it.
 *
 * <p>Why: the server admits at most its limit of calls in any sliding second. A server that stalls for {@code d}
 * (a collection, a hiccup) holds the calls that arrive meanwhile and then admits them all at once; a client pacing
 * at {@code r} calls a second then lands {@code r × (1 + d)} calls in the second that ends one second after the
 * stall, and every call over the limit is throttled, whatever the client's own pace. The limiter cannot see that; this
 * model can.
 *
 * <p>The model, on the engine's clock:
 * <ul>
 *   <li>A call in flight counts, from when it is taken until its answer: it may be admitted any moment.</li>
 *   <li>An answered call the server admitted (anything but a throttled answer or no answer at all) counts from
 *       {@code answered − usual round trip}: an estimate of when the server took it in, up to one constant (the
 *       time a request takes to reach the server), which cancels out since a new call is placed in the same frame.
 *       The usual round trip is the median of the last {@value #TRIPS} admitted calls' round trips: a stall delays a
 *       few calls, not most of them, so a call held by a stall is answered late and counts from the end of the
 *       stall, with the others the stall held; a delay that every call has (a slower server, a busy client) moves the
 *       median too, and so does not count twice. (A lower percentile would count every call answered later than it
 *       for longer than a second: under a jittery client, a steady over-count that costs rate.)</li>
 *   <li>A call is sent when the calls counted in the last second, plus it, are at most the ceiling: the pace's
 *       limit (the pace divided by {@code 1 − }{@link io.timport.limit.RateLimiterRegistry#DEFAULT_PACE_MARGIN}:
 *       200 for the default 196 calls/s).</li>
 *   <li>A throttled answer means the model is wrong (another client uses the app's rate, or the limit is lower than
 *       the pace suggests): the ceiling drops by {@value #CUT_PERCENT} % of itself, at most once a second, and climbs
 *       back by {@value #RECOVER_PERCENT} % a second.</li>
 * </ul>
 * Called under the engine's lock; reads no clock.
 */
final class ServerWindow {

    static final long SECOND = 1_000_000_000L;
    static final int CUT_PERCENT = 2;
    static final int RECOVER_PERCENT = 1;
    /** The ceiling never drops below this share of its full value. */
    static final double FLOOR = 0.5;

    private final double ceiling;
    private double cap;
    private long capAt;
    private boolean everCut;
    private long lastCut;

    /** Admitted calls' estimated admission times, ascending: a ring. */
    private long[] admitted = new long[256];
    private int head;
    private int size;
    private long lastAdmitted;
    private boolean anyAdmitted;
    private int inFlight;
    /** Round trips of the last admitted calls, a ring; and the usual one among them. */
    static final int TRIPS = 128;
    static final int PERCENTILE = 50;
    private final long[] trips = new long[TRIPS];
    private int tripCount;
    private int nextTrip;
    private long usual = Long.MAX_VALUE;

    /** @param ceiling the most calls the server admits from us in any sliding second */
    ServerWindow(double ceiling) {
        if (!(ceiling >= 1)) {
            throw new IllegalArgumentException("ceiling must be at least 1, was " + ceiling);
        }
        this.ceiling = ceiling;
        this.cap = ceiling;
    }

    /** The model for calls paced at {@code pace}, or null when the pace is unbounded (nothing to model). */
    static ServerWindow forPace(double pace) {
        if (Double.isInfinite(pace) || Double.isNaN(pace) || pace <= 0) {
            return null;
        }
        double limit = pace / (1 - io.timport.limit.RateLimiterRegistry.DEFAULT_PACE_MARGIN);
        return new ServerWindow(Math.max(1, Math.floor(limit + 1e-3))); // 1e-3: a pace given as an interval
    }

    /** True when a call sent at {@code now} fits in the modelled second. */
    boolean hasRoom(long now) {
        expire(now);
        return size + inFlight + 1 <= cap(now) + 1e-9;
    }

    /**
     * When {@link #hasRoom} may turn true with no answer coming in: when the oldest admitted call leaves the second
     * (or sooner, while the ceiling climbs back); {@link EngineCore#NEVER} when only an answer can make room.
     */
    long roomAt(long now) {
        long at = size == 0 ? EngineCore.NEVER : admitted[head] + SECOND + 1;
        if (cap(now) < ceiling) {
            long soon = now + 10_000_000L; // the ceiling climbs back: look again in 10 ms
            at = at == EngineCore.NEVER || soon - at < 0 ? soon : at;
        }
        return at;
    }

    /** A call was taken to be sent at {@code now}. */
    void sent(long now) {
        inFlight++;
    }

    /**
     * The call sent at {@code sentNanos} was answered at {@code now}.
     *
     * @param admitted whether the server counted it: false for a throttled answer and for no usable answer
     */
    void answered(long sentNanos, long now, boolean admitted) {
        if (inFlight > 0) {
            inFlight--;
        }
        if (!admitted) {
            return;
        }
        long roundTrip = Math.max(0, now - sentNanos);
        trips[nextTrip] = roundTrip;
        nextTrip = (nextTrip + 1) % TRIPS;
        if (tripCount < TRIPS) {
            tripCount++;
        }
        if (tripCount < 16) {
            usual = Math.min(usual, roundTrip); // too few to tell a usual one: the fastest so far
        } else if (nextTrip % 16 == 0) {
            long[] sorted = java.util.Arrays.copyOf(trips, tripCount);
            java.util.Arrays.sort(sorted);
            usual = sorted[tripCount * PERCENTILE / 100];
        }
        long at = Math.max(sentNanos, now - usual);
        if (anyAdmitted && at - lastAdmitted < 0) {
            at = lastAdmitted; // keep the ring ascending: later, on the safe side
        }
        add(at);
        lastAdmitted = at;
        anyAdmitted = true;
    }

    /** A call sent at {@code sentNanos} will not be answered (it could not be sent): it no longer counts. */
    void withdrawn() {
        if (inFlight > 0) {
            inFlight--;
        }
    }

    /** A throttled answer at {@code now}: the ceiling drops, at most once a second. */
    void throttled(long now) {
        if (everCut && now - lastCut < SECOND) {
            return;
        }
        double current = cap(now);
        cap = Math.max(ceiling * FLOOR, current - ceiling * CUT_PERCENT / 100.0);
        capAt = now;
        lastCut = now;
        everCut = true;
    }

    /** The ceiling at {@code now}: climbing back after a cut. */
    double cap(long now) {
        if (cap >= ceiling) {
            return ceiling;
        }
        double climbed = cap + (now - capAt) / (double) SECOND * ceiling * RECOVER_PERCENT / 100.0;
        if (climbed >= ceiling) {
            cap = ceiling;
            return ceiling;
        }
        return climbed;
    }

    /** Calls counted in the second that ends at {@code now}. */
    int counted(long now) {
        expire(now);
        return size + inFlight;
    }

    /** The ceiling without cuts. */
    double ceiling() {
        return ceiling;
    }

    private void expire(long now) {
        while (size > 0 && now - admitted[head] >= SECOND) {
            head = (head + 1) % admitted.length;
            size--;
        }
    }

    private void add(long at) {
        if (size == admitted.length) {
            long[] bigger = new long[admitted.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = admitted[(head + i) % admitted.length];
            }
            admitted = bigger;
            head = 0;
        }
        admitted[(head + size) % admitted.length] = at;
        size++;
    }

    @Override
    public String toString() {
        return "ServerWindow[" + size + " admitted + " + inFlight + " in flight, ceiling " + cap + " of " + ceiling
                + ", usual round trip " + (usual == Long.MAX_VALUE ? "-" : usual / 1_000_000 + " ms") + "]";
    }
}
