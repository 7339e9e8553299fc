package io.timport.bulk;

import io.timport.call.FriendImportClient;
import io.timport.call.FriendImportResponse;
import io.timport.wire.AddFriendItem;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How the relations phase sends a friend_import call. The production one is {@link #of(FriendImportClient)}; unit
 * tests script the answers.
 *
 * @param <T> the item type
 */
interface RelationSender<T extends AddFriendItem> {

    /**
     * Sends one call, returning once it is on its way: waits for a rate-limiter permit on the calling thread first.
     * The future completes with the server's answer, or exceptionally (a {@link io.timport.call.TransportException}
     * when no usable answer came).
     *
     * @throws InterruptedException when interrupted while waiting for the permit (nothing was sent)
     */
    CompletableFuture<FriendImportResponse> send(String fromAccount, List<T> items) throws InterruptedException;

    /** Makes the next calls sign a new UserSig (after 70001 or 70052). Quick: no I/O. */
    void renewSignature();

    /** The pace of the calls, in calls per second. */
    double pace();

    /** Sends through {@code client}: {@link FriendImportClient#importFriendsAsync}, and so its rate limiter. */
    static <T extends AddFriendItem> RelationSender<T> of(FriendImportClient client) {
        return new RelationSender<>() {
            @Override
            public CompletableFuture<FriendImportResponse> send(String fromAccount, List<T> items)
                    throws InterruptedException {
                return client.importFriendsAsync(fromAccount, items);
            }

            @Override
            public void renewSignature() {
                client.renewUserSig();
            }

            @Override
            public double pace() {
                return client.rateLimiter().permitsPerSecond();
            }
        };
    }
}
