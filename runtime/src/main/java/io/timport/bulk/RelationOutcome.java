package io.timport.bulk;

/**
 * How a relation ended in a run, as {@link ImportListener#relationsSettled} reports it. Each maps to one figure of
 * the {@link ImportReport}.
 */
public enum RelationOutcome {
    /** The server accepted it: {@link ImportReport#imported()}. */
    IMPORTED(null),
    /** The server refused it for good (per item, or for its whole request): a failure. */
    REJECTED(ImportFailure.Kind.REJECTED),
    /** A transient error outlasted every attempt: a failure. */
    GAVE_UP(ImportFailure.Kind.GAVE_UP),
    /** The record is invalid and was never sent: a failure. */
    INVALID_INPUT(ImportFailure.Kind.INVALID_INPUT),
    /** An earlier run, per the journal, got a permanent error for it; not sent again: a failure. */
    FAILED_EARLIER(ImportFailure.Kind.EARLIER_RUN),
    /** An earlier run, per the journal, imported it; not sent again: {@link ImportReport#skippedEarlier()}. */
    COMPLETED_EARLIER(null),
    /** A later record of the same pair replaced it before it was sent: {@link ImportReport#superseded()}. */
    SUPERSEDED(null);

    private final ImportFailure.Kind failureKind;

    RelationOutcome(ImportFailure.Kind failureKind) {
        this.failureKind = failureKind;
    }

    /**
     * True for the outcomes that are failures ({@link ImportReport#failed()}).
     *
     * @return true for a failure outcome
     */
    public boolean isFailure() {
        return failureKind != null;
    }

    /**
     * The failure kind of this outcome, or null when it is not a failure.
     *
     * @return the failure kind, or null
     */
    public ImportFailure.Kind failureKind() {
        return failureKind;
    }

    /**
     * The outcome of a failure of this kind.
     *
     * @param kind the failure kind (not null)
     * @return the outcome of that kind of failure
     */
    public static RelationOutcome of(ImportFailure.Kind kind) {
        switch (kind) {
            case INVALID_INPUT:
                return INVALID_INPUT;
            case REJECTED:
                return REJECTED;
            case GAVE_UP:
                return GAVE_UP;
            default:
                return FAILED_EARLIER;
        }
    }
}
