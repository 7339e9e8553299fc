package io.timport.bulk;

/**
 * The engine's time: a monotonic nanosecond count, as {@link System#nanoTime()} (only differences mean anything).
 * The production driver uses the system's; unit tests pass a clock that moves only when they move it.
 */
@FunctionalInterface
interface Ticker {

    /** The current time in nanoseconds. */
    long nanoTime();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
