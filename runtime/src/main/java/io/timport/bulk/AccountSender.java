package io.timport.bulk;

import io.timport.call.AccountCheckResponse;
import io.timport.call.AccountClient;
import io.timport.call.AccountImportResponse;
import io.timport.call.AccountItem;
import io.timport.call.ChatApi;
import io.timport.call.MultiAccountImportResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How the accounts phase sends its calls: the production one adapts {@link AccountClient} (each API through its own
 * rate limiter, the permit taken on the calling thread); tests script the answers.
 */
interface AccountSender {

    /** One account_check call of 1 to 100 UserIDs. */
    CompletableFuture<AccountCheckResponse> check(List<String> userIds) throws InterruptedException;

    /** One multiaccount_import call of 1 to 100 accounts. */
    CompletableFuture<MultiAccountImportResponse> importAll(List<AccountItem> accounts) throws InterruptedException;

    /** One account_import call. */
    CompletableFuture<AccountImportResponse> importOne(AccountItem account) throws InterruptedException;

    /** Makes the next calls sign a new UserSig. Quick: no I/O. */
    void renewSignature();

    /** The pace of account_check, in calls per second. */
    double pace();

    /** Sends through {@code client}. */
    static AccountSender of(AccountClient client) {
        return new AccountSender() {
            @Override
            public CompletableFuture<AccountCheckResponse> check(List<String> userIds) throws InterruptedException {
                return client.checkAccountsAsync(userIds);
            }

            @Override
            public CompletableFuture<MultiAccountImportResponse> importAll(List<AccountItem> accounts)
                    throws InterruptedException {
                return client.importAccountsAsync(accounts);
            }

            @Override
            public CompletableFuture<AccountImportResponse> importOne(AccountItem account) throws InterruptedException {
                return client.importAccountAsync(account);
            }

            @Override
            public void renewSignature() {
                client.chatClient().renewUserSig();
            }

            @Override
            public double pace() {
                return client.rateLimiter(ChatApi.ACCOUNT_CHECK).permitsPerSecond();
            }
        };
    }
}
