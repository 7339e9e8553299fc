package io.timport.processor.writing;

import static io.timport.processor.runtime.RuntimeContract.ADD_FRIEND_ITEM;
import static io.timport.processor.runtime.RuntimeContract.ADD_FRIEND_ITEM_WRITE_FIELDS;
import static io.timport.processor.runtime.RuntimeContract.ADD_FRIEND_ITEM_WRITE_JSON;
import static io.timport.processor.runtime.RuntimeContract.INVALID_ITEM_EXCEPTION;
import static io.timport.processor.runtime.RuntimeContract.READ_BACK;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import io.timport.processor.model.ItemModel;
import io.timport.processor.model.Property;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XItem}: the immutable, validated {@code AddFriendItem} of a {@code @FriendFields} interface. It
 * writes the class's header and hands the class to one {@link ItemPart} per concern, in this order:
 * <ol>
 * <li>{@link ItemBodyWriter}: the item itself (its {@code TYPE}, fields, constructor, accessors, {@code builder()},
 *     {@code toBuilder()});
 * <li>{@link WireFormatWriter}: its wire format ({@code fromWire}, {@code customItems}, {@code writeFields}, the
 *     Jackson annotations);
 * <li>{@link ReadBackWriter}: its read-back from {@code friend_get} ({@code readBack}) and the comparison with an
 *     expected item ({@code differences});
 * <li>{@link ValueMethodsWriter}: {@code equals}, {@code hashCode}, {@code toString};
 * <li>{@link BuilderWriter}: its {@code Builder}, which checks every rule.
 * </ol>
 * Each part iterates the item's properties ({@link ItemModel#properties()}: the standard fields and the custom fields
 * alike) once per member it writes, and calls the runtime only through
 * {@link io.timport.processor.runtime.RuntimeContract}.
 */
public final class ItemWriter implements TypeWriter {

    /** The methods every class has from {@code Object}, which a custom field must not be named like either. */
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "clone", "finalize");

    private final boolean generatedAnnotationAvailable;
    private final List<ItemPart> parts = List.of(
            new ItemBodyWriter(), new WireFormatWriter(), new ReadBackWriter(), new ValueMethodsWriter(),
            new BuilderWriter());

    /**
     * @param generatedAnnotationAvailable whether {@code javax.annotation.processing.Generated} can be used where
     *                                     the generated code compiles
     */
    public ItemWriter(boolean generatedAnnotationAvailable) {
        this.generatedAnnotationAvailable = generatedAnnotationAvailable;
    }

    /**
     * The names of the methods every generated item or its builder has besides its properties' accessors and
     * builder methods (its own, those it inherits from {@code AddFriendItem}, and {@code Object}'s): a custom field
     * with one of these names would clash.
     */
    public Set<String> methodNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ItemPart part : parts) {
            names.addAll(part.methodNames());
        }
        names.add(ADD_FRIEND_ITEM_WRITE_FIELDS.name());
        names.add(ADD_FRIEND_ITEM_WRITE_JSON.name());
        names.addAll(OBJECT_METHODS);
        return names;
    }

    @Override
    public TypeSpec write(ItemModel model) {
        ItemContext context = new ItemContext(model, generatedAnnotationAvailable);
        TypeSpec.Builder type = TypeSpec.classBuilder(context.item())
                .addOriginatingElement(model.element())
                .avoidClashesWithNestedClasses(model.element())
                .addJavadoc(classJavadoc(context))
                .addModifiers(context.visibility(Modifier.FINAL))
                .addSuperinterface(model.interfaceName())
                .addSuperinterface(ADD_FRIEND_ITEM);
        GeneratedTypes.annotate(type, generatedAnnotationAvailable);
        for (ItemPart part : parts) {
            part.addTo(type, context);
        }
        return type.build();
    }

    private static CodeBlock classJavadoc(ItemContext context) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("One friend to import with {@code friend_import}: the standard fields of an\n"
                        + "{@code AddFriendItem} and the custom friend fields of {@link $T}.\n"
                        + "Immutable, and valid by construction.\n",
                        context.model().interfaceName())
                .add("\n<p>Get one from {@link #builder()}, whose {@link Builder#build()} checks every rule of\n"
                        + "{@code friend_import} and throws an {@link $T} listing all problems at once,\n"
                        + "or from {@link #fromWire(Map)}, which reads the wire format. {@link #writeJson} writes\n"
                        + "the exact JSON the API expects; a Jackson {@code ObjectMapper} writes the same JSON.\n",
                        INVALID_ITEM_EXCEPTION)
                .add("\n<p>{@link #readBack(String, Map)} reads the same friend back from a {@code friend_get}\n"
                        + "answer, and {@link #differences($T, $T)} compares it with the item\n"
                        + "imported, field by field.\n", context.item(), READ_BACK);
        List<Property> custom = context.customProperties();
        if (custom.isEmpty()) {
            doc.add("\n<p>It has no custom friend fields.\n");
        } else {
            doc.add("\n<p>Custom friend fields, in the order they are sent:\n<ul>\n");
            for (Property property : custom) {
                doc.add("<li>{@link #$L()}: {@code $L}, $L. $L\n", property.name(), property.wireName(),
                        property.meaning(), property.rule());
            }
            doc.add("</ul>\n");
        }
        return doc.build();
    }
}
