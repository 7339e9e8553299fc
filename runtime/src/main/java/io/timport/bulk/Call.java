package io.timport.bulk;

/**
 * One call a phase asked the engine to send: what the engine needs to know of it, whatever the API. A phase
 * subclasses it with the call's content (the relations phase: a From_Account and its items).
 */
abstract class Call {

    /** The UserSig generation it is signed with: set by the engine when it hands the call out. */
    int generation;

    /** When the request was handed to the HTTP client (engine time): set by the driver, for the latency. */
    long sentNanos;

    /** The items it carries. */
    abstract int size();

    /** True when it re-sends at least one item after a transient error. */
    abstract boolean isRetry();
}
