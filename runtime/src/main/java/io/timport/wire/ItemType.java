package io.timport.wire;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What generic code (the bulk importer, a verification phase, a command-line tool) needs to know about one generated
 * item type.
 *
 * <p>Every generated {@code XItem} has {@code public static final ItemType<XItem> TYPE}, which also reads friends back
 * from {@code friend_get} ({@link #readBack}) and compares them with expected items ({@link #differences}). A
 * hand-written implementation need not: those two methods have defaults that throw, and {@link #supportsReadBack()}
 * tells generic code which it has.
 *
 * @param <T> the generated item class
 */
public interface ItemType<T extends AddFriendItem> {

    /**
     * The generated item class, e.g. {@code GameFriendItem.class}.
     *
     * @return the item class, never null
     */
    Class<T> itemClass();

    /**
     * The full tags of the item's custom fields, in the order they are sent ({@code Tag_SNS_Custom_Level}, …).
     *
     * @return the full tags, empty when the item has no custom fields
     */
    List<String> customTags();

    /**
     * Reads one item from its wire-format fields, as parsed into plain Java values (see {@link JsonValues}).
     *
     * @param fields field name to value, as {@link JsonValues#readObject} returns them (not null)
     * @return the valid item, never null
     * @throws InvalidItemException listing every problem: unknown fields and tags, wrong value types, broken rules
     */
    T fromWire(Map<String, ?> fields);

    /**
     * Reads one JSON object in the wire format from {@code parser} (at or before its <code>{</code>) and returns the
     * item it describes.
     *
     * @param parser the parser, at or before the item's <code>{</code> (not null)
     * @return the valid item; the parser is left on the item's closing <code>}</code>
     * @throws IOException          if the JSON itself is malformed
     * @throws InvalidItemException if it is well-formed JSON but not a valid item of this type
     */
    default T readJson(JsonParser parser) throws IOException {
        return fromWire(JsonValues.readObject(parser));
    }

    /**
     * Whether {@link #readBack} and {@link #differences} work: true for every generated item type, false (the
     * default) for a hand-written one that does not implement them.
     *
     * @return true when read-back and comparison are supported
     */
    default boolean supportsReadBack() {
        return false;
    }

    /**
     * Reads one friend of a {@code friend_get} answer into this item type's fields: the standard fields from their
     * tags ({@code Tag_SNS_IM_AddSource}, {@code Tag_SNS_IM_Remark}, {@code Tag_SNS_IM_Group},
     * {@code Tag_SNS_IM_AddWording}, {@code Tag_SNS_IM_AddTime}; no documented tag returns {@code RemarkTime}), the
     * custom fields from theirs, typed. A value of the wrong type, a name that is no constant of an enum field, and a
     * tag this type does not have are reported in the result, not thrown away.
     *
     * @param toAccount the friend's UserID
     * @param tags      the friend's values by tag, as {@link JsonValues} reads them
     * @return what was read, with every problem
     * @throws UnsupportedOperationException when this type does not support it ({@link #supportsReadBack()})
     */
    default ReadBack<T> readBack(String toAccount, Map<String, ?> tags) {
        throw new UnsupportedOperationException(itemClass().getName() + " cannot read friends back from friend_get");
    }

    /**
     * Compares an expected item with the same friend read back, field by field, on the fields {@code friend_get}
     * returns ({@code RemarkTime} is never compared: no documented tag returns it). A field that is absent on one
     * side and empty on the other ({@code ""}, no groups, {@code 0}) does not differ, so that the result is the same
     * whether {@code friend_get} omits fields never set or returns them empty. {@code AddTime} is compared only when
     * the expected item has one.
     *
     * @param expected the item that was imported
     * @param found    the same friend, read back with {@link #readBack}
     * @return every field that differs, in wire order; empty when the friend is as expected
     * @throws IllegalArgumentException      when the two are not the same friend ({@code To_Account})
     * @throws UnsupportedOperationException when this type does not support it ({@link #supportsReadBack()})
     */
    default List<FieldDifference> differences(T expected, ReadBack<T> found) {
        throw new UnsupportedOperationException(itemClass().getName() + " cannot compare read-back friends");
    }

    /**
     * An item type from its parts, without {@link #readBack} and {@link #differences}.
     *
     * @param itemClass  the generated class
     * @param customTags its custom tags in wire order (copied)
     * @param reader     its {@code fromWire} method
     * @param <T> the item type
     * @return an item type whose {@link #supportsReadBack()} is false
     */
    static <T extends AddFriendItem> ItemType<T> of(Class<T> itemClass, List<String> customTags,
            Function<? super Map<String, ?>, ? extends T> reader) {
        return new SimpleItemType<>(itemClass, customTags, reader, null, null);
    }

    /**
     * An item type from its parts; what generated code uses.
     *
     * @param itemClass   the generated class
     * @param customTags  its custom tags in wire order (copied)
     * @param reader      its {@code fromWire} method
     * @param readBack    its {@code readBack} method
     * @param differences its {@code differences} method
     * @param <T> the item type
     * @return an item type that supports read-back and comparison
     */
    static <T extends AddFriendItem> ItemType<T> of(Class<T> itemClass, List<String> customTags,
            Function<? super Map<String, ?>, ? extends T> reader,
            BiFunction<String, Map<String, ?>, ReadBack<T>> readBack,
            BiFunction<T, ReadBack<T>, List<FieldDifference>> differences) {
        return new SimpleItemType<>(itemClass, customTags, reader, Objects.requireNonNull(readBack, "readBack"),
                Objects.requireNonNull(differences, "differences"));
    }
}
