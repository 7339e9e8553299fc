package io.timport.simulator;

/** Serves one {@link RestApi} once the common checks (query, UserSig, admin, rate, JSON) have passed. */
interface ApiHandler {

    /** A call that passed the common checks: its API, query and parsed body ({@link JsonTree}'s values). */
    record Call(RestApi api, Query query, Object body) {
    }

    /** The answer to {@code call}. */
    Reply handle(Call call) throws InterruptedException;

    /** Forgets per-call state (fault sequences, call counters). */
    default void reset() {
    }
}
