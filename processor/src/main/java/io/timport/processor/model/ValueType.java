package io.timport.processor.model;

/** What a custom friend field holds, from its method's return type. */
public enum ValueType {
    /** {@code String}: a string value, optional. */
    STRING,
    /** {@code int} (required) or {@code Integer} (optional): an integer value. */
    INT,
    /** {@code long} (required) or {@code Long} (optional): an integer value. */
    LONG,
    /** An enum, optional, sent as its constant's {@code name()}. */
    ENUM
}
