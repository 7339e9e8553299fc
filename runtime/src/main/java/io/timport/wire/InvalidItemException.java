package io.timport.wire;

import io.timport.internal.Describe;
import java.util.List;

/**
 * A friend item broke one or more rules of {@code friend_import}; thrown by a generated builder's {@code build()}
 * and by a generated {@code fromWire(Map)}.
 *
 * <p>It lists <em>every</em> problem of the item at once, never only the first: missing required fields, values
 * over their limits, and (when reading the wire format) unknown fields, unknown tags and values of the wrong type.
 * The message reads, for example:
 * <pre>
 * Invalid friend item for To_Account "bob", 2 problems: Remark must be at most 96 UTF-8 bytes, was 97 bytes;
 * Tag_SNS_Custom_Level is required, was missing
 * </pre>
 */
public final class InvalidItemException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The item's {@code To_Account} as given, or null. */
    private final String toAccount;
    private final transient List<Violation> violations;

    /**
     * @param toAccount  the item's {@code To_Account} if it had one (only used to name the item), or null
     * @param violations every broken rule; not empty
     */
    public InvalidItemException(String toAccount, List<Violation> violations) {
        super(message(toAccount, violations));
        this.toAccount = toAccount;
        this.violations = List.copyOf(violations);
    }

    /**
     * The item's {@code To_Account} as it was given (possibly itself invalid), or null when it had none.
     *
     * @return the {@code To_Account}, or null
     */
    public String toAccount() {
        return toAccount;
    }

    /**
     * Every broken rule, in wire-field order; never empty.
     *
     * @return an unmodifiable, non-empty list of violations
     */
    public List<Violation> violations() {
        return violations;
    }

    private static String message(String toAccount, List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidItemException needs at least one violation");
        }
        StringBuilder message = new StringBuilder("Invalid friend item");
        if (toAccount != null) {
            message.append(" for To_Account ").append(Describe.quoted(toAccount));
        }
        int count = violations.size();
        message.append(", ").append(count).append(count == 1 ? " problem: " : " problems: ");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                message.append("; ");
            }
            message.append(violations.get(i).message());
        }
        return message.toString();
    }
}
