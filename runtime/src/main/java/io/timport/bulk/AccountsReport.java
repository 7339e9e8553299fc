package io.timport.bulk;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the accounts phase of an import did ({@link ImportReport#accounts()}): the distinct accounts the input named,
 * those that already existed, those it imported, those missing and not created, those that failed (by code, with
 * the meaning), and the relations not sent because an account they name does not exist.
 */
public final class AccountsReport {

    /** A missing or failed account, as the report lists it. */
    public record Account(String userId, int code, String info) {
    }

    private final AccountsMode mode;
    private final long named;
    private final long existing;
    private final long imported;
    private final long confirmedEarlier;
    private final long missing;
    private final long failed;
    private final Map<Integer, Long> failedByCode;
    private final Map<Integer, String> meanings;
    private final List<Account> notCreated;
    private final long relationsSkipped;
    private final long checkCalls;
    private final long importCalls;
    private final long singleCalls;
    private final Duration duration;
    private final boolean stopped;

    AccountsReport(AccountsMode mode, long named, long existing, long imported, long confirmedEarlier, long missing,
            long failed, Map<Integer, Long> failedByCode, Map<Integer, String> meanings, List<Account> notCreated,
            long relationsSkipped, long checkCalls, long importCalls, long singleCalls, Duration duration,
            boolean stopped) {
        this.mode = mode;
        this.named = named;
        this.existing = existing;
        this.imported = imported;
        this.confirmedEarlier = confirmedEarlier;
        this.missing = missing;
        this.failed = failed;
        this.failedByCode = Collections.unmodifiableMap(new TreeMap<>(failedByCode));
        this.meanings = Map.copyOf(meanings);
        this.notCreated = List.copyOf(notCreated);
        this.relationsSkipped = relationsSkipped;
        this.checkCalls = checkCalls;
        this.importCalls = importCalls;
        this.singleCalls = singleCalls;
        this.duration = duration;
        this.stopped = stopped;
    }

    /** The same report with {@code skipped} relations not sent for a missing account. */
    AccountsReport withRelationsSkipped(long skipped) {
        return new AccountsReport(mode, named, existing, imported, confirmedEarlier, missing, failed, failedByCode,
                meanings, notCreated, skipped, checkCalls, importCalls, singleCalls, duration, stopped);
    }

    /**
     * {@link AccountsMode#CHECK} or {@link AccountsMode#IMPORT}.
     *
     * @return the mode the accounts phase ran in, never {@link AccountsMode#OFF}
     */
    public AccountsMode mode() {
        return mode;
    }

    /**
     * Distinct accounts the input (and the accounts list) named.
     *
     * @return the number of distinct UserIDs, 0 or more
     */
    public long named() {
        return named;
    }

    /**
     * Accounts account_check found to exist already, in this run.
     *
     * @return the number of accounts found present
     */
    public long alreadyPresent() {
        return existing;
    }

    /**
     * Accounts this run imported (multiaccount_import or account_import).
     *
     * @return the number of accounts created or updated
     */
    public long imported() {
        return imported;
    }

    /**
     * Accounts an earlier run confirmed (found present or imported), per the journal: neither checked nor imported.
     *
     * @return the number of accounts skipped because the journal confirmed them
     */
    public long confirmedEarlier() {
        return confirmedEarlier;
    }

    /**
     * Accounts that do not exist and were not created: all missing ones in {@link AccountsMode#CHECK}; in
     * {@link AccountsMode#IMPORT}, those missing from the accounts list.
     *
     * @return the number of accounts missing at the end of the phase
     */
    public long missing() {
        return missing;
    }

    /**
     * Accounts that could not be checked or created (see {@link #failedByCode()}).
     *
     * @return the number of accounts that failed, 0 or more
     */
    public long failed() {
        return failed;
    }

    /**
     * Failed accounts by code, in code order.
     *
     * @return an unmodifiable map of code to number of accounts, empty when none failed
     */
    public Map<Integer, Long> failedByCode() {
        return failedByCode;
    }

    /**
     * What a code means, from the error catalogue.
     *
     * @param code a code of {@link #failedByCode()}
     * @return the catalogue's meaning of the code, never null
     */
    public String meaning(int code) {
        return meanings.getOrDefault(code, "unknown error code " + code);
    }

    /**
     * The first missing and failed accounts, in UserID order (at most {@link ImporterBuilder#keepFailures}); the
     * {@linkplain ImporterBuilder#missingAccountsFile missing-accounts file} has them all. A missing account has code
     * 30003.
     *
     * @return an unmodifiable list, empty when every account exists
     */
    public List<Account> notCreated() {
        return notCreated;
    }

    /**
     * Relations not sent because an account they name does not exist (each is a failure of the import, 30003).
     *
     * @return the number of relations skipped, 0 or more
     */
    public long relationsSkipped() {
        return relationsSkipped;
    }

    /**
     * account_check calls sent.
     *
     * @return the number of account_check calls
     */
    public long checkCalls() {
        return checkCalls;
    }

    /**
     * multiaccount_import calls sent.
     *
     * @return the number of multiaccount_import calls
     */
    public long importCalls() {
        return importCalls;
    }

    /**
     * account_import calls sent (an account multiaccount_import could not import, alone, to learn its code).
     *
     * @return the number of account_import calls
     */
    public long singleImportCalls() {
        return singleCalls;
    }

    /**
     * How long the accounts phase ran (collecting the accounts included).
     *
     * @return the phase's wall-clock duration, never null
     */
    public Duration duration() {
        return duration;
    }

    /**
     * True when the phase stopped early (then no relation was sent).
     *
     * @return true when the phase did not run to its end
     */
    public boolean stopped() {
        return stopped;
    }

    /**
     * True when every account exists now.
     *
     * @return true when no account is missing and none failed
     */
    public boolean allPresent() {
        return !stopped && missing == 0 && failed == 0;
    }

    /**
     * The summary's lines about the accounts; text from the server is {@linkplain ImportReport#printable escaped}.
     *
     * @param maxListed how many missing and failed accounts to list one a line, 0 or more
     * @return the lines, each ending in a line separator
     */
    public String summary(int maxListed) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Accounts (%s) %s: %,d named, %,d already present, %,d imported",
                mode.name().toLowerCase(Locale.ROOT), stopped ? "STOPPED" : "finished", named, existing, imported));
        if (confirmedEarlier > 0) {
            s.append(String.format(Locale.ROOT, ", %,d confirmed by an earlier run", confirmedEarlier));
        }
        s.append(String.format(Locale.ROOT, ", %,d missing%s, %,d failed", missing,
                mode == AccountsMode.CHECK ? " (not created in check mode)" : missing > 0 ? " (not in the accounts list)"
                        : "", failed));
        s.append(String.format(Locale.ROOT, "%nin %.1f s: %,d account_check, %,d multiaccount_import, %,d "
                + "account_import calls", duration.toNanos() / 1e9, checkCalls, importCalls, singleCalls));
        if (relationsSkipped > 0) {
            s.append(String.format(Locale.ROOT, "; %,d relations not sent: an account they name does not exist",
                    relationsSkipped));
        }
        s.append('\n');
        if (!failedByCode.isEmpty()) {
            s.append("Accounts failed by code:\n");
            failedByCode.forEach((code, n) -> s.append(String.format(Locale.ROOT, "  %6s  %,8d  %s%n",
                    code == ImportFailure.NO_ANSWER ? "none" : code.toString(), n,
                    ImportReport.printable(meaning(code)))));
        }
        int listed = Math.min(maxListed, notCreated.size());
        if (listed > 0) {
            s.append(listed == missing + failed ? "Accounts not created:\n" : String.format(Locale.ROOT,
                    "First %,d of %,d accounts not created:%n", listed, missing + failed));
            for (Account a : notCreated.subList(0, listed)) {
                s.append("  ").append(ImportReport.printable(a.userId())).append(": [").append(a.code()).append("] ")
                        .append(ImportReport.printable(a.info())).append('\n');
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return summary(0);
    }
}
