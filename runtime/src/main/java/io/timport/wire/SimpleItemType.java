package io.timport.wire;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The {@link ItemType} behind {@link ItemType#of}. */
final class SimpleItemType<T extends AddFriendItem> implements ItemType<T> {

    private final Class<T> itemClass;
    private final List<String> customTags;
    private final Function<? super Map<String, ?>, ? extends T> reader;
    /** Null when the type does not read friends back. */
    private final BiFunction<String, Map<String, ?>, ReadBack<T>> readBack;
    /** Null when the type does not read friends back. */
    private final BiFunction<T, ReadBack<T>, List<FieldDifference>> differences;

    SimpleItemType(Class<T> itemClass, List<String> customTags, Function<? super Map<String, ?>, ? extends T> reader,
            BiFunction<String, Map<String, ?>, ReadBack<T>> readBack,
            BiFunction<T, ReadBack<T>, List<FieldDifference>> differences) {
        this.itemClass = Objects.requireNonNull(itemClass, "itemClass");
        this.customTags = List.copyOf(customTags);
        this.reader = Objects.requireNonNull(reader, "reader");
        this.readBack = readBack;
        this.differences = differences;
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
    public boolean supportsReadBack() {
        return readBack != null;
    }

    @Override
    public ReadBack<T> readBack(String toAccount, Map<String, ?> tags) {
        if (readBack == null) {
            return ItemType.super.readBack(toAccount, tags);
        }
        return readBack.apply(Objects.requireNonNull(toAccount, "toAccount"), Objects.requireNonNull(tags, "tags"));
    }

    @Override
    public List<FieldDifference> differences(T expected, ReadBack<T> found) {
        if (differences == null) {
            return ItemType.super.differences(expected, found);
        }
        return differences.apply(Objects.requireNonNull(expected, "expected"), Objects.requireNonNull(found, "found"));
    }

    @Override
    public String toString() {
        return "ItemType[" + itemClass.getName() + " " + customTags + "]";
    }
}
