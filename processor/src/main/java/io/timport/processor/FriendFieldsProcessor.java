package io.timport.processor;

import com.palantir.javapoet.TypeSpec;
import com.google.auto.service.AutoService;
import io.timport.processor.diagnostics.Messages;
import io.timport.processor.diagnostics.Reporter;
import io.timport.processor.reading.FriendFieldsReader;
import io.timport.processor.runtime.RuntimeContract;
import io.timport.processor.writing.ImporterWriter;
import io.timport.processor.writing.ItemWriter;
import io.timport.processor.writing.SourceFiles;
import io.timport.processor.writing.TypeWriter;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Generates, for each {@code @FriendFields} interface {@code X}, the item class {@code XItem} and the typed importer
 * {@code XImporter} in {@code X}'s package ({@code Outer_XItem} and {@code Outer_XImporter} for a nested
 * {@code Outer.X}).
 *
 * <p>The pipeline, per interface: <b>read</b> it into an immutable model, checking every rule and reporting every
 * broken one ({@link FriendFieldsReader}, through the one {@link Reporter}, with texts from {@link Messages}) →
 * <b>write</b> the generated types ({@link TypeWriter}s, through {@link SourceFiles}), or nothing at all for an
 * interface that had an error; the other interfaces are still generated. {@link ItemWriter} writes the item with
 * one small part per concern; every writer calls the runtime only through {@link RuntimeContract}, and the reader
 * learns from {@link ItemWriter#methodNames()} which method names a custom field must not take. When the {@code Filer} refuses one type of
 * an interface (another interface already generated a type of that name: {@code Outer.X} and {@code Outer_X}), that
 * is reported once and the interface's remaining types are not written.
 *
 * <p>An interface that uses a type not generated yet (by another processor) is retried in the next round. An
 * unexpected exception becomes an error on the interface instead of a javac crash.
 *
 * <p><b>Claiming.</b> javac warns "No processor claimed any of these annotations" (under {@code -Xlint:processing},
 * part of {@code -Xlint:all}) for every annotation of a round that no processor claims, which fails a user's build
 * compiled with {@code -Xlint:all -Werror}. So the processor claims its own {@code @FriendFields} and
 * {@code @CustomField}, and, in the round that compiles the types it generated, the annotations those types carry
 * ({@code @Generated} and Jackson's) — but only when every element carrying them is inside a type it generated: an
 * annotation that also marks a user's own class is left unclaimed, for any other processor that wants it.
 */
@AutoService(Processor.class)
public final class FriendFieldsProcessor extends AbstractProcessor {

    /** Made by javac, which finds the processor through {@code META-INF/services} or {@code -processor}. */
    public FriendFieldsProcessor() {
    }

    private Reporter reporter;
    private FriendFieldsReader reader;
    private List<TypeWriter> writers;
    private SourceFiles sourceFiles;
    /** Interfaces to retry in the next round, by qualified name. */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** The types this processor generated, by qualified name: their annotations are claimed. */
    private final Set<String> generated = new HashSet<>();

    /** Our own annotations, always claimed. */
    private static final Set<String> OWN = Set.of(FriendFieldsReader.FRIEND_FIELDS, FriendFieldsReader.CUSTOM_FIELD);

    /** What the generated types carry: claimed where they mark nothing but generated types. */
    private static final Set<String> ON_GENERATED_TYPES = Set.of(
            RuntimeContract.GENERATED.canonicalName(),
            RuntimeContract.JSON_PROPERTY.canonicalName(),
            RuntimeContract.JSON_PROPERTY_ORDER.canonicalName(),
            RuntimeContract.JSON_INCLUDE.canonicalName(),
            RuntimeContract.JSON_AUTO_DETECT.canonicalName());

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> supported = new HashSet<>(OWN);
        supported.addAll(ON_GENERATED_TYPES);
        return supported;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        reporter = new Reporter(processingEnv.getMessager());
        boolean generatedAvailable =
                processingEnv.getElementUtils().getTypeElement(RuntimeContract.GENERATED.canonicalName()) != null;
        ItemWriter itemWriter = new ItemWriter(generatedAvailable);
        reader = new FriendFieldsReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), reporter,
                itemWriter.methodNames());
        writers = List.of(itemWriter, new ImporterWriter(generatedAvailable));
        sourceFiles = new SourceFiles(processingEnv.getFiler(), reporter);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<TypeElement> types = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                types.add(type);
            }
        }
        deferred.clear();
        for (TypeElement annotation : annotations) {
            if (annotation.getQualifiedName().contentEquals(FriendFieldsReader.FRIEND_FIELDS)) {
                for (Element element : round.getElementsAnnotatedWith(annotation)) {
                    types.addAll(ElementFilter.typesIn(Set.of(element)));
                }
            }
        }
        for (TypeElement type : types) {
            process(type, round.processingOver());
        }
        return claims(annotations, round);
    }

    /** Whether to claim this round's annotations: see the class Javadoc. */
    private boolean claims(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            if (OWN.contains(annotation.getQualifiedName().toString())) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (!generated.contains(outermostType(element))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String outermostType(Element element) {
        Element e = element;
        while (e.getEnclosingElement() != null && e.getEnclosingElement().getKind() != ElementKind.PACKAGE
                && e.getEnclosingElement().getKind() != ElementKind.MODULE) {
            e = e.getEnclosingElement();
        }
        return e instanceof TypeElement ? ((TypeElement) e).getQualifiedName().toString() : "";
    }

    private void process(TypeElement type, boolean lastRound) {
        try {
            FriendFieldsReader.Result result = reader.read(type);
            switch (result.status()) {
                case OK:
                    for (TypeWriter writer : writers) {
                        TypeSpec spec = writer.write(result.model());
                        if (!sourceFiles.write(result.model(), spec)) {
                            break; // reported; the other types would refer to a type of another interface
                        }
                        String pkg = result.model().packageName();
                        generated.add(pkg.isEmpty() ? spec.name() : pkg + "." + spec.name());
                    }
                    break;
                case DEFERRED:
                    if (lastRound) {
                        reporter.error(type, Messages.unresolvedType(type.getQualifiedName().toString()));
                    } else {
                        deferred.add(type.getQualifiedName().toString());
                    }
                    break;
                default:
                    break; // errors reported; nothing generated for this type
            }
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            reporter.error(type, Messages.unexpected(type.getQualifiedName().toString(), e));
        }
    }
}
