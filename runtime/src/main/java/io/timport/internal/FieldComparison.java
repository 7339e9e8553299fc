package io.timport.internal;

import io.timport.wire.AddFriendItem;
import io.timport.wire.FieldDifference;
import io.timport.wire.ReadBack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Compares an expected item with the same friend read back ({@link ReadBack}), one field per call, for a generated
 * {@code differences(expected, found)}; {@link #differences()} lists the fields that differ.
 *
 * <p>The stance on absent and empty, the same for every field: a field absent on one side and empty on the other
 * ({@code ""}, no groups, {@code 0}) does not differ. The sources do not say whether {@code friend_get} omits fields
 * never set or returns them empty; with this stance both answers compare alike. A value that could not be read (see
 * {@link ReadBack#unreadable()}) always differs, and is shown as it was.
 *
 * <p><b>Not API</b> (see {@link io.timport.internal}).
 */
public final class FieldComparison {

    private final ReadBack<?> found;
    private final List<FieldDifference> differences = new ArrayList<>(0);

    private FieldComparison(ReadBack<?> found) {
        this.found = found;
    }

    /**
     * Starts comparing.
     *
     * @param expected the item that was imported (not null)
     * @param found the same friend as {@code friend_get} returned it (not null)
     * @return a comparison with no differences yet
     * @throws IllegalArgumentException when {@code expected} and {@code found} are not the same friend
     */
    public static FieldComparison of(AddFriendItem expected, ReadBack<?> found) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        if (!expected.toAccount().equals(found.toAccount())) {
            throw new IllegalArgumentException("cannot compare To_Account " + Describe.quoted(expected.toAccount())
                    + " with the read-back of To_Account " + Describe.quoted(found.toAccount()));
        }
        return new FieldComparison(found);
    }

    /**
     * A string field ({@code AddSource}, {@code Remark}, a string custom field): absent is the same as {@code ""}.
     *
     * @param field the field's name, used in the difference
     * @param expected the expected value, or null when absent
     */
    public void text(String field, String expected) {
        if (unreadable(field, expected)) {
            return;
        }
        Object value = found.values().get(field);
        if (!orEmpty(expected).equals(value == null ? "" : value)) {
            differences.add(new FieldDifference(field, expected, value));
        }
    }

    /**
     * {@code GroupName}: the same names in any order (groups are a set); absent is the same as none.
     *
     * @param field the field's name, used in the difference
     * @param expected the expected names, or null when absent
     */
    public void groupNames(String field, List<String> expected) {
        if (unreadable(field, expected.isEmpty() ? null : expected)) {
            return;
        }
        Object value = found.values().get(field);
        List<?> names = value == null ? List.of() : (List<?>) value;
        if (!new HashSet<Object>(expected).equals(new HashSet<Object>(names))) {
            differences.add(new FieldDifference(field, expected.isEmpty() ? null : expected, value));
        }
    }

    /**
     * An integer field ({@code int}, {@code long}, {@code Integer}, {@code Long}): absent is the same as 0.
     *
     * @param field the field's name, used in the difference
     * @param expected the expected value, or null when absent
     */
    public void integer(String field, Number expected) {
        if (unreadable(field, expected)) {
            return;
        }
        Object value = found.values().get(field);
        long want = expected == null ? 0 : expected.longValue();
        long got = value == null ? 0 : ((Number) value).longValue();
        if (want != got) {
            differences.add(new FieldDifference(field, expected, value));
        }
    }

    /**
     * An integer field the server may fill in itself when an import does not give it ({@code AddTime}: the sources
     * do not say): compared as {@link #integer} when {@code expected} is present, not at all when it is absent.
     *
     * @param field the field's name, used in the difference
     * @param expected the expected value, or null when absent (then nothing is compared)
     */
    public void integerIfExpected(String field, Number expected) {
        if (expected != null) {
            integer(field, expected);
        }
    }

    /**
     * An enum field: the same constant; absent is the same as absent (an empty string reads as absent).
     *
     * @param field the field's name, used in the difference
     * @param expected the expected constant, or null when absent
     */
    public void enumeration(String field, Enum<?> expected) {
        if (unreadable(field, expected)) {
            return;
        }
        Object value = found.values().get(field);
        if (!Objects.equals(expected, value)) {
            differences.add(new FieldDifference(field, expected, value));
        }
    }

    /**
     * Every field that differed so far, in the order compared; unmodifiable.
     *
     * @return the differences, empty when every field compared so far matches
     */
    public List<FieldDifference> differences() {
        return List.copyOf(differences);
    }

    /** When {@code field}'s value could not be read, records the difference and returns true. */
    private boolean unreadable(String field, Object expected) {
        Object raw = found.unreadable().get(field);
        if (raw == null) {
            return false;
        }
        differences.add(new FieldDifference(field, expected, raw));
        return true;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
