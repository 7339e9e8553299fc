package io.timport.simulator;

/**
 * The outcome of a check: the checked value, or the refusal that names the field, the rule and the value's problem.
 * Every parser and rule of the simulator returns one, so that a caller sees in the type that a refusal is possible.
 *
 * @param <T> the type of the checked value
 */
sealed interface Checked<T> {

    /** A value that passed every check. */
    record Valid<T>(T value) implements Checked<T> {
    }

    /** A refusal: the code and the text to answer with. */
    record Refused<T>(Failure failure) implements Checked<T> {
        @Override
        public T value() {
            throw new IllegalStateException("refused: " + failure);
        }
    }

    /** The checked value; only for a {@link Valid} (a caller tests for {@link Refused} first). */
    T value();

    static <T> Checked<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Checked<T> refused(int code, String info) {
        return new Refused<>(new Failure(code, info));
    }

    static <T> Checked<T> refused(Failure failure) {
        return new Refused<>(failure);
    }
}
