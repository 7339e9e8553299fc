package io.timport.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code v4/sns/friend_import}: body shape (30001; 60015 for an account field that is not a string),
 * {@code From_Account} existence (30003, known-accounts mode), {@code From_Account} held by another call (30008);
 * then latency, injected faults, and the items one by one.
 */
final class FriendImportApi implements ApiHandler {

    private final SimulatorConfig config;
    private final Stats stats;
    private final FriendStore store;
    private final AccountBook accounts;
    private final ItemRules rules;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> callsPerAccount = new ConcurrentHashMap<>();

    FriendImportApi(SimulatorConfig config, Stats stats, FriendStore store, AccountBook accounts) {
        this.config = config;
        this.stats = stats;
        this.store = store;
        this.accounts = accounts;
        this.rules = new ItemRules(config.customFields());
    }

    @Override
    public void reset() {
        callsPerAccount.clear();
        poisoned.clear();
    }

    /** Requests answered so far for each poisoned To_Account. */
    private final Map<String, AtomicLong> poisoned = new ConcurrentHashMap<>();

    /** The answer of a request holding a poisoned To_Account still to be answered so, or null. */
    private Reply poisonedAnswer(ImportRequest request) {
        if (config.poisons().isEmpty()) {
            return null;
        }
        for (Map<String, Object> item : request.items) {
            Object to = item.get("To_Account");
            SimulatorConfig.Poison p = to == null ? null : config.poisons().get(to.toString());
            if (p != null && poisoned.computeIfAbsent(to.toString(), k -> new AtomicLong()).incrementAndGet()
                    <= p.times()) {
                return Reply.error(new Failure(p.code(), p.info()));
            }
        }
        return null;
    }

    @Override
    public Reply handle(Call call) throws InterruptedException {
        Checked<ImportRequest> checked = ImportRequest.check(call.body(), config.maxItemsPerRequest());
        if (checked instanceof Checked.Refused<ImportRequest> refused) {
            return Reply.error(refused.failure());
        }
        ImportRequest request = checked.value();
        String from = request.fromAccount;
        if (!accounts.exists(from)) {
            return Reply.error(new Failure(Codes.ACCOUNT_NOT_FOUND, Codes.INVALID_ACCOUNT_INFO));
        }
        Reply poison = poisonedAnswer(request);
        if (poison != null) {
            return poison;
        }
        if (!inProgress.add(from)) {
            stats.conflicts.increment();
            return Reply.error(new Failure(Codes.WRITE_CONFLICT, "From_Account \"" + from + "\" is still being "
                    + "processed by another request: write conflict (never send two requests for one From_Account "
                    + "at once)"));
        }
        try {
            return importItems(request);
        } finally {
            // Released before the answer is written, so a client's next call after reading it never conflicts.
            inProgress.remove(from);
        }
    }

    private Reply importItems(ImportRequest request) throws InterruptedException {
        String from = request.fromAccount;
        long n = callsPerAccount.computeIfAbsent(from, k -> new AtomicLong()).incrementAndGet();
        CallDraws draws = new CallDraws(config, from, n);
        if (draws.latencyNanos > 0) {
            Thread.sleep(draws.latencyNanos / 1_000_000, (int) (draws.latencyNanos % 1_000_000));
        }
        Fault fault = draws.requestFault;
        if (fault != null) {
            stats.injected(fault);
            switch (fault) {
                case DROPPED_CONNECTION:
                    return Reply.DROP;
                case HTTP_502:
                    return Reply.BAD_GATEWAY;
                case REQUEST_30006:
                    return Reply.error(new Failure(Codes.INTERNAL_ERROR,
                            "internal server error (injected fault); try again"));
                case REQUEST_30007:
                    return Reply.error(new Failure(Codes.TIMEOUT, "network timeout (injected fault); try again later"));
                default:
                    break; // APPLIED_THEN_30007: store first, answer 30007 below
            }
        }
        List<Reply.ItemResult> results = new ArrayList<>(request.items.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        int stored = 0;
        for (int i = 0; i < request.items.size(); i++) {
            Map<String, Object> item = request.items.get(i);
            boolean itemFault = draws.nextItemFault();
            String to = (String) item.get("To_Account");
            Integer first = firstIndex.putIfAbsent(to, i);
            Failure failure;
            if (first != null) {
                failure = new Failure(Codes.BAD_PARAMETER, "To_Account \"" + to + "\" appears more than once in "
                        + "this request (first at AddFriendItem[" + first + "]); only its first item is processed");
            } else {
                Checked<Relation> outcome = rules.check(from, item);
                if (outcome instanceof Checked.Refused<Relation> refused) {
                    failure = refused.failure();
                } else if (!accounts.exists(to)) {
                    failure = new Failure(Codes.ACCOUNT_NOT_FOUND, "To_Account \"" + to
                            + "\" does not exist in this app (import the account first)");
                } else if (itemFault) {
                    stats.injected(Fault.ITEM_30006);
                    failure = new Failure(Codes.INTERNAL_ERROR, "internal server error (injected fault); try again");
                } else if (draws.nextSilentLoss()) {
                    stats.silentLosses.increment(); // answered 0, never stored
                    failure = null;
                    stored--;
                } else {
                    failure = store.put(from, outcome.value());
                }
            }
            if (failure == null) {
                stored++;
            } else {
                stats.itemFailed(RestApi.FRIEND_IMPORT, failure.code());
            }
            results.add(new Reply.ItemResult(to, failure));
        }
        stats.itemsStored.add(stored);
        if (fault == Fault.APPLIED_THEN_30007) {
            return Reply.error(new Failure(Codes.TIMEOUT, "network timeout (injected fault); try again later"));
        }
        return Reply.ok(results);
    }
}
