package io.timport.bulk;

/**
 * What the engine does about a throttled answer (the app's call rate is over its limit): when to retry the call,
 * and whether every call pauses. A part of its own so that the rule can change without touching the rest: today's
 * is {@link PauseWhenPersistent}.
 *
 * <p>Called under the engine's lock with the engine's time; implementations keep their own state and read no
 * clock.
 */
interface ThrottleReaction {

    /**
     * A throttled answer arrived.
     *
     * @param now the engine's time
     * @param backoffNanos when the call would be retried after an ordinary transient error
     * @return what to do
     */
    Reaction onThrottled(long now, long backoffNanos);

    /**
     * The reaction to one throttled answer.
     *
     * @param retryAfterNanos when its call is sent again
     * @param pauseAllNanos how long every call pauses from now; 0 for no pause
     */
    record Reaction(long retryAfterNanos, long pauseAllNanos) {
    }

    /**
     * Today's rule. A lone throttled answer is jitter bunching calls up on their way to the server: the call is
     * retried after its backoff and nothing else changes. When they persist ({@value #PERSISTENT} within a second:
     * something else uses the app's rate too, or its limit is lower than configured), every call pauses
     * {@code pause} as well.
     */
    final class PauseWhenPersistent implements ThrottleReaction {

        /** Throttled answers within {@link #WINDOW_NANOS} that make every call pause. */
        static final int PERSISTENT = 3;
        static final long WINDOW_NANOS = 1_000_000_000L;

        private final long pauseNanos;
        private final long[] recent = new long[PERSISTENT]; // the times of the last throttled answers, a ring
        private int next; // the ring's oldest slot, written next
        private int seen;

        PauseWhenPersistent(long pauseNanos) {
            this.pauseNanos = pauseNanos;
        }

        @Override
        public Reaction onThrottled(long now, long backoffNanos) {
            recent[next] = now;
            next = (next + 1) % PERSISTENT;
            seen = Math.min(seen + 1, PERSISTENT);
            // persistent: the oldest of the last PERSISTENT throttled answers came within the window
            boolean persistent = seen == PERSISTENT && now - recent[next] <= WINDOW_NANOS;
            return new Reaction(backoffNanos, persistent ? pauseNanos : 0);
        }
    }

    /**
     * The rule of {@link Pacing#WINDOW}, whose {@link ServerWindow} slows the pace instead of pausing: a throttled
     * call is sent again with the next permits, no delay beyond the limiter's; when throttled answers persist
     * ({@value PauseWhenPersistent#PERSISTENT} within a second), each call waits its backoff, so that an item is not
     * throttled over and over within a few round trips. Nothing pauses every call.
     */
    final class RetryAtOnce implements ThrottleReaction {

        private final long[] recent = new long[PauseWhenPersistent.PERSISTENT];
        private int next;
        private int seen;

        @Override
        public Reaction onThrottled(long now, long backoffNanos) {
            recent[next] = now;
            next = (next + 1) % recent.length;
            seen = Math.min(seen + 1, recent.length);
            boolean persistent = seen == recent.length && now - recent[next] <= PauseWhenPersistent.WINDOW_NANOS;
            return new Reaction(persistent ? backoffNanos : 0, 0);
        }
    }
}
