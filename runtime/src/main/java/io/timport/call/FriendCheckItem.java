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

    /**
     * Checks that nothing is null.
     *
     * @param toAccount {@code To_Account} ({@code ""} when the server left it out)
     * @param relation {@code Relation}
     * @param resultCode {@code ResultCode}: 0 when checked; -1 when absent (taken as a failure)
     * @param resultInfo {@code ResultInfo} ({@code ""} when absent)
     */
    public FriendCheckItem {
        Objects.requireNonNull(toAccount, "toAccount");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(resultInfo, "resultInfo");
    }

    /**
     * True when {@code ResultCode} is 0.
     *
     * @return true when the relation was checked; false when this item failed
     */
    public boolean isOk() {
        return resultCode == 0;
    }

    /**
     * The catalogue entry of {@code ResultCode} as an item's code.
     *
     * @return the entry of {@code ResultCode} from {@link io.timport.errors.ErrorCatalogue#forItem}, never null
     */
    public ErrorEntry error() {
        return ErrorCatalogue.forItem(resultCode);
    }
}
