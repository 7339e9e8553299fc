package io.timport.bulk;

/**
 * A verification run on its own ({@link BulkImporter#verify(Iterable, io.timport.wire.ItemType)}) stopped before its
 * end because continuing could not succeed: a fatal configuration error, no usable answer from the endpoint, an input
 * that could not be read. {@link #report()} tells what was verified before. With a journal, run again to go on.
 */
public final class VerificationAbortedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The error code that stopped the verification, or 0. */
    private final int errorCode;
    private final transient VerificationReport report;

    VerificationAbortedException(String message, int errorCode, VerificationReport report, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.report = report;
    }

    /**
     * The server's error code that stopped it, or 0 when the cause was not a server answer.
     *
     * @return the code, or 0
     */
    public int errorCode() {
        return errorCode;
    }

    /**
     * What was verified before it stopped.
     *
     * @return the report of the stopped verification; {@link VerificationReport#aborted()} is true
     */
    public VerificationReport report() {
        return report;
    }
}
