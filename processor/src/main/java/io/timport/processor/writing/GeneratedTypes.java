package io.timport.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.TypeSpec;
import io.timport.processor.model.ItemModel;
import io.timport.processor.runtime.RuntimeContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * What every generated type shares: the {@code @Generated} annotation (without a timestamp, for reproducible builds)
 * and the visibility rule (public only when the interface and every type enclosing it are public).
 */
final class GeneratedTypes {

    /** The value of {@code @Generated}. */
    static final String PROCESSOR = "io.timport.processor.FriendFieldsProcessor";

    private GeneratedTypes() {
    }

    /** Adds {@code @Generated("io.timport.processor.FriendFieldsProcessor")} when the annotation can be used. */
    static void annotate(TypeSpec.Builder type, boolean generatedAnnotationAvailable) {
        if (generatedAnnotationAvailable) {
            type.addAnnotation(AnnotationSpec.builder(RuntimeContract.GENERATED)
                    .addMember("value", "$S", PROCESSOR)
                    .build());
        }
    }

    /** {@code public} when the interface is public, followed by {@code more}. */
    static Modifier[] visibility(ItemModel model, Modifier... more) {
        List<Modifier> modifiers = new ArrayList<>();
        if (model.isPublic()) {
            modifiers.add(Modifier.PUBLIC);
        }
        modifiers.addAll(Arrays.asList(more));
        return modifiers.toArray(new Modifier[0]);
    }
}
