package io.timport.processor.model;

/** What a property holds. A custom field holds a {@link #STRING}, an {@link #INT}, a {@link #LONG} or an {@link #ENUM}. */
public enum ValueType {
    /** {@code String}. */
    STRING,
    /** {@code int} (required) or {@code Integer} (optional): an integer. */
    INT,
    /** {@code long} (required) or {@code Long} (optional): an integer. */
    LONG,
    /** An enum, optional, sent as its constant's {@code name()}. */
    ENUM,
    /** {@code List<String>}, empty when absent: {@code GroupName} only. */
    STRING_LIST
}
