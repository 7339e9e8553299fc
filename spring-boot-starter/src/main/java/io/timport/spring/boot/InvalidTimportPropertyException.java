package io.timport.spring.boot;

import java.util.Objects;

/**
 * A {@code timport.*} property is missing or invalid: the application context does not start. The message names the
 * property and the rule it breaks; it never holds the secret key (nor any other value of the secret-key
 * properties). Spring Boot prints it with the action to take ({@link TimportPropertyFailureAnalyzer}).
 */
public class InvalidTimportPropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The property's full name, such as {@code timport.sdkappid}. */
    private final String property;
    /** What is wrong with the property, continuing its name. */
    private final String problem;
    /** What to do about it. */
    private final String action;

    /**
     * @param property the property, e.g. {@code timport.sdkappid}
     * @param problem what is wrong, as a sentence continuing the property's name ("is not set: ...")
     * @param action what to do about it
     */
    public InvalidTimportPropertyException(String property, String problem, String action) {
        super(Objects.requireNonNull(property, "property") + " " + Objects.requireNonNull(problem, "problem"));
        this.property = property;
        this.problem = problem;
        this.action = Objects.requireNonNull(action, "action");
    }

    /**
     * The property, e.g. {@code timport.sdkappid}.
     *
     * @return the property's full name, never null
     */
    public String property() {
        return property;
    }

    /**
     * What is wrong with it.
     *
     * @return a sentence continuing the property's name, such as {@code "is not set: ..."}; never null
     */
    public String problem() {
        return problem;
    }

    /**
     * What to do about it.
     *
     * @return the advice, never null
     */
    public String action() {
        return action;
    }
}
