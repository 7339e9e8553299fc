package io.timport.processor;

import com.google.auto.service.AutoService;
import io.timport.processor.diagnostics.Messages;
import io.timport.processor.diagnostics.Reporter;
import io.timport.processor.reading.FriendFieldsReader;
import io.timport.processor.runtime.RuntimeContract;
import io.timport.processor.writing.ImporterWriter;
import io.timport.processor.writing.ItemWriter;
import io.timport.processor.writing.SourceFiles;
import io.timport.processor.writing.TypeWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
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
 * unexpected exception becomes an error on the interface instead of a javac crash. The processor claims nothing:
 * {@link #process} returns false.
 */
@AutoService(Processor.class)
public final class FriendFieldsProcessor extends AbstractProcessor {

    private Reporter reporter;
    private FriendFieldsReader reader;
    private List<TypeWriter> writers;
    private SourceFiles sourceFiles;
    /** Interfaces to retry in the next round, by qualified name. */
    private final Set<String> deferred = new LinkedHashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(FriendFieldsReader.FRIEND_FIELDS);
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
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                types.addAll(ElementFilter.typesIn(Set.of(element)));
            }
        }
        for (TypeElement type : types) {
            process(type, round.processingOver());
        }
        return false;
    }

    private void process(TypeElement type, boolean lastRound) {
        try {
            FriendFieldsReader.Result result = reader.read(type);
            switch (result.status()) {
                case OK:
                    for (TypeWriter writer : writers) {
                        if (!sourceFiles.write(result.model(), writer.write(result.model()))) {
                            break; // reported; the other types would refer to a type of another interface
                        }
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
