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

    /** Checks that nothing is null. */
    public AccountCheckItem {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(resultInfo, "resultInfo");
        Objects.requireNonNull(status, "status");
    }

    /** True when {@code ResultCode} is 0. */
    public boolean isOk() {
        return resultCode == 0;
    }

    /** True when the account was checked and exists ({@code ResultCode} 0, {@code AccountStatus} Imported). */
    public boolean exists() {
        return resultCode == 0 && status == AccountStatus.IMPORTED;
    }

    /** The catalogue entry of {@code ResultCode} as an item's code. */
    public ErrorEntry error() {
        return ErrorCatalogue.forItem(resultCode);
    }
}
