package io.timport.wire;

import io.timport.internal.WireItemReader;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one wire-format {@code AddFriendItem} (as plain Java values, see {@link JsonValues}) for a
 * generated {@code fromWire(Map)}, recording every problem in its {@link #violations()} instead of stopping at the
 * first one. Each accessor returns null for an absent value and for one it could not use (having recorded why).
 *
 * @deprecated support for generated code, now {@link io.timport.internal.WireItemReader} (not API). To read an item
 *     of a generated type, call its {@code fromWire(Map)} or {@link ItemType#fromWire}. This class forwards to the
 *     new one and will be removed.
 */
@Deprecated(since = "0.1.0")
public final class WireReader {

    /** The fields of one {@code AddFriendItem}, in wire order. */
    public static final List<String> ITEM_FIELDS = WireItemReader.ITEM_FIELDS;

    private final WireItemReader reader;

    private WireReader(WireItemReader reader) {
        this.reader = reader;
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
    public static WireReader of(Map<String, ?> fields, List<String> customTags) {
        return new WireReader(WireItemReader.of(fields, customTags));
    }

    /**
     * Every problem found so far.
     *
     * @return the violations recorded so far
     */
    public Violations violations() {
        return reader.violations();
    }

    /**
     * A standard string field ({@code To_Account}, {@code Remark}, …).
     *
     * @param field the wire name of the field
     * @return the value, or null when absent or unusable
     */
    public String string(String field) {
        return reader.string(field);
    }

    /**
     * A standard integer field ({@code RemarkTime}, {@code AddTime}).
     *
     * @param field the wire name of the field
     * @return the value, or null when absent or unusable
     */
    public Long integer(String field) {
        return reader.integer(field);
    }

    /**
     * A standard array-of-strings field ({@code GroupName}); empty when absent.
     *
     * @param field the wire name of the field
     * @return the names, never null
     */
    public List<String> strings(String field) {
        return reader.strings(field);
    }

    /**
     * The value of a string custom field, by full tag.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @return the value, or null when absent or unusable
     */
    public String customString(String tag) {
        return reader.customString(tag);
    }

    /**
     * The value of an integer custom field with a {@code long} (or {@code Long}) type, by full tag.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @return the value, or null when absent or unusable
     */
    public Long customLong(String tag) {
        return reader.customLong(tag);
    }

    /**
     * The value of an integer custom field with an {@code int} (or {@code Integer}) type, by full tag.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @return the value, or null when absent or unusable (also when out of {@code int} range)
     */
    public Integer customInt(String tag) {
        return reader.customInt(tag);
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
        return reader.customEnum(tag, type);
    }
}
