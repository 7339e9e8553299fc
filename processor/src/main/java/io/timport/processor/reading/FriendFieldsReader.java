package io.timport.processor.reading;

import com.palantir.javapoet.ClassName;
import io.timport.processor.diagnostics.Messages;
import io.timport.processor.diagnostics.Reporter;
import io.timport.processor.model.CustomFieldModel;
import io.timport.processor.model.ItemModel;
import io.timport.processor.model.StandardField;
import io.timport.processor.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @FriendFields} interface into an {@link ItemModel}, checking every rule on the way and reporting
 * each broken one through the {@link Reporter} on the element (and annotation value) at fault.
 *
 * <p>All errors of a type are reported together; the model is returned only when the type had none.
 *
 * <p><b>Field order</b> (which is the order of {@code CustomItem} on the wire): the interfaces of the hierarchy are
 * visited depth-first, each super-interface before the interface that extends it, super-interfaces in the order of
 * the {@code extends} clause, each interface once; within an interface, methods come in declaration order. For
 * {@code interface X extends A, B} with {@code A extends C}, that is C, A, B, X.
 *
 * <p>Checks of a single method (its annotation, parameters, return type, keyword and name) are made and reported
 * once per method, however many {@code @FriendFields} interfaces inherit it.
 */
public final class FriendFieldsReader {

    /** The annotation on interfaces. */
    public static final String FRIEND_FIELDS = "io.timport.annotation.FriendFields";
    /** The annotation on methods. */
    public static final String CUSTOM_FIELD = "io.timport.annotation.CustomField";


    /** What reading one type gave. */
    public enum Status { OK, FAILED, DEFERRED }

    /** The outcome of reading a type: its model when {@code status} is {@link Status#OK}. */
    public record Result(Status status, ItemModel model) {
        static final Result FAILED = new Result(Status.FAILED, null);
        static final Result DEFERRED = new Result(Status.DEFERRED, null);
    }

    /** The outcome of reading one method, cached so that each method's errors are reported once. */
    private record MethodResult(Status status, CustomFieldModel field) {
        static final MethodResult NOT_A_FIELD = new MethodResult(Status.OK, null);
        static final MethodResult FAILED = new MethodResult(Status.FAILED, null);
        static final MethodResult DEFERRED = new MethodResult(Status.DEFERRED, null);
    }

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;
    /**
     * Names of methods every generated item or its builder has, besides the standard fields' accessors: a custom
     * field with one of these names would clash.
     */
    private final Set<String> reservedNames;
    private final Map<String, MethodResult> methods = new HashMap<>();

    /**
     * @param reservedNames the names of the methods every generated item or its builder has besides its properties'
     *                      (from the writers: {@code ItemWriter.methodNames()})
     */
    public FriendFieldsReader(Elements elements, Types types, Reporter reporter, Set<String> reservedNames) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
        this.reservedNames = Set.copyOf(reservedNames);
    }

    /** Reads and checks one element annotated {@code @FriendFields}. */
    public Result read(TypeElement type) {
        AnnotationMirror friendFields = annotation(type, FRIEND_FIELDS);
        if (type.getKind() != ElementKind.INTERFACE) {
            reporter.error(type, friendFields, Messages.notAnInterface(displayName(type), kindWord(type.getKind())));
            return Result.FAILED;
        }
        int errorsBefore = reporter.errorCount();
        boolean failed = false;
        boolean deferred = false;
        ClassName interfaceName = ClassName.get(type);
        String itemName = ItemModel.itemName(interfaceName).simpleName();
        String packageName = interfaceName.packageName();

        if (!type.getTypeParameters().isEmpty()) {
            reporter.error(type, Messages.genericInterface(displayName(type),
                    typeParameters(type.getTypeParameters()), itemName));
        }
        String inaccessible = whyInaccessible(type);
        if (inaccessible != null) {
            reporter.error(type, friendFields,
                    Messages.inaccessibleInterface(displayName(type), inaccessible, itemName, packageName));
        }

        Set<TypeElement> hierarchy = new LinkedHashSet<>();
        if (!linearize(type, hierarchy)) {
            return Result.DEFERRED;
        }
        Set<Element> members = new HashSet<>(elements.getAllMembers(type));
        List<CustomFieldModel> fields = new ArrayList<>();
        for (TypeElement declaring : hierarchy) {
            for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
                MethodResult result = readMethod(method, members, type);
                failed |= result.status() == Status.FAILED;
                deferred |= result.status() == Status.DEFERRED;
                if (result.field() != null) {
                    fields.add(result.field());
                }
            }
        }
        for (CustomFieldModel field : fields) {
            if (field.valueType() == ValueType.ENUM) {
                checkEnumAccess(field, type, itemName, packageName);
            }
        }
        checkDistinct(fields, type);

        if (deferred && !failed && reporter.errorCount() == errorsBefore) {
            return Result.DEFERRED;
        }
        if (failed || reporter.errorCount() != errorsBefore) {
            return Result.FAILED;
        }
        return new Result(Status.OK, new ItemModel(type, interfaceName, isPublic(type), fields));
    }

    /** Adds the interfaces of the hierarchy in field order (see the class comment); false if one is unresolved. */
    private boolean linearize(TypeElement type, Set<TypeElement> out) {
        for (TypeMirror superInterface : type.getInterfaces()) {
            if (superInterface.getKind() == TypeKind.ERROR) {
                return false;
            }
            TypeElement element = (TypeElement) types.asElement(superInterface);
            if (!out.contains(element) && !linearize(element, out)) {
                return false;
            }
        }
        out.add(type);
        return true;
    }

    private MethodResult readMethod(ExecutableElement method, Set<Element> members, TypeElement friendFields) {
        AnnotationMirror customField = annotation(method, CUSTOM_FIELD);
        boolean isAbstract = method.getModifiers().contains(Modifier.ABSTRACT);
        if (!isAbstract && customField == null) {
            return MethodResult.NOT_A_FIELD; // default, static and private methods are ignored
        }
        if (isAbstract && !members.contains(method)) {
            return MethodResult.NOT_A_FIELD; // overridden further down the hierarchy
        }
        if (customField == null && overridesObjectMethod(method)) {
            return MethodResult.NOT_A_FIELD; // equals, hashCode, toString: the generated class implements them
        }
        String key = elements.getBinaryName((TypeElement) method.getEnclosingElement()) + "#" + method;
        MethodResult cached = methods.get(key);
        if (cached == null) {
            cached = checkMethod(method, customField, isAbstract, friendFields);
            if (cached.status() != Status.DEFERRED) {
                methods.put(key, cached);
            }
        }
        return cached;
    }

    private MethodResult checkMethod(ExecutableElement method, AnnotationMirror customField, boolean isAbstract,
            TypeElement friendFields) {
        String display = displayName(method);
        if (!isAbstract) {
            String kind = method.getModifiers().contains(Modifier.STATIC) ? "static"
                    : method.getModifiers().contains(Modifier.PRIVATE) ? "private" : "default";
            reporter.error(method, customField, Messages.notAbstract(display, kind));
            return MethodResult.FAILED;
        }
        if (customField == null) {
            reporter.error(method, Messages.missingCustomField(display, displayName(friendFields)));
            return MethodResult.FAILED;
        }
        int errorsBefore = reporter.errorCount();
        String name = method.getSimpleName().toString();
        if (!method.getParameters().isEmpty()) {
            reporter.error(method, Messages.hasParameters(displayWithParameters(method)));
        }
        if (!method.getTypeParameters().isEmpty()) {
            reporter.error(method, Messages.hasTypeParameters(display, typeParameters(method.getTypeParameters())));
        }

        TypeMirror returnType = method.getReturnType();
        if (returnType.getKind() == TypeKind.ERROR) {
            return MethodResult.DEFERRED;
        }
        ValueType valueType = valueType(returnType);
        if (valueType == null) {
            reporter.error(method, Messages.unsupportedType(display, returnType.toString()));
        }

        AnnotationValue value = annotationValue(customField, "value");
        String keyword = null;
        if (value != null && value.getValue() instanceof String given) {
            keyword = Keywords.keywordOf(given);
            if (!Keywords.isValid(keyword)) {
                reporter.error(method, customField, value,
                        Messages.badKeyword(given, display, Keywords.suggest(given, name)));
            }
        }

        String itemName = ItemModel.itemName(ClassName.get(friendFields)).simpleName();
        String suggestion = "custom" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        StandardField standard = StandardField.byPropertyName(name);
        if (standard != null) {
            reporter.error(method, Messages.standardFieldClash(display, name, standard.wireName(), itemName, suggestion));
        } else if (reservedNames.contains(name)) {
            reporter.error(method, Messages.reservedName(display, name, itemName, suggestion));
        }

        if (reporter.errorCount() != errorsBefore || keyword == null) {
            return MethodResult.FAILED; // keyword == null: javac has reported the malformed annotation itself
        }
        boolean primitive = returnType.getKind().isPrimitive();
        ClassName enumType = null;
        List<String> constants = List.of();
        if (valueType == ValueType.ENUM) {
            TypeElement enumElement = (TypeElement) types.asElement(returnType);
            enumType = ClassName.get(enumElement);
            constants = enumElement.getEnclosedElements().stream()
                    .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
                    .map(e -> e.getSimpleName().toString())
                    .collect(Collectors.toList());
        }
        String declaredIn = simpleNames((TypeElement) method.getEnclosingElement());
        return new MethodResult(Status.OK, new CustomFieldModel(
                method, name, declaredIn, keyword, valueType, primitive, enumType, constants));
    }

    /** The value type for a supported return type, else null. */
    private ValueType valueType(TypeMirror type) {
        switch (type.getKind()) {
            case INT:
                return ValueType.INT;
            case LONG:
                return ValueType.LONG;
            case DECLARED:
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                if (element.getKind() == ElementKind.ENUM) {
                    return ValueType.ENUM;
                }
                switch (element.getQualifiedName().toString()) {
                    case "java.lang.String":
                        return ValueType.STRING;
                    case "java.lang.Integer":
                        return ValueType.INT;
                    case "java.lang.Long":
                        return ValueType.LONG;
                    default:
                        return null;
                }
            default:
                return null;
        }
    }

    /** The enum must be nameable from the generated class, in the interface's package. */
    private void checkEnumAccess(CustomFieldModel field, TypeElement friendFields, String itemName, String packageName) {
        TypeElement enumElement = (TypeElement) types.asElement(field.method().getReturnType());
        String why = null;
        boolean samePackage = elements.getPackageOf(enumElement).getQualifiedName().contentEquals(packageName);
        for (Element e = enumElement; e instanceof TypeElement; e = e.getEnclosingElement()) {
            Set<Modifier> modifiers = e.getModifiers();
            String which = e == enumElement ? "is" : "is nested in " + displayName((TypeElement) e) + ", which is";
            if (modifiers.contains(Modifier.PRIVATE)) {
                why = which + " private";
                break;
            }
            if (!samePackage && !modifiers.contains(Modifier.PUBLIC)) {
                why = which + " not public";
                break;
            }
        }
        if (why != null) {
            Element at = field.method().getEnclosingElement().equals(friendFields) ? field.method() : friendFields;
            reporter.error(at, Messages.inaccessibleEnum(field.displayName(), displayName(enumElement), why,
                    itemName, packageName));
        }
    }

    /** Tags and method names must be unique over the whole hierarchy. */
    private void checkDistinct(List<CustomFieldModel> fields, TypeElement friendFields) {
        Map<String, CustomFieldModel> byTag = new LinkedHashMap<>();
        Map<String, CustomFieldModel> byName = new LinkedHashMap<>();
        for (CustomFieldModel field : fields) {
            boolean own = field.method().getEnclosingElement().equals(friendFields);
            CustomFieldModel sameTag = byTag.putIfAbsent(field.tag(), field);
            if (sameTag != null) {
                String message = Messages.duplicateTag(field.tag(), sameTag.displayName(), field.displayName());
                if (own) {
                    AnnotationMirror customField = annotation(field.method(), CUSTOM_FIELD);
                    reporter.error(field.method(), customField, annotationValue(customField, "value"), message);
                } else {
                    reporter.error(friendFields, message);
                }
                continue;
            }
            CustomFieldModel sameName = byName.putIfAbsent(field.name(), field);
            if (sameName != null) {
                String message = Messages.duplicateMethod(field.name(), sameName.displayName(), sameName.tag(),
                        field.displayName(), field.tag());
                reporter.error(own ? field.method() : friendFields, message);
            }
        }
    }

    /** Why generated code in the same package cannot implement {@code type}, or null when it can. */
    private static String whyInaccessible(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            TypeElement t = (TypeElement) e;
            String which = t == type ? "is" : "is nested in " + displayName(t) + ", which is";
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                return which + " private";
            }
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return which + " declared inside a method";
            }
        }
        return null;
    }

    private static boolean isPublic(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean overridesObjectMethod(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.isEmpty()) {
            return name.equals("hashCode") || name.equals("toString");
        }
        return parameters.size() == 1 && name.equals("equals")
                && parameters.get(0).asType().toString().equals("java.lang.Object");
    }

    private static AnnotationMirror annotation(Element element, String annotationName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
            if (annotationType.getQualifiedName().contentEquals(annotationName)) {
                return mirror;
            }
        }
        return null;
    }

    private static AnnotationValue annotationValue(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** {@code Outer.GameFriend}: the simple names from the top-level type. */
    private static String simpleNames(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            name.insert(0, e.getSimpleName() + ".");
        }
        return name.toString();
    }

    private static String displayName(TypeElement type) {
        return simpleNames(type);
    }

    private static String displayName(ExecutableElement method) {
        return simpleNames((TypeElement) method.getEnclosingElement()) + "." + method.getSimpleName() + "()";
    }

    private static String displayWithParameters(ExecutableElement method) {
        return simpleNames((TypeElement) method.getEnclosingElement()) + "." + method.getSimpleName()
                + method.getParameters().stream()
                        .map(p -> p.asType().toString() + " " + p.getSimpleName())
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String typeParameters(List<? extends Element> typeParameters) {
        return typeParameters.stream().map(Element::toString).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String kindWord(ElementKind kind) {
        switch (kind) {
            case CLASS:
                return "a class";
            case ENUM:
                return "an enum";
            case ANNOTATION_TYPE:
                return "an annotation type";
            case RECORD:
                return "a record";
            default:
                return "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
