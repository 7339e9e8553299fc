package io.timport.bulk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A {@link WorkJournal} in memory: what an earlier run left, and what this one records, entry by entry. */
class MemoryJournal implements WorkJournal {

    private final PriorWork earlier = new PriorWork();
    private final List<long[]> entries = new ArrayList<>();
    private final TreeSet<Long> done = new TreeSet<>();
    private final Map<Long, FailedPosition> failed = new LinkedHashMap<>();
    private boolean closed;

    /** An earlier run imported positions {@code from} to {@code to}. */
    MemoryJournal earlierDone(long from, long to) {
        earlier.done(from, to);
        return this;
    }

    /** An earlier run got a permanent failure for {@code position}. */
    MemoryJournal earlierFailed(long position, int code, String info) {
        earlier.failed(position, code, info);
        return this;
    }

    @Override
    public PriorWork earlier() {
        return earlier;
    }

    @Override
    public void record(long[] positions, int count, List<FailedPosition> failures) {
        if (closed) {
            throw new IllegalStateException("recorded after close");
        }
        long[] entry = new long[count + failures.size()];
        for (int i = 0; i < count; i++) {
            entry[i] = positions[i];
            if (!done.add(positions[i])) {
                throw new AssertionError("position " + positions[i] + " recorded twice");
            }
        }
        for (int i = 0; i < failures.size(); i++) {
            FailedPosition f = failures.get(i);
            entry[count + i] = f.position();
            if (!done.add(f.position())) {
                throw new AssertionError("position " + f.position() + " recorded twice");
            }
            failed.put(f.position(), f);
        }
        if (entry.length > 0) {
            entries.add(entry);
        }
    }

    @Override
    public void flush() throws IOException {
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Every position this run recorded as complete, in order. */
    List<Long> done() {
        return new ArrayList<>(done);
    }

    /** The failures this run recorded, by position. */
    Map<Long, FailedPosition> failed() {
        return failed;
    }

    /** Entries recorded. */
    int entries() {
        return entries.size();
    }
}
