package io.timport.bulk;

import java.util.List;

/** One call of the accounts phase: account_check, multiaccount_import or account_import of some accounts. */
final class AccountCall extends Call {

    /** The API a call goes to. */
    enum Kind {
        /** account_check, up to 100 accounts. */
        CHECK,
        /** multiaccount_import, up to 100 accounts. */
        IMPORT,
        /** account_import of one account that multiaccount_import listed in FailAccounts: to learn its code. */
        SINGLE
    }

    /** An account waiting or in flight: its position in the {@link AccountSet} and its attempts so far. */
    static final class Account {
        final int position;
        int attempts;

        Account(int position) {
            this.position = position;
        }
    }

    final Kind kind;
    final List<Account> accounts;

    AccountCall(Kind kind, List<Account> accounts) {
        this.kind = kind;
        this.accounts = accounts;
    }

    @Override
    int size() {
        return accounts.size();
    }

    @Override
    boolean isRetry() {
        for (Account a : accounts) {
            if (a.attempts > 0) {
                return true;
            }
        }
        return false;
    }
}
