package io.timport.processor.model;

/**
 * The standard fields of an {@code AddFriendItem}, in wire order (the order of the API page's complete example).
 * Every generated item has them; their accessor and builder names are therefore taken.
 */
public enum StandardField {
    TO_ACCOUNT("To_Account", "toAccount", Shape.USER_ID, true,
            "the friend's UserID", "Required; 1 to 32 UTF-8 bytes."),
    REMARK("Remark", "remark", Shape.TEXT, false,
            "the remark {@code From_Account} keeps for this friend", "Optional; at most 96 UTF-8 bytes."),
    REMARK_TIME("RemarkTime", "remarkTime", Shape.UNIX_SECONDS, false,
            "when the remark was set, in Unix seconds", "Optional; 0 to 4294967295."),
    GROUP_NAME("GroupName", "groupNames", Shape.TEXT_LIST, false,
            "the friend groups this friend is put in", "Optional; at most 32 names, each of 1 to 30 UTF-8 bytes."),
    ADD_SOURCE("AddSource", "addSource", Shape.TEXT, true,
            "where the friend was added from",
            "Required; {@code AddSource_Type_} followed by 1 to 8 English letters, e.g. {@code AddSource_Type_Android}."),
    ADD_WORDING("AddWording", "addWording", Shape.TEXT, false,
            "what the friend request said", "Optional; at most 256 UTF-8 bytes."),
    ADD_TIME("AddTime", "addTime", Shape.UNIX_SECONDS, false,
            "when the friendship began, in Unix seconds", "Optional; 0 to 4294967295.");

    /** The Java shape of a standard field. */
    public enum Shape { USER_ID, TEXT, UNIX_SECONDS, TEXT_LIST }

    private final String wireName;
    private final String propertyName;
    private final Shape shape;
    private final boolean required;
    private final String meaning;
    private final String rule;

    StandardField(String wireName, String propertyName, Shape shape, boolean required, String meaning, String rule) {
        this.wireName = wireName;
        this.propertyName = propertyName;
        this.shape = shape;
        this.required = required;
        this.meaning = meaning;
        this.rule = rule;
    }

    /** The name on the wire, e.g. {@code To_Account}. */
    public String wireName() {
        return wireName;
    }

    /** The accessor and builder method name, e.g. {@code toAccount}. */
    public String propertyName() {
        return propertyName;
    }

    public Shape shape() {
        return shape;
    }

    public boolean required() {
        return required;
    }

    /** Javadoc: what the field means, e.g. {@code the friend's UserID}. */
    public String meaning() {
        return meaning;
    }

    /** Javadoc: the field's rule as a sentence, e.g. {@code Required; 1 to 32 UTF-8 bytes.} */
    public String rule() {
        return rule;
    }

    /** The standard field whose accessor is called {@code name}, or null. */
    public static StandardField byPropertyName(String name) {
        for (StandardField field : values()) {
            if (field.propertyName.equals(name)) {
                return field;
            }
        }
        return null;
    }
}
