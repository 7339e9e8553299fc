package io.timport.processor.runtime;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;

/**
 * One member of a runtime type that generated code calls, reads or implements: its owner, name, kind and erased
 * signature. {@link RuntimeContract} declares every one; {@code RuntimeContractTest} checks each against the runtime.
 *
 * <p>Writers make code with it ({@link #call}, {@link #callOn}, {@link #ref()}), so that a runtime name is spelled
 * once, here, and never computed.
 *
 * @param owner      the type that declares it
 * @param name       its name ({@code <init>} for a constructor)
 * @param kind       what it is
 * @param type       the return type of a method, the type of a constant; void for a constructor
 * @param parameters the erased parameter types of a method or constructor, in order
 */
public record Member(ClassName owner, String name, Kind kind, TypeName type, List<TypeName> parameters) {

    /** What a member is, as generated code uses it. */
    public enum Kind {
        /** A public static method. */
        STATIC_METHOD,
        /** A public instance method, called on a receiver or implemented by generated code. */
        METHOD,
        /** A protected instance method of a class generated code extends. */
        PROTECTED_METHOD,
        /** A public static final field. */
        CONSTANT,
        /** A public constructor. */
        CONSTRUCTOR,
        /** A protected constructor of a class generated code extends. */
        PROTECTED_CONSTRUCTOR
    }

    /** The name reflection gives constructors. */
    public static final String CONSTRUCTOR_NAME = "<init>";

    public Member {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(type);
        parameters = List.copyOf(parameters);
    }

    static Member staticMethod(ClassName owner, String name, TypeName returns, TypeName... parameters) {
        return new Member(owner, name, Kind.STATIC_METHOD, returns, List.of(parameters));
    }

    static Member method(ClassName owner, String name, TypeName returns, TypeName... parameters) {
        return new Member(owner, name, Kind.METHOD, returns, List.of(parameters));
    }

    static Member protectedMethod(ClassName owner, String name, TypeName returns, TypeName... parameters) {
        return new Member(owner, name, Kind.PROTECTED_METHOD, returns, List.of(parameters));
    }

    static Member constant(ClassName owner, String name, TypeName type) {
        return new Member(owner, name, Kind.CONSTANT, type, List.of());
    }

    static Member constructor(ClassName owner, TypeName... parameters) {
        return new Member(owner, CONSTRUCTOR_NAME, Kind.CONSTRUCTOR, TypeName.VOID, List.of(parameters));
    }

    static Member protectedConstructor(ClassName owner, TypeName... parameters) {
        return new Member(owner, CONSTRUCTOR_NAME, Kind.PROTECTED_CONSTRUCTOR, TypeName.VOID, List.of(parameters));
    }

    /**
     * A call: {@code Owner.name(args)} for a static method, {@code name(args)} (on {@code this}) for an instance
     * method, {@code new Owner(args)} for a constructor, {@code super(args)} for a protected constructor.
     */
    public CodeBlock call(CodeBlock... args) {
        checkArity(args);
        return switch (kind) {
            case STATIC_METHOD -> CodeBlock.of("$T.$N($L)", owner, name, arguments(args));
            case METHOD, PROTECTED_METHOD -> CodeBlock.of("$N($L)", name, arguments(args));
            case CONSTRUCTOR -> CodeBlock.of("new $T($L)", owner, arguments(args));
            case PROTECTED_CONSTRUCTOR -> CodeBlock.of("super($L)", arguments(args));
            case CONSTANT -> throw new IllegalStateException(this + " is a constant, not called");
        };
    }

    /** A call of an instance method on {@code receiver}: {@code receiver.name(args)}. */
    public CodeBlock callOn(CodeBlock receiver, CodeBlock... args) {
        if (kind != Kind.METHOD) {
            throw new IllegalStateException(this + " is not an instance method");
        }
        checkArity(args);
        return CodeBlock.of("$L.$N($L)", receiver, name, arguments(args));
    }

    /** A method reference or constant: {@code Owner.NAME}. */
    public CodeBlock ref() {
        if (kind != Kind.CONSTANT) {
            throw new IllegalStateException(this + " is not a constant");
        }
        return CodeBlock.of("$T.$N", owner, name);
    }

    /** The arguments, separated by commas; JavaPoet wraps the line after a comma when it gets too long. */
    private static CodeBlock arguments(CodeBlock[] args) {
        return CodeBlock.join(List.of(args), ",$W");
    }

    private void checkArity(CodeBlock[] args) {
        if (args.length != parameters.size()) {
            throw new IllegalArgumentException(this + " takes " + parameters.size() + " arguments, not " + args.length);
        }
    }

    @Override
    public String toString() {
        return owner.canonicalName() + "." + name + (kind == Kind.CONSTANT ? "" : parameters.toString());
    }
}
