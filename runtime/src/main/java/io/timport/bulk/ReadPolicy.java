package io.timport.bulk;

import io.timport.call.ChatAnswer;
import io.timport.call.TransportException;
import io.timport.errors.ErrorClass;
import io.timport.errors.ErrorEntry;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What an answer of a read API ({@code friend_get}) means for its call: the verification's answer policy. The call
 * is the item: it is read (settled ok), read again after a backoff, or given up for good. It returns a
 * {@link Decision} and changes nothing itself.
 *
 * <ul>
 *   <li>No usable answer: timeouts, resets, HTTP 5xx and malformed bodies retry after a backoff; HTTP 429 as a
 *       throttled answer; anything else (the endpoint is wrong) stops the run.</li>
 *   <li>A request-level error, by its {@link ErrorClass}: transient and throttled retry; re-sign renews the UserSig;
 *       wait-then-retry pauses every call; fatal configuration and client bugs stop; permanent (also an unknown code,
 *       such as a From_Account that does not exist) gives the user up: its relations could not be read.</li>
 * </ul>
 * A call is sent at most {@code maxAttempts} times.
 *
 * @param <C> the call
 */
final class ReadPolicy<C extends Call> {

    /** How many times the call was sent before this answer. */
    interface Attempts<C> {
        int of(C call);
    }

    private final int maxAttempts;
    private final Backoff backoff;
    private final ThrottleReaction throttling;
    private final long lockoutPauseNanos;
    private final String api;
    private final Attempts<C> attempts;

    ReadPolicy(String api, int maxAttempts, Backoff backoff, ThrottleReaction throttling, long lockoutPauseNanos,
            Attempts<C> attempts) {
        this.api = api;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.throttling = throttling;
        this.lockoutPauseNanos = lockoutPauseNanos;
        this.attempts = attempts;
    }

    Decision<C> decide(C call, ChatAnswer answer, Throwable error, long now) {
        if (error != null) {
            Throwable e = unwrap(error);
            if (!(e instanceof TransportException t)) {
                return new Decision.Stop<>(ErrorClass.CLIENT_BUG, ImportFailure.NO_ANSWER,
                        api + " failed unexpectedly: " + e, 0, e);
            }
            return switch (t.errorClass()) {
                case THROTTLED -> throttled(call, ImportFailure.NO_ANSWER, t.getMessage(), now);
                case TRANSIENT -> again(call, ErrorClass.TRANSIENT, ImportFailure.NO_ANSWER, t.getMessage(), -1);
                default -> new Decision.Stop<>(t.errorClass(), ImportFailure.NO_ANSWER, "no usable answer from the "
                        + "endpoint to " + api + ": " + t.getMessage() + ". Check the endpoint or region; nothing "
                        + "more is sent.", 0, t);
            };
        }
        if (answer.isRequestOk()) {
            return new Decision.Settle<>(ErrorClass.OK, 0, List.of(call), List.of(), List.of(), 0);
        }
        ErrorEntry entry = answer.requestError();
        int code = entry.code();
        String info = answer.errorInfo();
        return switch (entry.errorClass()) {
            case TRANSIENT -> again(call, ErrorClass.TRANSIENT, code, info, -1);
            case THROTTLED -> throttled(call, code, info, now);
            case RESIGN -> new Decision.RenewSignature<>(ErrorClass.RESIGN, code,
                    stop(entry, info, "a freshly renewed UserSig was refused too"));
            case WAIT_THEN_RETRY -> new Decision.PauseAll<>(lockoutPauseNanos,
                    again(call, ErrorClass.WAIT_THEN_RETRY, code, info, lockoutPauseNanos));
            case FATAL_CONFIG, CLIENT_BUG -> stop(entry, info, null);
            default -> new Decision.Settle<>(entry.errorClass(), code, List.of(),
                    List.of(new Decision.Failed<>(call, code, info, ImportFailure.Kind.REJECTED)), List.of(), 0);
        };
    }

    private Decision<C> throttled(C call, int code, String info, long now) {
        Decision.Settle<C> retry = again(call, ErrorClass.THROTTLED, code, info, -1);
        ThrottleReaction.Reaction reaction = throttling.onThrottled(now, retry.retryAfterNanos());
        Decision.Settle<C> settle = new Decision.Settle<>(ErrorClass.THROTTLED, code, List.of(), retry.failed(),
                retry.retry(), retry.retry().isEmpty() ? 0 : reaction.retryAfterNanos());
        return reaction.pauseAllNanos() > 0 ? new Decision.PauseAll<>(reaction.pauseAllNanos(), settle) : settle;
    }

    private Decision.Settle<C> again(C call, ErrorClass answer, int code, String info, long delayNanos) {
        int tried = attempts.of(call) + 1;
        if (tried >= maxAttempts) {
            return new Decision.Settle<>(answer, code, List.of(), List.of(new Decision.Failed<>(call, code,
                    "gave up after " + tried + " attempts: " + info, ImportFailure.Kind.GAVE_UP)), List.of(), 0);
        }
        long delay = delayNanos >= 0 ? delayNanos : backoff.delayNanos(tried);
        return new Decision.Settle<>(answer, code, List.of(), List.of(), List.of(new Decision.Retry<>(call, code, info)),
                delay);
    }

    private Decision.Stop<C> stop(ErrorEntry error, String info, String why) {
        int code = error.code();
        return new Decision.Stop<>(error.errorClass(), code, "the server answered " + code + " to " + api + " ("
                + error.meaning() + ")" + (info == null || info.isEmpty() ? "" : ": " + info)
                + (why == null ? "" : "; " + why) + ". Nothing more is sent; fix the configuration and run again.",
                code, null);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
