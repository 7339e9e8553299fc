package io.timport.processor.runtime;

import static io.timport.processor.runtime.Member.constant;
import static io.timport.processor.runtime.Member.constructor;
import static io.timport.processor.runtime.Member.method;
import static io.timport.processor.runtime.Member.protectedConstructor;
import static io.timport.processor.runtime.Member.protectedMethod;
import static io.timport.processor.runtime.Member.staticMethod;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The contract between generated code and the libraries it runs on, declared once: every type generated code names,
 * and every member it calls, reads, implements or extends, of the timport runtime ({@code io.timport:timport-runtime}:
 * the public API of {@code io.timport.wire} and {@code io.timport.bulk}, and {@code io.timport.internal}, which only
 * generated code may call) and of Jackson.
 *
 * <p>Writers use these constants and nothing else: no runtime name is computed from another string. The processor
 * refers to the runtime by name only (it never loads runtime classes, so it does not depend on the runtime at compile
 * time); {@code RuntimeContractTest} checks every type and member declared here against the runtime on the test class
 * path: that it exists, is public (or protected, where generated code extends it), static or not, with the parameter
 * and return types declared here.
 */
public final class RuntimeContract {

    private static final String WIRE = "io.timport.wire";
    private static final String INTERNAL = "io.timport.internal";
    private static final String BULK = "io.timport.bulk";
    private static final String JACKSON_CORE = "com.fasterxml.jackson.core";
    private static final String JACKSON_ANNOTATION = "com.fasterxml.jackson.annotation";

    // ---- JDK types, for signatures

    public static final ClassName STRING = ClassName.get(String.class);
    public static final ClassName INTEGER = ClassName.get(Integer.class);
    public static final ClassName LONG = ClassName.get(Long.class);
    public static final ClassName NUMBER = ClassName.get(Number.class);
    public static final ClassName OBJECT = ClassName.get(Object.class);
    public static final ClassName CLASS = ClassName.get(Class.class);
    public static final ClassName ENUM = ClassName.get(Enum.class);
    public static final ClassName LIST = ClassName.get(List.class);
    public static final ClassName MAP = ClassName.get(Map.class);
    public static final ClassName COLLECTION = ClassName.get(Collection.class);
    public static final ClassName ITERABLE = ClassName.get(Iterable.class);
    public static final ClassName STREAM = ClassName.get(Stream.class);
    public static final ClassName FUNCTION = ClassName.get(Function.class);
    public static final ClassName BI_FUNCTION = ClassName.get(BiFunction.class);
    public static final ClassName SUPPLIER = ClassName.get(Supplier.class);
    public static final ClassName PATH = ClassName.get(Path.class);
    public static final TypeName LIST_OF_STRING = ParameterizedTypeName.get(LIST, STRING);
    public static final TypeName COLLECTION_OF_STRING = ParameterizedTypeName.get(COLLECTION, STRING);
    /** {@code Map<String, ?>}: one item's wire fields, or one friend's {@code friend_get} values by tag. */
    public static final TypeName FIELDS = ParameterizedTypeName.get(MAP, STRING, WildcardTypeName.subtypeOf(Object.class));
    /** {@code javax.annotation.processing.Generated}, used only when the compilation has it. */
    public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    // ---- Jackson

    public static final ClassName JSON_GENERATOR = ClassName.get(JACKSON_CORE, "JsonGenerator");
    public static final ClassName SERIALIZABLE_STRING = ClassName.get(JACKSON_CORE, "SerializableString");
    public static final ClassName SERIALIZED_STRING = ClassName.get(JACKSON_CORE + ".io", "SerializedString");
    public static final ClassName JSON_PROPERTY = ClassName.get(JACKSON_ANNOTATION, "JsonProperty");
    public static final ClassName JSON_PROPERTY_ORDER = ClassName.get(JACKSON_ANNOTATION, "JsonPropertyOrder");
    public static final ClassName JSON_INCLUDE = ClassName.get(JACKSON_ANNOTATION, "JsonInclude");
    public static final ClassName JSON_INCLUDE_INCLUDE = JSON_INCLUDE.nestedClass("Include");
    public static final ClassName JSON_AUTO_DETECT = ClassName.get(JACKSON_ANNOTATION, "JsonAutoDetect");
    public static final ClassName JSON_AUTO_DETECT_VISIBILITY = JSON_AUTO_DETECT.nestedClass("Visibility");

    /** {@code new SerializedString(text)}: a pre-encoded custom tag. */
    public static final Member SERIALIZED_STRING_NEW = constructor(SERIALIZED_STRING, STRING);
    public static final Member JSON_WRITE_FIELD_NAME =
            method(JSON_GENERATOR, "writeFieldName", TypeName.VOID, SERIALIZABLE_STRING);
    public static final Member JSON_WRITE_START_ARRAY = method(JSON_GENERATOR, "writeStartArray", TypeName.VOID);
    public static final Member JSON_WRITE_END_ARRAY = method(JSON_GENERATOR, "writeEndArray", TypeName.VOID);

    // ---- io.timport.wire: the public API an item implements and uses

    public static final ClassName ADD_FRIEND_ITEM = ClassName.get(WIRE, "AddFriendItem");
    public static final ClassName ITEM_TYPE = ClassName.get(WIRE, "ItemType");
    public static final ClassName CUSTOM_ITEM = ClassName.get(WIRE, "CustomItem");
    public static final ClassName FRIEND_IMPORT_RULES = ClassName.get(WIRE, "FriendImportRules");
    public static final ClassName INVALID_ITEM_EXCEPTION = ClassName.get(WIRE, "InvalidItemException");
    public static final ClassName VIOLATIONS = ClassName.get(WIRE, "Violations");
    public static final ClassName WIRE_WRITER = ClassName.get(WIRE, "WireWriter");
    public static final ClassName JSON_VALUES = ClassName.get(WIRE, "JsonValues");
    public static final ClassName READ_BACK = ClassName.get(WIRE, "ReadBack");
    public static final ClassName FIELD_DIFFERENCE = ClassName.get(WIRE, "FieldDifference");

    /** {@code AddFriendItem.toAccount()}, which the item's {@code To_Account} accessor implements. */
    public static final Member ADD_FRIEND_ITEM_TO_ACCOUNT = method(ADD_FRIEND_ITEM, "toAccount", STRING);
    /** {@code AddFriendItem.writeFields(JsonGenerator)}, which the item implements. */
    public static final Member ADD_FRIEND_ITEM_WRITE_FIELDS =
            method(ADD_FRIEND_ITEM, "writeFields", TypeName.VOID, JSON_GENERATOR);
    /** {@code AddFriendItem.writeJson(JsonGenerator)}, which the item inherits. */
    public static final Member ADD_FRIEND_ITEM_WRITE_JSON =
            method(ADD_FRIEND_ITEM, "writeJson", TypeName.VOID, JSON_GENERATOR);

    /** {@code ItemType.of(...)} with read-back and comparison: the item's {@code TYPE}. */
    public static final Member ITEM_TYPE_OF =
            staticMethod(ITEM_TYPE, "of", ITEM_TYPE, CLASS, LIST, FUNCTION, BI_FUNCTION, BI_FUNCTION);
    public static final Member ITEM_TYPE_CUSTOM_TAGS = method(ITEM_TYPE, "customTags", LIST);

    public static final Member CUSTOM_ITEM_OF_INTEGER =
            staticMethod(CUSTOM_ITEM, "of", CUSTOM_ITEM, STRING, TypeName.LONG);
    public static final Member CUSTOM_ITEM_OF_STRING = staticMethod(CUSTOM_ITEM, "of", CUSTOM_ITEM, STRING, STRING);

    public static final Member VIOLATIONS_NEW = constructor(VIOLATIONS);
    public static final Member VIOLATIONS_THROW_IF_ANY = method(VIOLATIONS, "throwIfAny", TypeName.VOID, STRING);

    /** The rule of each standard field, and of custom strings, as a generated {@code build()} checks them. */
    public static final Member CHECK_TO_ACCOUNT = check("checkToAccount", STRING);
    public static final Member CHECK_REMARK = check("checkRemark", STRING);
    public static final Member CHECK_REMARK_TIME = check("checkRemarkTime", LONG);
    public static final Member CHECK_GROUP_NAMES = check("checkGroupNames", LIST);
    public static final Member CHECK_ADD_SOURCE = check("checkAddSource", STRING);
    public static final Member CHECK_ADD_WORDING = check("checkAddWording", STRING);
    public static final Member CHECK_ADD_TIME = check("checkAddTime", LONG);
    public static final Member CHECK_CUSTOM_STRING =
            staticMethod(FRIEND_IMPORT_RULES, "checkCustomString", TypeName.VOID, VIOLATIONS, STRING, STRING);

    /** The pre-encoded name of each standard field, and of {@code CustomItem}. */
    public static final Member WIRE_TO_ACCOUNT = fieldName("TO_ACCOUNT");
    public static final Member WIRE_REMARK = fieldName("REMARK");
    public static final Member WIRE_REMARK_TIME = fieldName("REMARK_TIME");
    public static final Member WIRE_GROUP_NAME = fieldName("GROUP_NAME");
    public static final Member WIRE_ADD_SOURCE = fieldName("ADD_SOURCE");
    public static final Member WIRE_ADD_WORDING = fieldName("ADD_WORDING");
    public static final Member WIRE_ADD_TIME = fieldName("ADD_TIME");
    public static final Member WIRE_CUSTOM_ITEM = fieldName("CUSTOM_ITEM");

    public static final Member WRITE_STRING_FIELD = staticMethod(WIRE_WRITER, "writeStringField", TypeName.VOID,
            JSON_GENERATOR, SERIALIZABLE_STRING, STRING);
    public static final Member WRITE_NUMBER_FIELD = staticMethod(WIRE_WRITER, "writeNumberField", TypeName.VOID,
            JSON_GENERATOR, SERIALIZABLE_STRING, TypeName.LONG);
    public static final Member WRITE_STRING_ARRAY_FIELD = staticMethod(WIRE_WRITER, "writeStringArrayField",
            TypeName.VOID, JSON_GENERATOR, SERIALIZABLE_STRING, LIST);
    public static final Member WRITE_CUSTOM_INTEGER = staticMethod(WIRE_WRITER, "writeCustomItem", TypeName.VOID,
            JSON_GENERATOR, SERIALIZABLE_STRING, TypeName.LONG);
    public static final Member WRITE_CUSTOM_STRING = staticMethod(WIRE_WRITER, "writeCustomItem", TypeName.VOID,
            JSON_GENERATOR, SERIALIZABLE_STRING, STRING);

    // ---- io.timport.internal: support only generated code calls

    public static final ClassName ITEM_BUILDING = ClassName.get(INTERNAL, "ItemBuilding");
    public static final ClassName WIRE_ITEM_READER = ClassName.get(INTERNAL, "WireItemReader");
    public static final ClassName FRIEND_GET_READER = ClassName.get(INTERNAL, "FriendGetReader");
    public static final ClassName FIELD_COMPARISON = ClassName.get(INTERNAL, "FieldComparison");

    public static final Member COPY_GROUP_NAMES =
            staticMethod(ITEM_BUILDING, "copyGroupNames", LIST, COLLECTION);
    public static final Member REQUIRED_INTEGER =
            staticMethod(ITEM_BUILDING, "requiredInteger", TypeName.VOID, VIOLATIONS, STRING, NUMBER);
    public static final Member OPTIONAL_INTEGER =
            staticMethod(ITEM_BUILDING, "optionalInteger", TypeName.VOID, VIOLATIONS, STRING, NUMBER);

    public static final Member WIRE_READER_OF = staticMethod(WIRE_ITEM_READER, "of", WIRE_ITEM_READER, MAP, LIST);
    public static final Member WIRE_READER_VIOLATIONS = method(WIRE_ITEM_READER, "violations", VIOLATIONS);
    public static final Member WIRE_READER_STRING = method(WIRE_ITEM_READER, "string", STRING, STRING);
    public static final Member WIRE_READER_INTEGER = method(WIRE_ITEM_READER, "integer", LONG, STRING);
    public static final Member WIRE_READER_GROUP_NAMES = method(WIRE_ITEM_READER, "groupNames", LIST, STRING);
    public static final Member WIRE_READER_CUSTOM_STRING = method(WIRE_ITEM_READER, "customString", STRING, STRING);
    public static final Member WIRE_READER_CUSTOM_LONG = method(WIRE_ITEM_READER, "customLong", LONG, STRING);
    public static final Member WIRE_READER_CUSTOM_INT = method(WIRE_ITEM_READER, "customInt", INTEGER, STRING);
    public static final Member WIRE_READER_CUSTOM_ENUM =
            method(WIRE_ITEM_READER, "customEnum", ENUM, STRING, CLASS);

    public static final Member FRIEND_GET_OF = staticMethod(FRIEND_GET_READER, "of", FRIEND_GET_READER, STRING, MAP);
    public static final Member FRIEND_GET_STRING = method(FRIEND_GET_READER, "string", STRING, STRING, STRING);
    public static final Member FRIEND_GET_INTEGER = method(FRIEND_GET_READER, "integer", LONG, STRING, STRING);
    public static final Member FRIEND_GET_GROUP_NAMES =
            method(FRIEND_GET_READER, "groupNames", LIST, STRING, STRING);
    public static final Member FRIEND_GET_CUSTOM_STRING = method(FRIEND_GET_READER, "customString", STRING, STRING);
    public static final Member FRIEND_GET_CUSTOM_LONG = method(FRIEND_GET_READER, "customLong", LONG, STRING);
    public static final Member FRIEND_GET_CUSTOM_INT = method(FRIEND_GET_READER, "customInt", INTEGER, STRING);
    public static final Member FRIEND_GET_CUSTOM_ENUM =
            method(FRIEND_GET_READER, "customEnum", ENUM, STRING, CLASS);
    public static final Member FRIEND_GET_RESULT = method(FRIEND_GET_READER, "result", READ_BACK, SUPPLIER);

    public static final Member COMPARISON_OF =
            staticMethod(FIELD_COMPARISON, "of", FIELD_COMPARISON, ADD_FRIEND_ITEM, READ_BACK);
    public static final Member COMPARE_TEXT = method(FIELD_COMPARISON, "text", TypeName.VOID, STRING, STRING);
    public static final Member COMPARE_GROUP_NAMES =
            method(FIELD_COMPARISON, "groupNames", TypeName.VOID, STRING, LIST);
    public static final Member COMPARE_INTEGER = method(FIELD_COMPARISON, "integer", TypeName.VOID, STRING, NUMBER);
    public static final Member COMPARE_INTEGER_IF_EXPECTED =
            method(FIELD_COMPARISON, "integerIfExpected", TypeName.VOID, STRING, NUMBER);
    public static final Member COMPARE_ENUMERATION =
            method(FIELD_COMPARISON, "enumeration", TypeName.VOID, STRING, ENUM);
    public static final Member COMPARISON_DIFFERENCES = method(FIELD_COMPARISON, "differences", LIST);

    // ---- io.timport.bulk: what the generated importer runs on

    public static final ClassName BULK_IMPORTER = ClassName.get(BULK, "BulkImporter");
    public static final ClassName IMPORTER_BUILDER = ClassName.get(BULK, "ImporterBuilder");
    public static final ClassName IMPORT_RECORD = ClassName.get(BULK, "ImportRecord");
    public static final ClassName IMPORT_REPORT = ClassName.get(BULK, "ImportReport");
    public static final ClassName IMPORT_ABORTED_EXCEPTION = ClassName.get(BULK, "ImportAbortedException");
    public static final ClassName JSONL_INPUT = ClassName.get(BULK, "JsonlInput");
    public static final ClassName FRIEND_IMPORT_CLIENT = ClassName.get("io.timport.call", "FriendImportClient");

    public static final Member IMPORTER_RUN_ITERABLE = method(BULK_IMPORTER, "run", IMPORT_REPORT, ITERABLE);
    public static final Member IMPORTER_RUN_STREAM = method(BULK_IMPORTER, "run", IMPORT_REPORT, STREAM);
    public static final Member IMPORTER_RUN_JSONL = method(BULK_IMPORTER, "runJsonl", IMPORT_REPORT, PATH, ITEM_TYPE);
    public static final Member IMPORTER_VALIDATE_ITERABLE = method(BULK_IMPORTER, "validate", IMPORT_REPORT, ITERABLE);
    public static final Member IMPORTER_VALIDATE_STREAM = method(BULK_IMPORTER, "validate", IMPORT_REPORT, STREAM);
    public static final Member IMPORTER_VALIDATE_JSONL =
            method(BULK_IMPORTER, "validateJsonl", IMPORT_REPORT, PATH, ITEM_TYPE);
    public static final ClassName VERIFICATION = ClassName.get(BULK, "Verification");
    public static final ClassName VERIFICATION_REPORT = ClassName.get(BULK, "VerificationReport");
    public static final ClassName VERIFICATION_ABORTED_EXCEPTION = ClassName.get(BULK, "VerificationAbortedException");
    public static final Member IMPORTER_VERIFY_ITERABLE =
            method(BULK_IMPORTER, "verify", VERIFICATION_REPORT, ITERABLE, ITEM_TYPE);
    public static final Member IMPORTER_VERIFY_STREAM =
            method(BULK_IMPORTER, "verify", VERIFICATION_REPORT, STREAM, ITEM_TYPE);
    public static final Member IMPORTER_VERIFY_JSONL =
            method(BULK_IMPORTER, "verifyJsonl", VERIFICATION_REPORT, PATH, ITEM_TYPE);
    /** {@code verify(verification, XItem.TYPE)} in the importer's builder. */
    public static final Member IMPORTER_BUILDER_VERIFY =
            method(IMPORTER_BUILDER, "verify", IMPORTER_BUILDER, VERIFICATION, ITEM_TYPE);
    public static final Member RECORD_OF = staticMethod(IMPORT_RECORD, "of", IMPORT_RECORD, STRING, ADD_FRIEND_ITEM);
    public static final Member RECORD_BUILDING =
            staticMethod(IMPORT_RECORD, "building", IMPORT_RECORD, STRING, SUPPLIER);
    /** {@code super(client)} in the importer's builder. */
    public static final Member IMPORTER_BUILDER_NEW = protectedConstructor(IMPORTER_BUILDER, FRIEND_IMPORT_CLIENT);
    /** {@code super()} in the importer's builder: a validator's, with no client. */
    public static final Member IMPORTER_BUILDER_NEW_VALIDATOR = protectedConstructor(IMPORTER_BUILDER);
    /** {@code self()}, which the importer's builder implements. */
    public static final Member IMPORTER_BUILDER_SELF = protectedMethod(IMPORTER_BUILDER, "self", IMPORTER_BUILDER);
    public static final Member IMPORTER_BUILDER_BUILD_IMPORTER =
            protectedMethod(IMPORTER_BUILDER, "buildImporter", BULK_IMPORTER);

    private RuntimeContract() {
    }

    private static Member check(String name, TypeName value) {
        return staticMethod(FRIEND_IMPORT_RULES, name, TypeName.VOID, VIOLATIONS, value);
    }

    private static Member fieldName(String name) {
        return constant(WIRE_WRITER, name, SERIALIZABLE_STRING);
    }
}
