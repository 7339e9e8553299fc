package io.timport.simulator;

/**
 * The type of a custom friend field as created in the Chat console, which fixes what a {@code CustomItem}
 * {@code Value} for its tag must be.
 */
public enum CustomFieldType {
    /** A JSON string of at most 500 bytes of UTF-8. */
    STRING,
    /** A JSON integer (no fraction, no quotes) within the signed 64-bit range. */
    INTEGER
}
