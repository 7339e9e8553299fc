package io.timport.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One friend as {@code friend_get} returned it, read into the fields of an item type: what a generated
 * {@code XItem.readBack(toAccount, tags)} ({@link ItemType#readBack}) gives, and what
 * {@link ItemType#differences} compares an expected item with.
 *
 * <p>Nothing {@code friend_get} returned is thrown away: every value is either {@linkplain #values() read},
 * typed as the item holds it, or kept {@linkplain #unreadable() as it was} beside the {@linkplain #problems()
 * problem} that kept it from being read (a value of the wrong type, a name that is no constant of the enum, a tag the
 * item type does not have).
 *
 * <p>Field names are those of the wire format ({@code AddSource}, {@code Remark}, {@code GroupName},
 * {@code AddWording}, {@code AddTime}, {@code Tag_SNS_Custom_…}), whichever {@code friend_get} tag they came from
 * ({@code Tag_SNS_IM_AddSource}, …); an unknown tag is named by itself. Immutable.
 *
 * @param <T> the item type
 */
public final class ReadBack<T extends AddFriendItem> {

    private final String toAccount;
    private final T item;
    private final Map<String, Object> values;
    private final Map<String, Object> unreadable;
    private final List<Violation> problems;
    private final List<Violation> itemViolations;

    private ReadBack(String toAccount, T item, Map<String, ?> values, Map<String, ?> unreadable,
            List<Violation> problems, List<Violation> itemViolations) {
        this.toAccount = Objects.requireNonNull(toAccount, "toAccount");
        this.item = item;
        this.values = copy(values, "values");
        this.unreadable = copy(unreadable, "unreadable");
        this.problems = List.copyOf(problems);
        this.itemViolations = List.copyOf(itemViolations);
        if ((item == null) == this.itemViolations.isEmpty()) {
            throw new IllegalArgumentException(item == null
                    ? "a read-back without an item needs the violations that kept it from being one"
                    : "a read-back with an item has no item violations");
        }
    }

    /**
     * A read-back from its parts; what generated code makes (and hand-written {@link ItemType}s may).
     *
     * @param toAccount      the friend
     * @param item           the friend as a valid item, or null when what was read does not make one
     * @param values         every value read, by field name, typed as the item holds it; no null values (copied,
     *                       order kept)
     * @param unreadable     every value that could not be read, by field name (or tag, for an unknown tag), as
     *                       {@link JsonValues} reads it; no null values (copied, order kept)
     * @param problems       why each unreadable value could not be read
     * @param itemViolations when {@code item} is null, the rules of the item type that what was read breaks (not
     *                       empty); else empty
     * @param <T> the item type
     * @return the read-back
     */
    public static <T extends AddFriendItem> ReadBack<T> of(String toAccount, T item, Map<String, ?> values,
            Map<String, ?> unreadable, List<Violation> problems, List<Violation> itemViolations) {
        return new ReadBack<>(toAccount, item, values, unreadable, problems, itemViolations);
    }

    /**
     * The friend's UserID ({@code To_Account}).
     *
     * @return the UserID, never null
     */
    public String toAccount() {
        return toAccount;
    }

    /**
     * The friend as a valid item, when what was read makes one: every required field present and every rule of
     * {@code friend_import} kept. Empty otherwise (see {@link #itemViolations()}); {@link ItemType#differences} does
     * not need it. Note that {@code friend_get} returns no {@code RemarkTime}: the item has none.
     *
     * @return the item, or empty when what was read breaks a rule of the item type
     */
    public Optional<T> item() {
        return Optional.ofNullable(item);
    }

    /**
     * Every value read, by field name, typed as the item holds it; absent fields are not in it. Unmodifiable.
     *
     * @return field name to value; never null
     */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * Every value {@code friend_get} returned that could not be read, by field name (an unknown tag by itself), as
     * {@link JsonValues} reads it; {@link #problems()} says why. Unmodifiable.
     *
     * @return field name (or tag) to raw value; empty when everything was read
     */
    public Map<String, Object> unreadable() {
        return unreadable;
    }

    /**
     * Why each {@linkplain #unreadable() unreadable} value could not be read: a value of the wrong JSON type, an
     * integer out of the field's range, a name that is no constant of the field's enum, a tag the item type does
     * not have. Empty when everything was read.
     *
     * @return the problems in field order; never null
     */
    public List<Violation> problems() {
        return problems;
    }

    /**
     * Why {@link #item()} is empty: the rules of the item type that the values read break (a required field
     * absent, a negative custom integer, …). Empty when {@link #item()} is present.
     *
     * @return the broken rules; empty exactly when {@link #item()} is present
     */
    public List<Violation> itemViolations() {
        return itemViolations;
    }

    /** The friend, the values read and the problems; for logs and tests. */
    @Override
    public String toString() {
        return "ReadBack[" + toAccount + " " + values
                + (unreadable.isEmpty() ? "" : ", unreadable " + unreadable)
                + (problems.isEmpty() ? "" : ", problems " + problems)
                + (item == null ? ", no item: " + itemViolations : "") + "]";
    }

    private static Map<String, Object> copy(Map<String, ?> map, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(Objects.requireNonNull(map, name));
        for (Map.Entry<String, Object> entry : copy.entrySet()) {
            Objects.requireNonNull(entry.getKey(), name + " key");
            Objects.requireNonNull(entry.getValue(), () -> name + " value of " + entry.getKey());
        }
        return Collections.unmodifiableMap(copy);
    }
}
