package io.timport.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.util.List;

/**
 * Small pieces of the wire format that generated serializers share, so that they stay one line per field. Field
 * names are pre-encoded once ({@link SerializedString}), so writing one copies its quoted UTF-8 bytes; generated
 * code pre-encodes its custom tags too. The overloads taking a {@code String} name or tag are for hand-written
 * code. Streaming only: nothing here allocates, except the {@code String}-tag overloads' one small object.
 */
public final class WireWriter {

    /** {@code From_Account}: the request's importing user. */
    public static final SerializableString FROM_ACCOUNT = new SerializedString("From_Account");
    /** {@code AddFriendItem}: the request's array of items. */
    public static final SerializableString ADD_FRIEND_ITEM = new SerializedString("AddFriendItem");
    /** {@code To_Account}. */
    public static final SerializableString TO_ACCOUNT = new SerializedString("To_Account");
    /** {@code Remark}. */
    public static final SerializableString REMARK = new SerializedString("Remark");
    /** {@code RemarkTime}. */
    public static final SerializableString REMARK_TIME = new SerializedString("RemarkTime");
    /** {@code GroupName}. */
    public static final SerializableString GROUP_NAME = new SerializedString("GroupName");
    /** {@code AddSource}. */
    public static final SerializableString ADD_SOURCE = new SerializedString("AddSource");
    /** {@code AddWording}. */
    public static final SerializableString ADD_WORDING = new SerializedString("AddWording");
    /** {@code AddTime}. */
    public static final SerializableString ADD_TIME = new SerializedString("AddTime");
    /** {@code CustomItem}. */
    public static final SerializableString CUSTOM_ITEM = new SerializedString("CustomItem");
    /** {@code Tag}, in a {@code CustomItem} element. */
    public static final SerializableString TAG = new SerializedString("Tag");
    /** {@code Value}, in a {@code CustomItem} element. */
    public static final SerializableString VALUE = new SerializedString("Value");

    private WireWriter() {
    }

    /**
     * A new {@link JsonFactory} for request bodies. It differs from Jackson's default in one way: a character outside
     * the Basic Multilingual Plane (most emoji) is written as its 4 UTF-8 bytes, not as an escaped surrogate pair
     * ({@code \uD83D\uDE00}), so that the server sees the bytes the length rules count
     * ({@link JsonWriteFeature#COMBINE_UNICODE_SURROGATES_IN_UTF8}). Create it once and share it; it is thread-safe.
     *
     * @return a new factory, configured for request bodies
     */
    public static JsonFactory jsonFactory() {
        return JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    }

    /**
     * Writes {@code "field":"value"}.
     *
     * @param json the generator, inside an object (not null)
     * @param field the pre-encoded field name
     * @param value the value; null is written as JSON null
     * @throws IOException when the generator fails to write
     */
    public static void writeStringField(JsonGenerator json, SerializableString field, String value)
            throws IOException {
        json.writeFieldName(field);
        json.writeString(value);
    }

    /**
     * Writes {@code "field":value}.
     *
     * @param json the generator, inside an object (not null)
     * @param field the pre-encoded field name
     * @param value the value
     * @throws IOException when the generator fails to write
     */
    public static void writeNumberField(JsonGenerator json, SerializableString field, long value) throws IOException {
        json.writeFieldName(field);
        json.writeNumber(value);
    }

    /**
     * Writes {@code "field":["a","b",…]}.
     *
     * @param json the generator, inside an object (not null)
     * @param field the field name
     * @param values the strings (not null)
     * @throws IOException when the generator fails to write
     */
    public static void writeStringArrayField(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeFieldName(field);
        writeStrings(json, values);
    }

    /**
     * Writes {@code "field":["a","b",…]}.
     *
     * @param json the generator, inside an object (not null)
     * @param field the pre-encoded field name
     * @param values the strings (not null)
     * @throws IOException when the generator fails to write
     */
    public static void writeStringArrayField(JsonGenerator json, SerializableString field, List<String> values)
            throws IOException {
        json.writeFieldName(field);
        writeStrings(json, values);
    }

    private static void writeStrings(JsonGenerator json, List<String> values) throws IOException {
        json.writeStartArray();
        for (int i = 0, n = values.size(); i < n; i++) {
            json.writeString(values.get(i));
        }
        json.writeEndArray();
    }

    /**
     * Writes one {@code CustomItem} element with an integer value: <code>{"Tag":tag,"Value":value}</code>.
     *
     * @param json the generator, inside the {@code CustomItem} array (not null)
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @param value the value
     * @throws IOException when the generator fails to write
     */
    public static void writeCustomItem(JsonGenerator json, String tag, long value) throws IOException {
        writeCustomItem(json, new SerializedString(tag), value);
    }

    /**
     * Writes one {@code CustomItem} element with a string value: <code>{"Tag":tag,"Value":"value"}</code>.
     *
     * @param json the generator, inside the {@code CustomItem} array (not null)
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @param value the value (not null)
     * @throws IOException when the generator fails to write
     */
    public static void writeCustomItem(JsonGenerator json, String tag, String value) throws IOException {
        writeCustomItem(json, new SerializedString(tag), value);
    }

    /**
     * Writes one {@code CustomItem} element with an integer value: <code>{"Tag":tag,"Value":value}</code>.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}, pre-encoded
     * @param json the generator, inside the {@code CustomItem} array (not null)
     * @param value the value
     * @throws IOException when the generator fails to write
     */
    public static void writeCustomItem(JsonGenerator json, SerializableString tag, long value) throws IOException {
        json.writeStartObject();
        json.writeFieldName(TAG);
        json.writeString(tag);
        json.writeFieldName(VALUE);
        json.writeNumber(value);
        json.writeEndObject();
    }

    /**
     * Writes one {@code CustomItem} element with a string value: <code>{"Tag":tag,"Value":"value"}</code>.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}, pre-encoded
     * @param json the generator, inside the {@code CustomItem} array (not null)
     * @param value the value (not null)
     * @throws IOException when the generator fails to write
     */
    public static void writeCustomItem(JsonGenerator json, SerializableString tag, String value) throws IOException {
        json.writeStartObject();
        json.writeFieldName(TAG);
        json.writeString(tag);
        json.writeFieldName(VALUE);
        json.writeString(value);
        json.writeEndObject();
    }
}
