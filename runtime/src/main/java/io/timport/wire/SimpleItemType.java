package io.timport.wire;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The {@link ItemType} behind {@link ItemType#of}. */
final class SimpleItemType<T extends AddFriendItem> implements ItemType<T> {

    private final Class<T> itemClass;
    private final List<String> customTags;
    private final Function<? super Map<String, ?>, ? extends T> reader;

    SimpleItemType(Class<T> itemClass, List<String> customTags, Function<? super Map<String, ?>, ? extends T> reader) {
        this.itemClass = Objects.requireNonNull(itemClass, "itemClass");
        this.customTags = List.copyOf(customTags);
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public Class<T> itemClass() {
        return itemClass;
    }

    @Override
    public List<String> customTags() {
        return customTags;
    }

    @Override
    public T fromWire(Map<String, ?> fields) {
        return reader.apply(Objects.requireNonNull(fields, "fields"));
    }

    @Override
    public String toString() {
        return "ItemType[" + itemClass.getName() + " " + customTags + "]";
    }
}
