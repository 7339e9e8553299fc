package io.timport.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The client's timeouts: how long to wait for a connection, and the deadline of each call.
 *
 * <p>The server gives up on its side after 3 seconds, so the request timeout should be longer than that plus the
 * network round trip; the defaults are {@value #DEFAULT_CONNECT_SECONDS} s to connect and
 * {@value #DEFAULT_REQUEST_SECONDS} s for the answer.
 *
 * <p>The request timeout is each call's deadline, counted from sending it: it covers connecting, the answer's headers
 * <em>and</em> its whole body. A server that sends its headers and then trickles the body fails the call at the
 * deadline ({@code TransportException.Kind.TIMEOUT}) rather than holding it.
 *
 * @param connect how long to wait for a TCP (and TLS) connection
 * @param request the deadline of one call, from sending it: connection, headers and whole body
 */
public record Timeouts(Duration connect, Duration request) {

    /** Default connect timeout in seconds. */
    public static final int DEFAULT_CONNECT_SECONDS = 5;
    /** Default request timeout in seconds. */
    public static final int DEFAULT_REQUEST_SECONDS = 10;
    /** How long the server works on a call before it gives up (3 s). */
    public static final Duration SERVER_TIMEOUT = Duration.ofSeconds(3);

    /** 5 s to connect, 10 s for the answer. */
    public static final Timeouts DEFAULT =
            new Timeouts(Duration.ofSeconds(DEFAULT_CONNECT_SECONDS), Duration.ofSeconds(DEFAULT_REQUEST_SECONDS));

    /**
     * Validates both durations.
     *
     * @param connect how long to wait for a TCP (and TLS) connection
     * @param request the deadline of one call, from sending it: connection, headers and whole body
     * @throws IllegalArgumentException when a duration is zero or negative
     */
    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(request, "request");
        if (connect.isZero() || connect.isNegative()) {
            throw new IllegalArgumentException("connect timeout must be positive, was " + connect);
        }
        if (request.isZero() || request.isNegative()) {
            throw new IllegalArgumentException("request timeout must be positive, was " + request);
        }
    }

    /**
     * These timeouts with another connect timeout.
     *
     * @param connect the new connect timeout (positive)
     * @return a new {@code Timeouts} with {@code connect} and this request timeout
     */
    public Timeouts withConnect(Duration connect) {
        return new Timeouts(connect, request);
    }

    /**
     * These timeouts with another request timeout.
     *
     * @param request the new request deadline (positive)
     * @return a new {@code Timeouts} with this connect timeout and {@code request}
     */
    public Timeouts withRequest(Duration request) {
        return new Timeouts(connect, request);
    }
}
