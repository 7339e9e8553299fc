package io.timport.call;

import java.util.List;
import java.util.Objects;

/**
 * All the friends of one user, read page by page with {@code friend_get} until {@code CompleteFlag} 1; or as many
 * pages as were read before a page answered a request-level failure (then {@link #isRequestOk()} is false,
 * {@link #complete()} false, and {@link #nextStartIndex()} is where to go on).
 *
 * <p>The request-level fields are those of the last page read; {@link #random()} is its call's {@code random} and
 * {@link #randoms()} every page's.
 *
 * @param fromAccount the user whose friends these are
 * @param actionStatus the last page's {@code ActionStatus}
 * @param errorCode the last page's {@code ErrorCode}
 * @param errorInfo the last page's {@code ErrorInfo}
 * @param errorDisplay the last page's {@code ErrorDisplay}
 * @param friends every friend of the pages read, in answer order
 * @param standardSequence the first page's {@code StandardSequence} (-1 when absent)
 * @param customSequence the first page's {@code CustomSequence} (-1 when absent)
 * @param friendNum the last page's {@code FriendNum} (-1 when absent)
 * @param complete true when the last page read had {@code CompleteFlag} 1
 * @param consistent true when every page reported the same sequences: the list did not change while it was read
 *     (when false, friends may have been skipped or repeated between pages: read it again)
 * @param nextStartIndex where the next page would start (-1 when complete or absent)
 * @param randoms every page's {@code random}, in order
 */
public record FriendList(String fromAccount, String actionStatus, int errorCode, String errorInfo,
        String errorDisplay, List<Friend> friends, long standardSequence, long customSequence, long friendNum,
        boolean complete, boolean consistent, long nextStartIndex, List<Long> randoms) implements ChatAnswer {

    /**
     * Copies the lists; checks that nothing is null and that there is at least one page.
     *
     * @param fromAccount the user whose friends these are
     * @param actionStatus the last page's {@code ActionStatus}
     * @param errorCode the last page's {@code ErrorCode}
     * @param errorInfo the last page's {@code ErrorInfo}
     * @param errorDisplay the last page's {@code ErrorDisplay}
     * @param friends every friend of the pages read, in answer order
     * @param standardSequence the first page's {@code StandardSequence} (-1 when absent)
     * @param customSequence the first page's {@code CustomSequence} (-1 when absent)
     * @param friendNum the last page's {@code FriendNum} (-1 when absent)
     * @param complete true when the last page read had {@code CompleteFlag} 1
     * @param consistent true when every page reported the same sequences: the list did not change while it was read
     *     (when false, friends may have been skipped or repeated between pages: read it again)
     * @param nextStartIndex where the next page would start (-1 when complete or absent)
     * @param randoms every page's {@code random}, in order
     */
    public FriendList {
        Objects.requireNonNull(fromAccount, "fromAccount");
        Objects.requireNonNull(actionStatus, "actionStatus");
        Objects.requireNonNull(errorInfo, "errorInfo");
        Objects.requireNonNull(errorDisplay, "errorDisplay");
        friends = List.copyOf(friends);
        randoms = List.copyOf(randoms);
        if (randoms.isEmpty()) {
            throw new IllegalArgumentException("a FriendList comes from at least one page");
        }
    }

    /** The last page's {@code random}. */
    @Override
    public long random() {
        return randoms.get(randoms.size() - 1);
    }

    /**
     * How many pages were read.
     *
     * @return the number of {@code friend_get} calls made: the size of {@link #randoms()}
     */
    public int pages() {
        return randoms.size();
    }
}
