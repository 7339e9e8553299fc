package io.timport.call;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.timport.call.Redaction.Redactor;
import io.timport.limit.RateLimiter;
import java.io.IOException;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The account APIs of a {@link ChatClient}: {@code account_check} (which accounts exist), {@code multiaccount_import}
 * (create up to 100 accounts) and {@code account_import} (create one), each through the client's signed transport
 * and each with its own rate limiter at its own documented limit ({@link ChatApi#ACCOUNT_CHECK} 100 calls/s,
 * {@link ChatApi#MULTIACCOUNT_IMPORT} 100 calls/s, {@link ChatApi#ACCOUNT_IMPORT} 200 calls/s).
 *
 * <p>Tencent's migration guide imports accounts before anything else: friend_import answers 30003 for an account that
 * does not exist. Importing accounts <em>creates users in the app</em>: make it an explicit choice.
 *
 * <p>As {@link FriendImportClient}: the asynchronous methods take the permit on the calling thread before they
 * return; a request-level failure is an answer, a missing or unusable answer a {@link TransportException}; arguments
 * are checked before anything is sent ({@link IllegalArgumentException} naming the field, the rule and the value).
 * Log output: {@link System.Logger} {@code io.timport.call.AccountClient}, DEBUG.
 */
public final class AccountClient {

    private static final Logger LOG = System.getLogger(AccountClient.class.getName());
    private static final String NAME = "AccountClient";

    private final ChatClient chat;
    private final Transport transport;

    AccountClient(ChatClient chat, Transport transport) {
        this.chat = chat;
        this.transport = transport;
    }

    /**
     * Checks which of {@code userIds} exist: one {@code account_check} call, on the calling thread.
     *
     * @param userIds 1 to 100 UserIDs
     * @return the server's answer, including request-level failures and failed items
     * @throws TransportException when no usable answer arrived within the request timeout
     * @throws InterruptedException when interrupted while waiting for a permit or the answer
     * @throws IllegalArgumentException when the arguments break a rule
     * @throws IllegalStateException when the client is closed
     */
    public AccountCheckResponse checkAccounts(List<String> userIds) throws TransportException, InterruptedException {
        return transport.call(ChatApi.ACCOUNT_CHECK, NAME, checkBody(userIds), new CheckAnswer(), LOG,
                () -> userIds.size() + " accounts");
    }

    /**
     * {@link #checkAccounts}, returning at once with the answer to come (the permit is taken before it returns).
     *
     * @param userIds 1 to 100 UserIDs
     * @return the answer to come, completed exceptionally with a {@link TransportException} when no usable answer
     *     arrived
     * @throws InterruptedException when interrupted while waiting for the permit (nothing was sent)
     */
    public CompletableFuture<AccountCheckResponse> checkAccountsAsync(List<String> userIds) throws InterruptedException {
        return transport.send(ChatApi.ACCOUNT_CHECK, NAME, checkBody(userIds), new CheckAnswer(), LOG,
                () -> userIds.size() + " accounts");
    }

    private byte[] checkBody(List<String> userIds) {
        transport.ensureOpen(NAME);
        Checks.items(ChatApi.ACCOUNT_CHECK, "UserID", userIds);
        for (String userId : userIds) {
            Checks.userId("UserID", userId);
        }
        return RequestWriter.accountCheck(Transport.JSON, userIds);
    }

    /**
     * Imports {@code accounts} (the {@code AccountList} form, with their optional Nick and FaceUrl): one
     * {@code multiaccount_import} call, on the calling thread. Accounts that exist already are updated.
     *
     * @param accounts 1 to 100 accounts
     * @return the server's answer, including request-level failures and the accounts that failed
     * @throws TransportException when no usable answer arrived within the request timeout
     * @throws InterruptedException when interrupted while waiting for a permit or the answer
     * @throws IllegalArgumentException when the arguments break a rule
     * @throws IllegalStateException when the client is closed
     */
    public MultiAccountImportResponse importAccounts(List<AccountItem> accounts)
            throws TransportException, InterruptedException {
        return transport.call(ChatApi.MULTIACCOUNT_IMPORT, NAME, importBody(accounts), new MultiImportAnswer(), LOG,
                () -> accounts.size() + " accounts");
    }

    /**
     * {@link #importAccounts}, returning at once with the answer to come (the permit is taken before it returns).
     *
     * @param accounts 1 to 100 accounts
     * @return the answer to come, completed exceptionally with a {@link TransportException} when no usable answer
     *     arrived
     * @throws InterruptedException when interrupted while waiting for the permit (nothing was sent)
     */
    public CompletableFuture<MultiAccountImportResponse> importAccountsAsync(List<AccountItem> accounts)
            throws InterruptedException {
        return transport.send(ChatApi.MULTIACCOUNT_IMPORT, NAME, importBody(accounts), new MultiImportAnswer(), LOG,
                () -> accounts.size() + " accounts");
    }

    private byte[] importBody(List<AccountItem> accounts) {
        transport.ensureOpen(NAME);
        Checks.items(ChatApi.MULTIACCOUNT_IMPORT, "AccountList item", accounts);
        for (AccountItem account : accounts) {
            Checks.userId("UserID", account.userId());
        }
        return RequestWriter.multiAccountImport(Transport.JSON, accounts);
    }

    /**
     * Imports one account: one {@code account_import} call, on the calling thread. Its outcome is the request's.
     *
     * @param account the account to create or update (not null)
     * @return the server's answer; its request-level outcome is the account's
     * @throws TransportException when no usable answer arrived within the request timeout
     * @throws InterruptedException when interrupted while waiting for a permit or the answer
     * @throws IllegalArgumentException when the account breaks a rule
     * @throws IllegalStateException when the client is closed
     */
    public AccountImportResponse importAccount(AccountItem account) throws TransportException, InterruptedException {
        return transport.call(ChatApi.ACCOUNT_IMPORT, NAME, importBody(account), new ImportAnswer(), LOG,
                () -> "UserID " + account.userId());
    }

    /**
     * {@link #importAccount}, returning at once with the answer to come (the permit is taken before it returns).
     *
     * @param account the account to create or update (not null)
     * @return the answer to come, completed exceptionally with a {@link TransportException} when no usable answer
     *     arrived
     * @throws InterruptedException when interrupted while waiting for the permit (nothing was sent)
     */
    public CompletableFuture<AccountImportResponse> importAccountAsync(AccountItem account) throws InterruptedException {
        return transport.send(ChatApi.ACCOUNT_IMPORT, NAME, importBody(account), new ImportAnswer(), LOG,
                () -> "UserID " + account.userId());
    }

    private byte[] importBody(AccountItem account) {
        transport.ensureOpen(NAME);
        java.util.Objects.requireNonNull(account, "account");
        Checks.userId("UserID", account.userId());
        return RequestWriter.accountImport(Transport.JSON, account);
    }

    /**
     * The limiter the calls of {@code api} take their permits from.
     *
     * @param api the API, one of {@link ChatApi#ACCOUNT_CHECK}, {@link ChatApi#MULTIACCOUNT_IMPORT} and {@link
     *     ChatApi#ACCOUNT_IMPORT}
     * @return the limiter shared with the other clients of the same {@link ChatClient}, never null
     */
    public RateLimiter rateLimiter(ChatApi api) {
        return chat.rateLimiter(api);
    }

    /**
     * The {@link ChatClient} this client belongs to.
     *
     * @return the owning client, never null
     */
    public ChatClient chatClient() {
        return chat;
    }

    /** Shows the app (key redacted) and the limiters; never a UserSig. */
    @Override
    public String toString() {
        return "AccountClient[" + chat.app() + ", account_check=" + rateLimiter(ChatApi.ACCOUNT_CHECK)
                + ", multiaccount_import=" + rateLimiter(ChatApi.MULTIACCOUNT_IMPORT) + ", account_import="
                + rateLimiter(ChatApi.ACCOUNT_IMPORT) + "]";
    }

    private static final class CheckAnswer implements AnswerParser.Reader<AccountCheckResponse> {
        private List<AccountCheckItem> items = List.of();

        @Override
        public boolean field(String name, JsonParser p, Redactor redactor) throws IOException {
            if (!name.equals("ResultItem")) {
                return false;
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return true;
            }
            List<AccountCheckItem> read = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String userId = "";
                Integer code = null;
                String info = "";
                String status = "";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "UserID" -> userId = AnswerParser.text(p, redactor);
                        case "ResultCode" -> code = AnswerParser.integer(p, "ResultCode");
                        case "ResultInfo" -> info = AnswerParser.text(p, redactor);
                        case "AccountStatus" -> status = AnswerParser.text(p, redactor);
                        default -> p.skipChildren();
                    }
                }
                read.add(new AccountCheckItem(userId, code == null ? -1 : code, info, AccountStatus.of(status)));
            }
            items = read;
            return true;
        }

        @Override
        public AccountCheckResponse answer(AnswerParser.Envelope e, long random) {
            return new AccountCheckResponse(e.actionStatus(), e.errorCode(), e.errorInfo(), e.errorDisplay(), items,
                    random);
        }

        @Override
        public String summary(AccountCheckResponse a) {
            return "ActionStatus " + a.actionStatus() + ", ErrorCode " + a.errorCode() + ", " + a.resultItems().size()
                    + " results, " + a.missing().size() + " not imported";
        }
    }

    private static final class MultiImportAnswer implements AnswerParser.Reader<MultiAccountImportResponse> {
        private List<String> failAccounts = List.of();

        @Override
        public boolean field(String name, JsonParser p, Redactor redactor) throws IOException {
            if (!name.equals("FailAccounts")) {
                return false;
            }
            failAccounts = AnswerParser.strings(p, redactor);
            return true;
        }

        @Override
        public MultiAccountImportResponse answer(AnswerParser.Envelope e, long random) {
            return new MultiAccountImportResponse(e.actionStatus(), e.errorCode(), e.errorInfo(), e.errorDisplay(),
                    failAccounts, random);
        }

        @Override
        public String summary(MultiAccountImportResponse a) {
            return "ActionStatus " + a.actionStatus() + ", ErrorCode " + a.errorCode() + ", " + a.failAccounts().size()
                    + " failed";
        }
    }

    private static final class ImportAnswer implements AnswerParser.Reader<AccountImportResponse> {
        @Override
        public boolean field(String name, JsonParser p, Redactor redactor) {
            return false;
        }

        @Override
        public AccountImportResponse answer(AnswerParser.Envelope e, long random) {
            return new AccountImportResponse(e.actionStatus(), e.errorCode(), e.errorInfo(), e.errorDisplay(), random);
        }

        @Override
        public String summary(AccountImportResponse a) {
            return "ActionStatus " + a.actionStatus() + ", ErrorCode " + a.errorCode();
        }
    }
}
