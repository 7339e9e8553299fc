package io.timport.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import io.timport.annotation.FriendFields;
import io.timport.processor.FriendFieldsProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 9: a user's project compiled with every javac warning turned into an error ({@code -Xlint:all
 * -Werror}) builds. The sources in {@code src/test/strict-build} (every kind of custom field, and a class that uses the
 * generated item and importer) are compiled as Maven's compiler plugin compiles a user's project: the system Java
 * compiler, in this JVM, with the built processor found on the processor path (not handed to javac as an object) and
 * the runtime on the class path. Any warning, from the processor or from the code it generates ("No processor claimed
 * any of these annotations" was one), fails it. The processor's own tests check the same options on their sources;
 * this one takes the processor as a user gets it, from its jar.
 */
class StrictUserBuildTest {

    private static final Path SOURCES = Path.of("src/test/strict-build");

    @TempDir
    Path out;

    @Test
    void aUserProjectCompiledWithEveryLintAsAnErrorBuilds() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        assertEquals(2, sources.size(), "the user's sources: " + sources);
        Path classes = Files.createDirectories(out.resolve("classes"));
        Path generated = Files.createDirectories(out.resolve("generated-sources"));
        List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-encoding", "UTF-8",
                // the runtime and what it brings along (Jackson's core and annotations), as on a user's class path
                "-classpath", path(FriendFields.class, JsonFactory.class, JsonProperty.class),
                // the processor as it is on a user's annotationProcessorPaths: its jar (JavaPoet inside), found there by
                // javac's service lookup; JavaPoet's own jar beside it when the reactor hands over the processor's
                // classes directory instead (mvn test, before the jar is built)
                "-processorpath", path(FriendFieldsProcessor.class) + javaPoet(),
                "-d", classes.toString(), "-s", generated.toString());

        boolean compiled;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            compiled = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
        }

        String printed = diagnostics.getDiagnostics().stream()
                .map(d -> d.getKind() + " " + d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        assertTrue(compiled, "javac -Xlint:all -Werror failed:\n" + printed);
        assertTrue(diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() != Diagnostic.Kind.NOTE),
                "no warning at all:\n" + printed);
        for (String type : List.of("StrictFriendItem", "StrictFriendImporter")) {
            assertTrue(Files.isRegularFile(generated.resolve("com/example/strict/" + type + ".java")), type);
            assertTrue(Files.isRegularFile(classes.resolve("com/example/strict/" + type + ".class")), type);
        }
    }

    /** The class path entries (jar or directory) that hold {@code types}. */
    private static String path(Class<?>... types) {
        return Stream.of(types).map(StrictUserBuildTest::location).distinct().collect(Collectors.joining(
                File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JavaPoet's entry, prefixed with the separator, when it is on this class path unshaded; else nothing. */
    private static String javaPoet() {
        try {
            return File.pathSeparator + location(Class.forName("com.palantir.javapoet.JavaFile"));
        } catch (ClassNotFoundException e) {
            return "";
        }
    }
}
