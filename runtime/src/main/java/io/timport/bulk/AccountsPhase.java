package io.timport.bulk;

import io.timport.call.AccountCheckItem;
import io.timport.call.AccountCheckResponse;
import io.timport.call.AccountItem;
import io.timport.call.AccountStatus;
import io.timport.call.ChatAnswer;
import io.timport.call.MultiAccountImportResponse;
import io.timport.call.TransportException;
import io.timport.errors.ErrorClass;
import io.timport.errors.ErrorEntry;
import io.timport.errors.ErrorCatalogue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The accounts phase: the distinct accounts of an import ({@link AccountSet}), by position, become account_check calls
 * of up to 100; in {@link AccountsMode#IMPORT} the missing ones become multiaccount_import calls of up to 100, and an
 * account that multiaccount_import lists in {@code FailAccounts} is sent once more alone with account_import, whose
 * answer gives its own code. Each API paces on its own rate limiter; the phase alternates between them when both
 * have a batch ready, so that both APIs run at their pace at once.
 *
 * <p>Its answer policy is {@link #decide}: no usable answer and transient or throttled answers retry the call after
 * a backoff (at most {@code maxAttempts}); an expired UserSig is renewed; 70050 pauses every call; fatal codes stop
 * the run (70398, the app's account count over its plan, included: no account can be created); a permanent code
 * fails the accounts of the call (for account_import: that account). Confirmed accounts (existing, imported) and
 * accounts found missing are journaled ({@link AccountsJournal}); failures are not, so a run started again tries them
 * again.
 */
final class AccountsPhase implements Phase<Integer, AccountCall, ChatAnswer> {

    /** The phase's name in events. */
    static final String NAME = "accounts";

    /** Final states of an account beyond the journal's kinds. */
    static final byte NOT_CREATED = 4;
    static final byte FAILED = 5;

    private static final byte TO_SINGLE = 6;
    private static final int BATCH = 100;

    /** What an answer says about one account. */
    record Outcome(AccountCall.Account account, byte result) {
    }

    private record Delayed(long due, long sequence, AccountCall call) {
    }

    private final AccountSet set;
    private final AccountsMode mode;
    private final boolean listOnly;
    private final AccountSender sender;
    private final AccountsJournal journal;
    private final ProgressMeter meter;
    private final int maxAttempts;
    private final Backoff backoff;
    private final long lockoutPauseNanos;
    private final int bound;

    private final byte[] state;
    private final byte[] earlier;
    private int[] failCodes;
    private final Map<Integer, String> firstInfo = new HashMap<>();

    private final ArrayDeque<AccountCall.Account> checks = new ArrayDeque<>();
    private final ArrayDeque<AccountCall.Account> imports = new ArrayDeque<>();
    private final ArrayDeque<AccountCall.Account> singles = new ArrayDeque<>();
    private final PriorityQueue<Delayed> delayed = new PriorityQueue<>((a, b) -> a.due() != b.due()
            ? Long.compare(a.due() - b.due(), 0) : Long.compare(a.sequence(), b.sequence()));
    private long delayedSequence;
    private int checksOut;
    private long held;
    private boolean inputEnded;
    private AccountCall.Kind last = AccountCall.Kind.IMPORT;
    private int wakes;

    // counts for the report
    long existing;
    long existingEarlier;
    long imported;
    long importedEarlier;
    long missing;
    long failed;
    final Map<Integer, Long> failedByCode = new TreeMap<>();
    final long[] calls = new long[AccountCall.Kind.values().length];

    AccountsPhase(AccountSet set, AccountsMode mode, boolean listOnly, AccountSender sender, AccountsJournal journal,
            ProgressMeter meter, int maxAttempts, Backoff backoff, long lockoutPauseNanos, int bound) {
        this.set = set;
        this.mode = mode;
        this.listOnly = listOnly;
        this.sender = sender;
        this.journal = journal;
        this.meter = meter;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.lockoutPauseNanos = lockoutPauseNanos;
        this.bound = Math.max(bound, 2 * BATCH);
        this.earlier = journal == null ? new byte[set.size() + 1] : journal.states();
        this.state = new byte[set.size() + 1];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String api() {
        return io.timport.call.ChatApi.ACCOUNT_CHECK.apiName();
    }

    // ------------------------------------------------------------------------------------------------ input

    @Override
    public boolean offer(long position, Integer unit) {
        int p = unit;
        byte before = earlier[p];
        if (before == AccountsJournal.EXISTS || before == AccountsJournal.IMPORTED) {
            meter.recordRead();
            meter.completedEarlier();
            state[p] = before;
            if (before == AccountsJournal.EXISTS) {
                existingEarlier++;
            } else {
                importedEarlier++;
            }
            return true;
        }
        if (held >= bound) {
            return false;
        }
        meter.recordRead();
        held++;
        if (before == AccountsJournal.MISSING && mode == AccountsMode.IMPORT) {
            missingFound(new AccountCall.Account(p), false); // found missing by an earlier run: not checked again
        } else {
            checks.add(new AccountCall.Account(p));
            if (checks.size() % BATCH == 0) {
                wakes |= EngineCore.WAKE_DISPATCHER; // a batch is ready
            }
        }
        return true;
    }

    @Override
    public void inputEnded() {
        inputEnded = true;
    }

    // ------------------------------------------------------------------------------------------------ calls

    @Override
    public AccountCall poll(long now) {
        Delayed d;
        while ((d = delayed.peek()) != null && now - d.due() >= 0) {
            delayed.poll();
            requeue(d.call());
        }
        boolean checkReady = checks.size() >= BATCH || (!checks.isEmpty() && inputEnded);
        boolean importReady = imports.size() >= BATCH || (!imports.isEmpty() && inputEnded && checks.isEmpty()
                && checksOut == 0 && noDelayed(AccountCall.Kind.CHECK));
        boolean singleReady = !singles.isEmpty();
        AccountCall.Kind kind = null;
        if (checkReady && (last != AccountCall.Kind.CHECK || !(importReady || singleReady))) {
            kind = AccountCall.Kind.CHECK;
        } else if (importReady && (last != AccountCall.Kind.IMPORT || !singleReady)) {
            kind = AccountCall.Kind.IMPORT;
        } else if (singleReady) {
            kind = AccountCall.Kind.SINGLE;
        } else if (checkReady) {
            kind = AccountCall.Kind.CHECK;
        } else if (importReady) {
            kind = AccountCall.Kind.IMPORT;
        }
        if (kind == null) {
            return null;
        }
        last = kind;
        ArrayDeque<AccountCall.Account> from = queue(kind);
        int n = kind == AccountCall.Kind.SINGLE ? 1 : Math.min(BATCH, from.size());
        List<AccountCall.Account> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(from.poll());
        }
        if (kind == AccountCall.Kind.CHECK) {
            checksOut++;
        }
        calls[kind.ordinal()]++;
        return new AccountCall(kind, batch);
    }

    private boolean noDelayed(AccountCall.Kind kind) {
        for (Delayed d : delayed) {
            if (d.call().kind == kind) {
                return false;
            }
        }
        return true;
    }

    private ArrayDeque<AccountCall.Account> queue(AccountCall.Kind kind) {
        return switch (kind) {
            case CHECK -> checks;
            case IMPORT -> imports;
            case SINGLE -> singles;
        };
    }

    @Override
    public long wakeAt() {
        Delayed next = delayed.peek();
        return next == null ? EngineCore.NEVER : next.due();
    }

    @Override
    public boolean isDone() {
        return inputEnded && held == 0;
    }

    @Override
    public CompletableFuture<ChatAnswer> send(AccountCall call) throws InterruptedException {
        switch (call.kind) {
            case CHECK: {
                List<String> ids = new ArrayList<>(call.size());
                for (AccountCall.Account a : call.accounts) {
                    ids.add(set.id(a.position));
                }
                return sender.check(ids).thenApply(a -> a);
            }
            case IMPORT: {
                List<AccountItem> accounts = new ArrayList<>(call.size());
                for (AccountCall.Account a : call.accounts) {
                    accounts.add(set.account(a.position));
                }
                return sender.importAll(accounts).thenApply(a -> a);
            }
            default:
                return sender.importOne(set.account(call.accounts.get(0).position)).thenApply(a -> a);
        }
    }

    // ------------------------------------------------------------------------------------------------ answers

    @Override
    public Decision<?> decide(AccountCall call, ChatAnswer answer, Throwable error, long now) {
        if (error != null) {
            Throwable e = unwrap(error);
            if (!(e instanceof TransportException t)) {
                return new Decision.Stop<Outcome>(ErrorClass.CLIENT_BUG, ImportFailure.NO_ANSWER,
                        "the call failed unexpectedly: " + e, 0, e);
            }
            return switch (t.errorClass()) {
                case THROTTLED -> retryAll(ErrorClass.THROTTLED, call, ImportFailure.NO_ANSWER, t.getMessage());
                case TRANSIENT -> retryAll(ErrorClass.TRANSIENT, call, ImportFailure.NO_ANSWER, t.getMessage());
                default -> new Decision.Stop<Outcome>(t.errorClass(), ImportFailure.NO_ANSWER,
                        "no usable answer from the endpoint: " + t.getMessage()
                                + ". Check the endpoint or region; nothing more is sent.", 0, t);
            };
        }
        if (!answer.isRequestOk()) {
            return requestError(call, answer.requestError(), answer.errorInfo());
        }
        List<Outcome> ok = new ArrayList<>(call.size());
        List<Decision.Failed<Outcome>> failed = new ArrayList<>();
        List<Decision.Retry<Outcome>> retry = new ArrayList<>();
        switch (call.kind) {
            case CHECK: {
                Map<String, AccountCheckItem> results = new HashMap<>();
                for (AccountCheckItem r : ((AccountCheckResponse) answer).resultItems()) {
                    results.putIfAbsent(r.userId(), r);
                }
                for (AccountCall.Account a : call.accounts) {
                    AccountCheckItem r = results.get(set.id(a.position));
                    if (r == null) {
                        again(a, ImportFailure.NO_ANSWER, "the answer had no ResultItem for this UserID", retry,
                                failed);
                    } else if (r.isOk()) {
                        ok.add(new Outcome(a, r.status() == AccountStatus.IMPORTED ? AccountsJournal.EXISTS
                                : AccountsJournal.MISSING));
                    } else if (r.error().errorClass().isRetryable()) {
                        again(a, r.resultCode(), r.resultInfo(), retry, failed);
                    } else {
                        failed.add(new Decision.Failed<>(new Outcome(a, FAILED), r.resultCode(), r.resultInfo(),
                                ImportFailure.Kind.REJECTED));
                    }
                }
                break;
            }
            case IMPORT: {
                Set<String> failAccounts = new HashSet<>(((MultiAccountImportResponse) answer).failAccounts());
                for (AccountCall.Account a : call.accounts) {
                    ok.add(new Outcome(a, failAccounts.contains(set.id(a.position)) ? TO_SINGLE
                            : AccountsJournal.IMPORTED));
                }
                break;
            }
            default:
                ok.add(new Outcome(call.accounts.get(0), AccountsJournal.IMPORTED));
        }
        return new Decision.Settle<>(ErrorClass.OK, 0, ok, failed, retry, delayFor(retry));
    }

    private Decision<Outcome> requestError(AccountCall call, ErrorEntry error, String info) {
        int code = error.code();
        switch (error.errorClass()) {
            case TRANSIENT:
            case THROTTLED:
                return retryAll(error.errorClass(), call, code, info);
            case RESIGN:
                return new Decision.RenewSignature<>(ErrorClass.RESIGN, code,
                        stop(error, info, "a freshly renewed UserSig was refused too"));
            case WAIT_THEN_RETRY: {
                Decision.Settle<Outcome> retry = retryAll(ErrorClass.WAIT_THEN_RETRY, call, code, info);
                return new Decision.PauseAll<>(lockoutPauseNanos, new Decision.Settle<>(retry.answer(), code,
                        retry.ok(), retry.failed(), retry.retry(), lockoutPauseNanos));
            }
            default:
                break;
        }
        boolean single = call.kind == AccountCall.Kind.SINGLE;
        if (error.errorClass() == ErrorClass.FATAL_CONFIG || (!single && error.errorClass() == ErrorClass.CLIENT_BUG)) {
            return stop(error, info, code == 70398 ? "no more accounts can be created in this app" : null);
        }
        if (call.kind == AccountCall.Kind.IMPORT) {
            // which account is it about? each alone, with account_import, says
            List<Outcome> ok = new ArrayList<>();
            for (AccountCall.Account a : call.accounts) {
                ok.add(new Outcome(a, TO_SINGLE));
            }
            return new Decision.Settle<>(error.errorClass(), code, ok, List.of(), List.of(), 0);
        }
        List<Decision.Failed<Outcome>> failed = new ArrayList<>();
        for (AccountCall.Account a : call.accounts) {
            failed.add(new Decision.Failed<>(new Outcome(a, FAILED), code, info, ImportFailure.Kind.REJECTED));
        }
        return new Decision.Settle<>(error.errorClass(), code, List.of(), failed, List.of(), 0);
    }

    private Decision.Stop<Outcome> stop(ErrorEntry error, String info, String why) {
        int code = error.code();
        return new Decision.Stop<>(error.errorClass(), code, "the server answered " + code + " (" + error.meaning()
                + ")" + (info == null || info.isEmpty() ? "" : ": " + info) + (why == null ? "" : "; " + why)
                + " in the accounts phase. Nothing more is sent; fix it and run again"
                + (journal != null ? " with the same journal to resume." : "."), code, null);
    }

    private Decision.Settle<Outcome> retryAll(ErrorClass answer, AccountCall call, int code, String info) {
        List<Decision.Failed<Outcome>> failed = new ArrayList<>();
        List<Decision.Retry<Outcome>> retry = new ArrayList<>();
        for (AccountCall.Account a : call.accounts) {
            again(a, code, info, retry, failed);
        }
        return new Decision.Settle<>(answer, code, List.of(), failed, retry, delayFor(retry));
    }

    private void again(AccountCall.Account a, int code, String info, List<Decision.Retry<Outcome>> retry,
            List<Decision.Failed<Outcome>> failed) {
        if (a.attempts + 1 >= maxAttempts) {
            failed.add(new Decision.Failed<>(new Outcome(a, FAILED), code, "gave up after " + (a.attempts + 1)
                    + " attempts: " + info, ImportFailure.Kind.GAVE_UP));
        } else {
            retry.add(new Decision.Retry<>(new Outcome(a, (byte) 0), code, info));
        }
    }

    private long delayFor(List<Decision.Retry<Outcome>> retry) {
        int attempts = 0;
        for (Decision.Retry<Outcome> r : retry) {
            attempts = Math.max(attempts, r.item().account().attempts + 1);
        }
        return retry.isEmpty() ? 0 : backoff.delayNanos(attempts);
    }

    @Override
    @SuppressWarnings("unchecked") // the decision is the one decide() made for this call
    public void apply(AccountCall call, Decision<?> decision, long now, boolean stopping) {
        if (call.kind == AccountCall.Kind.CHECK) {
            checksOut--;
        }
        Decision.Settle<Outcome> settle = (Decision.Settle<Outcome>) decision;
        int[] exists = new int[settle.ok().size()];
        int[] found = new int[settle.ok().size()];
        int[] created = new int[settle.ok().size()];
        int e = 0;
        int m = 0;
        int c = 0;
        for (Outcome o : settle.ok()) {
            int p = o.account().position;
            switch (o.result()) {
                case AccountsJournal.EXISTS -> {
                    exists[e++] = p;
                    state[p] = AccountsJournal.EXISTS;
                    existing++;
                    settled(1, true);
                }
                case AccountsJournal.MISSING -> {
                    found[m++] = p;
                    o.account().attempts = 0;
                    missingFound(o.account(), stopping);
                }
                case AccountsJournal.IMPORTED -> {
                    created[c++] = p;
                    state[p] = AccountsJournal.IMPORTED;
                    imported++;
                    settled(1, true);
                }
                default -> { // TO_SINGLE
                    if (stopping) {
                        settled(1, false);
                    } else {
                        o.account().attempts = 0;
                        singles.add(o.account());
                    }
                }
            }
        }
        if (journal != null) {
            journal.note(AccountsJournal.EXISTS, exists, e);
            journal.note(AccountsJournal.MISSING, found, m);
            journal.note(AccountsJournal.IMPORTED, created, c);
        }
        for (Decision.Failed<Outcome> f : settle.failed()) {
            fail(f.item().account().position, f.code(), f.info());
        }
        if (settle.retry().isEmpty()) {
            return;
        }
        if (stopping) {
            settled(settle.retry().size(), false);
            return;
        }
        List<AccountCall.Account> again = new ArrayList<>(settle.retry().size());
        for (Decision.Retry<Outcome> r : settle.retry()) {
            r.item().account().attempts++;
            again.add(r.item().account());
        }
        AccountCall retry = new AccountCall(call.kind, again);
        if (settle.retryAfterNanos() <= 0) {
            requeue(retry);
        } else {
            delayed.add(new Delayed(now + settle.retryAfterNanos(), delayedSequence++, retry));
        }
    }

    /** An account checked and found missing: to be created, or final. */
    private void missingFound(AccountCall.Account a, boolean stopping) {
        if (mode == AccountsMode.IMPORT && (!listOnly || set.isListed(a.position))) {
            state[a.position] = AccountsJournal.MISSING;
            if (stopping) {
                settled(1, false);
            } else {
                imports.add(a);
            }
        } else {
            state[a.position] = NOT_CREATED;
            missing++;
            meter.failed(new ImportFailure(a.position, null, null, null, 30003, "", ImportFailure.Kind.REJECTED,
                    null, null));
            settled(1, false);
        }
    }

    private void fail(int position, int code, String info) {
        state[position] = FAILED;
        if (failCodes == null) {
            failCodes = new int[state.length];
        }
        failCodes[position] = code;
        firstInfo.putIfAbsent(code, info == null ? "" : info);
        failed++;
        failedByCode.merge(code, 1L, Long::sum);
        meter.failed(new ImportFailure(position, null, null, null, code, info == null ? "" : info,
                ImportFailure.Kind.REJECTED, null, null));
        settled(1, false);
    }

    private void settled(int count, boolean ok) {
        held -= count;
        if (ok) {
            meter.imported(count);
        }
    }

    private void requeue(AccountCall call) {
        ArrayDeque<AccountCall.Account> q = queue(call.kind);
        for (int i = call.accounts.size() - 1; i >= 0; i--) {
            q.addFirst(call.accounts.get(i));
        }
    }

    @Override
    public void resend(AccountCall call) {
        if (call.kind == AccountCall.Kind.CHECK) {
            checksOut--;
        }
        requeue(call);
    }

    @Override
    public void abandon(AccountCall call) {
        if (call.kind == AccountCall.Kind.CHECK) {
            checksOut--;
        }
        settled(call.size(), false);
    }

    @Override
    public void renewSignature() {
        sender.renewSignature();
    }

    @Override
    public double pace() {
        return sender.pace();
    }

    @Override
    public int takeWakes() {
        int w = wakes;
        wakes = 0;
        return w;
    }

    // ------------------------------------------------------------------------------------------------ results

    /** The state of every account after the phase, by position (index 0 unused). */
    byte[] states() {
        return state;
    }

    /** The code an account failed with (0 when it did not fail). */
    int failCode(int position) {
        return failCodes == null ? 0 : failCodes[position];
    }

    /** The first text the server gave with {@code code}. */
    String info(int code) {
        return firstInfo.getOrDefault(code, "");
    }

    /** The meaning of a failure code. */
    static String meaning(int code) {
        return code == ImportFailure.NO_ANSWER ? "no usable answer (network error, timeout or HTTP 5xx)"
                : ErrorCatalogue.lookup(code).meaning();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
