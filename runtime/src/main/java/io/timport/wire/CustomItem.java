package io.timport.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One element of an item's {@code CustomItem} array: a custom friend field's tag and its value, as sent.
 *
 * <p>Generated items expose their present custom fields as a list of these ({@code customItems()}), so that generic
 * code and a plain Jackson {@code ObjectMapper} see them as the wire format does: {@code {"Tag":…,"Value":…}}.
 *
 * @param tag   the full tag, {@code Tag_SNS_Custom_} and the field's keyword
 * @param value a {@link String} (string fields; enums as their {@code name()}) or a {@link Long} (integer fields)
 */
@JsonPropertyOrder({"Tag", "Value"})
public record CustomItem(@JsonProperty("Tag") String tag, @JsonProperty("Value") Object value) {

    /**
     * Checks that the tag is present and that the value is a String or a Long.
     *
     * @param tag   the full tag, {@code Tag_SNS_Custom_} and the field's keyword
     * @param value a {@link String} (string fields; enums as their {@code name()}) or a {@link Long} (integer fields)
     */
    public CustomItem {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
        if (!(value instanceof String) && !(value instanceof Long)) {
            throw new IllegalArgumentException("a custom value is a String or a Long, not " + value.getClass().getName());
        }
    }

    /**
     * An integer custom value.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_} and the field's keyword
     * @param value the integer value (not negative for a valid item)
     * @return the custom item, its value a {@link Long}
     */
    public static CustomItem of(String tag, long value) {
        return new CustomItem(tag, value);
    }

    /**
     * A string custom value (enums: their {@code name()}).
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_} and the field's keyword
     * @param value the string value (at most 500 UTF-8 bytes for a valid item)
     * @return the custom item, its value a {@link String}
     */
    public static CustomItem of(String tag, String value) {
        return new CustomItem(tag, value);
    }
}
