package io.timport.processor.diagnostics;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor talks to its user: errors on the most precise element, annotation and annotation
 * value available, so that javac and IDEs point at the right token. Message texts come from {@link Messages}.
 *
 * <p>It counts errors, so that a caller can tell whether checking one type found anything.
 */
public final class Reporter {

    private final Messager messager;
    private int errorCount;

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    /** An error on an element. */
    public void error(Element element, String message) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    /** An error on an annotation of an element. */
    public void error(Element element, AnnotationMirror annotation, String message) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    }

    /** An error on one value of an annotation of an element. */
    public void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
    }

    /** How many errors have been reported so far. */
    public int errorCount() {
        return errorCount;
    }
}
