package io.timport.bulk;

import io.timport.errors.ErrorCatalogue;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a verification found: every relation of the users read back was equal, missing or different at the first
 * reading; those missing or different were repaired (imported again and read back equal) or are still different.
 *
 * <p>The counts are of relations (the last valid record of each pair of the input) unless named users. Mismatches
 * are counted by field ({@link #mismatchesByField()}); only the first few are kept ({@link #found()},
 * {@link #stillDifferent()}), as the importer's {@link ImporterBuilder#keepFailures} says, so that the report's size
 * does not grow with the input. Immutable.
 */
public final class VerificationReport {

    private final Verification verification;
    private final long usersInInput;
    private final long users;
    private final long relations;
    private final long equalEarlier;
    private final long equal;
    private final long missing;
    private final long different;
    private final Map<String, Long> mismatchesByField;
    private final List<RelationMismatch> found;
    private final long missingAccountUsers;
    private final long missingAccountRelations;
    private final long unreadableUsers;
    private final long unreadableRelations;
    private final Map<Integer, Long> unreadableByCode;
    private final long repaired;
    private final long reimported;
    private final long repairCalls;
    private final Map<Integer, Long> repairFailuresByCode;
    private final long notRepairedMissingAccount;
    private final long stillMissing;
    private final long stillDifferent;
    private final List<RelationMismatch> stillDifferentKept;
    private final long calls;
    private final Duration duration;
    private final boolean aborted;

    VerificationReport(Verification verification, long usersInInput, long users, long relations, long equalEarlier,
            long equal, long missing, long different, Map<String, Long> mismatchesByField, List<RelationMismatch> found,
            long missingAccountUsers, long missingAccountRelations, long unreadableUsers, long unreadableRelations,
            Map<Integer, Long> unreadableByCode, long repaired, long reimported, long repairCalls,
            Map<Integer, Long> repairFailuresByCode, long notRepairedMissingAccount,
            long stillMissing, long stillDifferent, List<RelationMismatch> stillDifferentKept, long calls,
            Duration duration, boolean aborted) {
        this.verification = verification;
        this.usersInInput = usersInInput;
        this.users = users;
        this.relations = relations;
        this.equalEarlier = equalEarlier;
        this.equal = equal;
        this.missing = missing;
        this.different = different;
        this.mismatchesByField = Collections.unmodifiableMap(new TreeMap<>(mismatchesByField));
        this.found = List.copyOf(found);
        this.missingAccountUsers = missingAccountUsers;
        this.missingAccountRelations = missingAccountRelations;
        this.unreadableUsers = unreadableUsers;
        this.unreadableRelations = unreadableRelations;
        this.unreadableByCode = Collections.unmodifiableMap(new TreeMap<>(unreadableByCode));
        this.repaired = repaired;
        this.reimported = reimported;
        this.repairCalls = repairCalls;
        this.repairFailuresByCode = Collections.unmodifiableMap(new TreeMap<>(repairFailuresByCode));
        this.notRepairedMissingAccount = notRepairedMissingAccount;
        this.stillMissing = stillMissing;
        this.stillDifferent = stillDifferent;
        this.stillDifferentKept = List.copyOf(stillDifferentKept);
        this.calls = calls;
        this.duration = duration;
        this.aborted = aborted;
    }

    /** The report of a verification that stopped before it read anything (its input could not be read). */
    static VerificationReport nothing(Verification verification, Duration duration) {
        return new VerificationReport(verification, 0, 0, 0, 0, 0, 0, 0, Map.of(), List.of(), 0, 0, 0, 0, Map.of(), 0,
                0, 0, Map.of(), 0, 0, 0, List.of(), 0, duration, true);
    }

    /**
     * How it was verified: full, a sample, with or without repairs.
     *
     * @return the verification settings, never null
     */
    public Verification verification() {
        return verification;
    }

    /**
     * The From_Accounts of the input (with at least one valid record).
     *
     * @return the number of users, 0 or more
     */
    public long usersInInput() {
        return usersInInput;
    }

    /**
     * The From_Accounts verified: all of them, or the sample (including those an earlier run verified, and those
     * {@linkplain #missingAccountUsers() not read because they do not exist}).
     *
     * @return the number of users verified, 0 or more
     */
    public long users() {
        return users;
    }

    /**
     * The relations of the users verified: the last valid record of each of their pairs.
     *
     * @return the number of relations, 0 or more
     */
    public long relations() {
        return relations;
    }

    /**
     * Relations of users an earlier run found equal, per the verification journal: not read again.
     *
     * @return the number of relations, 0 or more
     */
    public long equalEarlier() {
        return equalEarlier;
    }

    /**
     * Relations read back equal at the first reading (not counting {@link #equalEarlier()}).
     *
     * @return the number of relations, 0 or more
     */
    public long equal() {
        return equal;
    }

    /**
     * Relations {@code friend_get} did not return at the first reading, and the relations of the users not read because
     * they do not exist ({@link #missingAccountRelations()}).
     *
     * @return the number of relations, 0 or more
     */
    public long missing() {
        return missing;
    }

    /**
     * Relations {@code friend_get} returned with some field not as expected at the first reading.
     *
     * @return the number of relations, 0 or more
     */
    public long different() {
        return different;
    }

    /**
     * Relations found different, counted by field (a relation with two fields that differ counts in both).
     *
     * @return an unmodifiable map of field name to number of relations, empty when none differed
     */
    public Map<String, Long> mismatchesByField() {
        return mismatchesByField;
    }

    /**
     * The first relations found missing or different at the first reading (how many: keepFailures).
     *
     * @return an unmodifiable list, empty when nothing was found
     */
    public List<RelationMismatch> found() {
        return found;
    }

    /**
     * Users not read because the accounts phase found them not to exist (missing and not created, or failed to be
     * created; see {@link AccountsMode}): no {@code friend_get} call is made for them, since the server would answer
     * 30003. They are not {@linkplain #unreadableUsers() unreadable}: they count among the {@linkplain #users() users
     * verified}, and every relation of theirs among the {@linkplain #relations() relations}, as
     * {@linkplain #missing() missing} at the first reading (not read, yet known not to exist), and as
     * {@linkplain #notRepairedMissingAccount() not repaired}. Always 0 when the verification does not follow an
     * import with an accounts phase.
     *
     * @return the number of users, 0 or more
     */
    public long missingAccountUsers() {
        return missingAccountUsers;
    }

    /**
     * The relations of the {@linkplain #missingAccountUsers() users not read because they do not exist}.
     *
     * @return the number of relations, 0 or more
     */
    public long missingAccountRelations() {
        return missingAccountRelations;
    }

    /**
     * Users whose friends could not be read (a permanent error, or attempts exhausted); their relations unproven.
     *
     * @return the number of users, 0 or more
     */
    public long unreadableUsers() {
        return unreadableUsers;
    }

    /**
     * The relations of the {@linkplain #unreadableUsers() users that could not be read}.
     *
     * @return the number of relations, 0 or more
     */
    public long unreadableRelations() {
        return unreadableRelations;
    }

    /**
     * Why users could not be read: their count by code.
     *
     * @return an unmodifiable map of code to number of users, empty when every user was read
     */
    public Map<Integer, Long> unreadableByCode() {
        return unreadableByCode;
    }

    /**
     * Relations found missing or different, imported again, and then read back equal.
     *
     * @return the number of relations, 0 or more
     */
    public long repaired() {
        return repaired;
    }

    /**
     * Relations sent again by the repairs, over every round: at least {@link #repaired()}; more when a repair did
     * not come right at once and was sent again in the next round.
     *
     * @return the number of relations sent, 0 or more
     */
    public long reimported() {
        return reimported;
    }

    /**
     * friend_import calls the repairs took.
     *
     * @return the number of calls, 0 or more
     */
    public long repairCalls() {
        return repairCalls;
    }

    /**
     * Repairs the server refused, by code (those relations are still missing or different).
     *
     * @return an unmodifiable map of code to number of relations, empty when no repair was refused
     */
    public Map<Integer, Long> repairFailuresByCode() {
        return repairFailuresByCode;
    }

    /**
     * Relations found missing or different that name an account the accounts phase found not to exist (missing and
     * not created, or failed to be created; see {@link AccountsMode}), as their To_Account or as their From_Account
     * (those of the {@linkplain #missingAccountUsers() users not read}): the import did not send them, and the
     * repairs do not either, since the server would refuse them (30003). They are counted in {@link #stillMissing()} or
     * {@link #stillDifferent()}, not in {@link #reimported()} nor {@link #repairFailuresByCode()}. Always 0 when the
     * verification does not follow an import with an accounts phase.
     *
     * @return the number of relations, 0 or more
     */
    public long notRepairedMissingAccount() {
        return notRepairedMissingAccount;
    }

    /**
     * Relations missing at the end: after the repairs, or found missing when there were none.
     *
     * @return the number of relations, 0 or more
     */
    public long stillMissing() {
        return stillMissing;
    }

    /**
     * Relations different at the end: after the repairs, or found different when there were none.
     *
     * @return the number of relations, 0 or more
     */
    public long stillDifferent() {
        return stillDifferent;
    }

    /**
     * The first relations still missing or different at the end (how many: keepFailures).
     *
     * @return an unmodifiable list, empty when everything is equal
     */
    public List<RelationMismatch> stillDifferentRelations() {
        return stillDifferentKept;
    }

    /**
     * friend_get calls (every page of every user, the second reading included).
     *
     * @return the number of calls, 0 or more
     */
    public long calls() {
        return calls;
    }

    /**
     * How long the verification ran, repairs included.
     *
     * @return the wall-clock duration, never null
     */
    public Duration duration() {
        return duration;
    }

    /**
     * True when the verification stopped before its end.
     *
     * @return true when it stopped early
     */
    public boolean aborted() {
        return aborted;
    }

    /**
     * The proof: the verification ran to its end, every relation of the users verified could be read, and nothing is
     * left missing or different.
     *
     * @return true when every relation verified is proven present and equal
     */
    public boolean allEqual() {
        return !aborted && stillMissing == 0 && stillDifferent == 0 && unreadableRelations == 0;
    }

    /**
     * The verification in words: what was read back, what was found, what was repaired, and the first
     * {@code maxListed} relations still different, one a line. Text from the server or the input is
     * {@linkplain ImportReport#printable escaped}.
     *
     * @param maxListed how many relations still different to list one a line, 0 or more
     * @return the summary, several lines of text
     */
    public String summary(int maxListed) {
        StringBuilder s = new StringBuilder();
        double seconds = duration.toNanos() / 1e9;
        s.append(String.format(Locale.ROOT, "%s (%s): %,d of %,d users, %,d relations read back with %,d friend_get "
                        + "calls in %.1f s%n", aborted ? "Verification STOPPED" : "Verification",
                verification, users, usersInInput, relations, calls, seconds));
        s.append(String.format(Locale.ROOT, "  first reading: %,d equal, %,d missing, %,d different", equal, missing,
                different));
        if (equalEarlier > 0) {
            s.append(String.format(Locale.ROOT, ", %,d found equal by an earlier run", equalEarlier));
        }
        if (unreadableUsers > 0) {
            s.append(String.format(Locale.ROOT, ", %,d users (%,d relations) could not be read", unreadableUsers,
                    unreadableRelations));
        }
        s.append('\n');
        if (missingAccountUsers > 0) {
            s.append(String.format(Locale.ROOT, "  %,d users not read: they do not exist (the accounts phase found "
                    + "them missing); their %,d relations are counted missing%n", missingAccountUsers,
                    missingAccountRelations));
        }
        if (!mismatchesByField.isEmpty()) {
            s.append("  different fields:");
            mismatchesByField.forEach((field, n) -> s.append(String.format(Locale.ROOT, " %s %,d,",
                    ImportReport.printable(field), n)));
            s.setLength(s.length() - 1);
            s.append('\n');
        }
        unreadableByCode.forEach((code, n) -> s.append(String.format(Locale.ROOT, "  %,d users unread: %s%n", n,
                meaning(code))));
        int listed = Math.min(maxListed, found.size());
        if (listed > 0 && (verification.repairs() || stillDifferentKept.isEmpty())) {
            s.append(String.format(Locale.ROOT, "  %s:%n", listed == missing + different ? "found"
                    : String.format(Locale.ROOT, "first %,d found", listed)));
            for (RelationMismatch m : found.subList(0, listed)) {
                s.append("    ").append(m.message()).append('\n');
            }
        }
        if (verification.repairs() && missing + different > 0) {
            s.append(String.format(Locale.ROOT, "  repaired: %,d of %,d (imported again with %,d friend_import calls, "
                    + "then read back equal)%n", repaired, missing + different, repairCalls));
            // each relation sent came right or is still wrong; those naming a missing account were not sent
            long sentStillWrong = stillMissing + stillDifferent - notRepairedMissingAccount;
            if (reimported > repaired + sentStillWrong) {
                s.append(String.format(Locale.ROOT, "  %,d relations were imported again more than once: a repair "
                        + "read back missing or different was repaired again%n",
                        reimported - repaired - sentStillWrong));
            }
            repairFailuresByCode.forEach((code, n) -> s.append(String.format(Locale.ROOT,
                    "  %,d repairs refused: [%d] %s%n", n, code, meaning(code))));
            if (notRepairedMissingAccount > 0) {
                s.append(String.format(Locale.ROOT, "  %,d not repaired: they name an account that does not exist "
                        + "(the accounts phase found it missing; not sent)%n", notRepairedMissingAccount));
            }
        }
        if (allEqual()) {
            s.append("  Nothing is left missing or different.\n");
        } else if (stillMissing + stillDifferent > 0) {
            s.append(String.format(Locale.ROOT, "  STILL NOT AS THE INPUT: %,d missing, %,d different%s%n",
                    stillMissing, stillDifferent, verification.repairs() ? " after the repairs"
                            : " (report only: run with repairs to import them again)"));
            if (!verification.repairs() && notRepairedMissingAccount > 0) {
                s.append(String.format(Locale.ROOT, "  %,d of them name an account that does not exist (the accounts "
                        + "phase found it missing): a repair would not send them%n", notRepairedMissingAccount));
            }
            int still = Math.min(maxListed, stillDifferentKept.size());
            for (RelationMismatch m : stillDifferentKept.subList(0, still)) {
                s.append("    ").append(m.message()).append('\n');
            }
            if (still < stillMissing + stillDifferent && still > 0) {
                s.append(String.format(Locale.ROOT, "    ... and %,d more%n", stillMissing + stillDifferent - still));
            }
        }
        return s.toString();
    }

    private static String meaning(int code) {
        return code == ImportFailure.NO_ANSWER ? "no usable answer (network error, timeout, HTTP 5xx, pages that do not end)"
                : ImportReport.printable(ErrorCatalogue.lookup(code).meaning());
    }

    @Override
    public String toString() {
        return summary(0);
    }
}
