package io.timport.bulk;

import java.time.Duration;

/**
 * A snapshot of a running import, delivered to a {@link ProgressListener}.
 *
 * @param recordsRead input records read so far (valid and invalid, including those skipped by resume)
 * @param imported relations the server accepted; for a {@linkplain BulkImporter#validate validation}, the records found
 *     valid
 * @param failed relations that failed for good (rejected, given up, invalid input)
 * @param skipped relations completed by an earlier run (per the journal) or superseded by a later record of the same
 *     pair, not sent
 * @param total the number of input records, or -1 when unknown
 * @param calls friend_import calls sent
 * @param retries calls that re-sent at least one item after a transient error
 * @param throttled answers that said the call rate was over the limit
 * @param inFlight calls currently awaiting an answer
 * @param callsPerSecond the recent call rate
 * @param elapsed time since the import started
 * @param eta the estimated time left at the pace of the last ten seconds, or null when the total is unknown or
 *     there is not yet a second of progress to go by
 * @param finished true for the last snapshot of a run
 */
public record ImportProgress(
        long recordsRead,
        long imported,
        long failed,
        long skipped,
        long total,
        long calls,
        long retries,
        long throttled,
        int inFlight,
        double callsPerSecond,
        Duration elapsed,
        Duration eta,
        boolean finished) {

    /**
     * Relations accounted for: imported, failed or skipped.
     *
     * @return imported + failed + skipped
     */
    public long done() {
        return imported + failed + skipped;
    }
}
