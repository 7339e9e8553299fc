package io.timport.processor.writing;

import static io.timport.processor.runtime.RuntimeContract.ADD_FRIEND_ITEM_TO_ACCOUNT;
import static io.timport.processor.runtime.RuntimeContract.ITEM_TYPE;
import static io.timport.processor.runtime.RuntimeContract.ITEM_TYPE_OF;
import static io.timport.processor.runtime.RuntimeContract.LIST;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.timport.processor.model.Property;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The item itself: its {@code TYPE} descriptor, one {@code private final} field and one accessor per property, the
 * constructor from a builder, {@code builder()} and {@code toBuilder()}.
 */
final class ItemBodyWriter implements ItemPart {

    static final String TYPE = "TYPE";
    static final String BUILDER = "builder";
    static final String TO_BUILDER = "toBuilder";

    @Override
    public Set<String> methodNames() {
        return Set.of(BUILDER, TO_BUILDER);
    }

    @Override
    public void addTo(TypeSpec.Builder item, ItemContext context) {
        item.addField(typeDescriptor(context));
        for (Property property : context.properties()) {
            item.addField(property.itemType(), property.name(), Modifier.PRIVATE, Modifier.FINAL);
        }
        item.addMethod(constructor(context))
                .addMethod(MethodSpec.methodBuilder(BUILDER)
                        .addJavadoc("Returns a new builder with no field set.\n")
                        .addJavadoc("\n@return a new builder\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(context.builder())
                        .addStatement("return new $T()", context.builder())
                        .build())
                .addMethod(MethodSpec.methodBuilder(TO_BUILDER)
                        .addJavadoc("Returns a new builder holding this item's values, to make a changed copy.\n")
                        .addJavadoc("\n@return a new builder holding this item's values\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(context.builder())
                        .addStatement("return new $T(this)", context.builder())
                        .build());
        for (Property property : context.properties()) {
            item.addMethod(accessor(property));
        }
    }

    /** {@code TYPE}: the item's class, custom tags, and its static methods for generic code. */
    private static FieldSpec typeDescriptor(ItemContext context) {
        ClassName item = context.item();
        CodeBlock tags = context.customProperties().stream()
                .map(property -> Code.literal(property.wireName()))
                .collect(CodeBlock.joining(",$W"));
        return FieldSpec.builder(ParameterizedTypeName.get(ITEM_TYPE, item), TYPE,
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("This item type, for generic code such as a bulk importer or a verification: its class,\n"
                        + "its custom tags, {@link #$L(Map)}, {@link #$L(String, Map)} and\n"
                        + "{@link #$L}.\n",
                        WireFormatWriter.FROM_WIRE, ReadBackWriter.READ_BACK, ReadBackWriter.DIFFERENCES)
                .initializer(ITEM_TYPE_OF.call(
                        CodeBlock.of("$T.class", item),
                        CodeBlock.of("$T.of($L)", LIST, tags),
                        CodeBlock.of("$T::$N", item, WireFormatWriter.FROM_WIRE),
                        CodeBlock.of("$T::$N", item, ReadBackWriter.READ_BACK),
                        CodeBlock.of("$T::$N", item, ReadBackWriter.DIFFERENCES)))
                .build();
    }

    private static MethodSpec constructor(ItemContext context) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(context.builder(), "builder");
        for (Property property : context.properties()) {
            constructor.addStatement("$L = $L", Code.field("this", property), Code.field("builder", property));
        }
        return constructor.build();
    }

    private static MethodSpec accessor(Property property) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(property.name())
                .addJavadoc("{@code $L}: $L.\n\n<p>$L\n", property.wireName(), property.meaning(), property.rule())
                .addModifiers(Modifier.PUBLIC)
                .returns(property.itemType());
        for (AnnotationSpec annotation : WireFormatWriter.accessorAnnotations(property)) {
            method.addAnnotation(annotation);
        }
        if (property.isCustom() || property.name().equals(ADD_FRIEND_ITEM_TO_ACCOUNT.name())) {
            method.addAnnotation(Override.class); // the interface's method, or AddFriendItem.toAccount()
        }
        switch (property.presence()) {
            case EMPTY_WHEN_ABSENT -> method.addJavadoc(
                    "\n@return an unmodifiable list, empty when absent (then {@code $L} is not sent)\n",
                    property.wireName());
            case NULL_WHEN_ABSENT -> method.addJavadoc(
                    "\n@return the value, or null when absent (then {@code $L} is not sent)\n", property.wireName());
            case NON_NULL -> method.addJavadoc("\n@return the value, never null\n");
            case PRIMITIVE -> method.addJavadoc("\n@return the value\n");
        }
        return method.addStatement("return $L", Code.field("this", property)).build();
    }
}
