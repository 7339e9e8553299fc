package io.timport.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.TypeElement;

/**
 * Everything the writers need about one valid {@code @FriendFields} interface. Immutable; built only when the
 * interface had no error.
 *
 * @param element        the interface, the originating element of every file generated for it
 * @param interfaceName  its class name
 * @param isPublic       whether it and every type enclosing it are public (then so are the generated types)
 * @param fields         its custom fields, in wire order: inherited fields first (see the reader), then its own
 */
public record ItemModel(TypeElement element, ClassName interfaceName, boolean isPublic, List<CustomFieldModel> fields) {

    public ItemModel {
        Objects.requireNonNull(element);
        Objects.requireNonNull(interfaceName);
        fields = List.copyOf(fields);
    }

    /** Every property of the item, in wire order: the standard fields, then the custom fields. */
    public List<Property> properties() {
        List<Property> properties = new ArrayList<>(StandardField.values().length + fields.size());
        for (StandardField field : StandardField.values()) {
            properties.add(Property.of(field));
        }
        properties.addAll(customProperties());
        return properties;
    }

    /** The custom fields' properties, in wire order: the elements of {@code CustomItem}. */
    public List<Property> customProperties() {
        return fields.stream().map(Property::of).toList();
    }

    /** The package of the interface and of every generated type. */
    public String packageName() {
        return interfaceName.packageName();
    }

    /** The flat name generated types start with: {@code GameFriend}, or {@code Outer_GameFriend} when nested. */
    public String flatName() {
        return flatName(interfaceName);
    }

    /** {@code XItem}: the generated item class. */
    public ClassName itemName() {
        return itemName(interfaceName);
    }

    /** {@code XImporter}: the generated typed importer, a facade over the bulk import engine for {@code XItem}. */
    public ClassName importerName() {
        return ClassName.get(interfaceName.packageName(), flatName() + "Importer");
    }

    /** The item class generated for the interface {@code interfaceName}. */
    public static ClassName itemName(ClassName interfaceName) {
        return ClassName.get(interfaceName.packageName(), flatName(interfaceName) + "Item");
    }

    private static String flatName(ClassName interfaceName) {
        return String.join("_", interfaceName.simpleNames());
    }
}
