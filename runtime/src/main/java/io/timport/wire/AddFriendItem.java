package io.timport.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The contract every generated {@code XItem} implements: one element of a {@code friend_import} request's
 * {@code AddFriendItem} array, already validated, that can write itself in the exact wire format.
 *
 * <p>The import engine batches and sends any implementation without knowing its custom fields.
 * Implementations are immutable and thread-safe. Generated implementations ({@code XItem} for a
 * {@code @FriendFields} interface {@code X}) are valid by construction (see {@link FriendImportRules}) and describe
 * themselves to generic code through their {@code public static final ItemType<XItem> TYPE}.
 *
 * <p>Write request bodies with generators from {@link WireWriter#jsonFactory()}, so that characters outside the
 * Basic Multilingual Plane are sent as UTF-8 rather than as escaped surrogate pairs.
 */
public interface AddFriendItem {

    /**
     * The friend's UserID ({@code To_Account}). Never null.
     *
     * @return the {@code To_Account} UserID (1 to 32 UTF-8 bytes)
     */
    String toAccount();

    /**
     * Writes this item's fields, in wire order and spelling, into the JSON object the generator is currently
     * inside ({@code "To_Account":…,"AddSource":…,…}), omitting absent optional fields. Writes no braces, so a
     * caller can put fields of its own beside them (the JSONL failure files add {@code From_Account}).
     *
     * @param json a generator inside a JSON object (not null)
     * @throws IOException when the generator fails to write
     */
    void writeFields(JsonGenerator json) throws IOException;

    /**
     * Writes this item as one JSON object: <code>{</code>{@link #writeFields fields}<code>}</code>.
     *
     * @param json a generator where a JSON value may start (not null)
     * @throws IOException when the generator fails to write
     */
    default void writeJson(JsonGenerator json) throws IOException {
        json.writeStartObject();
        writeFields(json);
        json.writeEndObject();
    }
}
