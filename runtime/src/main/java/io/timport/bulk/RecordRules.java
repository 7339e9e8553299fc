package io.timport.bulk;

import io.timport.wire.FriendImportRules;
import io.timport.wire.Violations;

/**
 * The rules of a whole input record, beyond its item's own (which the generated builder and {@code fromWire} check):
 * the one function that both the relations phase ({@link RelationsPhase#offer}) and a validation
 * ({@link BulkImporter#validate}) apply, so that a record valid for one is valid for the other.
 *
 * <ol>
 *   <li>a record that could not be made into an item is invalid, for the reason it carries;</li>
 *   <li>its From_Account must be a UserID: 1 to 32 UTF-8 bytes ({@link FriendImportRules#checkFromAccount});</li>
 *   <li>its To_Account must not be its From_Account: a user cannot be their own friend (PLAN decision 2; the
 *       simulator answers such an item 30001).</li>
 * </ol>
 */
final class RecordRules {

    /** The problem of a record whose To_Account is its From_Account. */
    static final String SELF_FRIEND = "To_Account equals From_Account: a user cannot be imported as their own friend";

    private RecordRules() {
    }

    /**
     * What is wrong with {@code record}, in one sentence naming the field and the rule; null when it may be sent.
     * Allocates nothing for a valid record.
     */
    static String problem(ImportRecord<?> record) {
        if (!record.isValid()) {
            return record.problem();
        }
        String from = record.fromAccount();
        if (FriendImportRules.userIdProblem("From_Account", from) != null) {
            Violations violations = new Violations();
            FriendImportRules.checkFromAccount(violations, from);
            return violations.list().get(0).message();
        }
        if (from.equals(record.toAccount())) {
            return SELF_FRIEND;
        }
        return null;
    }
}
