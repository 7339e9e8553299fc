package io.timport.wire;

import java.util.Objects;

/**
 * One broken rule of one friend item: which field, which rule, and what the value actually was.
 *
 * <p>Reads as a sentence: {@code Remark must be at most 96 UTF-8 bytes, was 97 bytes}.
 *
 * @param field  the field as the wire format names it: {@code "Remark"}, {@code "GroupName[3]"},
 *               {@code "Tag_SNS_Custom_Level"}, {@code "CustomItem[1].Tag"}, or an unknown field's name
 * @param rule   the rule, phrased to follow the field: {@code "must be at most 96 UTF-8 bytes"}, {@code "is required"}
 * @param actual what the value was, phrased to follow "was": {@code "97 bytes"}, {@code "missing"},
 *               {@code "\"AddSource_Type_Web3\""}
 */
public record Violation(String field, String rule, String actual) {

    /**
     * Checks that no component is null.
     *
     * @param field  the field as the wire format names it: {@code "Remark"}, {@code "GroupName[3]"}, {@code
     *     "Tag_SNS_Custom_Level"}, {@code "CustomItem[1].Tag"}, or an unknown field's name
     * @param rule   the rule, phrased to follow the field: {@code "must be at most 96 UTF-8 bytes"}, {@code "is
     *     required"}
     * @param actual what the value was, phrased to follow "was": {@code "97 bytes"}, {@code "missing"}, {@code
     *     "\"AddSource_Type_Web3\""}
     */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(actual, "actual");
    }

    /**
     * The sentence {@code <field> <rule>, was <actual>}.
     *
     * @return the violation as one sentence, such as {@code Remark must be at most 96 UTF-8 bytes, was 97 bytes}
     */
    public String message() {
        return field + " " + rule + ", was " + actual;
    }

    /** Same as {@link #message()}. */
    @Override
    public String toString() {
        return message();
    }
}
