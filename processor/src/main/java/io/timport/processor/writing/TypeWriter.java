package io.timport.processor.writing;

import com.palantir.javapoet.TypeSpec;
import io.timport.processor.model.ItemModel;

/**
 * Writes one generated top-level type for a valid {@code @FriendFields} interface: {@link ItemWriter} writes
 * {@code XItem}, {@link ImporterWriter} the typed importer {@code XImporter} beside it.
 */
public interface TypeWriter {

    /** The type to generate, in {@code model.packageName()}, with {@code model.element()} as originating element. */
    TypeSpec write(ItemModel model);
}
