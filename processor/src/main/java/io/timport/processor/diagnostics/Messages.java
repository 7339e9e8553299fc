package io.timport.processor.diagnostics;

import io.timport.processor.model.CustomFieldModel;

/**
 * Every message the processor can report, in one place. Each says the rule, the culprit and the fix.
 *
 * <p>Names are passed in already formatted: {@code GameFriend.level()} for methods, {@code Outer.GameFriend} for
 * interfaces.
 */
public final class Messages {

    /** The supported custom field types, as the messages list them. */
    public static final String SUPPORTED_TYPES = "String (a string value), int or long (a required integer), "
            + "Integer or Long (an optional integer), or an enum (sent as its name())";

    private Messages() {
    }

    /** {@code @FriendFields} on a class, enum, record or annotation type. */
    public static String notAnInterface(String typeName, String kind) {
        return "@FriendFields must be on an interface, but " + typeName + " is " + kind
                + "; declare \"interface " + simple(typeName) + "\" with one @CustomField method per custom friend field";
    }

    /** A generic {@code @FriendFields} interface. */
    public static String genericInterface(String typeName, String typeParameters, String itemName) {
        return "@FriendFields interface " + typeName + " must not be generic: the generated " + itemName
                + " implements it with fixed field types; remove the type parameters " + typeParameters;
    }

    /** A private {@code @FriendFields} interface, or one nested in a private type. */
    public static String inaccessibleInterface(String typeName, String why, String itemName, String packageName) {
        return "@FriendFields interface " + typeName + " " + why + ", so the generated " + itemName + " in "
                + packageDisplay(packageName) + " cannot implement it; make it package-private or public";
    }

    /** An abstract method without {@code @CustomField}. */
    public static String missingCustomField(String method, String friendFields) {
        return method + " is abstract but has no @CustomField: every abstract method of @FriendFields interface "
                + friendFields + " is a custom friend field; annotate it with @CustomField(\"Keyword\")"
                + " or give it a default body";
    }

    /** {@code @CustomField} on a default, static or private method. */
    public static String notAbstract(String method, String kind) {
        return "@CustomField on " + method + " has no effect: it is a " + kind
                + " method, and only abstract methods are custom friend fields; make it abstract or remove @CustomField";
    }

    /** A {@code @CustomField} method with parameters. */
    public static String hasParameters(String methodWithParameters) {
        return "@CustomField method " + methodWithParameters
                + " must have no parameters: it is read as a property of the item; remove the parameters";
    }

    /** A {@code @CustomField} method with type parameters. */
    public static String hasTypeParameters(String method, String typeParameters) {
        return "@CustomField method " + method + " must not declare type parameters; remove " + typeParameters;
    }

    /** A {@code @CustomField} method whose return type is not supported. */
    public static String unsupportedType(String method, String type) {
        return "@CustomField method " + method + " returns " + type
                + ", which a custom friend field cannot hold; use " + SUPPORTED_TYPES;
    }

    /** An enum return type that generated code cannot name. */
    public static String inaccessibleEnum(String method, String enumName, String why, String itemName,
            String packageName) {
        return "@CustomField method " + method + " returns the enum " + enumName + ", which " + why
                + ", so the generated " + itemName + " in " + packageDisplay(packageName)
                + " cannot use it; make the enum public (or package-private in " + packageDisplay(packageName) + ")";
    }

    /** A keyword that is not 1 to 8 English letters. */
    public static String badKeyword(String given, String method, String suggestion) {
        String tag = given.startsWith(CustomFieldModel.TAG_PREFIX) ? given : CustomFieldModel.TAG_PREFIX + given;
        return "@CustomField \"" + given + "\" on " + method + ": the keyword must be 1 to 8 English letters (it becomes "
                + tag + "); try \"" + suggestion + "\"";
    }

    /** Two methods with the same tag. */
    public static String duplicateTag(String tag, String firstMethod, String secondMethod) {
        return tag + " is the tag of both " + firstMethod + " and " + secondMethod
                + "; each custom friend field needs its own tag";
    }

    /** One method name inherited from two interfaces with different tags. */
    public static String duplicateMethod(String name, String first, String firstTag, String second, String secondTag) {
        return name + "() is a custom friend field twice, as " + first + " (" + firstTag + ") and " + second + " ("
                + secondTag + "); one method can be only one field; rename one of them";
    }

    /** A custom field method named like a standard field. */
    public static String standardFieldClash(String method, String name, String wireName, String itemName,
            String suggestion) {
        return method + " clashes with the standard field " + wireName + ": " + itemName + " already has " + name
                + "() and its builder " + name + "(...) for it; rename the method, e.g. to " + suggestion + "()";
    }

    /** A custom field method named like another member of the generated class or builder. */
    public static String reservedName(String method, String name, String itemName, String suggestion) {
        return method + " clashes with " + name + "(), which the generated " + itemName + " or its builder"
                + " already has; rename the method, e.g. to " + suggestion + "()";
    }

    /** A type the processor could not resolve by the last round. */
    public static String unresolvedType(String typeName) {
        return "@FriendFields interface " + typeName + ": a type it uses could not be resolved, so nothing was"
                + " generated for it; fix the other errors first";
    }

    /** The processor failed unexpectedly; reported on the element instead of crashing javac. */
    public static String unexpected(String typeName, Throwable failure) {
        return "timport could not process @FriendFields interface " + typeName + ": " + failure
                + " (this is a bug in timport; please report it with this interface)";
    }

    /** The Filer refused a file. */
    public static String cannotWrite(String generatedName, String problem) {
        return "timport could not write " + generatedName + ": " + problem
                + " (is there a type of that name already?)";
    }

    private static String simple(String typeName) {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }

    private static String packageDisplay(String packageName) {
        return packageName.isEmpty() ? "the unnamed package" : "package " + packageName;
    }
}
