package io.timport.wire;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What generic code (the bulk importer, a command-line tool) needs to know about one generated item type.
 *
 * <p>Every generated {@code XItem} has {@code public static final ItemType<XItem> TYPE}.
 *
 * @param <T> the generated item class
 */
public interface ItemType<T extends AddFriendItem> {

    /** The generated item class, e.g. {@code GameFriendItem.class}. */
    Class<T> itemClass();

    /** The full tags of the item's custom fields, in the order they are sent ({@code Tag_SNS_Custom_Level}, …). */
    List<String> customTags();

    /**
     * Reads one item from its wire-format fields, as parsed into plain Java values (see {@link JsonValues}).
     *
     * @throws InvalidItemException listing every problem: unknown fields and tags, wrong value types, broken rules
     */
    T fromWire(Map<String, ?> fields);

    /**
     * Reads one JSON object in the wire format from {@code parser} (at or before its <code>{</code>) and returns the
     * item it describes.
     *
     * @throws IOException          if the JSON itself is malformed
     * @throws InvalidItemException if it is well-formed JSON but not a valid item of this type
     */
    default T readJson(JsonParser parser) throws IOException {
        return fromWire(JsonValues.readObject(parser));
    }

    /**
     * An item type from its parts; what generated code uses.
     *
     * @param itemClass  the generated class
     * @param customTags its custom tags in wire order (copied)
     * @param reader     its {@code fromWire} method
     */
    static <T extends AddFriendItem> ItemType<T> of(Class<T> itemClass, List<String> customTags,
            Function<? super Map<String, ?>, ? extends T> reader) {
        return new SimpleItemType<>(itemClass, customTags, reader);
    }
}
