package io.timport.processor.writing;

import static io.timport.processor.runtime.RuntimeContract.*;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.timport.processor.model.Property;
import io.timport.processor.model.StandardField;
import io.timport.processor.model.ValueType;
import io.timport.processor.runtime.Member;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The item's wire format: {@code fromWire} (reading one {@code AddFriendItem}, every problem reported),
 * {@code writeFields} (the streaming serializer, with field names and custom tags pre-encoded), {@code customItems}
 * and the Jackson annotations that make a plain {@code ObjectMapper} write the same JSON.
 *
 * <p>The standard fields are fields of the {@code AddFriendItem} object; the custom fields are the elements of its
 * {@code CustomItem} array, so the serializer writes the two in two places.
 */
final class WireFormatWriter implements ItemPart {

    static final String FROM_WIRE = "fromWire";
    static final String CUSTOM_ITEMS = "customItems";
    /** The name of the {@code CustomItem} array, as Jackson sees it. */
    private static final String CUSTOM_ITEM_FIELD = "CustomItem";

    @Override
    public Set<String> methodNames() {
        return Set.of(FROM_WIRE, CUSTOM_ITEMS, ADD_FRIEND_ITEM_WRITE_FIELDS.name());
    }

    /** The Jackson annotations of a property's accessor: a standard field is a JSON property of the item. */
    static List<AnnotationSpec> accessorAnnotations(Property property) {
        if (property.isCustom()) {
            return List.of(); // sent inside customItems()
        }
        List<AnnotationSpec> annotations = new ArrayList<>(2);
        annotations.add(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", property.wireName()).build());
        if (property.presence() == Property.Presence.EMPTY_WHEN_ABSENT) {
            annotations.add(nonEmpty());
        }
        return annotations;
    }

    @Override
    public void addTo(TypeSpec.Builder item, ItemContext context) {
        Map<Property, String> tagConstants = tagConstants(context);
        item.addAnnotation(AnnotationSpec.builder(JSON_AUTO_DETECT)
                        .addMember("fieldVisibility", "$T.NONE", JSON_AUTO_DETECT_VISIBILITY)
                        .addMember("getterVisibility", "$T.NONE", JSON_AUTO_DETECT_VISIBILITY)
                        .addMember("isGetterVisibility", "$T.NONE", JSON_AUTO_DETECT_VISIBILITY)
                        .build())
                .addAnnotation(AnnotationSpec.builder(JSON_INCLUDE)
                        .addMember("value", "$T.NON_NULL", JSON_INCLUDE_INCLUDE)
                        .build())
                .addAnnotation(jsonPropertyOrder(context));
        for (Property property : context.customProperties()) {
            item.addField(FieldSpec.builder(SERIALIZABLE_STRING, tagConstants.get(property),
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(SERIALIZED_STRING_NEW.call(Code.literal(property.wireName())))
                    .build());
        }
        item.addMethod(fromWire(context))
                .addMethod(customItems(context))
                .addMethod(writeFields(context, tagConstants));
    }

    /**
     * The names of the pre-encoded tag constants, {@code LEVEL_TAG} for {@code Tag_SNS_Custom_Level}: upper-case
     * keywords, made unique (keywords are case-sensitive, and a property's field could be named like a constant).
     */
    private static Map<Property, String> tagConstants(ItemContext context) {
        Set<String> taken = new HashSet<>();
        taken.add(ItemBodyWriter.TYPE);
        for (Property property : context.properties()) {
            taken.add(property.name());
        }
        Map<Property, String> names = new HashMap<>();
        for (Property property : context.customProperties()) {
            String name = property.keyword().toUpperCase(Locale.ROOT) + "_TAG";
            while (!taken.add(name)) {
                name = name + "_";
            }
            names.put(property, name);
        }
        return names;
    }

    private static AnnotationSpec jsonPropertyOrder(ItemContext context) {
        List<CodeBlock> names = new ArrayList<>();
        for (Property property : context.properties()) {
            if (!property.isCustom()) {
                names.add(Code.literal(property.wireName()));
            }
        }
        names.add(Code.literal(CUSTOM_ITEM_FIELD));
        return AnnotationSpec.builder(JSON_PROPERTY_ORDER)
                .addMember("value", "{$L}", CodeBlock.join(names, ", "))
                .build();
    }

    private static MethodSpec fromWire(ItemContext context) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(FROM_WIRE)
                .addJavadoc("Reads an item from the fields of one wire-format {@code AddFriendItem}, given as\n"
                        + "plain Java values: {@code String}, an integer ({@code Long}, {@code Integer},\n"
                        + "{@code BigInteger}), {@code List}, {@code Map} (see {@link $T}).\n"
                        + "A {@code null} value counts as absent. {@code From_Account} is not an item field.\n",
                        JSON_VALUES)
                .addJavadoc("\n@param fields the item's fields, e.g. one line of a JSONL file\n")
                .addJavadoc("@return the valid item\n")
                .addJavadoc("@throws $T listing every problem: unknown fields, values of the\n"
                        + "    wrong JSON type, unknown or repeated custom tags, enum values that are not\n"
                        + "    constants, and every rule {@link Builder#build()} checks\n", INVALID_ITEM_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(context.item())
                .addParameter(FIELDS, "fields")
                .addStatement("$T wire = $L", WIRE_ITEM_READER, WIRE_READER_OF.call(Code.name("fields"),
                        ITEM_TYPE_CUSTOM_TAGS.callOn(Code.name(ItemBodyWriter.TYPE))))
                .addStatement("$T builder = new $T()", context.builder(), context.builder());
        for (Property property : context.properties()) {
            method.addStatement("$L = $L", Code.field("builder", property), read(property));
        }
        return method.addStatement("return builder.build($L)", WIRE_READER_VIOLATIONS.callOn(Code.name("wire")))
                .build();
    }

    /** How {@code fromWire} reads a property: {@code wire.string("Remark")}, {@code wire.customLong("Tag_…")}. */
    private static CodeBlock read(Property property) {
        CodeBlock wire = Code.name("wire");
        CodeBlock name = Code.literal(property.wireName());
        if (!property.isCustom()) {
            Member reader = switch (property.type()) {
                case STRING -> WIRE_READER_STRING;
                case LONG -> WIRE_READER_INTEGER;
                case STRING_LIST -> WIRE_READER_GROUP_NAMES;
                case INT, ENUM -> throw new AssertionError(property);
            };
            return reader.callOn(wire, name);
        }
        return switch (property.type()) {
            case STRING -> WIRE_READER_CUSTOM_STRING.callOn(wire, name);
            case INT -> WIRE_READER_CUSTOM_INT.callOn(wire, name);
            case LONG -> WIRE_READER_CUSTOM_LONG.callOn(wire, name);
            case ENUM -> WIRE_READER_CUSTOM_ENUM.callOn(wire, name, CodeBlock.of("$T.class", property.enumType()));
            case STRING_LIST -> throw new AssertionError(property);
        };
    }

    private static MethodSpec customItems(ItemContext context) {
        List<Property> custom = context.customProperties();
        MethodSpec.Builder method = MethodSpec.methodBuilder(CUSTOM_ITEMS)
                .addJavadoc("The custom friend fields that are present, as the {@code CustomItem} array sends\n"
                        + "them: tag and value, in wire order.\n")
                .addJavadoc("\n@return an unmodifiable list; empty when no custom field is present (then\n"
                        + "    {@code CustomItem} is not sent)\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST, CUSTOM_ITEM))
                .addAnnotation(AnnotationSpec.builder(JSON_PROPERTY)
                        .addMember("value", "$S", CUSTOM_ITEM_FIELD).build())
                .addAnnotation(nonEmpty());
        if (custom.isEmpty()) {
            return method.addStatement("return $T.of()", LIST).build();
        }
        method.addStatement("$T<$T> items = new $T<>($L)", LIST, CUSTOM_ITEM, ArrayList.class, custom.size());
        for (Property property : custom) {
            Member of = property.type() == ValueType.STRING || property.type() == ValueType.ENUM
                    ? CUSTOM_ITEM_OF_STRING : CUSTOM_ITEM_OF_INTEGER;
            whenPresent(method, property, CodeBlock.of("items.add($L)",
                    of.call(Code.literal(property.wireName()), value(property))));
        }
        return method.addStatement("return $T.unmodifiableList(items)", Collections.class).build();
    }

    private static MethodSpec writeFields(ItemContext context, Map<Property, String> tagConstants) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(ADD_FRIEND_ITEM_WRITE_FIELDS.name())
                .addJavadoc("Writes this item's fields in wire order and spelling, omitting absent optional\n"
                        + "fields, into the JSON object {@code json} is inside.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(JSON_GENERATOR, "json")
                .addException(IOException.class);
        CodeBlock json = Code.name("json");
        for (Property property : context.properties()) {
            StandardField standard = property.standard();
            if (standard == null) {
                continue; // custom fields: in the CustomItem array below
            }
            Member writer = switch (property.type()) {
                case STRING -> WRITE_STRING_FIELD;
                case LONG -> WRITE_NUMBER_FIELD;
                case STRING_LIST -> WRITE_STRING_ARRAY_FIELD;
                case INT, ENUM -> throw new AssertionError(property);
            };
            whenPresent(method, property, writer.call(json, standard.wireConstant().ref(), Code.field("this", property)));
        }
        List<Property> custom = context.customProperties();
        if (custom.isEmpty()) {
            return method.build();
        }
        boolean anyRequired = custom.stream().anyMatch(Property::required);
        if (!anyRequired) {
            method.beginControlFlow("if ($L)", custom.stream()
                    .map(property -> Code.presentCondition("this", property))
                    .collect(CodeBlock.joining(" || ")));
        }
        method.addStatement(JSON_WRITE_FIELD_NAME.callOn(json, WIRE_CUSTOM_ITEM.ref()));
        method.addStatement(JSON_WRITE_START_ARRAY.callOn(json));
        for (Property property : custom) {
            Member writer = property.type() == ValueType.STRING || property.type() == ValueType.ENUM
                    ? WRITE_CUSTOM_STRING : WRITE_CUSTOM_INTEGER;
            whenPresent(method, property, writer.call(json, Code.name(tagConstants.get(property)), value(property)));
        }
        method.addStatement(JSON_WRITE_END_ARRAY.callOn(json));
        if (!anyRequired) {
            method.endControlFlow();
        }
        return method.build();
    }

    /** {@code statement}, inside {@code if (<present>)} unless the property is always present. */
    private static void whenPresent(MethodSpec.Builder method, Property property, CodeBlock statement) {
        CodeBlock present = Code.presentCondition("this", property);
        if (present == null) {
            method.addStatement(statement);
        } else {
            method.beginControlFlow("if ($L)", present).addStatement(statement).endControlFlow();
        }
    }

    /** A custom field's value as sent: enums by name. */
    private static CodeBlock value(Property property) {
        return property.type() == ValueType.ENUM
                ? CodeBlock.of("$L.name()", Code.field("this", property))
                : Code.field("this", property);
    }

    private static AnnotationSpec nonEmpty() {
        return AnnotationSpec.builder(JSON_INCLUDE).addMember("value", "$T.NON_EMPTY", JSON_INCLUDE_INCLUDE).build();
    }
}
