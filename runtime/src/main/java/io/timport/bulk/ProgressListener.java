package io.timport.bulk;

/**
 * Receives progress snapshots of a running import, at the configured interval and once more when it ends
 * ({@link ImportProgress#finished()}; also when it stopped early or the thread running it was interrupted), the
 * final one last. Called from one thread at a time; keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Called with the latest snapshot.
     *
     * @param progress the snapshot (not null)
     */
    void onProgress(ImportProgress progress);
}
