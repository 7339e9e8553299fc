package io.timport.bulk;

/**
 * How the engine keeps its calls within the server's rate limit beyond the rate limiter's pace, and what it does
 * about a throttled answer. Chosen with {@link ImporterBuilder#pacing}.
 */
public enum Pacing {

    /**
     * The default. The engine keeps a model of the server's sliding second: each call counts from the moment the
     * server took it in, estimated from when its answer came back (a call held by a server that stalled counts
     * from the end of the stall, when the server admitted it with the others it held), and a call in flight counts
     * until its answer. A call is sent only when the modelled second has room for it, so the burst a stalled server
     * admits at once does not overflow the second that ends one second later. A throttled answer is sent again with
     * the next permits, and lowers the model's ceiling by 2 % (at most once a second), which then climbs back by
     * 1 % a second: a client sharing the app's rate slows the import down rather than having it throttled over and
     * over. Nothing ever pauses every call.
     */
    WINDOW,

    /**
     * The rule before {@link #WINDOW}, kept for comparison: no model of the server's second; a throttled answer's
     * call is retried after its backoff, and three throttled answers within one second pause every call for
     * {@linkplain ImporterBuilder#throttlePause the throttle pause}.
     */
    PAUSE
}
