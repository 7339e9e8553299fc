package io.timport.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.timport.processor.UserCompiler.javac;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic: each compiles a small source with the real processor and asserts the exact message,
 * the file and the line it is reported on.
 */
class DiagnosticsTest {

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new FriendFieldsProcessor()).compile(sources);
    }

    /**
     * The sources the processor generated in a compilation that failed (compile-testing only shows those of a
     * successful one): compiles again with the JDK's compiler, generated sources going to a temporary folder.
     */
    private static List<String> generatedDespiteErrors(JavaFileObject... sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, UTF_8)) {
            Path out = Files.createTempDirectory("timport-generated");
            try {
                files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(out));
                JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostic -> { }, List.of("-proc:only"),
                        null, List.of(sources));
                task.setProcessors(List.of(new FriendFieldsProcessor()));
                assertFalse(task.call(), "the compilation should fail");
                try (Stream<Path> generated = Files.walk(out)) {
                    return generated.filter(Files::isRegularFile)
                            .map(p -> out.relativize(p).toString().replace('\\', '/'))
                            .sorted()
                            .collect(Collectors.toList());
                }
            } finally {
                try (Stream<Path> paths = Files.walk(out)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    private static final String IMPORTS = "import io.timport.annotation.*;";

    @Test
    void friendFieldsOnAClass() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public abstract class GameFriend {",
                "  @CustomField(\"Level\") abstract long level();",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@FriendFields must be on an interface, but GameFriend is a class;"
                        + " declare \"interface GameFriend\" with one @CustomField method per custom friend field")
                .inFile(source).onLineContaining("@FriendFields");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void friendFieldsOnAnEnum() {
        JavaFileObject source = source("test.Colour",
                "package test;", IMPORTS,
                "@FriendFields public enum Colour { RED }");
        assertThat(compile(source)).hadErrorContaining("@FriendFields must be on an interface, but Colour is an enum;"
                        + " declare \"interface Colour\" with one @CustomField method per custom friend field")
                .inFile(source).onLineContaining("enum Colour");
    }

    @Test
    void friendFieldsOnARecord() {
        JavaFileObject source = source("test.Friend",
                "package test;", IMPORTS,
                "",
                "@FriendFields public record Friend(long level) {}");
        assertThat(compile(source)).hadErrorContaining("@FriendFields must be on an interface, but Friend is a record;"
                        + " declare \"interface Friend\" with one @CustomField method per custom friend field")
                .inFile(source).onLineContaining("record Friend");
    }

    @Test
    void friendFieldsOnAnAnnotationType() {
        JavaFileObject source = source("test.Marker",
                "package test;", IMPORTS,
                "@FriendFields public @interface Marker {}");
        assertThat(compile(source)).hadErrorContaining("@FriendFields must be on an interface, but Marker is an"
                        + " annotation type; declare \"interface Marker\" with one @CustomField method per custom"
                        + " friend field")
                .inFile(source).onLineContaining("@interface Marker");
    }

    @Test
    void abstractMethodWithoutCustomField() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Level\") long level();",
                "  String guild();",
                "}");
        assertThat(compile(source)).hadErrorContaining("GameFriend.guild() is abstract but has no @CustomField:"
                        + " every abstract method of @FriendFields interface GameFriend is a custom friend field;"
                        + " annotate it with @CustomField(\"Keyword\") or give it a default body")
                .inFile(source).onLineContaining("String guild();");
    }

    @Test
    void abstractMethodInheritedFromAPlainInterface() {
        JavaFileObject base = source("test.Ranked",
                "package test;",
                "public interface Ranked {",
                "  int rank();",
                "}");
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend extends Ranked {",
                "}");
        assertThat(compile(base, source)).hadErrorContaining("Ranked.rank() is abstract but has no @CustomField:"
                        + " every abstract method of @FriendFields interface GameFriend is a custom friend field;"
                        + " annotate it with @CustomField(\"Keyword\") or give it a default body")
                .inFile(base).onLineContaining("int rank();");
    }

    @Test
    void customFieldOnADefaultMethod() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Level\")",
                "  default long level() { return 1; }",
                "}");
        assertThat(compile(source)).hadErrorContaining("@CustomField on GameFriend.level() has no effect: it is a"
                        + " default method, and only abstract methods are custom friend fields; make it abstract"
                        + " or remove @CustomField")
                .inFile(source).onLineContaining("@CustomField(\"Level\")");
    }

    @Test
    void customFieldWithParameters() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Level\")",
                "  long level(int season);",
                "}");
        assertThat(compile(source)).hadErrorContaining("@CustomField method GameFriend.level(int season) must have no"
                        + " parameters: it is read as a property of the item; remove the parameters")
                .inFile(source).onLineContaining("long level(int season);");
    }

    @Test
    void customFieldWithTypeParameters() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Guild\")",
                "  <T> String guild();",
                "}");
        assertThat(compile(source)).hadErrorContaining("@CustomField method GameFriend.guild() must not declare type"
                        + " parameters; remove <T>")
                .inFile(source).onLineContaining("<T> String guild();");
    }

    @Test
    void unsupportedReturnType() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Score\")",
                "  double score();",
                "}");
        assertThat(compile(source)).hadErrorContaining("@CustomField method GameFriend.score() returns double, which a"
                        + " custom friend field cannot hold; use String (a string value), int or long (a required"
                        + " integer), Integer or Long (an optional integer), or an enum (sent as its name())")
                .inFile(source).onLineContaining("double score();");
    }

    @Test
    void keywordThatIsNotOneToEightLetters() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(",
                "      \"GuildNameX\")",
                "  String guild();",
                "}");
        assertThat(compile(source)).hadErrorContaining("@CustomField \"GuildNameX\" on GameFriend.guild(): the keyword"
                        + " must be 1 to 8 English letters (it becomes Tag_SNS_Custom_GuildNameX); try \"Guild\"")
                .inFile(source).onLineContaining("\"GuildNameX\")");
    }

    @Test
    void emptyKeywordSuggestsOneFromTheMethodName() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Tag_SNS_Custom_\") long seasonLevel();",
                "}");
        assertThat(compile(source)).hadErrorContaining("@CustomField \"Tag_SNS_Custom_\" on GameFriend.seasonLevel():"
                        + " the keyword must be 1 to 8 English letters (it becomes Tag_SNS_Custom_); try \"season\"")
                .inFile(source).onLineContaining("seasonLevel()");
    }

    @Test
    void sameTagTwiceInOneInterface() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Level\") long level();",
                "  @CustomField(\"Tag_SNS_Custom_Level\") long rank();",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("Tag_SNS_Custom_Level is the tag of both GameFriend.level() and"
                        + " GameFriend.rank(); each custom friend field needs its own tag")
                .inFile(source).onLineContaining("long rank();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void sameTagTwiceInTheHierarchy() {
        JavaFileObject base = source("test.Player",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface Player {",
                "  @CustomField(\"Level\") long level();",
                "}");
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend extends Player {",
                "  @CustomField(\"Level\") long experience();",
                "}");
        Compilation compilation = compile(base, source);
        assertThat(compilation).hadErrorContaining("Tag_SNS_Custom_Level is the tag of both Player.level() and"
                        + " GameFriend.experience(); each custom friend field needs its own tag")
                .inFile(source).onLineContaining("experience()");
        assertEquals(List.of("test/PlayerImporter.java", "test/PlayerItem.java"),
                generatedDespiteErrors(base, source));
    }

    @Test
    void sameMethodInheritedWithTwoTags() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "interface Legacy { @CustomField(\"Lvl\") long level(); }",
                "interface Modern { @CustomField(\"Level\") long level(); }",
                "@FriendFields",
                "public interface GameFriend extends Legacy, Modern {",
                "}");
        assertThat(compile(source)).hadErrorContaining("level() is a custom friend field twice, as Legacy.level()"
                        + " (Tag_SNS_Custom_Lvl) and Modern.level() (Tag_SNS_Custom_Level); one method can be only"
                        + " one field; rename one of them")
                .inFile(source).onLineContaining("public interface GameFriend");
    }

    @Test
    void methodNamedLikeAStandardField() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Remark\") String remark();",
                "}");
        assertThat(compile(source)).hadErrorContaining("GameFriend.remark() clashes with the standard field Remark:"
                        + " GameFriendItem already has remark() and its builder remark(...) for it; rename the method,"
                        + " e.g. to customRemark()")
                .inFile(source).onLineContaining("String remark();");
    }

    @Test
    void methodNamedLikeAGeneratedMember() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Build\") long build();",
                "}");
        assertThat(compile(source)).hadErrorContaining("GameFriend.build() clashes with build(), which the generated"
                        + " GameFriendItem or its builder already has; rename the method, e.g. to customBuild()")
                .inFile(source).onLineContaining("long build();");
    }

    @Test
    void methodNamedLikeAReadBackMember() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Diff\") String differences();",
                "  @CustomField(\"Back\") Long readBack();",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("GameFriend.differences() clashes with differences(), which the"
                        + " generated GameFriendItem or its builder already has; rename the method, e.g. to"
                        + " customDifferences()")
                .inFile(source).onLineContaining("String differences();");
        assertThat(compilation).hadErrorContaining("GameFriend.readBack() clashes with readBack(), which the generated"
                        + " GameFriendItem or its builder already has; rename the method, e.g. to customReadBack()")
                .inFile(source).onLineContaining("Long readBack();");
    }

    @Test
    void genericInterface() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend<T extends Number> {",
                "  @CustomField(\"Level\") long level();",
                "}");
        assertThat(compile(source)).hadErrorContaining("@FriendFields interface GameFriend must not be generic: the"
                        + " generated GameFriendItem implements it with fixed field types; remove the type parameters"
                        + " <T>")
                .inFile(source).onLineContaining("public interface GameFriend<T extends Number>");
    }

    @Test
    void privateInterface() {
        JavaFileObject source = source("test.Game",
                "package test;", IMPORTS,
                "public class Game {",
                "  @FriendFields private interface Friend {",
                "    @CustomField(\"Level\") long level();",
                "  }",
                "}");
        assertThat(compile(source)).hadErrorContaining("@FriendFields interface Game.Friend is private, so the"
                        + " generated Game_FriendItem in package test cannot implement it; make it package-private"
                        + " or public")
                .inFile(source).onLineContaining("private interface Friend");
    }

    @Test
    void interfaceNestedInAPrivateClass() {
        JavaFileObject source = source("test.Game",
                "package test;", IMPORTS,
                "public class Game {",
                "  private static class Hidden {",
                "    @FriendFields interface Friend {}",
                "  }",
                "}");
        assertThat(compile(source)).hadErrorContaining("@FriendFields interface Game.Hidden.Friend is nested in"
                        + " Game.Hidden, which is private, so the generated Game_Hidden_FriendItem in package test"
                        + " cannot implement it; make it package-private or public")
                .inFile(source).onLineContaining("interface Friend");
    }

    @Test
    void inaccessibleEnum() {
        JavaFileObject source = source("test.Game",
                "package test;", IMPORTS,
                "public class Game {",
                "  private enum Colour { RED, BLUE }",
                "  @FriendFields interface Painted {",
                "    @CustomField(\"Colour\") Colour colour();",
                "  }",
                "}");
        assertThat(compile(source)).hadErrorContaining("@CustomField method Game.Painted.colour() returns the enum"
                        + " Game.Colour, which is private, so the generated Game_PaintedItem in package test cannot"
                        + " use it; make the enum public (or package-private in package test)")
                .inFile(source).onLineContaining("Colour colour();");
    }

    @Test
    void unresolvedType() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Rank\") Rank rank();",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining("@FriendFields interface test.GameFriend: a type it uses could not"
                        + " be resolved, so nothing was generated for it; fix the other errors first")
                .inFile(source).onLineContaining("public interface GameFriend");
        assertThat(compilation).hadErrorContaining("cannot find symbol");
    }

    @Test
    void twoInterfacesThatWouldGenerateTheSameClass() {
        JavaFileObject nested = source("test.Game",
                "package test;", IMPORTS,
                "public interface Game {",
                "  @FriendFields interface Friend {}",
                "}");
        JavaFileObject flat = source("test.Game_Friend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface Game_Friend {}");
        Compilation compilation = compile(nested, flat);
        assertThat(compilation).hadErrorContaining("timport could not write test.Game_FriendItem: ");
        // Once: the refused interface's Game_FriendImporter, which would collide too, is not attempted.
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aClassNamedLikeTheImporter() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {}");
        JavaFileObject own = source("test.GameFriendImporter",
                "package test;",
                "public class GameFriendImporter {}");
        Compilation compilation = compile(source, own);
        assertThat(compilation).hadErrorContaining("timport could not write test.GameFriendImporter: Attempt to"
                        + " recreate a file for type test.GameFriendImporter (is there a type of that name already?)")
                .inFile(source).onLineContaining("public interface GameFriend");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void everyErrorOfATypeAtOnceAndOtherTypesStillGenerated() {
        JavaFileObject bad = source("test.Bad",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface Bad {",
                "  @CustomField(\"Level1\") long level();",
                "  @CustomField(\"Score\") double score();",
                "  String guild();",
                "}");
        JavaFileObject good = source("test.Good",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface Good {",
                "  @CustomField(\"Level\") long level();",
                "}");
        Compilation compilation = compile(bad, good);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("@CustomField \"Level1\" on Bad.level()")
                .inFile(bad).onLineContaining("level()");
        assertThat(compilation).hadErrorContaining("@CustomField method Bad.score() returns double")
                .inFile(bad).onLineContaining("score()");
        assertThat(compilation).hadErrorContaining("Bad.guild() is abstract but has no @CustomField")
                .inFile(bad).onLineContaining("guild()");
        assertEquals(List.of("test/GoodImporter.java", "test/GoodItem.java"), generatedDespiteErrors(bad, good),
                "nothing is generated for a type with errors, the others are");
    }

    @Test
    void defaultStaticAndObjectMethodsAreIgnored() {
        JavaFileObject source = source("test.GameFriend",
                "package test;", IMPORTS,
                "@FriendFields",
                "public interface GameFriend {",
                "  @CustomField(\"Level\") long level();",
                "  default String label() { return \"L\" + level(); }",
                "  static GameFriend none() { return null; }",
                "  String toString();",
                "  int hashCode();",
                "  boolean equals(Object other);",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.GameFriendItem").isNotNull();
    }
}
