package io.timport.bulk;

/**
 * Receives progress snapshots of a running import, at the configured interval and once more when it ends
 * ({@link ImportProgress#finished()}). Called from one thread at a time; keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Called with the latest snapshot. */
    void onProgress(ImportProgress progress);
}
