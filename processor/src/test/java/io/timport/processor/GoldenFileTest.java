package io.timport.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code GameFriendItem}, character for character, against {@code src/test/resources/golden}.
 * Its input is the same {@code GameFriend} the behaviour tests in {@code io.timport.processor.generated} run.
 *
 * <p>After an intended change of the generated code, rewrite the golden file with
 * {@code mvn -pl processor -am verify -Dtest=GoldenFileTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtimport.updateGolden=true} and review the diff.
 */
class GoldenFileTest {

    private static final Path INPUT = Path.of("src/test/java/io/timport/processor/generated/GameFriend.java");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/GameFriendItem.java");

    @Test
    void gameFriendItem() throws IOException {
        JavaFileObject input = JavaFileObjects.forSourceString("io.timport.processor.generated.GameFriend",
                Files.readString(INPUT, UTF_8));
        Compilation compilation = javac().withProcessors(new FriendFieldsProcessor()).compile(input);
        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile("io.timport.processor.generated.GameFriendItem")
                .orElseThrow()
                .getCharContent(false)
                .toString();
        if (Boolean.getBoolean("timport.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, generated, UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, UTF_8), generated);
    }
}
