package io.timport.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.timport.processor.UserCompiler.javac;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code GameFriendItem} and {@code GameFriendImporter}, character for character, against
 * {@code src/test/resources/golden}.
 * Its input is the same {@code GameFriend} the behaviour tests in {@code io.timport.processor.generated} run.
 *
 * <p>After an intended change of the generated code, rewrite the golden file with
 * {@code mvn -pl processor -am verify -Dtest=GoldenFileTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtimport.updateGolden=true} and review the diff.
 */
class GoldenFileTest {

    private static final Path INPUT = Path.of("src/test/java/io/timport/processor/generated/GameFriend.java");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static Compilation compilation;

    @BeforeAll
    static void compile() throws IOException {
        JavaFileObject input = JavaFileObjects.forSourceString("io.timport.processor.generated.GameFriend",
                Files.readString(INPUT, UTF_8));
        compilation = javac().withProcessors(new FriendFieldsProcessor()).compile(input);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void gameFriendItem() throws IOException {
        assertGolden("GameFriendItem");
    }

    @Test
    void gameFriendImporter() throws IOException {
        assertGolden("GameFriendImporter");
    }

    private static void assertGolden(String simpleName) throws IOException {
        String generated = compilation.generatedSourceFile("io.timport.processor.generated." + simpleName)
                .orElseThrow()
                .getCharContent(false)
                .toString();
        Path golden = GOLDEN.resolve(simpleName + ".java");
        if (Boolean.getBoolean("timport.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, generated, UTF_8);
        }
        assertEquals(Files.readString(golden, UTF_8), generated);
    }
}
