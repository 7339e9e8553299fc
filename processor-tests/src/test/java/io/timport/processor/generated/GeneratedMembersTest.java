package io.timport.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.timport.processor.model.StandardField;
import io.timport.processor.writing.ItemWriter;
import io.timport.wire.AddFriendItem;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The names a custom field must not take ({@link ItemWriter#methodNames()}, which the reader checks) are exactly the
 * methods a generated item and its builder have besides their properties': nothing generated is missing from the
 * list, and nothing in the list is stale.
 */
class GeneratedMembersTest {

    private static final Set<String> OBJECT_ONLY = Set.of("clone", "finalize");

    private static Set<String> methodNames(Class<?>... types) {
        return Stream.of(types)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> !method.isSynthetic())
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theReservedNamesAreTheGeneratedMethodsBesidesTheProperties() {
        Set<String> properties = new HashSet<>();
        for (StandardField field : StandardField.values()) {
            properties.add(field.propertyName());
        }
        properties.addAll(Set.of("level", "guild", "rank", "score", "wins", "channel"));
        Set<String> reserved = new ItemWriter(true).methodNames();

        Set<String> generated = methodNames(GameFriendItem.class, GameFriendItem.Builder.class, AddFriendItem.class);
        generated.removeAll(properties);
        Set<String> expected = new TreeSet<>(reserved);
        expected.removeAll(OBJECT_ONLY);
        assertEquals(expected, generated);
    }
}
