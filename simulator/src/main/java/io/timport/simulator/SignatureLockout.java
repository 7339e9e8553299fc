package io.timport.simulator;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks an identifier out after too many failed UserSig checks: {@code threshold} failures within
 * {@code periodNanos} lock it for {@code periodNanos} from the last failure. Off when the threshold is 0.
 */
final class SignatureLockout {
    private final int threshold;
    private final long periodNanos;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private static final class State {
        final ArrayDeque<Long> failures = new ArrayDeque<>();
        long lockedUntil = Long.MIN_VALUE;
        boolean locked;
    }

    SignatureLockout(int threshold, long periodNanos) {
        this.threshold = threshold;
        this.periodNanos = periodNanos;
    }

    boolean isLocked(String identifier, long nowNanos) {
        if (threshold == 0) {
            return false;
        }
        State s = states.get(identifier);
        if (s == null) {
            return false;
        }
        synchronized (s) {
            if (s.locked && nowNanos - s.lockedUntil >= 0) {
                s.locked = false;
                s.failures.clear();
            }
            return s.locked;
        }
    }

    void recordFailure(String identifier, long nowNanos) {
        if (threshold == 0) {
            return;
        }
        State s = states.computeIfAbsent(identifier, k -> new State());
        synchronized (s) {
            while (!s.failures.isEmpty() && nowNanos - s.failures.peekFirst() >= periodNanos) {
                s.failures.pollFirst();
            }
            s.failures.addLast(nowNanos);
            if (s.failures.size() >= threshold) {
                s.locked = true;
                s.lockedUntil = nowNanos + periodNanos;
            }
        }
    }

    void clear() {
        states.clear();
    }
}
