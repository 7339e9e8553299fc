package io.timport.processor.writing;

import com.palantir.javapoet.ClassName;
import io.timport.processor.model.ItemModel;
import io.timport.processor.model.Property;
import java.util.List;
import javax.lang.model.element.Modifier;

/** What every {@link ItemPart} needs while one item class is written: the model and the names it derives. */
final class ItemContext {

    /** The name of the builder's nested class. */
    static final String BUILDER_CLASS = "Builder";

    private final ItemModel model;
    private final ClassName item;
    private final ClassName builder;
    private final List<Property> properties;
    private final List<Property> customProperties;
    private final boolean generatedAnnotationAvailable;

    ItemContext(ItemModel model, boolean generatedAnnotationAvailable) {
        this.model = model;
        this.item = model.itemName();
        this.builder = item.nestedClass(BUILDER_CLASS);
        this.properties = model.properties();
        this.customProperties = properties.stream().filter(Property::isCustom).toList();
        this.generatedAnnotationAvailable = generatedAnnotationAvailable;
    }

    ItemModel model() {
        return model;
    }

    /** {@code XItem}. */
    ClassName item() {
        return item;
    }

    /** {@code XItem.Builder}. */
    ClassName builder() {
        return builder;
    }

    /** Every property, in wire order: the standard fields, then the custom ones. */
    List<Property> properties() {
        return properties;
    }

    /** The custom properties, in wire order: the elements of {@code CustomItem}. */
    List<Property> customProperties() {
        return customProperties;
    }

    /** The {@code To_Account} property, which names an item in messages. */
    Property toAccount() {
        for (Property property : properties) {
            if (property.standard() != null && property.standard().isAccount()) {
                return property;
            }
        }
        throw new AssertionError("no To_Account in " + properties);
    }

    boolean generatedAnnotationAvailable() {
        return generatedAnnotationAvailable;
    }

    /** {@code public} when the interface is public, followed by {@code more}. */
    Modifier[] visibility(Modifier... more) {
        return GeneratedTypes.visibility(model, more);
    }
}
