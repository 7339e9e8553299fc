package io.timport.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;

/**
 * One property of a generated item: a standard field of {@code AddFriendItem} or a custom friend field, alike to
 * every writer. It has an accessor and a builder method called {@link #name()}, a field of that name in the item
 * and in its builder, a {@link #wireName()} that messages and the wire format use, and a Java shape.
 *
 * <p>Writers iterate {@link ItemModel#properties()} once per generated member; where standard and custom fields
 * differ (where they go on the wire, which runtime check enforces their rule), they ask {@link #standard()}.
 */
public final class Property {

    /** Whether, and how, the item's field is always present. */
    public enum Presence {
        /** A primitive {@code int} or {@code long}: a required custom field. */
        PRIMITIVE,
        /** A required object, never null: {@code To_Account}, {@code AddSource}. */
        NON_NULL,
        /** A list, never null, empty when absent: {@code GroupName}. */
        EMPTY_WHEN_ABSENT,
        /** An optional value, null when absent. */
        NULL_WHEN_ABSENT
    }

    private final String name;
    private final String wireName;
    private final ValueType type;
    private final Presence presence;
    private final ClassName enumType;
    private final List<String> enumConstants;
    private final StandardField standard;
    private final CustomFieldModel custom;

    private Property(String name, String wireName, ValueType type, Presence presence, ClassName enumType,
            List<String> enumConstants, StandardField standard, CustomFieldModel custom) {
        this.name = Objects.requireNonNull(name);
        this.wireName = Objects.requireNonNull(wireName);
        this.type = Objects.requireNonNull(type);
        this.presence = Objects.requireNonNull(presence);
        this.enumType = enumType;
        this.enumConstants = List.copyOf(enumConstants);
        this.standard = standard;
        this.custom = custom;
    }

    /** The property of a standard field. */
    public static Property of(StandardField field) {
        Presence presence = field.type() == ValueType.STRING_LIST ? Presence.EMPTY_WHEN_ABSENT
                : field.required() ? Presence.NON_NULL : Presence.NULL_WHEN_ABSENT;
        return new Property(field.propertyName(), field.wireName(), field.type(), presence, null, List.of(), field,
                null);
    }

    /** The property of a custom field. */
    public static Property of(CustomFieldModel field) {
        return new Property(field.name(), field.tag(), field.valueType(),
                field.primitive() ? Presence.PRIMITIVE : Presence.NULL_WHEN_ABSENT, field.enumType(),
                field.enumConstants(), null, field);
    }

    /** The accessor, the builder method and the field in the item and its builder, e.g. {@code remark}, {@code level}. */
    public String name() {
        return name;
    }

    /**
     * The name on the wire and in messages: the field name ({@code Remark}) of a standard field, the full tag
     * ({@code Tag_SNS_Custom_Level}) of a custom one.
     */
    public String wireName() {
        return wireName;
    }

    public ValueType type() {
        return type;
    }

    public Presence presence() {
        return presence;
    }

    /** Whether the item needs it: a required standard field, or a custom field of a primitive type. */
    public boolean required() {
        return presence == Presence.PRIMITIVE || presence == Presence.NON_NULL;
    }

    /** The standard field, or null for a custom field. */
    public StandardField standard() {
        return standard;
    }

    /** Whether it is a custom field (sent in {@code CustomItem}). */
    public boolean isCustom() {
        return custom != null;
    }

    /** The keyword of a custom field's tag ({@code Level} for {@code Tag_SNS_Custom_Level}), else null. */
    public String keyword() {
        return custom == null ? null : custom.keyword();
    }

    /** The enum of an {@link ValueType#ENUM} property, else null. */
    public ClassName enumType() {
        return enumType;
    }

    /**
     * The {@code friend_get} tag that returns it: its own tag for a custom field, the standard field's tag
     * ({@link StandardField#friendGetTag()}) otherwise; null when {@code friend_get} returns it under no tag.
     */
    public String friendGetTag() {
        return custom != null ? wireName : standard.friendGetTag();
    }

    /** Its type in the item: {@code int} and {@code long} for required custom integers, else as in the builder. */
    public TypeName itemType() {
        if (presence == Presence.PRIMITIVE) {
            return type == ValueType.INT ? TypeName.INT : TypeName.LONG;
        }
        return builderType();
    }

    /** Its type in the builder: boxed, so that null means "not set". */
    public TypeName builderType() {
        return switch (type) {
            case STRING -> ClassName.get(String.class);
            case INT -> ClassName.get(Integer.class);
            case LONG -> ClassName.get(Long.class);
            case ENUM -> enumType;
            case STRING_LIST -> ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));
        };
    }

    /** Javadoc: what it holds, e.g. {@code the friend's UserID}, {@code an integer}. */
    public String meaning() {
        if (standard != null) {
            return standard.meaning();
        }
        return switch (type) {
            case STRING -> "a string";
            case INT, LONG -> "an integer";
            case ENUM -> enumConstants.isEmpty()
                    ? "a constant of " + enumType.simpleName() + ", sent as its name"
                    : "one of " + String.join(", ", enumConstants) + ", sent as its name";
            case STRING_LIST -> throw new AssertionError(this);
        };
    }

    /** Javadoc: its rule as a sentence, e.g. {@code Required; 1 to 32 UTF-8 bytes.} */
    public String rule() {
        if (standard != null) {
            return standard.rule();
        }
        String need = required() ? "Required" : "Optional";
        return switch (type) {
            case STRING -> need + "; at most 500 UTF-8 bytes.";
            case INT -> need + "; 0 to 2147483647.";
            case LONG -> need + "; 0 to 9223372036854775807.";
            case ENUM -> need + ".";
            case STRING_LIST -> throw new AssertionError(this);
        };
    }

    @Override
    public String toString() {
        return name + " (" + wireName + ")";
    }
}
