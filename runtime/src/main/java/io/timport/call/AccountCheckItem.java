package io.timport.call;

import io.timport.errors.ErrorCatalogue;
import io.timport.errors.ErrorEntry;
import java.util.Objects;

/**
 * The outcome for one account of an {@code account_check} call, as the server reports it in {@code ResultItem}.
 *
 * @param userId {@code UserID} ({@code ""} when the server left it out)
 * @param resultCode {@code ResultCode}: 0 when the account could be checked; -1 when absent (taken as a failure)
 * @param resultInfo {@code ResultInfo} ({@code ""} when absent)
 * @param status {@code AccountStatus}: whether the account exists
 */
public record AccountCheckItem(String userId, int resultCode, String resultInfo, AccountStatus status) {

    /**
     * Checks that nothing is null.
     *
     * @param userId {@code UserID} ({@code ""} when the server left it out)
     * @param resultCode {@code ResultCode}: 0 when the account could be checked; -1 when absent (taken as a failure)
     * @param resultInfo {@code ResultInfo} ({@code ""} when absent)
     * @param status {@code AccountStatus}: whether the account exists
     */
    public AccountCheckItem {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(resultInfo, "resultInfo");
        Objects.requireNonNull(status, "status");
    }

    /**
     * True when {@code ResultCode} is 0.
     *
     * @return true for an account that was checked, whatever its status; false when this item failed
     */
    public boolean isOk() {
        return resultCode == 0;
    }

    /**
     * True when the account was checked and exists ({@code ResultCode} 0, {@code AccountStatus} Imported).
     *
     * @return true when the account exists; false when it does not or could not be checked
     */
    public boolean exists() {
        return resultCode == 0 && status == AccountStatus.IMPORTED;
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
