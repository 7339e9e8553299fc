package io.timport.processor.writing;

import static io.timport.processor.runtime.RuntimeContract.*;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.timport.processor.model.Property;
import io.timport.processor.model.StandardField;
import io.timport.processor.runtime.Member;
import io.timport.processor.runtime.RuntimeContract;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The item's read-back: {@code readBack} reads one friend of a {@code friend_get} answer into the item's properties
 * (the standard fields from their {@code Tag_SNS_IM_…} tags, the custom fields from their own tags, typed), and
 * {@code differences} compares an expected item with a read-back one, property by property, on what
 * {@code friend_get} returns.
 *
 * <p>A property that {@code friend_get} does not return ({@code RemarkTime}) is neither read nor compared; the
 * generated code says so in a comment where it would be.
 */
final class ReadBackWriter implements ItemPart {

    static final String READ_BACK = "readBack";
    static final String DIFFERENCES = "differences";

    @Override
    public Set<String> methodNames() {
        return Set.of(READ_BACK, DIFFERENCES);
    }

    @Override
    public void addTo(TypeSpec.Builder item, ItemContext context) {
        item.addMethod(readBack(context)).addMethod(differences(context));
    }

    private static MethodSpec readBack(ItemContext context) {
        TypeName result = ParameterizedTypeName.get(RuntimeContract.READ_BACK, context.item());
        MethodSpec.Builder method = MethodSpec.methodBuilder(READ_BACK)
                .addJavadoc("Reads this friend back from one friend of a {@code friend_get} answer: the standard\n"
                        + "fields from their tags ({@code Tag_SNS_IM_AddSource}, {@code Tag_SNS_IM_Remark},\n"
                        + "{@code Tag_SNS_IM_Group}, {@code Tag_SNS_IM_AddWording}, {@code Tag_SNS_IM_AddTime};\n"
                        + "no documented tag returns {@code RemarkTime}), the custom fields from theirs, typed.\n")
                .addJavadoc("\n<p>Nothing is thrown away: a value of the wrong type, a name that is no constant of an\n"
                        + "enum field, and a tag this item does not have are kept in the result with the problem.\n"
                        + "The result holds the item when the values read make a valid one.\n")
                .addJavadoc("\n@param toAccount the friend's UserID, as the answer gives it beside the values\n")
                .addJavadoc("@param tags the friend's values by tag, as {@link $T} reads them\n", JSON_VALUES)
                .addJavadoc("@return the values read, the problems, and the item when there is one\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(result)
                .addParameter(String.class, "toAccount")
                .addParameter(FIELDS, "tags")
                .addStatement("$T read = $L", FRIEND_GET_READER, FRIEND_GET_OF.call(Code.name("toAccount"),
                        Code.name("tags")))
                .addStatement("$T builder = new $T()", context.builder(), context.builder());
        for (Property property : context.properties()) {
            StandardField standard = property.standard();
            if (standard != null && standard.isAccount()) {
                method.addStatement("$L = toAccount", Code.field("builder", property));
            } else if (property.friendGetTag() == null) {
                method.addComment("$L: no documented friend_get tag returns it", property.wireName());
            } else {
                method.addStatement("$L = $L", Code.field("builder", property), read(property));
            }
        }
        return method.addStatement("return $L", FRIEND_GET_RESULT.callOn(Code.name("read"),
                CodeBlock.of("builder::$N", BuilderWriter.BUILD))).build();
    }

    /** How {@code readBack} reads a property: {@code read.string("Remark", "Tag_SNS_IM_Remark")}, … */
    private static CodeBlock read(Property property) {
        CodeBlock read = Code.name("read");
        CodeBlock tag = Code.literal(property.friendGetTag());
        if (!property.isCustom()) {
            Member reader = switch (property.type()) {
                case STRING -> FRIEND_GET_STRING;
                case LONG -> FRIEND_GET_INTEGER;
                case STRING_LIST -> FRIEND_GET_GROUP_NAMES;
                case INT, ENUM -> throw new AssertionError(property);
            };
            return reader.callOn(read, Code.literal(property.wireName()), tag);
        }
        return switch (property.type()) {
            case STRING -> FRIEND_GET_CUSTOM_STRING.callOn(read, tag);
            case INT -> FRIEND_GET_CUSTOM_INT.callOn(read, tag);
            case LONG -> FRIEND_GET_CUSTOM_LONG.callOn(read, tag);
            case ENUM -> FRIEND_GET_CUSTOM_ENUM.callOn(read, tag, CodeBlock.of("$T.class", property.enumType()));
            case STRING_LIST -> throw new AssertionError(property);
        };
    }

    private static MethodSpec differences(ItemContext context) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(DIFFERENCES)
                .addJavadoc("Compares {@code expected} with the same friend read back from {@code friend_get},\n"
                        + "field by field, on the fields {@code friend_get} returns. {@code RemarkTime} is never\n"
                        + "compared: no documented tag returns it.\n")
                .addJavadoc("\n<p>A field absent on one side and empty on the other ({@code \"\"}, no groups,\n"
                        + "{@code 0}) does not differ, so that the result is the same whether {@code friend_get}\n"
                        + "omits fields never set or returns them empty. Groups are compared as a set.\n"
                        + "{@code AddTime} is compared only when {@code expected} has one (an import without it\n"
                        + "may leave the time to the server). A value that could not be read always differs.\n")
                .addJavadoc("\n@param expected the item imported\n")
                .addJavadoc("@param found the same friend, read back with {@link #$L(String, Map)}\n", READ_BACK)
                .addJavadoc("@return every field that differs, in wire order; empty when the friend is as expected\n")
                .addJavadoc("@throws IllegalArgumentException when the two are not the same friend\n"
                        + "    ({@code To_Account})\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(LIST, FIELD_DIFFERENCE))
                .addParameter(context.item(), "expected")
                .addParameter(ParameterizedTypeName.get(RuntimeContract.READ_BACK, context.item()), "found")
                .addStatement("$T compare = $L", FIELD_COMPARISON, COMPARISON_OF.call(Code.name("expected"),
                        Code.name("found")));
        for (Property property : context.properties()) {
            StandardField standard = property.standard();
            if (standard != null && standard.isAccount()) {
                continue; // the friend compared: checked by FieldComparison.of
            }
            Member comparison = comparison(property);
            if (comparison == null) {
                method.addComment("$L: not compared, no documented friend_get tag returns it", property.wireName());
            } else {
                method.addStatement(comparison.callOn(Code.name("compare"), Code.literal(property.wireName()),
                        Code.field("expected", property)));
            }
        }
        return method.addStatement("return $L", COMPARISON_DIFFERENCES.callOn(Code.name("compare"))).build();
    }

    /** How {@code differences} compares a property, or null when it is not compared. */
    private static Member comparison(Property property) {
        if (!property.isCustom()) {
            return property.standard().comparison();
        }
        return switch (property.type()) {
            case STRING -> COMPARE_TEXT;
            case INT, LONG -> COMPARE_INTEGER;
            case ENUM -> COMPARE_ENUMERATION;
            case STRING_LIST -> throw new AssertionError(property);
        };
    }
}
