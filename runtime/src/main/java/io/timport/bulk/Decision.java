package io.timport.bulk;

import io.timport.errors.ErrorClass;
import java.util.List;

/**
 * What to do about one call's answer: the answer policy's verdict, which the engine and the call's phase then carry
 * out. Deciding and doing are apart, so each decision can be tested without sending anything.
 *
 * <p>The engine carries out the kinds that concern every call ({@link RenewSignature}, {@link PauseAll},
 * {@link Stop}); the phase that made the call settles its items ({@link Settle}) and splits a batch
 * ({@link Split}).
 *
 * @param <I> the phase's item type
 */
sealed interface Decision<I> permits Decision.Settle, Decision.RenewSignature, Decision.PauseAll, Decision.Stop,
        Decision.Split {

    /** What the answer as a whole said: {@link ErrorClass#OK} for per-item results, else the request's class. */
    ErrorClass answer();

    /** The request-level code: 0 for per-item results, {@link ImportFailure#NO_ANSWER} for no usable answer. */
    int code();

    /**
     * Each item of the call has its outcome: done, failed for good, or to be sent again after a delay.
     *
     * @param ok the items the server accepted
     * @param failed the items that failed for good
     * @param retry the items to send again (each has attempts left)
     * @param retryAfterNanos how long {@code retry} waits before it may be sent
     */
    record Settle<I>(ErrorClass answer, int code, List<I> ok, List<Failed<I>> failed, List<Retry<I>> retry,
            long retryAfterNanos) implements Decision<I> {
    }

    /** An item that failed for good, and why. */
    record Failed<I>(I item, int code, String info, ImportFailure.Kind kind) {
    }

    /** An item to send again, and the error that makes it necessary (reported if it never succeeds). */
    record Retry<I>(I item, int code, String info) {
    }

    /**
     * The UserSig was refused as expired or invalidated: sign a new one and send the call again at once, with no
     * attempt counted. A UserSig refused again right after its renewal means something else is wrong:
     * {@code ifRefusedAgain}.
     */
    record RenewSignature<I>(ErrorClass answer, int code, Stop<I> ifRefusedAgain) implements Decision<I> {
    }

    /** Every call waits {@code pauseNanos} from now; then {@code then} settles this call's items. */
    record PauseAll<I>(long pauseNanos, Settle<I> then) implements Decision<I> {
        @Override
        public ErrorClass answer() {
            return then.answer();
        }

        @Override
        public int code() {
            return then.code();
        }
    }

    /**
     * Nothing more can succeed: the import stops. Calls in flight finish and are settled; nothing more is sent.
     *
     * @param message what stopped it, for {@link ImportAbortedException#getMessage()}
     * @param errorCode the server's code for {@link ImportAbortedException#errorCode()}, or 0 when not an answer
     * @param cause the exception behind it, or null
     */
    record Stop<I>(ErrorClass answer, int code, String message, int errorCode, Throwable cause)
            implements Decision<I> {
    }

    /**
     * A request-level answer that is about some item of the call, not the call (30001 at request level, an unknown
     * code after its one retry, HTTP 413): send the items again as two halves, each half a call of its own, at once
     * and before anything else of the account, so that the items the answer is about are isolated and fail alone
     * (a call of one item answered so fails that item). Each item the answer is about costs at most
     * 2 × ⌈log2 n⌉ more calls for a batch of n; no attempt is counted.
     *
     * @param items the call's items, in order
     * @param info the answer's ErrorInfo (or the transport failure's message)
     */
    record Split<I>(ErrorClass answer, int code, String info, List<I> items) implements Decision<I> {
    }
}
