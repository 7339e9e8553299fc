package io.timport.errors;

import java.util.Objects;

/**
 * One error code of the Chat REST API as the catalogue knows it at one level (a request's {@code ErrorCode} or an
 * item's {@code ResultCode}): its number, what it means, what to do about it.
 *
 * @param code the code as the server sends it ({@code ErrorCode} or {@code ResultCode})
 * @param meaning a short English description
 * @param errorClass what a client does about it
 * @param known false for a code absent from the catalogue (then {@code errorClass} is {@link ErrorClass#UNKNOWN})
 * @param marksFromAccount true when the code condemns the call's {@code From_Account}, not only the item: 30010 (the
 *     user's friend list is full), 30009 (the user may not add friends) and a request-level 30003 (the user does not
 *     exist). A client stops sending that user's later new relations and reports each as not sent because of it.
 * @param advice what to do, in a sentence for people ({@code ""} when there is nothing to add to the class)
 */
public record ErrorEntry(int code, String meaning, ErrorClass errorClass, boolean known, boolean marksFromAccount,
        String advice) {

    /**
     * Checks that meaning, class and advice are present.
     *
     * @param code the code as the server sends it ({@code ErrorCode} or {@code ResultCode})
     * @param meaning a short English description
     * @param errorClass what a client does about it
     * @param known false for a code absent from the catalogue (then {@code errorClass} is {@link ErrorClass#UNKNOWN})
     * @param marksFromAccount true when the code condemns the call's {@code From_Account}, not only the item: 30010
     *     (the user's friend list is full), 30009 (the user may not add friends) and a request-level 30003 (the user
     *     does not exist). A client stops sending that user's later new relations and reports each as not sent because
     *     of it.
     * @param advice what to do, in a sentence for people ({@code ""} when there is nothing to add to the class)
     */
    public ErrorEntry {
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(errorClass, "errorClass");
        Objects.requireNonNull(advice, "advice");
    }

    /**
     * An entry that marks no account and gives no advice (the form before {@code marksFromAccount} and advice).
     *
     * @param code the code as the server sends it ({@code ErrorCode} or {@code ResultCode})
     * @param meaning a short English description
     * @param errorClass what a client does about it
     * @param known false for a code absent from the catalogue (then {@code errorClass} is {@link ErrorClass#UNKNOWN})
     */
    public ErrorEntry(int code, String meaning, ErrorClass errorClass, boolean known) {
        this(code, meaning, errorClass, known, false, "");
    }

    /** For example {@code 70001 UserSig expired (RESIGN)}. */
    @Override
    public String toString() {
        return code + " " + meaning + " (" + errorClass + ")";
    }
}
