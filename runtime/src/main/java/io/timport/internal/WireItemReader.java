package io.timport.internal;

import io.timport.wire.Violations;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the fields of one wire-format {@code AddFriendItem} (as plain Java values, see
 * {@link io.timport.wire.JsonValues}) for a generated {@code fromWire(Map)}, recording every problem in its
 * {@link #violations()} instead of stopping at the first one. Each accessor returns null for an absent value and for
 * one it could not use (having recorded why).
 *
 * <p>A JSON {@code null} counts as absent. Integers may arrive as {@link Long}, {@link Integer}, {@link Short},
 * {@link Byte} or {@link BigInteger}; a decimal number is not an integer.
 *
 * <p>Created by {@link #of}, which already checks the field names and the shape of {@code CustomItem}.
 *
 * <p><b>Not API</b> (see {@link io.timport.internal}).
 */
public final class WireItemReader {

    /** The fields of one {@code AddFriendItem}, in wire order. */
    public static final List<String> ITEM_FIELDS = List.of(
            "To_Account", "Remark", "RemarkTime", "GroupName", "AddSource", "AddWording", "AddTime", "CustomItem");

    private final Map<String, ?> fields;
    private final List<String> customTags;
    private final Violations violations = new Violations();
    private final Coercion.Problems problems = (field, rule, actual, value) -> violations.add(field, rule, actual);
    private final Map<String, Object> customValues = new HashMap<>();

    private WireItemReader(Map<String, ?> fields, List<String> customTags) {
        this.fields = fields;
        this.customTags = customTags;
    }

    /**
     * Starts reading {@code fields}: records a violation for every name that is not an {@code AddFriendItem} field,
     * and reads {@code CustomItem}: an array of <code>{"Tag":…,"Value":…}</code> objects whose tags must be among
     * {@code customTags} and must not repeat.
     *
     * @param fields     one item's fields ({@code From_Account} is not one of them)
     * @param customTags the full tags the item type knows
     * @return a reader of those fields
     */
    public static WireItemReader of(Map<String, ?> fields, List<String> customTags) {
        WireItemReader reader = new WireItemReader(Objects.requireNonNull(fields, "fields"), customTags);
        reader.checkFieldNames();
        reader.readCustomItems();
        return reader;
    }

    /**
     * Every problem found so far.
     *
     * @return the violations recorded so far
     */
    public Violations violations() {
        return violations;
    }

    /**
     * A standard string field ({@code To_Account}, {@code Remark}, …).
     *
     * @param field the wire name of the field
     * @return the value, or null when absent or unusable
     */
    public String string(String field) {
        return Coercion.string(problems, field, fields.get(field));
    }

    /**
     * A standard integer field ({@code RemarkTime}, {@code AddTime}).
     *
     * @param field the wire name of the field
     * @return the value, or null when absent or unusable
     */
    public Long integer(String field) {
        return Coercion.integer(problems, field, fields.get(field));
    }

    /**
     * A standard array-of-strings field, as given; empty when absent.
     *
     * @param field the wire name of the field
     * @return the strings, never null
     */
    public List<String> strings(String field) {
        return Coercion.strings(problems, field, fields.get(field));
    }

    /**
     * {@code GroupName}: an array of strings, each name once, at its first occurrence (as a builder stores it, see
     * {@link ItemBuilding#copyGroupNames}); empty when absent.
     *
     * @param field the wire name of the field
     * @return the distinct names, never null
     */
    public List<String> groupNames(String field) {
        return ItemBuilding.copyGroupNames(strings(field));
    }

    /**
     * The value of a string custom field, by full tag.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @return the value, or null when absent or unusable
     */
    public String customString(String tag) {
        return Coercion.string(problems, tag, customValues.get(tag));
    }

    /**
     * The value of an integer custom field with a {@code long} (or {@code Long}) type, by full tag.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @return the value, or null when absent or unusable
     */
    public Long customLong(String tag) {
        return Coercion.integer(problems, tag, customValues.get(tag));
    }

    /**
     * The value of an integer custom field with an {@code int} (or {@code Integer}) type, by full tag.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @return the value, or null when absent or unusable (also when out of {@code int} range)
     */
    public Integer customInt(String tag) {
        return Coercion.intValue(problems, tag, customValues.get(tag));
    }

    /**
     * The value of an enum custom field, by full tag: a string that is the {@code name()} of one of its constants.
     *
     * @param <E> the enum type
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @param type the enum class
     * @return the constant, or null when absent or unusable
     */
    public <E extends Enum<E>> E customEnum(String tag, Class<E> type) {
        return Coercion.constant(problems, tag, customValues.get(tag), type);
    }

    private void checkFieldNames() {
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (!ITEM_FIELDS.contains(field.getKey())) {
                violations.add(String.valueOf(field.getKey()), "is not an AddFriendItem field (known: "
                        + String.join(", ", ITEM_FIELDS) + ")", Describe.jsonValue(field.getValue()));
            }
        }
    }

    private void readCustomItems() {
        Object value = fields.get("CustomItem");
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> items)) {
            violations.add("CustomItem", "must be an array of {\"Tag\":…,\"Value\":…} objects", Describe.jsonValue(value));
            return;
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "CustomItem[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                violations.add(at, "must be a {\"Tag\":…,\"Value\":…} object", Describe.jsonValue(items.get(i)));
                continue;
            }
            for (Map.Entry<?, ?> field : item.entrySet()) {
                if (!"Tag".equals(field.getKey()) && !"Value".equals(field.getKey())) {
                    violations.add(at + "." + field.getKey(), "is not a CustomItem field (known: Tag, Value)",
                            Describe.jsonValue(field.getValue()));
                }
            }
            Object tag = item.get("Tag");
            if (!(tag instanceof String name)) {
                violations.add(at + ".Tag", tag == null ? "is required" : "must be a string",
                        tag == null ? "missing" : Describe.jsonValue(tag));
                continue;
            }
            if (!customTags.contains(name)) {
                violations.add(at + ".Tag", customTags.isEmpty()
                        ? "must be a custom tag of this item type, which has none"
                        : "must be one of this item type's tags (known: " + String.join(", ", customTags) + ")",
                        Describe.quoted(name));
                continue;
            }
            Integer first = firstIndex.putIfAbsent(name, i);
            if (first != null) {
                violations.add(at + ".Tag", "must not repeat the tag of CustomItem[" + first + "]", Describe.quoted(name));
                continue;
            }
            if (!item.containsKey("Value")) {
                violations.add(at + ".Value", "is required", "missing");
            }
            customValues.put(name, item.get("Value"));
        }
    }
}
