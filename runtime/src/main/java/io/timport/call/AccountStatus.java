package io.timport.call;

/** Whether an account exists in the app: {@code AccountStatus} in an {@code account_check} answer. */
public enum AccountStatus {
    /** {@code "Imported"}: the account exists. */
    IMPORTED,
    /** {@code "NotImported"}: the account does not exist. */
    NOT_IMPORTED,
    /** Absent, or a value no source documents: treat the account as not known to exist. */
    UNKNOWN;

    /** The status of the wire value. */
    static AccountStatus of(String wire) {
        switch (wire) {
            case "Imported":
                return IMPORTED;
            case "NotImported":
                return NOT_IMPORTED;
            default:
                return UNKNOWN;
        }
    }
}
