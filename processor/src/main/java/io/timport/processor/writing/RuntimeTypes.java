package io.timport.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Names of the types generated code uses. The processor refers to the runtime by name only: it never loads
 * runtime classes, so it does not depend on the runtime at compile time.
 */
final class RuntimeTypes {

    private static final String WIRE = "io.timport.wire";
    private static final String BULK = "io.timport.bulk";
    private static final String JACKSON_ANNOTATION = "com.fasterxml.jackson.annotation";

    static final ClassName ADD_FRIEND_ITEM = ClassName.get(WIRE, "AddFriendItem");
    static final ClassName ITEM_TYPE = ClassName.get(WIRE, "ItemType");
    static final ClassName CUSTOM_ITEM = ClassName.get(WIRE, "CustomItem");
    static final ClassName FRIEND_IMPORT_RULES = ClassName.get(WIRE, "FriendImportRules");
    static final ClassName INVALID_ITEM_EXCEPTION = ClassName.get(WIRE, "InvalidItemException");
    static final ClassName VIOLATIONS = ClassName.get(WIRE, "Violations");
    static final ClassName WIRE_READER = ClassName.get(WIRE, "WireReader");
    static final ClassName WIRE_WRITER = ClassName.get(WIRE, "WireWriter");

    static final ClassName BULK_IMPORTER = ClassName.get(BULK, "BulkImporter");
    static final ClassName IMPORTER_BUILDER = ClassName.get(BULK, "ImporterBuilder");
    static final ClassName IMPORT_RECORD = ClassName.get(BULK, "ImportRecord");
    static final ClassName IMPORT_REPORT = ClassName.get(BULK, "ImportReport");
    static final ClassName IMPORT_ABORTED_EXCEPTION = ClassName.get(BULK, "ImportAbortedException");
    static final ClassName JSONL_INPUT = ClassName.get(BULK, "JsonlInput");
    static final ClassName FRIEND_IMPORT_CLIENT = ClassName.get("io.timport.call", "FriendImportClient");

    static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
    static final ClassName SERIALIZABLE_STRING = ClassName.get("com.fasterxml.jackson.core", "SerializableString");
    static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");
    static final ClassName JSON_PROPERTY = ClassName.get(JACKSON_ANNOTATION, "JsonProperty");
    static final ClassName JSON_PROPERTY_ORDER = ClassName.get(JACKSON_ANNOTATION, "JsonPropertyOrder");
    static final ClassName JSON_INCLUDE = ClassName.get(JACKSON_ANNOTATION, "JsonInclude");
    static final ClassName JSON_INCLUDE_INCLUDE = JSON_INCLUDE.nestedClass("Include");
    static final ClassName JSON_AUTO_DETECT = ClassName.get(JACKSON_ANNOTATION, "JsonAutoDetect");
    static final ClassName JSON_AUTO_DETECT_VISIBILITY = JSON_AUTO_DETECT.nestedClass("Visibility");

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    static final ClassName STRING = ClassName.get(String.class);
    static final ClassName LONG = ClassName.get(Long.class);
    static final ClassName INTEGER = ClassName.get(Integer.class);
    static final TypeName LIST_OF_STRING = ParameterizedTypeName.get(ClassName.get(List.class), STRING);
    static final TypeName COLLECTION_OF_STRING = ParameterizedTypeName.get(ClassName.get(Collection.class), STRING);
    static final TypeName WIRE_FIELDS = ParameterizedTypeName.get(ClassName.get(Map.class), STRING,
            WildcardTypeName.subtypeOf(Object.class));

    private RuntimeTypes() {
    }
}
