package io.timport.errors;

import java.util.Objects;

/**
 * One error code of the Chat REST API: its number, what it means, and what to do about it.
 *
 * @param code the code as the server sends it ({@code ErrorCode} or {@code ResultCode})
 * @param meaning a short English description
 * @param errorClass what a client does about it
 * @param known false for a code absent from the catalogue (then {@code errorClass} is {@link ErrorClass#PERMANENT})
 */
public record ErrorEntry(int code, String meaning, ErrorClass errorClass, boolean known) {

    /** Checks that meaning and class are present. */
    public ErrorEntry {
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(errorClass, "errorClass");
    }

    /** For example {@code 70001 UserSig expired (RESIGN)}. */
    @Override
    public String toString() {
        return code + " " + meaning + " (" + errorClass + ")";
    }
}
