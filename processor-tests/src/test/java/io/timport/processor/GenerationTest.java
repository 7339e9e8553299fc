package io.timport.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.timport.processor.UserCompiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Which types are generated, with which names, visibility and originating elements. */
class GenerationTest {

    private static final String IMPORTS = "import io.timport.annotation.*;";

    private static String generated(Compilation compilation, String qualifiedName) throws IOException {
        return compilation.generatedSourceFile(qualifiedName).orElseThrow().getCharContent(false).toString();
    }

    @Test
    void aUserBuildWithEveryLintAndWerrorCompilesCleanly() {
        // -Xlint:all includes -Xlint:processing: unclaimed annotations would be a warning, and -Werror an error.
        JavaFileObject friend = JavaFileObjects.forSourceLines("test.Friend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface Friend {",
                "  enum Channel { LOBBY, ARENA }",
                "  @CustomField(\"Level\") long level();",
                "  @CustomField(\"Rank\") int rank();",
                "  @CustomField(\"Score\") Long score();",
                "  @CustomField(\"Wins\") Integer wins();",
                "  @CustomField(\"Guild\") String guild();",
                "  @CustomField(\"Channel\") Channel channel();",
                "}");
        Compilation compilation = javac().withOptions("-Xlint:all", "-Werror")
                .withProcessors(new FriendFieldsProcessor())
                .compile(friend);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void anAnnotationThatAlsoMarksAUsersOwnClassIsLeftForOtherProcessors() {
        // The user's own Jackson annotation is not the processor's to claim: the round is left unclaimed, and javac
        // warns as it would without timport (naming our annotations of that round beside it).
        JavaFileObject friend = JavaFileObjects.forSourceLines("test.Friend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface Friend {",
                "  @CustomField(\"Level\") long level();",
                "}");
        JavaFileObject dto = JavaFileObjects.forSourceLines("test.Dto",
                "package test;",
                "@com.fasterxml.jackson.annotation.JsonAutoDetect",
                "public class Dto {}");
        Compilation compilation = javac().withOptions("-Xlint:all")
                .withProcessors(new FriendFieldsProcessor())
                .compile(friend, dto);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("No processor claimed any of these annotations");
        assertThat(compilation).hadWarningContaining("JsonAutoDetect");
    }

    @Test
    void theImporterIsGeneratedBesideTheItemWithTheSameVisibility() throws IOException {
        JavaFileObject packagePrivate = JavaFileObjects.forSourceLines("test.Friend",
                "package test;", IMPORTS,
                "@FriendFields",
                "interface Friend {",
                "  @CustomField(\"Level\") long level();",
                "}");
        JavaFileObject nested = JavaFileObjects.forSourceLines("test.Game",
                "package test;", IMPORTS,
                "public class Game {",
                "  @FriendFields public interface Buddy {}",
                "}");
        Compilation compilation = javac().withOptions("-Xlint:all,-processing", "-Werror")
                .withProcessors(new FriendFieldsProcessor())
                .compile(packagePrivate, nested);
        assertThat(compilation).succeededWithoutWarnings();

        String friend = generated(compilation, "test.FriendImporter");
        assertTrue(friend.contains("\nfinal class FriendImporter {"), friend);
        assertTrue(friend.contains("\n    static final class Builder extends ImporterBuilder<FriendItem, Builder> {"),
                friend);
        assertTrue(friend.contains("public static ImportRecord<FriendItem> record(String fromAccount, FriendItem item)"),
                friend);

        String buddy = generated(compilation, "test.Game_BuddyImporter");
        assertTrue(buddy.contains("\npublic final class Game_BuddyImporter {"), buddy);
        assertTrue(buddy.contains("return this.engine.runJsonl(file, Game_BuddyItem.TYPE);"), buddy);
        assertTrue(buddy.contains("return this.engine.validateJsonl(file, Game_BuddyItem.TYPE);"), buddy);
    }

    @Test
    void customFieldsNamedLikeImporterMembersDoNotClash() {
        // The importer does not implement the interface, so these names mean nothing to it.
        JavaFileObject source = JavaFileObjects.forSourceLines("test.Odd",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface Odd {",
                "  @CustomField(\"Run\") Long run();",
                "  @CustomField(\"RunJsonl\") String runJsonl();",
                "  @CustomField(\"Record\") Integer record();",
                "  @CustomField(\"Engine\") String engine();",
                "  @CustomField(\"Self\") String self();",
                "  @CustomField(\"Validate\") String validate();",
                "}");
        JavaFileObject user = JavaFileObjects.forSourceLines("test.User",
                "package test;",
                "class User {",
                "  static io.timport.bulk.ImportRecord<OddItem> one() {",
                "    return OddImporter.record(\"alice\",",
                "        OddItem.builder().toAccount(\"bob\").addSource(\"AddSource_Type_Test\").run(1).record(2));",
                "  }",
                "}");
        Compilation compilation = javac().withOptions("-Xlint:all,-processing", "-Werror")
                .withProcessors(new FriendFieldsProcessor())
                .compile(source, user);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.OddImporter").isNotNull();
    }

    @Test
    void everyGeneratedFileHasItsInterfaceAsOriginatingElement() {
        JavaFileObject first = JavaFileObjects.forSourceLines("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Level\") long level();",
                "}");
        JavaFileObject second = JavaFileObjects.forSourceLines("test.Guild",
                "package test;", IMPORTS,
                "public interface Guild {",
                "  @FriendFields interface Member {}",
                "}");
        OriginRecorder recorder = new OriginRecorder();
        assertThat(javac().withProcessors(recorder).compile(first, second)).succeededWithoutWarnings();
        assertEquals(Map.of(
                        "test.GameFriendItem", List.of("test.GameFriend"),
                        "test.GameFriendImporter", List.of("test.GameFriend"),
                        "test.Guild_MemberItem", List.of("test.Guild.Member"),
                        "test.Guild_MemberImporter", List.of("test.Guild.Member")),
                recorder.origins, "one originating element per file, as Gradle's isolating mode needs");
    }

    /**
     * Runs {@link FriendFieldsProcessor} with a {@link Filer} that records the originating elements of each source
     * file it creates.
     */
    private static final class OriginRecorder implements Processor {
        private final Processor processor = new FriendFieldsProcessor();
        final Map<String, List<String>> origins = new TreeMap<>();

        @Override
        public void init(ProcessingEnvironment env) {
            Filer filer = env.getFiler();
            ClassLoader loader = getClass().getClassLoader();
            Filer recording = (Filer) Proxy.newProxyInstance(loader, new Class<?>[] {Filer.class}, (p, method, args) -> {
                if (method.getName().equals("createSourceFile")) {
                    origins.put(args[0].toString(), Arrays.stream((Element[]) args[1])
                            .map(e -> ((TypeElement) e).getQualifiedName().toString())
                            .collect(Collectors.toList()));
                }
                return forward(method, filer, args);
            });
            processor.init((ProcessingEnvironment) Proxy.newProxyInstance(loader,
                    new Class<?>[] {ProcessingEnvironment.class},
                    (p, method, args) -> method.getName().equals("getFiler") ? recording : forward(method, env, args)));
        }

        private static Object forward(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return processor.process(annotations, round);
        }

        @Override
        public Set<String> getSupportedOptions() {
            return processor.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return processor.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return processor.getSupportedSourceVersion();
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                ExecutableElement member, String userText) {
            return processor.getCompletions(element, annotation, member, userText);
        }
    }
}
