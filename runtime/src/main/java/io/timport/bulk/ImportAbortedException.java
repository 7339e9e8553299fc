package io.timport.bulk;

/**
 * The import stopped before its end because continuing could not succeed: a fatal configuration error (wrong key,
 * identifier not an admin, unknown app, wrong data centre…), an error that means a bug in the request, or unreadable
 * input. Calls in flight when it stopped were allowed to finish and were journaled; {@link #report()} tells what was
 * done. Fix the cause and run again with the same journal to continue where it stopped.
 */
public final class ImportAbortedException extends Exception {

    /** The error code that stopped the import, or 0. */
    private final int errorCode;
    private final transient ImportReport report;

    ImportAbortedException(String message, int errorCode, ImportReport report, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.report = report;
    }

    /**
     * The server's error code that stopped the import, or 0 when the cause was not a server answer.
     *
     * @return the code, or 0
     */
    public int errorCode() {
        return errorCode;
    }

    /**
     * What the import did before it stopped.
     *
     * @return the report of the stopped import; {@link ImportReport#aborted()} is true
     */
    public ImportReport report() {
        return report;
    }
}
