package io.timport.processor.writing;

import com.palantir.javapoet.CodeBlock;
import io.timport.processor.model.Property;

/**
 * Small pieces of generated code that several parts write the same way.
 *
 * <p>Generated code refers to fields with {@code this.} (or {@code builder.}, {@code that.}, {@code expected.})
 * everywhere, so that no custom field name can be shadowed by a local variable or parameter.
 */
final class Code {

    private Code() {
    }

    /** {@code receiver.name}: the property's field in an item or a builder. */
    static CodeBlock field(String receiver, Property property) {
        return CodeBlock.of("$L.$N", receiver, property.name());
    }

    /** A string literal. */
    static CodeBlock literal(String text) {
        return CodeBlock.of("$S", text);
    }

    /** A local variable or parameter. */
    static CodeBlock name(String name) {
        return CodeBlock.of("$N", name);
    }

    /**
     * The condition under which the property is present in {@code receiver} ({@code receiver.x != null},
     * {@code !receiver.x.isEmpty()}), or null when it always is.
     */
    static CodeBlock presentCondition(String receiver, Property property) {
        return switch (property.presence()) {
            case PRIMITIVE, NON_NULL -> null;
            case EMPTY_WHEN_ABSENT -> CodeBlock.of("!$L.$N.isEmpty()", receiver, property.name());
            case NULL_WHEN_ABSENT -> CodeBlock.of("$L.$N != null", receiver, property.name());
        };
    }
}
