package io.timport.call;

import io.timport.errors.ErrorCatalogue;
import io.timport.errors.ErrorEntry;
import java.util.Objects;

/**
 * The outcome of one item of a {@code friend_import} call, as the server reports it in {@code ResultItem}.
 *
 * @param toAccount the item's {@code To_Account} ({@code ""} when the server left it out)
 * @param resultCode {@code ResultCode}: 0 for success; -1 when the server left it out (taken as a failure)
 * @param resultInfo {@code ResultInfo}: the server's description of a failure, often a name such as
 *     {@code Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold} ({@code ""} when absent)
 */
public record ResultItem(String toAccount, int resultCode, String resultInfo) {

    /**
     * Checks that the strings are present.
     *
     * @param toAccount the item's {@code To_Account} ({@code ""} when the server left it out)
     * @param resultCode {@code ResultCode}: 0 for success; -1 when the server left it out (taken as a failure)
     * @param resultInfo {@code ResultInfo}: the server's description of a failure, often a name such as {@code
     *     Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold} ({@code ""} when absent)
     */
    public ResultItem {
        Objects.requireNonNull(toAccount, "toAccount");
        Objects.requireNonNull(resultInfo, "resultInfo");
    }

    /**
     * True when {@code ResultCode} is 0.
     *
     * @return true when this item was applied
     */
    public boolean isOk() {
        return resultCode == 0;
    }

    /**
     * The catalogue entry of {@code ResultCode} as an item's code: its meaning and what to do.
     *
     * @return the entry of {@code ResultCode} from {@link io.timport.errors.ErrorCatalogue#forItem}, never null
     */
    public ErrorEntry error() {
        return ErrorCatalogue.forItem(resultCode);
    }
}
