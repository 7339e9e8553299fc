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

    RelationCall(AccountQueues.Account<T> account, List<Pending<T>> items) {
        this.account = account;
        this.items = items;
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
