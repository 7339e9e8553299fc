package io.timport.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints an {@link InvalidTimportPropertyException} the way Spring Boot prints its own configuration errors, with
 * the property, the problem and the action, instead of a stack trace.
 */
class TimportPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTimportPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTimportPropertyException cause) {
        return new FailureAnalysis("The timport configuration is not valid: " + cause.getMessage(), cause.action(),
                cause);
    }
}
