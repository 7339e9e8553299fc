package io.timport.bulk;

import io.timport.wire.AddFriendItem;
import java.util.List;

/**
 * One friend_import call of the relations phase: a From_Account and up to a batch of its items.
 *
 * @param <T> the item type
 */
final class RelationCall<T extends AddFriendItem> extends Call {

    final AccountQueues.Account<T> account;
    final List<Pending<T>> items;
    private final boolean retry;
    /** It carries a part of a split batch: it is bisecting ({@link Decision.Split}). */
    final boolean bisecting;
    /** The {@code random} of its answer (or of its failure), once answered; else {@link ImportFailure#NO_RANDOM}. */
    long random = ImportFailure.NO_RANDOM;

    RelationCall(AccountQueues.Account<T> account, List<Pending<T>> items) {
        this(account, items, false);
    }

    RelationCall(AccountQueues.Account<T> account, List<Pending<T>> items, boolean bisecting) {
        this.account = account;
        this.items = items;
        this.bisecting = bisecting;
        boolean again = false;
        for (Pending<T> p : items) {
            again |= p.attempts > 0;
        }
        this.retry = again;
    }

    /** The From_Account. */
    String from() {
        return account.from;
    }

    @Override
    int size() {
        return items.size();
    }

    @Override
    boolean isRetry() {
        return retry;
    }
}
