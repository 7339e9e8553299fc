package io.timport.call;

import io.timport.errors.ErrorCatalogue;
import io.timport.errors.ErrorEntry;
import java.util.Objects;

/**
 * The outcome for one {@code To_Account} of a {@code friend_check} call: {@code InfoItem}.
 *
 * @param toAccount {@code To_Account} ({@code ""} when the server left it out)
 * @param relation {@code Relation}
 * @param resultCode {@code ResultCode}: 0 when checked; -1 when absent (taken as a failure)
 * @param resultInfo {@code ResultInfo} ({@code ""} when absent)
 */
public record FriendCheckItem(String toAccount, FriendRelation relation, int resultCode, String resultInfo) {

    /** Checks that nothing is null. */
    public FriendCheckItem {
        Objects.requireNonNull(toAccount, "toAccount");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(resultInfo, "resultInfo");
    }

    /** True when {@code ResultCode} is 0. */
    public boolean isOk() {
        return resultCode == 0;
    }

    /** The catalogue entry of {@code ResultCode} as an item's code. */
    public ErrorEntry error() {
        return ErrorCatalogue.forItem(resultCode);
    }
}
