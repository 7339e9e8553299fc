package io.timport.processor.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every type and member of {@link RuntimeContract}, checked against the runtime (and Jackson) on this module's test
 * class path: it exists, with the kind, visibility, parameter and return types the contract declares. A runtime
 * change that would break generated code fails here, naming the member, before any generated code is compiled.
 *
 * <p>The contract is read from the processor's jar as users get it, where JavaPoet is relocated: its types are read
 * by reflection ({@code ClassName.reflectionName()}, …), never named here.
 */
class RuntimeContractTest {

    private static final Map<String, Class<?>> PRIMITIVES = Map.of("void", void.class, "int", int.class,
            "long", long.class, "boolean", boolean.class);

    /** The values of the contract's constants. */
    private static List<Object> constants() {
        List<Object> values = new ArrayList<>();
        for (Field field : RuntimeContract.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())) {
                try {
                    values.add(field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return values;
    }

    /** The types the contract declares: its JavaPoet {@code ClassName} constants. */
    private static List<Object> types() {
        return constants().stream().filter(RuntimeContractTest::isClassName).toList();
    }

    private static List<Member> members() {
        return constants().stream().filter(Member.class::isInstance).map(Member.class::cast).toList();
    }

    private static boolean isClassName(Object type) {
        return type.getClass().getSimpleName().equals("ClassName");
    }

    /** A JavaPoet type's property, by reflection: {@code reflectionName}, {@code canonicalName}, … */
    private static Object property(Object type, String name) {
        try {
            return type.getClass().getMethod(name).invoke(type);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type + "." + name + "()", e);
        }
    }

    private static Class<?> load(Object type) {
        Class<?> primitive = PRIMITIVES.get(type.toString());
        if (primitive != null) {
            return primitive;
        }
        if (!isClassName(type)) {
            throw new AssertionError("a contract signature names erased types only, not " + type);
        }
        try {
            return Class.forName((String) property(type, "reflectionName"));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(property(type, "canonicalName") + " is not on the runtime's class path", e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTypeExists() {
        List<Object> types = types();
        assertTrue(types.size() > 20, "the contract's types were found: " + types.size());
        return types.stream()
                .map(type -> DynamicTest.dynamicTest((String) property(type, "canonicalName"), () -> load(type)));
    }

    @TestFactory
    Stream<DynamicTest> everyMemberExistsWithItsSignature() {
        List<Member> members = members();
        assertTrue(members.size() > 60, "the contract's members were found: " + members.size());
        return members.stream().map(member -> DynamicTest.dynamicTest(member.toString(), () -> check(member)));
    }

    private static void check(Member member) throws ReflectiveOperationException {
        Class<?> owner = load(member.owner());
        Class<?>[] parameters = member.parameters().stream().map(RuntimeContractTest::load).toArray(Class<?>[]::new);
        switch (member.kind()) {
            case STATIC_METHOD, METHOD -> {
                Method method = owner.getMethod(member.name(), parameters);
                assertEquals(member.kind() == Member.Kind.STATIC_METHOD, Modifier.isStatic(method.getModifiers()),
                        member + " static");
                assertReturns(member, method.getReturnType());
                assertFalse(method.isAnnotationPresent(Deprecated.class), member + " is deprecated");
            }
            case PROTECTED_METHOD -> {
                Method method = owner.getDeclaredMethod(member.name(), parameters);
                assertTrue(Modifier.isProtected(method.getModifiers()), member + " protected");
                assertFalse(Modifier.isStatic(method.getModifiers()), member + " not static");
                assertReturns(member, method.getReturnType());
            }
            case CONSTANT -> {
                Field field = owner.getField(member.name());
                int modifiers = field.getModifiers();
                assertTrue(Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers), member + " static final");
                assertEquals(load(member.type()), field.getType(), member + " type");
            }
            case CONSTRUCTOR -> notDeprecated(member, owner.getConstructor(parameters));
            case PROTECTED_CONSTRUCTOR -> {
                Constructor<?> constructor = owner.getDeclaredConstructor(parameters);
                assertTrue(Modifier.isProtected(constructor.getModifiers()), member + " protected");
            }
            default -> fail(member.kind().toString());
        }
    }

    private static void assertReturns(Member member, Class<?> actual) {
        assertEquals(load(member.type()), actual, member + " returns");
    }

    private static void notDeprecated(Member member, Executable executable) {
        assertFalse(executable.isAnnotationPresent(Deprecated.class), member + " is deprecated");
    }

    /** The other direction: every library type a golden file imports is one the contract declares. */
    @Test
    void theGoldenFilesImportOnlyTypesOfTheContract() throws IOException {
        Set<String> declared = types().stream()
                .map(type -> (String) property(property(type, "topLevelClassName"), "canonicalName"))
                .collect(Collectors.toSet());
        Set<String> undeclared = new TreeSet<>();
        try (Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"))) {
            for (Path file : golden.toList()) {
                for (String line : Files.readAllLines(file, UTF_8)) {
                    if (line.startsWith("import io.timport.") || line.startsWith("import com.fasterxml.")) {
                        String type = line.substring("import ".length(), line.length() - 1);
                        if (!declared.contains(type)) {
                            undeclared.add(file.getFileName() + ": " + type);
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), undeclared);
    }
}
