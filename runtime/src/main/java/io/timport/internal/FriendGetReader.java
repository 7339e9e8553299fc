package io.timport.internal;

import io.timport.wire.AddFriendItem;
import io.timport.wire.InvalidItemException;
import io.timport.wire.ReadBack;
import io.timport.wire.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads one friend of a {@code friend_get} answer (its {@code To_Account} and its values by tag, as
 * {@link io.timport.wire.JsonValues} reads them) for a generated {@code readBack(String, Map)}: each accessor reads
 * one field from its tag, typed, and records the value; {@link #result} makes the {@link ReadBack}.
 *
 * <p>Nothing is thrown away: a value that cannot be read (wrong JSON type, integer out of range, name that is no
 * constant of the enum) is kept as it was, beside the problem; a tag no accessor asked for is kept and reported as
 * unknown. A JSON {@code null} counts as absent, and so does an empty string for an enum field (so that a
 * {@code friend_get} that returns never-set fields as {@code ""} reads like one that omits them).
 *
 * <p>Values and problems are named by the field ({@code Remark}, {@code Tag_SNS_Custom_Level}), not by the
 * {@code friend_get} tag the value came from ({@code Tag_SNS_IM_Remark}).
 *
 * <p><b>Not API</b> (see {@link io.timport.internal}).
 */
public final class FriendGetReader {

    private final String toAccount;
    private final Map<String, ?> tags;
    /** Every tag an accessor asked for, in order: the tags this item type knows. */
    private final Set<String> known = new LinkedHashSet<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Object> unreadable = new LinkedHashMap<>();
    private final List<Violation> problems = new ArrayList<>();

    private FriendGetReader(String toAccount, Map<String, ?> tags) {
        this.toAccount = toAccount;
        this.tags = tags;
    }

    /**
     * Starts reading one friend.
     *
     * @param toAccount the friend's UserID
     * @param tags      the friend's values by tag ({@code ValueItem} of {@code friend_get}: each element's
     *                  {@code Tag} and {@code Value})
     * @return a reader of that friend's values
     */
    public static FriendGetReader of(String toAccount, Map<String, ?> tags) {
        return new FriendGetReader(Objects.requireNonNull(toAccount, "toAccount"), Objects.requireNonNull(tags, "tags"));
    }

    /**
     * A standard string field ({@code AddSource}, {@code Remark}, {@code AddWording}) from its tag.
     *
     * @param field the field's name, used for the value and its problem
     * @param tag the {@code friend_get} tag the value is read from
     * @return the value, or null when absent or unreadable
     */
    public String string(String field, String tag) {
        Object raw = raw(tag);
        return keep(field, Coercion.string(problems(field, raw), field, raw));
    }

    /**
     * {@code GroupName} from its tag ({@code Tag_SNS_IM_Group}, an array of strings): each name once, at its first
     * occurrence, as a builder stores it; empty when absent.
     *
     * @param field the field's name, used for the value and its problem
     * @param tag the {@code friend_get} tag the value is read from
     * @return the distinct names, never null
     */
    public List<String> groupNames(String field, String tag) {
        Object raw = raw(tag);
        List<String> names = ItemBuilding.copyGroupNames(Coercion.strings(problems(field, raw), field, raw));
        return names.isEmpty() ? names : keep(field, names);
    }

    /**
     * A standard integer field ({@code AddTime}) from its tag.
     *
     * @param field the field's name, used for the value and its problem
     * @param tag the {@code friend_get} tag the value is read from
     * @return the value, or null when absent or unreadable
     */
    public Long integer(String field, String tag) {
        Object raw = raw(tag);
        return keep(field, Coercion.integer(problems(field, raw), field, raw));
    }

    /**
     * The value of a string custom field, by full tag.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @return the value, or null when absent or unreadable
     */
    public String customString(String tag) {
        Object raw = raw(tag);
        return keep(tag, Coercion.string(problems(tag, raw), tag, raw));
    }

    /**
     * The value of an integer custom field with a {@code long} (or {@code Long}) type, by full tag.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @return the value, or null when absent or unreadable
     */
    public Long customLong(String tag) {
        Object raw = raw(tag);
        return keep(tag, Coercion.integer(problems(tag, raw), tag, raw));
    }

    /**
     * The value of an integer custom field with an {@code int} (or {@code Integer}) type, by full tag.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @return the value, or null when absent or unreadable (also when out of {@code int} range)
     */
    public Integer customInt(String tag) {
        Object raw = raw(tag);
        return keep(tag, Coercion.intValue(problems(tag, raw), tag, raw));
    }

    /**
     * The value of an enum custom field, by full tag: a string that is the {@code name()} of one of its constants;
     * an empty string counts as absent.
     *
     * @param <E> the enum type
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @param type the enum class
     * @return the constant, or null when absent or unreadable
     */
    public <E extends Enum<E>> E customEnum(String tag, Class<E> type) {
        Object raw = raw(tag);
        if ("".equals(raw)) {
            return null;
        }
        return keep(tag, Coercion.constant(problems(tag, raw), tag, raw, type));
    }

    /**
     * The read-back: every value read, every unreadable value and unknown tag with its problem, and the item that
     * {@code build} makes of the values, unless it throws an {@link InvalidItemException} (then its violations say
     * why there is no item).
     *
     * @param build builds the item from the values read, typically a generated builder's {@code build()}
     * @param <T> the item type
     * @return the read-back of this friend
     */
    public <T extends AddFriendItem> ReadBack<T> result(Supplier<? extends T> build) {
        for (Map.Entry<String, ?> entry : tags.entrySet()) {
            String tag = entry.getKey();
            if (!known.contains(tag) && entry.getValue() != null) {
                unreadable.put(tag, entry.getValue());
                problems.add(new Violation(tag, "is not a tag of this item type (known: " + String.join(", ", known)
                        + ")", Describe.jsonValue(entry.getValue())));
            }
        }
        T item = null;
        List<Violation> itemViolations = List.of();
        try {
            item = build.get();
        } catch (InvalidItemException e) {
            itemViolations = e.violations();
        }
        return ReadBack.of(toAccount, item, values, unreadable, problems, itemViolations);
    }

    private Object raw(String tag) {
        known.add(tag);
        return tags.get(tag);
    }

    /** Records problems as {@code field}'s, and keeps the whole value {@code raw} as unreadable. */
    private Coercion.Problems problems(String field, Object raw) {
        return (at, rule, actual, value) -> {
            problems.add(new Violation(at, rule, actual));
            unreadable.put(field, raw);
        };
    }

    private <V> V keep(String field, V value) {
        if (value != null) {
            values.put(field, value);
        }
        return value;
    }
}
