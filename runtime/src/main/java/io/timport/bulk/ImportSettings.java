package io.timport.bulk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of a bulk import, fixed when {@link ImporterBuilder} builds the importer: the one place the engine's
 * parts read them from. Each is documented, with its default, on the builder's setter of the same name.
 *
 * @param batchSize items per friend_import call, 1 to {@link BulkImporter#MAX_BATCH_SIZE}
 * @param maxBufferedItems the most items held in memory, waiting or in flight
 * @param maxInFlight the most calls awaiting answers at once
 * @param maxAttempts attempts per item before a transient error is reported as a failure
 * @param initialBackoff the backoff before the first retry
 * @param maxBackoff the longest backoff
 * @param throttlePause how long every call pauses when throttled answers persist
 * @param lockoutPause how long every call pauses after 70050
 * @param linger how long a partial batch may wait for more of its records
 * @param journal the resume journal, or null for none
 * @param journalInput what the input is, in the caller's words, recorded in the journal; null when not described
 * @param fsyncJournal whether every journal entry is forced to the device
 * @param progress the progress listener, or null
 * @param progressInterval how often progress is reported
 * @param expectedTotal the number of input records for progress, or -1 when unknown
 * @param listeners the event listeners (metrics), in the order they were added
 * @param keepFailures the most failures the report keeps (all are counted)
 * @param failuresFile where every failure is written as it happens, or null for none
 * @param maxLineBytes the longest JSONL line read
 * @param maxBodyBytes the largest request body a batch may make, in bytes
 * @param breakerCalls the calls of a streak of systematic failures that stops the import; 0 for no breaker
 * @param breakerRelations the relations of such a streak
 * @param pacing how calls are kept within the server's second, and what a throttled answer does
 * @param outageLimit how long an outage (no usable answer) may last before the run stops
 */
record ImportSettings(
        int batchSize,
        int maxBufferedItems,
        int maxInFlight,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration throttlePause,
        Duration lockoutPause,
        Duration linger,
        Path journal,
        String journalInput,
        boolean fsyncJournal,
        ProgressListener progress,
        Duration progressInterval,
        long expectedTotal,
        List<ImportListener> listeners,
        int keepFailures,
        Path failuresFile,
        int maxLineBytes,
        int maxBodyBytes,
        int breakerCalls,
        int breakerRelations,
        Pacing pacing,
        Duration outageLimit) {

    ImportSettings {
        listeners = List.copyOf(listeners);
    }

    /** From this many items held, partial batches are sent oldest first rather than left to linger. */
    long pressure() {
        return maxBufferedItems - maxBufferedItems / 10;
    }
}
