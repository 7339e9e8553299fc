package io.timport.bulk;

import io.timport.call.FriendImportResponse;
import io.timport.call.ResultItem;
import io.timport.call.TransportException;
import io.timport.errors.ErrorClass;
import io.timport.errors.ErrorEntry;
import io.timport.wire.AddFriendItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a friend_import answer means for the call's items: the one place a retry is decided. It returns a
 * {@link Decision} and changes nothing itself.
 *
 * <ul>
 *   <li>No usable answer ({@link TransportException}): timeouts, resets, HTTP 5xx and malformed bodies retry the
 *       whole call after a backoff; HTTP 429 too, as a throttled answer; anything else (TLS, a 404, a redirect:
 *       the endpoint is wrong) stops the import. Any other exception stops it too.</li>
 *   <li>A request-level error, by its {@link ErrorClass}: transient and throttled retry the call after a backoff;
 *       re-sign renews the UserSig and re-sends at once; wait-then-retry pauses every call for the lockout, then
 *       retries; fatal configuration and client bugs stop the import; permanent fails every item of the call when
 *       it is about the From_Account (30003 at request level), else it is about some item: the batch is split
 *       ({@link Decision.Split}) to isolate it, as is an HTTP 413; an unknown code is retried once, then split.</li>
 *   <li>Per-item results: 0 is imported; a retryable class retries just that item; anything else fails it; an
 *       item the answer does not mention is retried.</li>
 * </ul>
 * An item is sent at most {@code maxAttempts} times: a retry past that is a {@link ImportFailure.Kind#GAVE_UP}
 * failure instead. The retry delay is the {@link Backoff} of the most-tried item; a throttled answer asks the
 * {@link ThrottleReaction} too.
 *
 * @param <T> the item type
 */
final class AnswerPolicy<T extends AddFriendItem> {

    /** How the text of a {@link ImportFailure.Kind#GAVE_UP} failure begins. */
    static final String GAVE_UP_PREFIX = "gave up after ";

    private final int maxAttempts;
    private final Backoff backoff;
    private final ThrottleReaction throttling;
    private final long lockoutPauseNanos;
    private final boolean journaled;

    /**
     * @param journaled whether the run keeps a journal (a stop's message then says to run again with it)
     */
    AnswerPolicy(int maxAttempts, Backoff backoff, ThrottleReaction throttling, long lockoutPauseNanos,
            boolean journaled) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.throttling = throttling;
        this.lockoutPauseNanos = lockoutPauseNanos;
        this.journaled = journaled;
    }

    /** The decision about a call of {@code items}: its {@code answer}, or {@code error} when there is none. */
    Decision<Pending<T>> decide(List<Pending<T>> items, FriendImportResponse answer, Throwable error, long now) {
        if (error != null) {
            return noAnswer(items, unwrap(error), now);
        }
        if (!answer.isRequestOk()) {
            return requestError(items, answer.requestError(), answer.errorInfo(), now);
        }
        return perItem(items, answer, now);
    }

    private Decision<Pending<T>> noAnswer(List<Pending<T>> items, Throwable error, long now) {
        if (!(error instanceof TransportException)) {
            return new Decision.Stop<>(ErrorClass.CLIENT_BUG, ImportFailure.NO_ANSWER,
                    "the call failed unexpectedly: " + error, 0, error);
        }
        TransportException e = (TransportException) error;
        switch (e.errorClass()) {
            case THROTTLED: // HTTP 429
                return throttled(items, ImportFailure.NO_ANSWER, e.getMessage(), now);
            case TRANSIENT: // timeouts, resets, 5xx, a malformed body
                return retryAll(ErrorClass.TRANSIENT, items, ImportFailure.NO_ANSWER, e.getMessage(), -1);
            case PERMANENT: // HTTP 413: the body is too large for the server; the halves may pass
                return split(ErrorClass.PERMANENT, items, ImportFailure.NO_ANSWER, e.getMessage());
            default: // TLS failure, a 404 or a redirect: the endpoint is wrong
                return new Decision.Stop<>(e.errorClass(), ImportFailure.NO_ANSWER, "no usable answer from the "
                        + "endpoint: " + e.getMessage() + ". Check the endpoint or region; nothing more is sent.", 0, e);
        }
    }

    private Decision<Pending<T>> requestError(List<Pending<T>> items, ErrorEntry error, String info, long now) {
        int code = error.code();
        switch (error.errorClass()) {
            case TRANSIENT:
                return retryAll(ErrorClass.TRANSIENT, items, code, info, -1);
            case THROTTLED:
                return throttled(items, code, info, now);
            case RESIGN:
                return new Decision.RenewSignature<>(ErrorClass.RESIGN, code,
                        stop(error, info, "a freshly renewed UserSig was refused too"));
            case WAIT_THEN_RETRY:
                return new Decision.PauseAll<>(lockoutPauseNanos,
                        retryAll(ErrorClass.WAIT_THEN_RETRY, items, code, info, lockoutPauseNanos));
            case FATAL_CONFIG:
            case CLIENT_BUG:
                return stop(error, info, null);
            case UNKNOWN: // no source lists it: retried once, then taken as about some item (split)
                if (!retriedWith(items, code)) {
                    return retryAll(ErrorClass.UNKNOWN, items, code, info, -1);
                }
                return split(ErrorClass.UNKNOWN, items, code, info);
            default: // PERMANENT
                if (error.marksFromAccount()) { // about the From_Account (30003 at request level): every item fails
                    List<Decision.Failed<Pending<T>>> failed = new ArrayList<>(items.size());
                    for (Pending<T> p : items) {
                        failed.add(new Decision.Failed<>(p, code, info, ImportFailure.Kind.REJECTED));
                    }
                    return new Decision.Settle<>(error.errorClass(), code, List.of(), failed, List.of(), 0);
                }
                return split(error.errorClass(), items, code, info); // about some item: isolate it
        }
    }

    /**
     * A request-level answer about some item of the call: the halves are sent again ({@link Decision.Split}); a call
     * of one item fails that item.
     */
    private Decision<Pending<T>> split(ErrorClass answer, List<Pending<T>> items, int code, String info) {
        if (items.size() > 1) {
            return new Decision.Split<>(answer, code, info, items);
        }
        return new Decision.Settle<>(answer, code, List.of(),
                List.of(new Decision.Failed<>(items.get(0), code, info, ImportFailure.Kind.REJECTED)), List.of(), 0);
    }

    /** True when every item was retried after an answer of {@code code} already. */
    private static boolean retriedWith(List<? extends Pending<?>> items, int code) {
        for (Pending<?> p : items) {
            if (p.lastCode != code) {
                return false;
            }
        }
        return true;
    }

    private Decision<Pending<T>> perItem(List<Pending<T>> items, FriendImportResponse answer, long now) {
        Map<String, ResultItem> results = new HashMap<>();
        for (ResultItem r : answer.resultItems()) {
            results.put(r.toAccount(), r);
        }
        List<Pending<T>> ok = new ArrayList<>(items.size());
        List<Decision.Failed<Pending<T>>> failed = new ArrayList<>();
        List<Decision.Retry<Pending<T>>> retry = new ArrayList<>();
        for (Pending<T> p : items) {
            ResultItem r = results.get(p.item.toAccount());
            if (r == null) {
                again(p, ImportFailure.NO_ANSWER, "the answer had no ResultItem for this To_Account", retry, failed);
            } else if (r.resultCode() == 0) {
                ok.add(p);
            } else if (r.error().errorClass().isRetryable()) {
                again(p, r.resultCode(), r.resultInfo(), retry, failed);
            } else {
                failed.add(new Decision.Failed<>(p, r.resultCode(), r.resultInfo(), ImportFailure.Kind.REJECTED));
            }
        }
        return new Decision.Settle<>(ErrorClass.OK, 0, ok, failed, retry, delayFor(retry));
    }

    private Decision<Pending<T>> throttled(List<Pending<T>> items, int code, String info, long now) {
        Decision.Settle<Pending<T>> retry = retryAll(ErrorClass.THROTTLED, items, code, info, -1);
        ThrottleReaction.Reaction reaction = throttling.onThrottled(now, retry.retryAfterNanos());
        Decision.Settle<Pending<T>> settle = new Decision.Settle<>(ErrorClass.THROTTLED, code, List.of(),
                retry.failed(), retry.retry(), retry.retry().isEmpty() ? 0 : reaction.retryAfterNanos());
        return reaction.pauseAllNanos() > 0 ? new Decision.PauseAll<>(reaction.pauseAllNanos(), settle) : settle;
    }

    /** Every item again after {@code delayNanos} (its backoff when negative), or given up when out of attempts. */
    private Decision.Settle<Pending<T>> retryAll(ErrorClass answer, List<Pending<T>> items, int code, String info,
            long delayNanos) {
        List<Decision.Failed<Pending<T>>> failed = new ArrayList<>();
        List<Decision.Retry<Pending<T>>> retry = new ArrayList<>(items.size());
        for (Pending<T> p : items) {
            again(p, code, info, retry, failed);
        }
        long delay = retry.isEmpty() ? 0 : delayNanos >= 0 ? delayNanos : delayFor(retry);
        return new Decision.Settle<>(answer, code, List.of(), failed, retry, delay);
    }

    /** A retry of {@code p}, or its failure when this was its last attempt. */
    private void again(Pending<T> p, int code, String info, List<Decision.Retry<Pending<T>>> retry,
            List<Decision.Failed<Pending<T>>> failed) {
        int attempts = p.attempts + 1;
        if (attempts >= maxAttempts) {
            failed.add(new Decision.Failed<>(p, code, GAVE_UP_PREFIX + attempts + " attempts: " + info,
                    ImportFailure.Kind.GAVE_UP));
        } else {
            retry.add(new Decision.Retry<>(p, code, info));
        }
    }

    /** The backoff of the most-tried item to retry. */
    private long delayFor(List<Decision.Retry<Pending<T>>> retry) {
        int attempts = 0;
        for (Decision.Retry<Pending<T>> r : retry) {
            attempts = Math.max(attempts, r.item().attempts + 1);
        }
        return backoff.delayNanos(attempts);
    }

    private Decision.Stop<Pending<T>> stop(ErrorEntry error, String info, String why) {
        int code = error.code();
        return new Decision.Stop<>(error.errorClass(), code, "the server answered " + code + " (" + error.meaning()
                + ")" + (info == null || info.isEmpty() ? "" : ": " + info) + (why == null ? "" : "; " + why)
                + (journaled ? ". Nothing more is sent; fix the configuration and run again with the same journal to"
                        + " resume." : ". Nothing more is sent; fix the configuration and run again."), code, null);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
