package io.timport.bulk;

/**
 * What an import does about the accounts its relations name, before it imports the relations
 * ({@link ImporterBuilder#accounts(AccountsMode)}). Tencent's migration guide imports accounts first: friend_import
 * answers 30003 for an account that does not exist.
 */
public enum AccountsMode {

    /** Nothing: the relations are imported as they are (the default of the builder). */
    OFF,

    /**
     * Checks every account the input names with {@code account_check} (100 a call) and creates none: a relation that
     * names a missing account is not sent, not even by a verification's repair, and is reported failed (code 30003)
     * with the missing account named; a verification counts it apart
     * ({@link VerificationReport#notRepairedMissingAccount()}).
     */
    CHECK,

    /**
     * Checks every account, creates the missing ones with {@code multiaccount_import} (100 a call), then imports the
     * relations. <b>Creates users in the app</b>: choose it on purpose. With an
     * {@linkplain ImporterBuilder#accountsFile accounts file}, only the accounts it lists are created: an account a
     * relation names that neither exists nor is listed is reported missing, as in {@link #CHECK}; so is one the
     * server could not create. Their relations are not sent, not even by a verification's repair.
     */
    IMPORT
}
