package io.timport.processor.writing;

import static io.timport.processor.writing.RuntimeTypes.*;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.timport.processor.model.CustomFieldModel;
import io.timport.processor.model.ItemModel;
import io.timport.processor.model.StandardField;
import io.timport.processor.model.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XItem}: the immutable, validated {@code AddFriendItem} of a {@code @FriendFields} interface, with
 * its builder, its wire-format reader ({@code fromWire}) and writer ({@code writeFields}), and the Jackson
 * annotations that make a plain {@code ObjectMapper} write the same JSON.
 *
 * <p>Generated code refers to fields with {@code this.} (or {@code builder.}, {@code that.}) everywhere, so that no
 * custom field name can be shadowed by a local variable or parameter.
 */
public final class ItemWriter implements TypeWriter {

    private final boolean generatedAnnotationAvailable;

    /**
     * @param generatedAnnotationAvailable whether {@code javax.annotation.processing.Generated} can be used where
     *                                     the generated code compiles
     */
    public ItemWriter(boolean generatedAnnotationAvailable) {
        this.generatedAnnotationAvailable = generatedAnnotationAvailable;
    }

    @Override
    public TypeSpec write(ItemModel model) {
        return new Writing(model).type();
    }

    /** The writing of one item class. */
    private final class Writing {
        private final ItemModel model;
        private final ClassName item;
        private final ClassName builder;
        private final List<CustomFieldModel> custom;
        private final Map<CustomFieldModel, String> tagConstants;

        Writing(ItemModel model) {
            this.model = model;
            this.item = model.itemName();
            this.builder = item.nestedClass("Builder");
            this.custom = model.fields();
            this.tagConstants = tagConstants(custom);
        }

        /**
         * The names of the pre-encoded tag constants, {@code LEVEL_TAG} for {@code Tag_SNS_Custom_Level}: upper-case
         * keywords, made unique (keywords are case-sensitive, and a method could be named like a constant).
         */
        private static Map<CustomFieldModel, String> tagConstants(List<CustomFieldModel> custom) {
            Set<String> taken = new HashSet<>();
            taken.add("TYPE");
            for (StandardField field : StandardField.values()) {
                taken.add(field.propertyName());
            }
            for (CustomFieldModel field : custom) {
                taken.add(field.name());
            }
            Map<CustomFieldModel, String> names = new HashMap<>();
            for (CustomFieldModel field : custom) {
                String name = field.keyword().toUpperCase(Locale.ROOT) + "_TAG";
                while (!taken.add(name)) {
                    name = name + "_";
                }
                names.put(field, name);
            }
            return names;
        }

        TypeSpec type() {
            TypeSpec.Builder type = TypeSpec.classBuilder(item)
                    .addOriginatingElement(model.element())
                    .avoidClashesWithNestedClasses(model.element())
                    .addJavadoc(classJavadoc())
                    .addModifiers(visibility(Modifier.FINAL))
                    .addSuperinterface(model.interfaceName())
                    .addSuperinterface(ADD_FRIEND_ITEM);
            GeneratedTypes.annotate(type, generatedAnnotationAvailable);
            type.addAnnotation(AnnotationSpec.builder(JSON_AUTO_DETECT)
                            .addMember("fieldVisibility", "$T.NONE", JSON_AUTO_DETECT_VISIBILITY)
                            .addMember("getterVisibility", "$T.NONE", JSON_AUTO_DETECT_VISIBILITY)
                            .addMember("isGetterVisibility", "$T.NONE", JSON_AUTO_DETECT_VISIBILITY)
                            .build())
                    .addAnnotation(AnnotationSpec.builder(JSON_INCLUDE)
                            .addMember("value", "$T.NON_NULL", JSON_INCLUDE_INCLUDE)
                            .build())
                    .addAnnotation(jsonPropertyOrder());

            type.addField(FieldSpec.builder(ParameterizedTypeName.get(ITEM_TYPE, item), "TYPE",
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("This item type, for generic code such as a bulk importer: its class, its custom\n"
                            + "tags and {@link #fromWire(Map)}.\n")
                    .initializer(custom.isEmpty()
                                    ? CodeBlock.of("$T.of($T.class, $T.of(), $T::fromWire)", ITEM_TYPE, item, List.class, item)
                                    : CodeBlock.of("$T.of($T.class,$W$T.of($L),$W$T::fromWire)", ITEM_TYPE, item,
                                            List.class, custom.stream().map(f -> CodeBlock.of("$S", f.tag()))
                                                    .collect(CodeBlock.joining(",$W")), item))
                    .build());
            for (CustomFieldModel field : custom) {
                type.addField(FieldSpec.builder(SERIALIZABLE_STRING, tagConstants.get(field),
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T($S)", SERIALIZED_STRING, field.tag())
                        .build());
            }
            for (StandardField field : StandardField.values()) {
                type.addField(itemType(field), field.propertyName(), Modifier.PRIVATE, Modifier.FINAL);
            }
            for (CustomFieldModel field : custom) {
                type.addField(itemType(field), field.name(), Modifier.PRIVATE, Modifier.FINAL);
            }

            type.addMethod(constructor())
                    .addMethod(MethodSpec.methodBuilder("builder")
                            .addJavadoc("Returns a new builder with no field set.\n")
                            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                            .returns(builder)
                            .addStatement("return new $T()", builder)
                            .build())
                    .addMethod(MethodSpec.methodBuilder("toBuilder")
                            .addJavadoc("Returns a new builder holding this item's values, to make a changed copy.\n")
                            .addModifiers(Modifier.PUBLIC)
                            .returns(builder)
                            .addStatement("return new $T(this)", builder)
                            .build())
                    .addMethod(fromWire());
            for (StandardField field : StandardField.values()) {
                type.addMethod(standardAccessor(field));
            }
            for (CustomFieldModel field : custom) {
                type.addMethod(customAccessor(field));
            }
            type.addMethod(customItems())
                    .addMethod(writeFields())
                    .addMethod(equalsMethod())
                    .addMethod(hashCodeMethod())
                    .addMethod(toStringMethod())
                    .addType(builderType());
            return type.build();
        }

        private Modifier[] visibility(Modifier... more) {
            return GeneratedTypes.visibility(model, more);
        }

        private CodeBlock classJavadoc() {
            CodeBlock.Builder doc = CodeBlock.builder()
                    .add("One friend to import with {@code friend_import}: the standard fields of an\n"
                            + "{@code AddFriendItem} and the custom friend fields of {@link $T}.\n"
                            + "Immutable, and valid by construction.\n",
                            model.interfaceName())
                    .add("\n<p>Get one from {@link #builder()}, whose {@link Builder#build()} checks every rule of\n"
                            + "{@code friend_import} and throws an {@link $T} listing all problems at once,\n"
                            + "or from {@link #fromWire(Map)}, which reads the wire format. {@link #writeJson} writes\n"
                            + "the exact JSON the API expects; a Jackson {@code ObjectMapper} writes the same JSON.\n",
                            INVALID_ITEM_EXCEPTION);
            if (custom.isEmpty()) {
                doc.add("\n<p>It has no custom friend fields.\n");
            } else {
                doc.add("\n<p>Custom friend fields, in the order they are sent:\n<ul>\n");
                for (CustomFieldModel field : custom) {
                    doc.add("<li>{@link #$L()}: {@code $L}, $L\n", field.name(), field.tag(), describe(field));
                }
                doc.add("</ul>\n");
            }
            return doc.build();
        }

        private AnnotationSpec jsonPropertyOrder() {
            List<String> names = new ArrayList<>();
            for (StandardField field : StandardField.values()) {
                names.add(field.wireName());
            }
            names.add("CustomItem");
            return AnnotationSpec.builder(JSON_PROPERTY_ORDER)
                    .addMember("value", "{$L}", names.stream().map(n -> CodeBlock.of("$S", n))
                            .collect(CodeBlock.joining(", ")))
                    .build();
        }

        private MethodSpec constructor() {
            MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(builder, "builder");
            for (StandardField field : StandardField.values()) {
                constructor.addStatement("this.$N = builder.$N", field.propertyName(), field.propertyName());
            }
            for (CustomFieldModel field : custom) {
                constructor.addStatement("this.$N = builder.$N", field.name(), field.name());
            }
            return constructor.build();
        }

        private MethodSpec fromWire() {
            MethodSpec.Builder method = MethodSpec.methodBuilder("fromWire")
                    .addJavadoc("Reads an item from the fields of one wire-format {@code AddFriendItem}, given as\n"
                            + "plain Java values: {@code String}, an integer ({@code Long}, {@code Integer},\n"
                            + "{@code BigInteger}), {@code List}, {@code Map} (see {@link io.timport.wire.JsonValues}).\n"
                            + "A {@code null} value counts as absent. {@code From_Account} is not an item field.\n")
                    .addJavadoc("\n@param fields the item's fields, e.g. one line of a JSONL file\n")
                    .addJavadoc("@return the valid item\n")
                    .addJavadoc("@throws $T listing every problem: unknown fields, values of the\n"
                            + "    wrong JSON type, unknown or repeated custom tags, enum values that are not\n"
                            + "    constants, and every rule {@link Builder#build()} checks\n", INVALID_ITEM_EXCEPTION)
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(item)
                    .addParameter(WIRE_FIELDS, "fields")
                    .addStatement("$T wire = $T.of(fields, TYPE.customTags())", WIRE_READER, WIRE_READER)
                    .addStatement("$T builder = new $T()", builder, builder);
            for (StandardField field : StandardField.values()) {
                String reader;
                switch (field.shape()) {
                    case UNIX_SECONDS:
                        reader = "integer";
                        break;
                    case TEXT_LIST:
                        reader = "strings";
                        break;
                    default:
                        reader = "string";
                }
                method.addStatement("builder.$N = wire.$L($S)", field.propertyName(), reader, field.wireName());
            }
            for (CustomFieldModel field : custom) {
                switch (field.valueType()) {
                    case STRING:
                        method.addStatement("builder.$N = wire.customString($S)", field.name(), field.tag());
                        break;
                    case INT:
                        method.addStatement("builder.$N = wire.customInt($S)", field.name(), field.tag());
                        break;
                    case LONG:
                        method.addStatement("builder.$N = wire.customLong($S)", field.name(), field.tag());
                        break;
                    case ENUM:
                        method.addStatement("builder.$N = wire.customEnum($S, $T.class)", field.name(), field.tag(),
                                field.enumType());
                        break;
                    default:
                        throw new AssertionError(field.valueType());
                }
            }
            return method.addStatement("return builder.build(wire.violations())").build();
        }

        private MethodSpec standardAccessor(StandardField field) {
            MethodSpec.Builder method = MethodSpec.methodBuilder(field.propertyName())
                    .addJavadoc("{@code $L}: $L.\n\n<p>$L\n", field.wireName(), field.meaning(), field.rule())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(itemType(field))
                    .addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", field.wireName()).build());
            if (field == StandardField.TO_ACCOUNT) {
                method.addAnnotation(Override.class);
            }
            if (field.shape() == StandardField.Shape.TEXT_LIST) {
                method.addJavadoc("\n@return an unmodifiable list, empty when absent (then {@code $L} is not sent)\n",
                                field.wireName())
                        .addAnnotation(nonEmpty());
            } else if (!field.required()) {
                method.addJavadoc("\n@return the value, or null when absent (then {@code $L} is not sent)\n",
                        field.wireName());
            }
            return method.addStatement("return this.$N", field.propertyName()).build();
        }

        private MethodSpec customAccessor(CustomFieldModel field) {
            MethodSpec.Builder method = MethodSpec.methodBuilder(field.name())
                    .addJavadoc("{@code $L}: $L.\n", field.tag(), describe(field))
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(itemType(field));
            if (!field.required()) {
                method.addJavadoc("\n@return the value, or null when absent (then it is not sent)\n");
            }
            return method.addStatement("return this.$N", field.name()).build();
        }

        private MethodSpec customItems() {
            MethodSpec.Builder method = MethodSpec.methodBuilder("customItems")
                    .addJavadoc("The custom friend fields that are present, as the {@code CustomItem} array sends\n"
                            + "them: tag and value, in wire order.\n")
                    .addJavadoc("\n@return an unmodifiable list; empty when no custom field is present (then\n"
                            + "    {@code CustomItem} is not sent)\n")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(List.class), CUSTOM_ITEM))
                    .addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", "CustomItem").build())
                    .addAnnotation(nonEmpty());
            if (custom.isEmpty()) {
                return method.addStatement("return $T.of()", List.class).build();
            }
            method.addStatement("$T<$T> items = new $T<>($L)", List.class, CUSTOM_ITEM, ArrayList.class, custom.size());
            for (CustomFieldModel field : custom) {
                CodeBlock add = CodeBlock.of("items.add($T.of($S, $L))", CUSTOM_ITEM, field.tag(), wireValue(field));
                if (field.required()) {
                    method.addStatement(add);
                } else {
                    method.beginControlFlow("if (this.$N != null)", field.name()).addStatement(add).endControlFlow();
                }
            }
            return method.addStatement("return $T.unmodifiableList(items)", Collections.class).build();
        }

        private MethodSpec writeFields() {
            MethodSpec.Builder method = MethodSpec.methodBuilder("writeFields")
                    .addJavadoc("Writes this item's fields in wire order and spelling, omitting absent optional\n"
                            + "fields, into the JSON object {@code json} is inside.\n")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(JSON_GENERATOR, "json")
                    .addException(IOException.class);
            for (StandardField field : StandardField.values()) {
                String name = field.propertyName();
                String writer;
                switch (field.shape()) {
                    case UNIX_SECONDS:
                        writer = "writeNumberField";
                        break;
                    case TEXT_LIST:
                        writer = "writeStringArrayField";
                        break;
                    default:
                        writer = "writeStringField";
                }
                // WireWriter has the field's name pre-encoded, under the same constant name as StandardField.
                CodeBlock write = CodeBlock.of("$T.$N(json, $T.$N, this.$N)", WIRE_WRITER, writer, WIRE_WRITER,
                        field.name(), name);
                if (field.required()) {
                    method.addStatement(write);
                } else if (field.shape() == StandardField.Shape.TEXT_LIST) {
                    method.beginControlFlow("if (!this.$N.isEmpty())", name).addStatement(write).endControlFlow();
                } else {
                    method.beginControlFlow("if (this.$N != null)", name).addStatement(write).endControlFlow();
                }
            }
            if (custom.isEmpty()) {
                return method.build();
            }
            boolean anyRequired = custom.stream().anyMatch(CustomFieldModel::required);
            if (!anyRequired) {
                method.beginControlFlow("if ($L)", custom.stream()
                        .map(f -> CodeBlock.of("this.$N != null", f.name()))
                        .collect(CodeBlock.joining(" || ")));
            }
            method.addStatement("json.writeFieldName($T.CUSTOM_ITEM)", WIRE_WRITER);
            method.addStatement("json.writeStartArray()");
            for (CustomFieldModel field : custom) {
                CodeBlock write = CodeBlock.of("$T.writeCustomItem(json, $N, $L)", WIRE_WRITER, tagConstants.get(field),
                        wireValue(field));
                if (field.required()) {
                    method.addStatement(write);
                } else {
                    method.beginControlFlow("if (this.$N != null)", field.name()).addStatement(write).endControlFlow();
                }
            }
            method.addStatement("json.writeEndArray()");
            if (!anyRequired) {
                method.endControlFlow();
            }
            return method.build();
        }

        private MethodSpec equalsMethod() {
            List<CodeBlock> comparisons = new ArrayList<>();
            for (StandardField field : StandardField.values()) {
                comparisons.add(field.required() || field.shape() == StandardField.Shape.TEXT_LIST
                        ? CodeBlock.of("this.$N.equals(that.$N)", field.propertyName(), field.propertyName())
                        : CodeBlock.of("$T.equals(this.$N, that.$N)", Objects.class, field.propertyName(),
                                field.propertyName()));
            }
            for (CustomFieldModel field : custom) {
                comparisons.add(field.primitive()
                        ? CodeBlock.of("this.$N == that.$N", field.name(), field.name())
                        : CodeBlock.of("$T.equals(this.$N, that.$N)", Objects.class, field.name(), field.name()));
            }
            return MethodSpec.methodBuilder("equals")
                    .addJavadoc("Whether {@code other} is a {@code $L} with equal values in every field.\n",
                            item.simpleName())
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(boolean.class)
                    .addParameter(Object.class, "other")
                    .beginControlFlow("if (other == this)")
                    .addStatement("return true")
                    .endControlFlow()
                    .beginControlFlow("if (!(other instanceof $T))", item)
                    .addStatement("return false")
                    .endControlFlow()
                    .addStatement("$T that = ($T) other", item, item)
                    .addStatement("return $L", CodeBlock.join(comparisons, "\n        && "))
                    .build();
        }

        private MethodSpec hashCodeMethod() {
            MethodSpec.Builder method = MethodSpec.methodBuilder("hashCode")
                    .addJavadoc("A hash of every field, consistent with {@link #equals}.\n")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(int.class)
                    .addStatement("int h = 1");
            for (StandardField field : StandardField.values()) {
                method.addStatement("h *= 1000003");
                method.addStatement(field.required() || field.shape() == StandardField.Shape.TEXT_LIST
                        ? CodeBlock.of("h ^= this.$N.hashCode()", field.propertyName())
                        : CodeBlock.of("h ^= $T.hashCode(this.$N)", Objects.class, field.propertyName()));
            }
            for (CustomFieldModel field : custom) {
                method.addStatement("h *= 1000003");
                if (field.primitive()) {
                    method.addStatement("h ^= $T.hashCode(this.$N)",
                            field.valueType() == ValueType.INT ? Integer.class : Long.class, field.name());
                } else {
                    method.addStatement("h ^= $T.hashCode(this.$N)", Objects.class, field.name());
                }
            }
            return method.addStatement("return h").build();
        }

        private MethodSpec toStringMethod() {
            List<CodeBlock> parts = new ArrayList<>();
            String separator = item.simpleName() + "{";
            for (StandardField field : StandardField.values()) {
                parts.add(CodeBlock.of("$S + this.$N", separator + field.propertyName() + "=", field.propertyName()));
                separator = ", ";
            }
            for (CustomFieldModel field : custom) {
                parts.add(CodeBlock.of("$S + this.$N", separator + field.name() + "=", field.name()));
            }
            return MethodSpec.methodBuilder("toString")
                    .addJavadoc("Every field by its Java name, e.g. {@code $L{toAccount=..., ...}}.\n", item.simpleName())
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return $L\n        + $S", CodeBlock.join(parts, "\n        + "), "}")
                    .build();
        }

        private TypeSpec builderType() {
            TypeSpec.Builder type = TypeSpec.classBuilder(builder)
                    .addJavadoc("Builds a {@link $T}; get one from {@link $T#builder()} or\n"
                            + "{@link $T#toBuilder()}. Not thread-safe.\n", item, item, item)
                    .addJavadoc("\n<p>Methods of required fields reject null at once; for optional fields null\n"
                            + "means absent. {@link #build()} checks the rest.\n")
                    .addModifiers(visibility(Modifier.STATIC, Modifier.FINAL));
            for (StandardField field : StandardField.values()) {
                FieldSpec.Builder spec = FieldSpec.builder(builderType(field), field.propertyName(), Modifier.PRIVATE);
                if (field.shape() == StandardField.Shape.TEXT_LIST) {
                    spec.initializer("$T.of()", List.class);
                }
                type.addField(spec.build());
            }
            for (CustomFieldModel field : custom) {
                type.addField(builderType(field), field.name(), Modifier.PRIVATE);
            }
            type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
            MethodSpec.Builder copy = MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(item, "source");
            for (StandardField field : StandardField.values()) {
                copy.addStatement("this.$N = source.$N", field.propertyName(), field.propertyName());
            }
            for (CustomFieldModel field : custom) {
                copy.addStatement("this.$N = source.$N", field.name(), field.name());
            }
            type.addMethod(copy.build());

            for (StandardField field : StandardField.values()) {
                standardSetters(type, field);
            }
            for (CustomFieldModel field : custom) {
                customSetters(type, field);
            }
            type.addMethod(MethodSpec.methodBuilder("build")
                            .addJavadoc("Checks every field against the rules of {@code friend_import} and returns\n"
                                    + "the item.\n")
                            .addJavadoc("\n@throws $T listing every missing required field and every broken rule\n",
                                    INVALID_ITEM_EXCEPTION)
                            .addModifiers(Modifier.PUBLIC)
                            .returns(item)
                            .addStatement("return build(new $T())", VIOLATIONS)
                            .build())
                    .addMethod(checkedBuild());
            return type.build();
        }

        private void standardSetters(TypeSpec.Builder type, StandardField field) {
            String name = field.propertyName();
            String doc = field.required()
                    ? "Sets {@code $L}, $L.\n\n<p>$L\n\n@throws NullPointerException if {@code $L} is null\n"
                    : "Sets {@code $L}, $L; null means absent.\n\n<p>$L\n";
            switch (field.shape()) {
                case TEXT_LIST:
                    type.addMethod(setter(name)
                            .addJavadoc("Sets {@code $L}, $L; none (or null) means absent.\n\n<p>$L\n",
                                    field.wireName(), field.meaning(), field.rule())
                            .addJavadoc("\n@throws NullPointerException if one of the names is null\n")
                            .addParameter(ArrayTypeName.of(String.class), name)
                            .varargs()
                            .addStatement("return $N($N == null ? null : $T.asList($N))", name, name, Arrays.class, name)
                            .build());
                    type.addMethod(setter(name)
                            .addJavadoc("Sets {@code $L}, $L; an empty collection (or null) means\nabsent.\n\n<p>$L\n",
                                    field.wireName(), field.meaning(), field.rule())
                            .addJavadoc("\n@throws NullPointerException if one of the names is null\n")
                            .addParameter(COLLECTION_OF_STRING, name)
                            .addStatement("this.$N = $T.copyGroupNames($N)", name, FRIEND_IMPORT_RULES, name)
                            .addStatement("return this")
                            .build());
                    return;
                case UNIX_SECONDS:
                    type.addMethod(setter(name)
                            .addJavadoc("Sets {@code $L}, $L.\n\n<p>$L\n", field.wireName(), field.meaning(),
                                    field.rule())
                            .addParameter(long.class, name)
                            .addStatement("this.$N = $N", name, name)
                            .addStatement("return this")
                            .build());
                    type.addMethod(setter(name)
                            .addJavadoc(doc, field.wireName(), field.meaning(), field.rule())
                            .addParameter(LONG, name)
                            .addStatement("this.$N = $N", name, name)
                            .addStatement("return this")
                            .build());
                    return;
                default:
                    MethodSpec.Builder method = setter(name).addParameter(STRING, name);
                    if (field.required()) {
                        method.addJavadoc(doc, field.wireName(), field.meaning(), field.rule(), name)
                                .addStatement("this.$N = $T.requireNonNull($N, $S)", name, Objects.class, name,
                                        "Null " + name);
                    } else {
                        method.addJavadoc(doc, field.wireName(), field.meaning(), field.rule())
                                .addStatement("this.$N = $N", name, name);
                    }
                    type.addMethod(method.addStatement("return this").build());
            }
        }

        private void customSetters(TypeSpec.Builder type, CustomFieldModel field) {
            String name = field.name();
            if (field.primitive()) {
                type.addMethod(setter(name)
                        .addJavadoc("Sets {@code $L}: $L.\n", field.tag(), describe(field))
                        .addParameter(itemType(field), name)
                        .addStatement("this.$N = $N", name, name)
                        .addStatement("return this")
                        .build());
                return;
            }
            if (field.valueType() == ValueType.LONG) {
                // Without it, builder.rank(5) would not compile: an int literal does not box to Long.
                type.addMethod(setter(name)
                        .addJavadoc("Sets {@code $L}: $L.\n", field.tag(), describe(field))
                        .addParameter(long.class, name)
                        .addStatement("this.$N = $N", name, name)
                        .addStatement("return this")
                        .build());
            }
            type.addMethod(setter(name)
                    .addJavadoc("Sets {@code $L}: $L; null means absent.\n", field.tag(), describe(field))
                    .addParameter(itemType(field), name)
                    .addStatement("this.$N = $N", name, name)
                    .addStatement("return this")
                    .build());
        }

        private MethodSpec.Builder setter(String name) {
            return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder);
        }

        private MethodSpec checkedBuild() {
            MethodSpec.Builder method = MethodSpec.methodBuilder("build")
                    .addModifiers(Modifier.PRIVATE)
                    .returns(item)
                    .addParameter(VIOLATIONS, "violations");
            for (StandardField field : StandardField.values()) {
                String check = "check" + Character.toUpperCase(field.propertyName().charAt(0))
                        + field.propertyName().substring(1);
                method.addStatement("$T.$L(violations, this.$N)", FRIEND_IMPORT_RULES, check, field.propertyName());
            }
            for (CustomFieldModel field : custom) {
                if (field.required()) {
                    method.addStatement("$T.checkRequired(violations, $S, this.$N)", FRIEND_IMPORT_RULES, field.tag(),
                            field.name());
                } else if (field.valueType() == ValueType.STRING) {
                    method.addStatement("$T.checkCustomString(violations, $S, this.$N)", FRIEND_IMPORT_RULES,
                            field.tag(), field.name());
                }
            }
            return method.addStatement("violations.throwIfAny(this.toAccount)")
                    .addStatement("return new $T(this)", item)
                    .build();
        }

        /** The field type in the item: primitives stay primitive. */
        private TypeName itemType(CustomFieldModel field) {
            if (field.primitive()) {
                return field.valueType() == ValueType.INT ? TypeName.INT : TypeName.LONG;
            }
            return builderType(field);
        }

        /** The field type in the builder: boxed, so that null means "not set". */
        private TypeName builderType(CustomFieldModel field) {
            switch (field.valueType()) {
                case STRING:
                    return STRING;
                case INT:
                    return INTEGER;
                case LONG:
                    return LONG;
                case ENUM:
                    return field.enumType();
                default:
                    throw new AssertionError(field.valueType());
            }
        }

        private TypeName itemType(StandardField field) {
            return builderType(field);
        }

        private TypeName builderType(StandardField field) {
            switch (field.shape()) {
                case UNIX_SECONDS:
                    return LONG;
                case TEXT_LIST:
                    return LIST_OF_STRING;
                default:
                    return STRING;
            }
        }

        /** The value as sent: enums by name. */
        private CodeBlock wireValue(CustomFieldModel field) {
            return field.valueType() == ValueType.ENUM
                    ? CodeBlock.of("this.$N.name()", field.name())
                    : CodeBlock.of("this.$N", field.name());
        }

        private AnnotationSpec nonEmpty() {
            return AnnotationSpec.builder(JSON_INCLUDE).addMember("value", "$T.NON_EMPTY", JSON_INCLUDE_INCLUDE).build();
        }

        private String describe(CustomFieldModel field) {
            switch (field.valueType()) {
                case STRING:
                    return "a string of at most 500 UTF-8 bytes, optional";
                case INT:
                case LONG:
                    return field.required() ? "an integer, required" : "an integer, optional";
                case ENUM:
                    return field.enumConstants().isEmpty()
                            ? "a constant of " + field.enumType().simpleName() + ", sent as its name, optional"
                            : "one of " + String.join(", ", field.enumConstants()) + ", sent as its name, optional";
                default:
                    throw new AssertionError(field.valueType());
            }
        }
    }
}
