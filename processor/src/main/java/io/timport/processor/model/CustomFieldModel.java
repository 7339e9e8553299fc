package io.timport.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.ExecutableElement;

/**
 * One custom friend field: an abstract {@code @CustomField} method of a {@code @FriendFields} interface or of one
 * of the interfaces it extends.
 *
 * @param method        the method
 * @param name          the method's name: the accessor and builder method of the generated item
 * @param declaredIn    the simple name of the interface that declares it, for messages
 * @param keyword       the keyword, e.g. {@code Level}
 * @param valueType     what it holds
 * @param primitive     whether the return type is {@code int} or {@code long}: then the field is required
 * @param enumType      the enum class when {@code valueType} is {@link ValueType#ENUM}, else null
 * @param enumConstants the enum's constant names, in order, when {@code valueType} is {@link ValueType#ENUM}
 */
public record CustomFieldModel(
        ExecutableElement method,
        String name,
        String declaredIn,
        String keyword,
        ValueType valueType,
        boolean primitive,
        ClassName enumType,
        List<String> enumConstants) {

    /** The prefix of every custom friend field's tag. */
    public static final String TAG_PREFIX = "Tag_SNS_Custom_";

    public CustomFieldModel {
        Objects.requireNonNull(method);
        Objects.requireNonNull(name);
        Objects.requireNonNull(keyword);
        Objects.requireNonNull(valueType);
        enumConstants = List.copyOf(enumConstants);
    }

    /** The full tag, e.g. {@code Tag_SNS_Custom_Level}. */
    public String tag() {
        return TAG_PREFIX + keyword;
    }

    /** Whether the field must be set: only primitive ({@code int}, {@code long}) fields are. */
    public boolean required() {
        return primitive;
    }

    /** {@code declaredIn.name()}, as messages show the method. */
    public String displayName() {
        return declaredIn + "." + name + "()";
    }
}
