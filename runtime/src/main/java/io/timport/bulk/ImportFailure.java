package io.timport.bulk;

import io.timport.wire.AddFriendItem;

/**
 * One relation that was not imported, and why.
 *
 * @param position the record's position in the input (1-based, in input order)
 * @param origin where the record came from (for example {@code "friends.jsonl:17"}), or null
 * @param fromAccount the From_Account, or null when an invalid record's account could not be read
 * @param toAccount the To_Account, or null when an invalid record's item could not be read
 * @param code the server's result code for the item (for example 30010), {@link #INVALID_INPUT} for a record
 *     that was never sent because it is invalid, or {@link #NO_ANSWER} when its calls got no usable answer
 * @param info the server's ResultInfo, or the validation message; never null
 * @param kind how the failure came about
 * @param item the item as it would have been sent, or null when the record's item could not be built (a record with
 *     a valid item can still be invalid: a From_Account that is not a UserID, a user befriending themself)
 * @param rawInput the invalid record's original text, or null
 * @param random the {@code random} of the call whose answer failed it (0..4294967295), to quote to Tencent support
 *     with the SDKAppID and the time; {@link #NO_RANDOM} when no call was made for it (invalid input, an earlier
 *     run's failure), or when it was not sent because an earlier call for its From_Account failed (then
 *     {@code info} names that call's {@code random})
 */
public record ImportFailure(
        long position,
        String origin,
        String fromAccount,
        String toAccount,
        int code,
        String info,
        Kind kind,
        AddFriendItem item,
        String rawInput,
        long random) {

    /** The {@link #random} of a failure that no call's answer made. */
    public static final long NO_RANDOM = -1;

    /**
     * A failure that no call's answer made: {@link #random} is {@link #NO_RANDOM}.
     *
     * @param position the record's position in the input (1-based, in input order)
     * @param origin where the record came from (for example {@code "friends.jsonl:17"}), or null
     * @param fromAccount the From_Account, or null when an invalid record's account could not be read
     * @param toAccount the To_Account, or null when an invalid record's item could not be read
     * @param code the server's result code for the item (for example 30010), {@link #INVALID_INPUT} for a record that
     *     was never sent because it is invalid, or {@link #NO_ANSWER} when its calls got no usable answer
     * @param info the server's ResultInfo, or the validation message; never null
     * @param kind how the failure came about
     * @param item the item as it would have been sent, or null when the record's item could not be built (a record with
     *     a valid item can still be invalid: a From_Account that is not a UserID, a user befriending themself)
     * @param rawInput the invalid record's original text, or null
     */
    public ImportFailure(long position, String origin, String fromAccount, String toAccount, int code, String info,
            Kind kind, AddFriendItem item, String rawInput) {
        this(position, origin, fromAccount, toAccount, code, info, kind, item, rawInput, NO_RANDOM);
    }

    /** The {@link #code} of a record rejected before sending (by a builder, or unreadable input). */
    public static final int INVALID_INPUT = -1;

    /**
     * The {@link #code} of a relation whose calls got no usable answer (network error, timeout, HTTP status other
     * than 200, a body that is not a Chat answer) through every attempt.
     */
    public static final int NO_ANSWER = -2;

    /** How a failure came about. */
    public enum Kind {
        /** The record is invalid and was never sent. */
        INVALID_INPUT,
        /** The server answered a permanent error for the item (or for its whole request). */
        REJECTED,
        /** A transient error persisted through every allowed attempt. */
        GAVE_UP,
        /** An earlier run, recorded in the journal, got a permanent error for it; it was not sent again. */
        EARLIER_RUN
    }

    /**
     * Where the record is: {@code "record 17"} or {@code "record 17 (friends.jsonl:17)"}.
     *
     * @return the record's position, with its origin when it has one
     */
    public String where() {
        return origin == null ? "record " + position : "record " + position + " (" + origin + ")";
    }
}
