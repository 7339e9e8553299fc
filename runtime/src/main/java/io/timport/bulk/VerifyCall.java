package io.timport.bulk;

import io.timport.wire.AddFriendItem;

/**
 * One friend_get call of the verification phase: a page of one user's friends, from {@code startIndex}.
 *
 * @param <T> the item type
 */
final class VerifyCall<T extends AddFriendItem> extends Call {

    final VerifyPhase.User<T> user;
    final long startIndex;
    /** The page that answered it, kept by {@link VerifyPhase#decide} for {@link VerifyPhase#apply}. */
    io.timport.call.FriendGetPage page;

    VerifyCall(VerifyPhase.User<T> user, long startIndex) {
        this.user = user;
        this.startIndex = startIndex;
    }

    @Override
    int size() {
        return 1;
    }

    @Override
    boolean isRetry() {
        return user.attempts > 0;
    }
}
