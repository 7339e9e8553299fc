package io.timport.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the {@link Violation}s of one item while it is checked, then throws them all at once.
 *
 * <p>Used by generated {@code build()} and {@code fromWire} methods through {@link FriendImportRules} and the
 * support of {@code io.timport.internal}; not thread-safe, one instance per item being checked. It allocates nothing
 * until the first violation.
 */
public final class Violations {

    private List<Violation> list;

    /** An empty collector. */
    public Violations() {
    }

    /**
     * Records that {@code field} {@code rule}, and was {@code actual}.
     *
     * @param field the field as the wire format names it, such as {@code "Remark"}
     * @param rule the rule, phrased to follow the field, such as {@code "must be at most 96 UTF-8 bytes"}
     * @param actual what the value was, phrased to follow "was", such as {@code "97 bytes"}
     */
    public void add(String field, String rule, String actual) {
        add(new Violation(field, rule, actual));
    }

    /**
     * Records one violation.
     *
     * @param violation the violation (not null)
     */
    public void add(Violation violation) {
        if (list == null) {
            list = new ArrayList<>(4);
        }
        list.add(violation);
    }

    /**
     * Whether nothing has been recorded.
     *
     * @return true when no violation was recorded
     */
    public boolean isEmpty() {
        return list == null;
    }

    /**
     * The violations recorded so far, in order; an unmodifiable copy.
     *
     * @return the violations in the order recorded
     */
    public List<Violation> list() {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * Throws an {@link InvalidItemException} listing every recorded violation, if there is any.
     *
     * @param toAccount the item's {@code To_Account} as given, to name the item in the message; may be null
     */
    public void throwIfAny(String toAccount) {
        if (list != null) {
            throw new InvalidItemException(toAccount, list);
        }
    }
}
