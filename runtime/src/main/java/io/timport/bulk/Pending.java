package io.timport.bulk;

/**
 * One relation waiting to be sent, or in flight: its input position (the journal's key) and its attempts so far.
 *
 * @param <T> the item type
 */
final class Pending<T> {
    final long position;
    final String origin;
    final T item;
    /** Calls that carried it and got a transient error. */
    int attempts;

    Pending(long position, String origin, T item) {
        this.position = position;
        this.origin = origin;
        this.item = item;
    }
}
