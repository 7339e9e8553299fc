package io.timport.simulator;

/**
 * A kind of failure the simulator can inject, each with its own probability (see
 * {@link SimulatorConfig.Builder#fault(Fault, double)}).
 *
 * <p>Faults are drawn only for calls that passed every request-level check and hold their
 * {@code From_Account}; the draws of the <i>n</i>-th such call for a {@code From_Account} depend only on the
 * seed, the {@code From_Account} and <i>n</i>, so a run is reproducible however calls for different accounts
 * interleave. At most one request-level fault happens per call, tried in the order of this enum.
 *
 * <p>Every fault here is one an import's retries recover from. The silent loss, which only a verification
 * can find, is set apart: {@link SimulatorConfig.Builder#silentLoss(double)}.
 */
public enum Fault {
    /** The connection is closed without any answer; nothing is stored. */
    DROPPED_CONNECTION("fault-drop"),
    /** HTTP 502 Bad Gateway with a non-JSON body; nothing is stored. */
    HTTP_502("fault-http-502"),
    /** Request-level {@code ErrorCode} 30006 (internal server error); nothing is stored. */
    REQUEST_30006("fault-request-30006"),
    /** Request-level {@code ErrorCode} 30007 (network timeout); nothing is stored. */
    REQUEST_30007("fault-request-30007"),
    /** Every item is stored as usual, but the answer is request-level {@code ErrorCode} 30007. */
    APPLIED_THEN_30007("fault-applied-30007"),
    /**
     * Drawn once per otherwise valid item: that item gets {@code ResultCode} 30006 and is not stored, while
     * the other items of the call proceed.
     */
    ITEM_30006("fault-item-30006");

    private final String option;

    Fault(String option) {
        this.option = option;
    }

    /**
     * The command-line option that sets this fault's probability, without the leading dashes.
     *
     * @return the option name, such as {@code "fault-drop"}
     */
    public String option() {
        return option;
    }
}
