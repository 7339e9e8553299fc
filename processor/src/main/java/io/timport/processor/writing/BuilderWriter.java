package io.timport.processor.writing;

import static io.timport.processor.runtime.RuntimeContract.*;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.timport.processor.model.Property;
import io.timport.processor.model.ValueType;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The item's {@code Builder}: one boxed field per property ({@code null} = not set), its setters, and
 * {@code build()}, which checks every property's rule through the runtime and throws one
 * {@code InvalidItemException} listing every problem.
 *
 * <p>Setters of required objects reject null at once, naming the property (AutoValue's "Null toAccount"); an optional
 * {@code long} property also gets a {@code long} setter, so that {@code builder.score(5)} compiles.
 */
final class BuilderWriter implements ItemPart {

    static final String BUILD = "build";

    @Override
    public Set<String> methodNames() {
        return Set.of(BUILD);
    }

    @Override
    public void addTo(TypeSpec.Builder item, ItemContext context) {
        ClassName itemName = context.item();
        TypeSpec.Builder type = TypeSpec.classBuilder(context.builder())
                .addJavadoc("Builds a {@link $T}; get one from {@link $T#$N()} or\n"
                        + "{@link $T#$N()}. Not thread-safe.\n", itemName, itemName, ItemBodyWriter.BUILDER,
                        itemName, ItemBodyWriter.TO_BUILDER)
                .addJavadoc("\n<p>Methods of required fields reject null at once; for optional fields null\n"
                        + "means absent. {@link #build()} checks the rest.\n")
                .addModifiers(context.visibility(Modifier.STATIC, Modifier.FINAL));
        for (Property property : context.properties()) {
            FieldSpec.Builder field = FieldSpec.builder(property.builderType(), property.name(), Modifier.PRIVATE);
            if (property.type() == ValueType.STRING_LIST) {
                field.initializer("$T.of()", LIST);
            }
            type.addField(field.build());
        }
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        MethodSpec.Builder copy = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(itemName, "source");
        for (Property property : context.properties()) {
            copy.addStatement("$L = $L", Code.field("this", property), Code.field("source", property));
        }
        type.addMethod(copy.build());
        for (Property property : context.properties()) {
            addSetters(type, property, context.builder());
        }
        type.addMethod(MethodSpec.methodBuilder(BUILD)
                        .addJavadoc("Checks every field against the rules of {@code friend_import} and returns\n"
                                + "the item.\n")
                        .addJavadoc("\n@return the item, which keeps every rule of {@code friend_import}\n")
                        .addJavadoc("@throws $T listing every missing required field and every broken rule\n",
                                INVALID_ITEM_EXCEPTION)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(itemName)
                        .addStatement("return $N($L)", BUILD, VIOLATIONS_NEW.call())
                        .build())
                .addMethod(checkedBuild(context));
        item.addType(type.build());
    }

    private static void addSetters(TypeSpec.Builder type, Property property, ClassName builder) {
        String name = property.name();
        String what = "Sets {@code " + property.wireName() + "}, " + property.meaning();
        String rule = "\n\n<p>" + property.rule() + "\n";
        switch (property.presence()) {
            case EMPTY_WHEN_ABSENT -> {
                type.addMethod(setter(name, builder)
                        .addJavadoc("$L; none (or null) means absent.$L", what, rule)
                        .addJavadoc("\n@param $L the names, or null for none\n@return this builder\n", name)
                        .addJavadoc("@throws NullPointerException if one of the names is null\n")
                        .addParameter(ArrayTypeName.of(String.class), name)
                        .varargs()
                        .addStatement("return $N($N == null ? null : $T.asList($N))", name, name, Arrays.class, name)
                        .build());
                type.addMethod(setter(name, builder)
                        .addJavadoc("$L; an empty collection (or null) means\nabsent.$L", what, rule)
                        .addJavadoc("\n@param $L the names (copied), or null for none\n@return this builder\n", name)
                        .addJavadoc("@throws NullPointerException if one of the names is null\n")
                        .addParameter(COLLECTION_OF_STRING, name)
                        .addStatement("$L = $L", Code.field("this", property), COPY_GROUP_NAMES.call(Code.name(name)))
                        .addStatement("return this")
                        .build());
            }
            case NON_NULL -> type.addMethod(setter(name, builder)
                    .addJavadoc("$L.$L\n@param $L the value (not null)\n@return this builder\n"
                            + "@throws NullPointerException if {@code $L} is null\n", what, rule, name, name)
                    .addParameter(property.itemType(), name)
                    .addStatement("$L = $T.requireNonNull($N, $S)", Code.field("this", property), Objects.class, name,
                            "Null " + name)
                    .addStatement("return this")
                    .build());
            case PRIMITIVE -> type.addMethod(assigning(setter(name, builder), property)
                    .addJavadoc("$L.$L\n@param $L the value\n@return this builder\n", what, rule, name)
                    .addParameter(property.itemType(), name)
                    .build());
            case NULL_WHEN_ABSENT -> {
                if (property.type() == ValueType.LONG) {
                    // Without it, builder.score(5) would not compile: an int literal does not box to Long.
                    type.addMethod(assigning(setter(name, builder), property)
                            .addJavadoc("$L.$L\n@param $L the value\n@return this builder\n", what, rule, name)
                            .addParameter(TypeName.LONG, name)
                            .build());
                }
                type.addMethod(assigning(setter(name, builder), property)
                        .addJavadoc("$L; null means absent.$L\n@param $L the value, or null for absent\n"
                                + "@return this builder\n", what, rule, name)
                        .addParameter(property.builderType(), name)
                        .build());
            }
        }
    }

    private static MethodSpec.Builder setter(String name, ClassName builder) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder);
    }

    private static MethodSpec.Builder assigning(MethodSpec.Builder setter, Property property) {
        return setter.addStatement("$L = $N", Code.field("this", property), property.name())
                .addStatement("return this");
    }

    private static MethodSpec checkedBuild(ItemContext context) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(BUILD)
                .addModifiers(Modifier.PRIVATE)
                .returns(context.item())
                .addParameter(VIOLATIONS, "violations");
        for (Property property : context.properties()) {
            CodeBlock check = check(property);
            if (check != null) {
                method.addStatement(check);
            }
        }
        return method.addStatement(VIOLATIONS_THROW_IF_ANY.callOn(Code.name("violations"),
                        Code.field("this", context.toAccount())))
                .addStatement("return new $T(this)", context.item())
                .build();
    }

    /** The rule check of a property, or null when it has none (an enum constant is always valid). */
    private static CodeBlock check(Property property) {
        CodeBlock violations = Code.name("violations");
        CodeBlock value = Code.field("this", property);
        if (!property.isCustom()) {
            return property.standard().check().call(violations, value);
        }
        CodeBlock tag = Code.literal(property.wireName());
        return switch (property.type()) {
            case STRING -> CHECK_CUSTOM_STRING.call(violations, tag, value);
            case INT, LONG -> (property.required() ? REQUIRED_INTEGER : OPTIONAL_INTEGER).call(violations, tag, value);
            case ENUM -> null;
            case STRING_LIST -> throw new AssertionError(property);
        };
    }
}
