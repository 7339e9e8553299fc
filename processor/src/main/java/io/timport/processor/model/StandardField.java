package io.timport.processor.model;

import static io.timport.processor.runtime.RuntimeContract.*;

import io.timport.processor.runtime.Member;

/**
 * The standard fields of an {@code AddFriendItem}, in wire order (the order of the API page's complete example).
 * Every generated item has them; their accessor and builder names are therefore taken.
 *
 * <p>Each constant holds every fact about its field: its names, its Java shape, its rule (as Javadoc and as the
 * runtime check that enforces it), how it is written, and whether and where {@code friend_get} returns it.
 */
public enum StandardField {
    TO_ACCOUNT("To_Account", "toAccount", ValueType.STRING, true,
            "the friend's UserID", "Required; 1 to 32 UTF-8 bytes.",
            CHECK_TO_ACCOUNT, WIRE_TO_ACCOUNT, null, null),
    REMARK("Remark", "remark", ValueType.STRING, false,
            "the remark {@code From_Account} keeps for this friend", "Optional; at most 96 UTF-8 bytes.",
            CHECK_REMARK, WIRE_REMARK, "Tag_SNS_IM_Remark", COMPARE_TEXT),
    REMARK_TIME("RemarkTime", "remarkTime", ValueType.LONG, false,
            "when the remark was set, in Unix seconds", "Optional; 0 to 4294967295.",
            CHECK_REMARK_TIME, WIRE_REMARK_TIME, null, null),
    GROUP_NAME("GroupName", "groupNames", ValueType.STRING_LIST, false,
            "the friend groups this friend is put in",
            "Optional; at most 32 distinct names, each of 1 to 30 UTF-8 bytes (a repeated name is kept once).",
            CHECK_GROUP_NAMES, WIRE_GROUP_NAME, "Tag_SNS_IM_Group", COMPARE_GROUP_NAMES),
    ADD_SOURCE("AddSource", "addSource", ValueType.STRING, true,
            "where the friend was added from",
            "Required; {@code AddSource_Type_} followed by 1 to 8 English letters, e.g. {@code AddSource_Type_Android}.",
            CHECK_ADD_SOURCE, WIRE_ADD_SOURCE, "Tag_SNS_IM_AddSource", COMPARE_TEXT),
    ADD_WORDING("AddWording", "addWording", ValueType.STRING, false,
            "what the friend request said", "Optional; at most 256 UTF-8 bytes.",
            CHECK_ADD_WORDING, WIRE_ADD_WORDING, "Tag_SNS_IM_AddWording", COMPARE_TEXT),
    // Compared only when expected: friend_import may record its own time when an import gives none.
    ADD_TIME("AddTime", "addTime", ValueType.LONG, false,
            "when the friendship began, in Unix seconds", "Optional; 0 to 4294967295.",
            CHECK_ADD_TIME, WIRE_ADD_TIME, "Tag_SNS_IM_AddTime", COMPARE_INTEGER_IF_EXPECTED);

    private final String wireName;
    private final String propertyName;
    private final ValueType type;
    private final boolean required;
    private final String meaning;
    private final String rule;
    private final Member check;
    private final Member wireConstant;
    private final String friendGetTag;
    private final Member comparison;

    StandardField(String wireName, String propertyName, ValueType type, boolean required, String meaning, String rule,
            Member check, Member wireConstant, String friendGetTag, Member comparison) {
        this.wireName = wireName;
        this.propertyName = propertyName;
        this.type = type;
        this.required = required;
        this.meaning = meaning;
        this.rule = rule;
        this.check = check;
        this.wireConstant = wireConstant;
        this.friendGetTag = friendGetTag;
        this.comparison = comparison;
    }

    /** The name on the wire, e.g. {@code To_Account}. */
    public String wireName() {
        return wireName;
    }

    /** The accessor and builder method name, e.g. {@code toAccount}. */
    public String propertyName() {
        return propertyName;
    }

    public ValueType type() {
        return type;
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

    /** The {@code FriendImportRules} check a generated {@code build()} calls for it. */
    public Member check() {
        return check;
    }

    /** Its pre-encoded name in {@code WireWriter}. */
    public Member wireConstant() {
        return wireConstant;
    }

    /**
     * The {@code friend_get} tag that returns it, e.g. {@code Tag_SNS_IM_Remark}; null for {@code To_Account}, which
     * {@code friend_get} gives beside the values (see {@link #isAccount()}), and for {@code RemarkTime}, which no
     * documented tag returns.
     */
    public String friendGetTag() {
        return friendGetTag;
    }

    /** Whether this is {@code To_Account}: the friend's UserID, the key of an import result and of a read-back. */
    public boolean isAccount() {
        return this == TO_ACCOUNT;
    }

    /** How a generated {@code differences} compares it, or null when it is not compared. */
    public Member comparison() {
        return comparison;
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
