package io.timport.processor.writing;

import com.palantir.javapoet.TypeSpec;
import java.util.Set;

/**
 * One concern of a generated {@code XItem}, written by one small class: the item's body, its wire format, its
 * read-back, its value methods, its builder. {@link ItemWriter} runs them in that order on one type under
 * construction.
 */
interface ItemPart {

    /** Adds this part's annotations, fields, methods or nested types to {@code item}. */
    void addTo(TypeSpec.Builder item, ItemContext context);

    /**
     * The names of the methods this part gives the item or its builder, besides each property's accessor and builder
     * methods: a custom field of one of these names would clash with them.
     */
    Set<String> methodNames();
}
