package io.timport.bulk;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * What earlier runs completed, as their journal recorded it: the input positions whose work is done, and those
 * among them that failed for good, with their code and text. A resumed run sends none of them again.
 */
final class PriorWork {

    /** A permanent failure recorded by an earlier run. */
    record Failure(int code, String info) {
    }

    private final BitSet done = new BitSet();
    private final Map<Long, Failure> failures = new HashMap<>();

    /** True when an earlier run completed the record at {@code position}. */
    boolean isDone(long position) {
        return position <= Integer.MAX_VALUE && done.get((int) position);
    }

    /** The permanent failure an earlier run recorded for {@code position}, or null. */
    Failure failure(long position) {
        return failures.get(position);
    }

    /** How many positions are done. */
    int count() {
        return done.cardinality();
    }

    /** Positions {@code from} to {@code to}, inclusive, are done. */
    void done(long from, long to) {
        done.set((int) from, (int) to + 1);
    }

    /** {@code position} failed for good. */
    void failed(long position, int code, String info) {
        done.set((int) position);
        failures.put(position, new Failure(code, info));
    }
}
