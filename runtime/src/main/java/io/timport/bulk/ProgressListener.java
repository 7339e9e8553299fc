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

    /**
     * Called with the latest snapshot of one phase of a run: {@code "accounts"}, {@code "relations"},
     * {@code "verification"} or {@code "repair"} (a migration has several; a plain import has only
     * {@code "relations"}). By default the phase is ignored and the snapshot goes to {@link #onProgress(ImportProgress)};
     * {@link ConsoleProgress} names the phase at the start of its line.
     *
     * @param phase the phase the snapshot is of
     * @param progress the snapshot
     */
    default void onProgress(String phase, ImportProgress progress) {
        onProgress(progress);
    }
}
