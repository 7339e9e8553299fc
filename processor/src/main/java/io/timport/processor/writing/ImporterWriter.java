package io.timport.processor.writing;

import static io.timport.processor.runtime.RuntimeContract.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.timport.processor.model.Property;
import io.timport.processor.model.ItemModel;
import io.timport.processor.runtime.Member;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XImporter}: the bulk import engine ({@code io.timport.bulk.BulkImporter}) typed for {@code XItem},
 * with a builder that inherits every setting of {@code ImporterBuilder}, {@code run} for an {@code Iterable} or a
 * {@code Stream} of records, {@code runJsonl} for a JSONL file, the same three as {@code validate} (every rule,
 * nothing sent; {@code validator()} builds an importer that needs no client), and static {@code record} factories.
 *
 * <p>The importer does not implement the interface, so no custom field name can clash with its members.
 */
public final class ImporterWriter implements TypeWriter {

    /** {@code this.engine}: the importer's one field, the engine it runs. */
    private static final CodeBlock ENGINE = CodeBlock.of("this.engine");

    private final boolean generatedAnnotationAvailable;

    /**
     * @param generatedAnnotationAvailable whether {@code javax.annotation.processing.Generated} can be used where
     *                                     the generated code compiles
     */
    public ImporterWriter(boolean generatedAnnotationAvailable) {
        this.generatedAnnotationAvailable = generatedAnnotationAvailable;
    }

    @Override
    public TypeSpec write(ItemModel model) {
        return new Writing(model).type();
    }

    /** The writing of one importer class. */
    private final class Writing {
        private final ItemModel model;
        private final ClassName importer;
        private final ClassName builder;
        private final ClassName item;
        private final ClassName itemBuilder;
        /** {@code BulkImporter<XItem>}. */
        private final TypeName engine;
        /** {@code ImportRecord<XItem>}. */
        private final TypeName record;
        /** {@code ImportRecord<? extends XItem>}, what the engine accepts. */
        private final TypeName anyRecord;

        Writing(ItemModel model) {
            this.model = model;
            this.importer = model.importerName();
            this.builder = importer.nestedClass("Builder");
            this.item = model.itemName();
            this.itemBuilder = item.nestedClass("Builder");
            this.engine = ParameterizedTypeName.get(BULK_IMPORTER, item);
            this.record = ParameterizedTypeName.get(IMPORT_RECORD, item);
            this.anyRecord = ParameterizedTypeName.get(IMPORT_RECORD, WildcardTypeName.subtypeOf(item));
        }

        TypeSpec type() {
            TypeSpec.Builder type = TypeSpec.classBuilder(importer)
                    .addOriginatingElement(model.element())
                    .addJavadoc(classJavadoc())
                    .addModifiers(GeneratedTypes.visibility(model, Modifier.FINAL));
            GeneratedTypes.annotate(type, generatedAnnotationAvailable);
            return type.addField(engine, "engine", Modifier.PRIVATE, Modifier.FINAL)
                    .addMethod(MethodSpec.constructorBuilder()
                            .addModifiers(Modifier.PRIVATE)
                            .addParameter(engine, "engine")
                            .addStatement("this.engine = engine")
                            .build())
                    .addMethod(builderMethod())
                    .addMethod(validatorMethod())
                    .addMethod(runIterable())
                    .addMethod(runStream())
                    .addMethod(runJsonl())
                    .addMethod(validateIterable())
                    .addMethod(validateStream())
                    .addMethod(validateJsonl())
                    .addMethod(verifyMethod("verify", ParameterizedTypeName.get(ClassName.get(Iterable.class),
                            WildcardTypeName.subtypeOf(anyRecord)), "records", IMPORTER_VERIFY_ITERABLE))
                    .addMethod(verifyMethod("verify", ParameterizedTypeName.get(ClassName.get(Stream.class),
                            WildcardTypeName.subtypeOf(anyRecord)), "records", IMPORTER_VERIFY_STREAM))
                    .addMethod(verifyMethod("verifyJsonl", ClassName.get(Path.class), "file", IMPORTER_VERIFY_JSONL))
                    .addMethod(recordOfItem())
                    .addMethod(recordOfBuilder())
                    .addMethod(recordOfSupplier())
                    .addMethod(engineMethod())
                    .addType(builderType())
                    .build();
        }

        private CodeBlock classJavadoc() {
            CodeBlock.Builder example = CodeBlock.builder()
                    .add("// client: a FriendImportClient; rows: your own data\n")
                    .add("$L importer = $L.builder(client)\n", importer.simpleName(), importer.simpleName())
                    .add("        .journal(Path.of(\"import.journal\"))  // optional: lets a killed run resume\n")
                    .add("        .build();\n")
                    .add("ImportReport report = importer.run(rows.stream().map(row -> $L.record(row.from(),\n",
                            importer.simpleName())
                    .add("        $L.builder()\n", item.simpleName())
                    .add("                .toAccount(row.to())\n")
                    .add("                .addSource(\"AddSource_Type_Game\")");
            for (Property property : model.customProperties()) {
                if (property.required()) {
                    example.add("\n                .$L(row.$L())", property.name(), property.name());
                }
            }
            example.add(")));\n")
                    .add("System.out.println(report.summary(20));\n");
            return CodeBlock.builder()
                    .add("Imports {@link $T}s into Tencent Cloud Chat with {@code friend_import}: the bulk import\n"
                            + "engine {@link $T}, typed for the custom friend fields of {@link $T}.\n",
                            item, BULK_IMPORTER, model.interfaceName())
                    .add("\n<p>It groups each From_Account's items into requests of up to the batch size, keeps as\n"
                            + "many calls in flight as the client's rate limiter and the latency allow (never two\n"
                            + "for one From_Account at once), retries what is transient, and reports every\n"
                            + "relation it did not import and why. Records may come in any order.\n")
                    .add("\n<pre>{@code\n")
                    .add(example.build())
                    .add("}</pre>\n")
                    .add("\n<p>{@link #runJsonl(Path)} imports a JSONL file instead. The {@code validate} methods\n"
                            + "apply every rule an import applies before sending and write the same report and\n"
                            + "failures file, sending nothing; an importer from {@link #validator()} needs no client,\n"
                            + "so no key. An importer holds only its settings: it can run several imports, one after\n"
                            + "another or at once on different threads (sharing the client's rate limiter).\n")
                    .build();
        }

        private MethodSpec builderMethod() {
            return MethodSpec.methodBuilder("builder")
                    .addJavadoc("Returns a builder of an importer that sends through {@code client}, and so through\n"
                            + "its rate limiter. Every setting has a default that suits the real service.\n")
                    .addJavadoc("\n@param client the client to call {@code friend_import} with; the importer does\n"
                            + "    not close it\n")
                    .addJavadoc("@return a new builder\n")
                    .addJavadoc("@throws NullPointerException if {@code client} is null\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(builder)
                    .addParameter(FRIEND_IMPORT_CLIENT, "client")
                    .addStatement("return new $T(client)", builder)
                    .build();
        }

        private MethodSpec.Builder run(String name) {
            return MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(IMPORT_REPORT)
                    .addException(IMPORT_ABORTED_EXCEPTION)
                    .addException(IOException.class)
                    .addException(InterruptedException.class);
        }

        private CodeBlock runThrows() {
            return CodeBlock.of("@return what the import did, with every relation not imported and why\n"
                    + "@throws $T when a fatal error (a wrong key, an identifier that is\n"
                    + "    not an app admin, ...) stopped the import; its report tells what was done\n"
                    + "@throws IOException when the journal cannot be opened or is damaged\n"
                    + "@throws InterruptedException when the calling thread is interrupted\n",
                    IMPORT_ABORTED_EXCEPTION);
        }

        private MethodSpec runIterable() {
            return run("run")
                    .addJavadoc("Imports every record and returns the report. The total shown by progress is the\n"
                            + "size of {@code records} when it is a {@link $T}. With an accounts phase\n"
                            + "({@code accounts(CHECK)} or {@code accounts(IMPORT)} on the builder), {@code records}\n"
                            + "is iterated twice: once for its accounts, once for its relations.\n", Collection.class)
                    .addJavadoc("\n@param records relations made with the {@code record} methods, valid or not\n")
                    .addJavadoc(runThrows())
                    .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class),
                            WildcardTypeName.subtypeOf(anyRecord)), "records")
                    .addStatement("return $L", IMPORTER_RUN_ITERABLE.callOn(ENGINE, Code.name("records")))
                    .build();
        }

        private MethodSpec runStream() {
            return run("run")
                    .addJavadoc("Imports every record of the stream, then closes it, and returns the report.\n"
                            + "A stream is read once: with an accounts phase, which reads the input twice, this\n"
                            + "method throws {@link IllegalStateException}; give an {@code Iterable} or a file.\n")
                    .addJavadoc("\n@param records relations made with the {@code record} methods, valid or not\n")
                    .addJavadoc(runThrows())
                    .addParameter(ParameterizedTypeName.get(ClassName.get(Stream.class),
                            WildcardTypeName.subtypeOf(anyRecord)), "records")
                    .addStatement("return $L", IMPORTER_RUN_STREAM.callOn(ENGINE, Code.name("records")))
                    .build();
        }

        private MethodSpec runJsonl() {
            return run("runJsonl")
                    .addJavadoc("Imports the relations of a JSONL file: one JSON object a line, holding\n"
                            + "{@code From_Account} and the item's fields as the API spells them, read with\n"
                            + "{@link $T}. A line that is not valid JSON, lacks {@code From_Account} or is not a\n"
                            + "valid {@code $L} is reported with its origin, {@code <file name>:<line>}, and\n"
                            + "never sent; the rest of the file goes on. The file is read once, lazily and in order\n"
                            + "(a named pipe will do; with an accounts phase it is read twice, so not a pipe); a line\n"
                            + "longer than the builder's {@code maxLineBytes} is reported by its number and\n"
                            + "skipped, never held whole.\n",
                            JSONL_INPUT, item.simpleName())
                    .addJavadoc("\n@param file the JSONL file, in UTF-8\n")
                    .addJavadoc(CodeBlock.of("@return what the import did, with every relation not imported and why\n"
                            + "@throws $T when a fatal error (a wrong key, an identifier that is\n"
                            + "    not an app admin, ...) stopped the import; its report tells what was done\n"
                            + "@throws IOException when the file cannot be opened, or the journal cannot be\n"
                            + "    opened or is damaged\n"
                            + "@throws InterruptedException when the calling thread is interrupted\n",
                            IMPORT_ABORTED_EXCEPTION))
                    .addParameter(Path.class, "file")
                    .addStatement("return $L", IMPORTER_RUN_JSONL.callOn(ENGINE,
                            Code.name("file"), CodeBlock.of("$T.$N", item, ItemBodyWriter.TYPE)))
                    .build();
        }

        private MethodSpec validatorMethod() {
            return MethodSpec.methodBuilder("validator")
                    .addJavadoc("Returns a builder of an importer that only validates: it has no client, needs no\n"
                            + "key and sends nothing. Its {@code validate} methods work as an importer's do; its\n"
                            + "{@code run} methods throw {@link $T}.\n", IllegalStateException.class)
                    .addJavadoc("\n@return a new builder\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(builder)
                    .addStatement("return new $T()", builder)
                    .build();
        }

        /** A verification of relations imported earlier: a delegation to the engine, with the item type. */
        private MethodSpec verifyMethod(String name, TypeName input, String parameter, Member engineMethod) {
            return MethodSpec.methodBuilder(name)
                    .addJavadoc("Verifies relations imported earlier, importing nothing but repairs: each From_Account's\n"
                            + "friends are read back with {@code friend_get} and compared, field by field, with the\n"
                            + "last valid record of each pair; see {@link $T#verify(Iterable, $T)}.\n",
                            BULK_IMPORTER, ITEM_TYPE)
                    .addJavadoc("\n@param $N the relations imported earlier\n", parameter)
                    .addJavadoc("@return what was found equal, missing or different, and repaired\n")
                    .addJavadoc("@throws $T when a fatal error stopped it\n", VERIFICATION_ABORTED_EXCEPTION)
                    .addJavadoc("@throws IOException when the journal or a temporary file cannot be used\n")
                    .addJavadoc("@throws InterruptedException when the calling thread is interrupted\n")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(VERIFICATION_REPORT)
                    .addException(VERIFICATION_ABORTED_EXCEPTION)
                    .addException(IOException.class)
                    .addException(InterruptedException.class)
                    .addParameter(input, parameter)
                    .addStatement("return $L", engineMethod.callOn(ENGINE, Code.name(parameter),
                            CodeBlock.of("$T.$N", item, ItemBodyWriter.TYPE)))
                    .build();
        }

        private MethodSpec.Builder validate(String name) {
            return MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(IMPORT_REPORT)
                    .addException(IMPORT_ABORTED_EXCEPTION)
                    .addException(IOException.class);
        }

        private CodeBlock validateJavadoc() {
            return CodeBlock.of("Reads every record and applies every rule an import applies before sending (the\n"
                    + "item's rules, the From_Account rule, a user befriending themself), and sends nothing. The\n"
                    + "report and the failures file are those an import writes for its invalid records; what only\n"
                    + "the server can find (an account that does not exist, a tag the app lacks) is not found. No\n"
                    + "journal is read or written.\n");
        }

        private MethodSpec validateIterable() {
            return validate("validate")
                    .addJavadoc(validateJavadoc())
                    .addJavadoc("\n@param records relations made with the {@code record} methods, valid or not\n")
                    .addJavadoc("@return the validation's report: {@code valid()}, {@code failed()}, {@code allValid()}\n")
                    .addJavadoc("@throws $T when the records cannot be read to their end; its\n"
                            + "    report counts those before\n", IMPORT_ABORTED_EXCEPTION)
                    .addJavadoc("@throws IOException when the failures file cannot be written\n")
                    .addParameter(ParameterizedTypeName.get(ClassName.get(Iterable.class),
                            WildcardTypeName.subtypeOf(anyRecord)), "records")
                    .addStatement("return $L", IMPORTER_VALIDATE_ITERABLE.callOn(ENGINE, Code.name("records")))
                    .build();
        }

        private MethodSpec validateStream() {
            return validate("validate")
                    .addJavadoc(validateJavadoc())
                    .addJavadoc("\n@param records relations made with the {@code record} methods, valid or not; the\n"
                            + "    stream is closed\n")
                    .addJavadoc("@return the validation's report: {@code valid()}, {@code failed()}, {@code allValid()}\n")
                    .addJavadoc("@throws $T when the records cannot be read to their end; its\n"
                            + "    report counts those before\n", IMPORT_ABORTED_EXCEPTION)
                    .addJavadoc("@throws IOException when the failures file cannot be written\n")
                    .addParameter(ParameterizedTypeName.get(ClassName.get(Stream.class),
                            WildcardTypeName.subtypeOf(anyRecord)), "records")
                    .addStatement("return $L", IMPORTER_VALIDATE_STREAM.callOn(ENGINE, Code.name("records")))
                    .build();
        }

        private MethodSpec validateJsonl() {
            return validate("validateJsonl")
                    .addJavadoc(validateJavadoc())
                    .addJavadoc("\n<p>The file is read as {@link #runJsonl(Path)} reads it.\n")
                    .addJavadoc("\n@param file the JSONL file, in UTF-8\n")
                    .addJavadoc("@return the validation's report: {@code valid()}, {@code failed()}, {@code allValid()}\n")
                    .addJavadoc("@throws $T when the file cannot be read to its end (an I/O\n"
                            + "    error, a binary file); its report counts the records before\n",
                            IMPORT_ABORTED_EXCEPTION)
                    .addJavadoc("@throws IOException when the file cannot be opened, or the failures file cannot\n"
                            + "    be written\n")
                    .addParameter(Path.class, "file")
                    .addStatement("return $L", IMPORTER_VALIDATE_JSONL.callOn(ENGINE,
                            Code.name("file"), CodeBlock.of("$T.$N", item, ItemBodyWriter.TYPE)))
                    .build();
        }

        private MethodSpec recordOfItem() {
            return MethodSpec.methodBuilder("record")
                    .addJavadoc("A relation: {@code item} becomes a friend in {@code fromAccount}'s friend list.\n")
                    .addJavadoc("\n@param fromAccount the UserID whose friend list receives the item; the import\n"
                            + "    reports one that is not 1 to 32 UTF-8 bytes as invalid\n")
                    .addJavadoc("@param item the friend\n")
                    .addJavadoc("@return the record to import\n")
                    .addJavadoc("@throws NullPointerException if an argument is null\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(record)
                    .addParameter(String.class, "fromAccount")
                    .addParameter(item, "item")
                    .addStatement("return $L", RECORD_OF.call(Code.name("fromAccount"), Code.name("item")))
                    .build();
        }

        private MethodSpec recordOfBuilder() {
            return MethodSpec.methodBuilder("record")
                    .addJavadoc("Builds the item now and returns the relation. An item the builder rejects becomes\n"
                            + "an invalid record carrying the {@link $T} message, which the import\n"
                            + "reports with its position and never sends: a {@code Stream.map} over your rows goes\n"
                            + "on past bad rows.\n", INVALID_ITEM_EXCEPTION)
                    .addJavadoc("\n<p>The builder's setters of required fields reject null at once, before this\n"
                            + "method runs; when your rows may lack those values, set them inside\n"
                            + "{@link #record(String, $T)} instead.\n", Supplier.class)
                    .addJavadoc("\n@param fromAccount the UserID whose friend list receives the item; the import\n"
                            + "    reports one that is not 1 to 32 UTF-8 bytes as invalid\n")
                    .addJavadoc("@param item the builder holding the friend's fields\n")
                    .addJavadoc("@return the record to import, valid or not\n")
                    .addJavadoc("@throws NullPointerException if {@code item} is null\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(record)
                    .addParameter(String.class, "fromAccount")
                    .addParameter(itemBuilder, "item")
                    .addStatement("$T.requireNonNull(item, $S)", Objects.class, "item")
                    .addStatement("return $L", RECORD_BUILDING.call(Code.name("fromAccount"),
                            CodeBlock.of("item::$N", BuilderWriter.BUILD)))
                    .build();
        }

        private MethodSpec recordOfSupplier() {
            return MethodSpec.methodBuilder("record")
                    .addJavadoc("Runs {@code build} now and returns the relation. When it throws an\n"
                            + "{@link IllegalArgumentException} (such as the builder's {@link $T})\n"
                            + "or a {@link NullPointerException} (such as a required field's setter given null), the\n"
                            + "result is an invalid record carrying the message, which the import reports with its\n"
                            + "position and never sends.\n", INVALID_ITEM_EXCEPTION)
                    .addJavadoc("\n<pre>{@code\n"
                            + "$L.record(row.from(), () -> $L.builder().toAccount(row.to()) ... .build())\n"
                            + "}</pre>\n", importer.simpleName(), item.simpleName())
                    .addJavadoc("\n@param fromAccount the UserID whose friend list receives the item; the import\n"
                            + "    reports one that is not 1 to 32 UTF-8 bytes as invalid\n")
                    .addJavadoc("@param build makes the friend, typically with {@link $T#builder()}\n", item)
                    .addJavadoc("@return the record to import, valid or not\n")
                    .addJavadoc("@throws NullPointerException if {@code build} is null\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(record)
                    .addParameter(String.class, "fromAccount")
                    .addParameter(ParameterizedTypeName.get(ClassName.get(Supplier.class),
                            WildcardTypeName.subtypeOf(item)), "build")
                    .addStatement("$T.requireNonNull(build, $S)", Objects.class, "build")
                    .addStatement("return $L", RECORD_BUILDING.call(Code.name("fromAccount"), Code.name("build")))
                    .build();
        }

        private MethodSpec engineMethod() {
            return MethodSpec.methodBuilder("engine")
                    .addJavadoc("The engine this importer runs, for code written for any item type.\n")
                    .addJavadoc("\n@return the engine, with this importer's settings\n")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(engine)
                    .addStatement("return this.engine")
                    .build();
        }

        private TypeSpec builderType() {
            return TypeSpec.classBuilder(builder)
                    .addJavadoc("Configures a {@link $T}; get one from {@link $T#builder($T)}, or from\n"
                            + "{@link $T#validator()} for an importer that only validates.\n",
                            importer, importer, FRIEND_IMPORT_CLIENT, importer)
                    .addJavadoc("\n<p>Every setting is inherited from {@link $T}, where each is documented with\n"
                            + "its default: batch size, memory bound, calls in flight, attempts and backoff, pauses,\n"
                            + "linger, journal, failures file, progress. Not thread-safe.\n", IMPORTER_BUILDER)
                    .addModifiers(GeneratedTypes.visibility(model, Modifier.STATIC, Modifier.FINAL))
                    .superclass(ParameterizedTypeName.get(IMPORTER_BUILDER, item, builder))
                    .addMethod(MethodSpec.constructorBuilder()
                            .addModifiers(Modifier.PRIVATE)
                            .addParameter(FRIEND_IMPORT_CLIENT, "client")
                            .addStatement(IMPORTER_BUILDER_NEW.call(Code.name("client")))
                            .build())
                    .addMethod(MethodSpec.constructorBuilder()
                            .addModifiers(Modifier.PRIVATE)
                            .addStatement(IMPORTER_BUILDER_NEW_VALIDATOR.call())
                            .build())
                    .addMethod(MethodSpec.methodBuilder(IMPORTER_BUILDER_SELF.name())
                            .addJavadoc("This builder, which the inherited setters return.\n")
                            .addAnnotation(Override.class)
                            .addModifiers(Modifier.PROTECTED)
                            .returns(builder)
                            .addStatement("return this")
                            .build())
                    .addMethod(MethodSpec.methodBuilder("verify")
                            .addJavadoc("Proves every import after it ends, reading friends back as {@link $T}: see\n"
                                    + "{@link $T#verify($T, $T)}.\n", item, IMPORTER_BUILDER, VERIFICATION, ITEM_TYPE)
                            .addJavadoc("\n@param verification full, a sample of users, or off\n")
                            .addJavadoc("@return this builder\n")
                            .addModifiers(Modifier.PUBLIC)
                            .returns(builder)
                            .addParameter(VERIFICATION, "verification")
                            .addStatement("return $L", IMPORTER_BUILDER_VERIFY.call(Code.name("verification"),
                                    CodeBlock.of("$T.$N", item, ItemBodyWriter.TYPE)))
                            .build())
                    .addMethod(MethodSpec.methodBuilder("build")
                            .addJavadoc("Returns the importer with these settings.\n")
                            .addJavadoc("\n@return the importer\n")
                            .addJavadoc("@throws IllegalArgumentException when {@code maxBufferedItems} is below\n"
                                    + "    {@code batchSize}\n")
                            .addModifiers(Modifier.PUBLIC)
                            .returns(importer)
                            .addStatement("return new $T($L)", importer, IMPORTER_BUILDER_BUILD_IMPORTER.call())
                            .build())
                    .build();
        }
    }
}
