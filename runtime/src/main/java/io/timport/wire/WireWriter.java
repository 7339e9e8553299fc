package io.timport.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.util.List;

/**
 * Small pieces of the wire format that generated serializers share, so that they stay one line per field.
 * Streaming only: nothing here allocates.
 */
public final class WireWriter {

    private WireWriter() {
    }

    /**
     * A new {@link JsonFactory} for request bodies. It differs from Jackson's default in one way: a character outside
     * the Basic Multilingual Plane (most emoji) is written as its 4 UTF-8 bytes, not as an escaped surrogate pair
     * ({@code \uD83D\uDE00}), so that the server sees the bytes the length rules count
     * ({@link JsonWriteFeature#COMBINE_UNICODE_SURROGATES_IN_UTF8}). Create it once and share it; it is thread-safe.
     */
    public static JsonFactory jsonFactory() {
        return JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    }

    /** Writes {@code "field":["a","b",…]}. */
    public static void writeStringArrayField(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (int i = 0, n = values.size(); i < n; i++) {
            json.writeString(values.get(i));
        }
        json.writeEndArray();
    }

    /** Writes one {@code CustomItem} element with an integer value: <code>{"Tag":tag,"Value":value}</code>. */
    public static void writeCustomItem(JsonGenerator json, String tag, long value) throws IOException {
        json.writeStartObject();
        json.writeStringField("Tag", tag);
        json.writeNumberField("Value", value);
        json.writeEndObject();
    }

    /** Writes one {@code CustomItem} element with a string value: <code>{"Tag":tag,"Value":"value"}</code>. */
    public static void writeCustomItem(JsonGenerator json, String tag, String value) throws IOException {
        json.writeStartObject();
        json.writeStringField("Tag", tag);
        json.writeStringField("Value", value);
        json.writeEndObject();
    }
}
