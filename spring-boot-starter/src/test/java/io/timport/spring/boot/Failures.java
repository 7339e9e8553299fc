package io.timport.spring.boot;

/** Finds the cause of a failed startup. */
final class Failures {

    private Failures() {
    }

    /** The first throwable of {@code type} in the cause chain of {@code failure}, or an AssertionError. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the cause chain of " + failure, failure);
    }

    /** Every message of the cause chain, one a line: what Spring Boot and a log would print. */
    static String messages(Throwable failure) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            s.append(t).append('\n');
        }
        return s.toString();
    }
}
