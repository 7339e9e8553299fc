package io.timport.wire;

import io.timport.internal.Describe;
import java.util.List;
import java.util.Objects;

/**
 * One field of a friend whose value read back from Chat ({@code friend_get}) is not the value expected, as a
 * generated {@code differences(expected, found)} ({@link ItemType#differences}) reports it.
 *
 * <p>Reads as a sentence: {@code Remark: expected "Bobby", found absent}.
 *
 * @param field    the field as the wire format names it: {@code "Remark"}, {@code "GroupName"},
 *                 {@code "Tag_SNS_Custom_Level"}
 * @param expected the expected value, typed as the item holds it ({@link String}, {@link Long}, {@link Integer},
 *                 {@code List<String>}, an enum constant); null when the expected item does not have the field
 * @param found    the value read back, typed like {@code expected}; null when {@code friend_get} did not return
 *                 the field; or, when {@code friend_get} returned a value that could not be read as the field's type
 *                 (see {@link ReadBack#problems()}), that value as {@link JsonValues} reads it
 */
public record FieldDifference(String field, Object expected, Object found) {

    /**
     * Checks that the field is named.
     *
     * @param field    the field as the wire format names it: {@code "Remark"}, {@code "GroupName"}, {@code
     *     "Tag_SNS_Custom_Level"}
     * @param expected the expected value, typed as the item holds it ({@link String}, {@link Long}, {@link Integer},
     *     {@code List<String>}, an enum constant); null when the expected item does not have the field
     * @param found    the value read back, typed like {@code expected}; null when {@code friend_get} did not return the
     *     field; or, when {@code friend_get} returned a value that could not be read as the field's type (see {@link
     *     ReadBack#problems()}), that value as {@link JsonValues} reads it
     */
    public FieldDifference {
        Objects.requireNonNull(field, "field");
    }

    /**
     * The sentence {@code <field>: expected <value>, found <value>}; an absent value reads {@code absent}.
     *
     * @return the difference as one sentence for people
     */
    public String message() {
        return field + ": expected " + show(expected) + ", found " + show(found);
    }

    /** Same as {@link #message()}. */
    @Override
    public String toString() {
        return message();
    }

    private static String show(Object value) {
        if (value == null) {
            return "absent";
        }
        if (value instanceof String s) {
            return Describe.quoted(s);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Number n && Describe.isIntegral(n)) {
            return n.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object element : list) {
                out.append(out.length() == 1 ? "" : ", ").append(element instanceof String s ? Describe.quoted(s)
                        : Describe.jsonValue(element));
            }
            return out.append(']').toString();
        }
        return Describe.jsonValue(value);
    }
}
