package io.timport.bulk;

import io.timport.wire.FieldDifference;
import java.util.List;
import java.util.Objects;

/**
 * One relation a verification found not as the input has it: missing from the friend list, or there with fields that
 * differ.
 *
 * @param fromAccount the friend list's owner
 * @param toAccount   the friend
 * @param position    the position of its record in the input (the last record of the pair)
 * @param kind        missing or different
 * @param differences the fields that differ, expected and found; empty when missing
 */
public record RelationMismatch(String fromAccount, String toAccount, long position, Kind kind,
        List<FieldDifference> differences) {

    /** What is wrong with the relation. */
    public enum Kind {
        /** {@code friend_get} did not return the friend. */
        MISSING,
        /** {@code friend_get} returned the friend with some fields not as expected. */
        DIFFERS
    }

    /**
     * Copies the list.
     *
     * @param fromAccount the friend list's owner
     * @param toAccount   the friend
     * @param position    the position of its record in the input (the last record of the pair)
     * @param kind        missing or different
     * @param differences the fields that differ, expected and found; empty when missing
     */
    public RelationMismatch {
        Objects.requireNonNull(fromAccount, "fromAccount");
        Objects.requireNonNull(toAccount, "toAccount");
        Objects.requireNonNull(kind, "kind");
        differences = List.copyOf(differences);
    }

    /**
     * One line: {@code record 17: alice -> bob: missing}, or
     * {@code record 18: alice -> carol: Remark: expected "Bobby", found "Bob"; ...}; escaped for a terminal.
     *
     * @return the line, without a line separator
     */
    public String message() {
        StringBuilder s = new StringBuilder("record ").append(position).append(": ")
                .append(ImportReport.printable(fromAccount)).append(" -> ").append(ImportReport.printable(toAccount))
                .append(": ");
        if (kind == Kind.MISSING) {
            return s.append("missing").toString();
        }
        for (int i = 0; i < differences.size(); i++) {
            s.append(i == 0 ? "" : "; ").append(ImportReport.printable(differences.get(i).message()));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
