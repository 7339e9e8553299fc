package io.timport.call;

import io.timport.wire.AddFriendItem;
import io.timport.wire.ItemType;
import io.timport.wire.ReadBack;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One friend as {@code friend_get} returns it: its {@code To_Account} and its fields by tag, in answer order.
 *
 * <p>Each value is the plain JSON value exactly as {@link io.timport.wire.JsonValues} reads it: a {@link String},
 * a {@link Long} (or {@link java.math.BigInteger} when it does not fit), a {@link Double}, a {@link Boolean}, a
 * {@link java.util.List} (e.g. {@code Tag_SNS_IM_Group}'s group names), a {@link Map}, or null. Standard tags:
 * {@code Tag_SNS_IM_AddSource}, {@code Tag_SNS_IM_Remark}, {@code Tag_SNS_IM_Group}, {@code Tag_SNS_IM_AddWording},
 * {@code Tag_SNS_IM_AddTime}; custom fields under their {@code Tag_SNS_Custom_*} tags. {@link #readAs} turns them
 * into the fields of a generated item type.
 *
 * @param toAccount the friend's UserID ({@code ""} when the server left it out)
 * @param values tag → value, in the order of the answer's {@code ValueItem}; unmodifiable
 */
public record Friend(String toAccount, Map<String, Object> values) {

    /**
     * Copies the map, keeping its order (values may be null).
     *
     * @param toAccount the friend's UserID ({@code ""} when the server left it out)
     * @param values tag → value, in the order of the answer's {@code ValueItem}; unmodifiable
     */
    public Friend {
        Objects.requireNonNull(toAccount, "toAccount");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The value of {@code tag}, or null when the friend has no such field.
     *
     * @param tag a full tag, such as {@code "Tag_SNS_IM_Remark"} or {@code "Tag_SNS_Custom_Guild"}
     * @return the value as the answer carried it (see {@link #values()}), or null when absent
     */
    public Object value(String tag) {
        return values.get(tag);
    }

    /**
     * This friend read into the fields of {@code type} (a generated {@code XItem.TYPE}):
     * {@code type.readBack(toAccount(), values())}, every value typed or reported, ready to compare with the item
     * that was imported ({@link ItemType#differences}).
     *
     * @param <T> the generated item type
     * @param type the item type to read into (not null)
     * @return the friend's values as {@code T}'s fields, with the values that could not be read reported
     * @throws UnsupportedOperationException when the type cannot read friends back ({@link ItemType#supportsReadBack})
     */
    public <T extends AddFriendItem> ReadBack<T> readAs(ItemType<T> type) {
        return type.readBack(toAccount, values);
    }
}
