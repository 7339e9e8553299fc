package io.timport.bulk;

import io.timport.call.AccountItem;
import java.nio.file.Path;

/**
 * The accounts phase's settings, fixed when {@link ImporterBuilder} builds the importer; each is documented on the
 * builder's setter.
 *
 * @param mode off, check or import
 * @param file the accounts file (JSONL of UserID, Nick, FaceUrl), or null
 * @param list the accounts list given as objects, or null
 * @param missingOut where the accounts not created are written, or null
 * @param tempDir where the sorted accounts are kept during the run, or null for the system's
 */
record AccountsSettings(AccountsMode mode, Path file, Iterable<AccountItem> list, Path missingOut, Path tempDir) {

    static final AccountsSettings OFF = new AccountsSettings(AccountsMode.OFF, null, null, null, null);

    /** True when an accounts list (a file or objects) was given. */
    boolean listed() {
        return file != null || list != null;
    }
}
