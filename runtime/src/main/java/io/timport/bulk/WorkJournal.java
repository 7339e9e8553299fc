package io.timport.bulk;

import java.io.IOException;
import java.util.List;

/**
 * Where the engine records completed work, so that a run started again skips it; and what earlier runs recorded.
 * The file journal is {@link Journal}; unit tests use one in memory.
 *
 * <p>{@link #record} is called under the engine's lock and must only take note; {@link #flush} does the writing,
 * from the driver, outside the lock.
 */
interface WorkJournal extends AutoCloseable {

    /** One permanent failure to record. */
    record FailedPosition(long position, int code, String info) {
    }

    /** What earlier runs completed; empty for a new journal. */
    PriorWork earlier();

    /**
     * Takes note that positions {@code done[0..count)} (in any order; the array is the journal's from now on) and
     * {@code failed} are complete.
     */
    void record(long[] done, int count, List<FailedPosition> failed);

    /** Writes what {@link #record} noted, if anything. Thread-safe. */
    void flush() throws IOException;

    /** Flushes, then releases the file. */
    @Override
    void close() throws IOException;

    /** No journal: nothing done earlier, nothing recorded. */
    WorkJournal NONE = new WorkJournal() {
        private final PriorWork nothing = new PriorWork();

        @Override
        public PriorWork earlier() {
            return nothing;
        }

        @Override
        public void record(long[] done, int count, List<FailedPosition> failed) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
}
