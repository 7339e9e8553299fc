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
    /** The request-level code of the last call that carried it and is to be retried (0 when none). */
    int lastCode;
    /**
     * When it heads a part of a split batch ({@link Decision.Split}): the part's size, the most the call that takes
     * it carries; 0 otherwise.
     */
    int segment;
    /** Its item's size in a request body, in bytes: measured when first batched (0 until then). */
    int wireBytes;

    Pending(long position, String origin, T item) {
        this.position = position;
        this.origin = origin;
        this.item = item;
    }
}
