package io.timport.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.timport.processor.model.Property;
import io.timport.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The item's value methods, by AutoValue's recipe: {@code equals} and {@code hashCode} over every property, and
 * {@code toString} showing every property by its Java name.
 */
final class ValueMethodsWriter implements ItemPart {

    @Override
    public Set<String> methodNames() {
        return Set.of("equals", "hashCode", "toString");
    }

    @Override
    public void addTo(TypeSpec.Builder item, ItemContext context) {
        item.addMethod(equalsMethod(context))
                .addMethod(hashCodeMethod(context))
                .addMethod(toStringMethod(context));
    }

    private static MethodSpec equalsMethod(ItemContext context) {
        ClassName item = context.item();
        List<CodeBlock> comparisons = new ArrayList<>();
        for (Property property : context.properties()) {
            CodeBlock mine = Code.field("this", property);
            CodeBlock theirs = Code.field("that", property);
            comparisons.add(switch (property.presence()) {
                case PRIMITIVE -> CodeBlock.of("$L == $L", mine, theirs);
                case NON_NULL, EMPTY_WHEN_ABSENT -> CodeBlock.of("$L.equals($L)", mine, theirs);
                case NULL_WHEN_ABSENT -> CodeBlock.of("$T.equals($L, $L)", Objects.class, mine, theirs);
            });
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
                .addStatement("return $L", CodeBlock.join(comparisons, "\n&& "))
                .build();
    }

    private static MethodSpec hashCodeMethod(ItemContext context) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("hashCode")
                .addJavadoc("A hash of every field, consistent with {@link #equals}.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addStatement("int h = 1");
        for (Property property : context.properties()) {
            CodeBlock field = Code.field("this", property);
            method.addStatement("h *= 1000003");
            method.addStatement(switch (property.presence()) {
                case PRIMITIVE -> CodeBlock.of("h ^= $T.hashCode($L)",
                        property.type() == ValueType.INT ? Integer.class : Long.class, field);
                case NON_NULL, EMPTY_WHEN_ABSENT -> CodeBlock.of("h ^= $L.hashCode()", field);
                case NULL_WHEN_ABSENT -> CodeBlock.of("h ^= $T.hashCode($L)", Objects.class, field);
            });
        }
        return method.addStatement("return h").build();
    }

    private static MethodSpec toStringMethod(ItemContext context) {
        String simpleName = context.item().simpleName();
        List<CodeBlock> parts = new ArrayList<>();
        String separator = simpleName + "{";
        for (Property property : context.properties()) {
            parts.add(CodeBlock.of("$S + $L", separator + property.name() + "=", Code.field("this", property)));
            separator = ", ";
        }
        return MethodSpec.methodBuilder("toString")
                .addJavadoc("Every field by its Java name, e.g. {@code $L{toAccount=..., ...}}.\n", simpleName)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $L\n+ $S", CodeBlock.join(parts, "\n+ "), "}")
                .build();
    }
}
