package io.timport.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

@AutoService(Processor.class)
public final class FriendFieldsProcessor extends AbstractProcessor {
    @Override public Set<String> getSupportedAnnotationTypes() { return Set.of("io.timport.annotation.FriendFields"); }
    @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }
    @Override public boolean process(Set<? extends TypeElement> a, RoundEnvironment r) {
        processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.WARNING, "PLACEHOLDER " + ClassName.get("a", "B"));
        return false;
    }
}
