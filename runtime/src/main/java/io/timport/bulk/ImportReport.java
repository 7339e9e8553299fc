package io.timport.bulk;

import io.timport.internal.Printable;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an import (or a {@linkplain BulkImporter#validate validation}) did: totals, calls, retries, failures counted by
 * code with their meaning, and the first of the failed relations themselves.
 *
 * <p><b>Memory.</b> The report counts every failure, but keeps only the first
 * {@linkplain ImporterBuilder#keepFailures few} of them ({@link #failures()}), so that its size does not grow with the
 * input. To have every failed relation, set a {@linkplain ImporterBuilder#failuresFile failures file}: the import
 * writes each one there as it happens. {@link #writeFailures} writes the failures the report kept.
 *
 * <p><b>Printing.</b> {@link #summary} and {@link #toString} escape every control character of what came from the
 * server or the input ({@link #printable}), so that a report can go to a terminal or a log as it is;
 * {@link #failures()} holds the texts as they came.
 */
public final class ImportReport {

    private final long records;
    private final long imported;
    private final long superseded;
    private final long skippedEarlier;
    private final long calls;
    private final long retries;
    private final long throttled;
    private final Duration duration;
    private final boolean aborted;
    private final List<ImportFailure> failures;
    private final long failed;
    private final Map<Integer, Long> failuresByCode;
    private final Map<Integer, String> meanings;
    private final boolean validation;
    private final boolean journaled;
    private final Path failuresFile;
    private final long failuresWritten;
    private final long failuresUnwritable;
    /** The accounts phase's report, when the import had one; set once, before the report is handed out. */
    private AccountsReport accounts;

    /** Set once, before the report is handed out, when the import was verified. */
    private VerificationReport verification;

    /** A report that keeps every failure (for tests). */
    ImportReport(
            long records,
            long imported,
            long superseded,
            long skippedEarlier,
            long calls,
            long retries,
            long throttled,
            Duration duration,
            boolean aborted,
            List<ImportFailure> failures,
            Map<Integer, String> meanings) {
        this(records, imported, superseded, skippedEarlier, calls, retries, throttled, duration, aborted, failures,
                failures.size(), countByCode(failures), meanings, false, true, null, 0, 0);
    }

    ImportReport(
            long records,
            long imported,
            long superseded,
            long skippedEarlier,
            long calls,
            long retries,
            long throttled,
            Duration duration,
            boolean aborted,
            List<ImportFailure> kept,
            long failed,
            Map<Integer, Long> failuresByCode,
            Map<Integer, String> meanings,
            boolean validation,
            boolean journaled,
            Path failuresFile,
            long failuresWritten,
            long failuresUnwritable) {
        this.records = records;
        this.imported = imported;
        this.superseded = superseded;
        this.skippedEarlier = skippedEarlier;
        this.calls = calls;
        this.retries = retries;
        this.throttled = throttled;
        this.duration = duration;
        this.aborted = aborted;
        this.failures = List.copyOf(kept);
        this.failed = failed;
        this.failuresByCode = Collections.unmodifiableMap(new TreeMap<>(failuresByCode));
        this.meanings = Map.copyOf(meanings);
        this.validation = validation;
        this.journaled = journaled;
        this.failuresFile = failuresFile;
        this.failuresWritten = failuresWritten;
        this.failuresUnwritable = failuresUnwritable;
    }

    private static Map<Integer, Long> countByCode(List<ImportFailure> failures) {
        Map<Integer, Long> byCode = new TreeMap<>();
        for (ImportFailure f : failures) {
            byCode.merge(f.code(), 1L, Long::sum);
        }
        return byCode;
    }

    /**
     * {@code text} with every character a terminal could act on made visible: control characters (escape
     * included), bidirectional overrides, line separators and stray bytes of invalid UTF-8 become escapes such as
     * {@code \x1B} or {@code \n}. What the report prints goes through it; use it to print a failure's
     * {@link ImportFailure#info() info}, an exception's message or anything else a server or an input file wrote.
     *
     * @param text any text, or null
     * @return the same instance when there is nothing to escape; null for null
     */
    public static String printable(String text) {
        return Printable.escape(text);
    }

    /** This report with the accounts phase's report attached (before it is handed out). */
    ImportReport withAccounts(AccountsReport accounts) {
        this.accounts = accounts;
        return this;
    }

    /**
     * What the accounts phase did, when the import had one ({@link ImporterBuilder#accounts(AccountsMode)}): accounts
     * named, already present, imported, missing, failed, and the relations not sent because an account does not exist
     * (those are also among {@link #failed()}, code 30003).
     *
     * @return the accounts report, or empty when the import had no accounts phase
     */
    public Optional<AccountsReport> accounts() {
        return Optional.ofNullable(accounts);
    }

    /**
     * Input records read, valid or not (including those an earlier run completed).
     *
     * @return the number of records, 0 or more
     */
    public long records() {
        return records;
    }

    /**
     * Relations the server accepted in this run; 0 for a validation.
     *
     * @return the number of relations imported, 0 or more
     */
    public long imported() {
        return imported;
    }

    /**
     * Relations not imported, of every {@link ImportFailure.Kind}; for a validation, the invalid records.
     *
     * @return the number of relations that failed, 0 or more
     */
    public long failed() {
        return failed;
    }

    /**
     * Records not sent because a later record of the same (From_Account, To_Account) pair replaced them.
     *
     * @return the number of superseded records, 0 or more
     */
    public long superseded() {
        return superseded;
    }

    /**
     * Records not sent because the journal says an earlier run completed them (imported or failed).
     *
     * @return the number of records skipped, 0 or more
     */
    public long skippedEarlier() {
        return skippedEarlier;
    }

    /**
     * friend_import calls sent.
     *
     * @return the number of calls, retries included
     */
    public long calls() {
        return calls;
    }

    /**
     * Calls that re-sent at least one item after a transient error.
     *
     * @return the number of calls that were retries
     */
    public long retries() {
        return retries;
    }

    /**
     * Answers that said the call rate was over the limit (each was retried).
     *
     * @return the number of throttled answers
     */
    public long throttled() {
        return throttled;
    }

    /**
     * How long the import ran.
     *
     * @return the wall-clock duration, never null
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Records neither imported, failed, superseded nor completed earlier: those left when the import stopped early.
     * Zero for an import that ran to its end, and for a validation.
     *
     * @return the number of records left undone, 0 or more
     */
    public long notDone() {
        return validation ? 0 : records - imported - failed - superseded - skippedEarlier;
    }

    /**
     * True when the import stopped early on a fatal error (see {@link ImportAbortedException}).
     *
     * @return true when the import stopped early
     */
    public boolean aborted() {
        return aborted;
    }

    /**
     * True when every record was imported (or completed by an earlier run) and none failed. False for a validation,
     * which imports nothing: see {@link #allValid()}.
     *
     * @return true when the import imported every record
     */
    public boolean allImported() {
        return !validation && !aborted && failed == 0;
    }

    /**
     * True for the report of a {@linkplain BulkImporter#validate validation}: nothing was sent.
     *
     * @return true for a validation's report
     */
    public boolean validation() {
        return validation;
    }

    /**
     * Records that broke no rule: for a validation, those that an import would send; for an import, those it
     * sent or had to send (imported, failed at the server, superseded or completed earlier).
     *
     * @return the number of valid records, 0 or more
     */
    public long valid() {
        return records - failuresByCode.getOrDefault(ImportFailure.INVALID_INPUT, 0L);
    }

    /**
     * True when the input was read to its end and every record broke no rule (the verdict of a validation).
     *
     * @return true when every record is valid and the input was read to its end
     */
    public boolean allValid() {
        return !aborted && valid() == records;
    }

    /**
     * The failed relations the report kept: every one when there were no more than
     * {@linkplain ImporterBuilder#keepFailures the number it keeps}, else the first ones; in the order the failures
     * were known. {@link #failed()} counts them all, {@link #failuresNotKept()} those left out.
     *
     * @return an unmodifiable list of kept failures, empty when nothing failed
     */
    public List<ImportFailure> failures() {
        return failures;
    }

    /**
     * Failures counted but not kept in {@link #failures()} (they are in the failures file, when one was set).
     *
     * @return the number of failures not kept, 0 or more
     */
    public long failuresNotKept() {
        return failed - failures.size();
    }

    /**
     * Failure counts by code ({@link ImportFailure#INVALID_INPUT} for invalid input), in code order: all of them.
     *
     * @return an unmodifiable map of code to number of failures, empty when nothing failed
     */
    public Map<Integer, Long> failuresByCode() {
        return failuresByCode;
    }

    /**
     * What a code means, from the error catalogue; "invalid input record" for {@link ImportFailure#INVALID_INPUT}.
     *
     * @param code a code of {@link #failuresByCode()}
     * @return the meaning of the code, never null
     */
    public String meaning(int code) {
        return meanings.getOrDefault(code, "unknown error code " + code);
    }

    /**
     * The file every failure was written to as it happened ({@link ImporterBuilder#failuresFile}), if one was set.
     *
     * @return the failures file, or empty when none was set
     */
    public Optional<Path> failuresFile() {
        return Optional.ofNullable(failuresFile);
    }

    /**
     * Lines written to the {@linkplain #failuresFile() failures file}: one per failure that could be written.
     *
     * @return the number of lines written, 0 or more
     */
    public long failuresWritten() {
        return failuresWritten;
    }

    /**
     * Failures the failures file could not hold: records of which nothing is known to write (no item, no original
     * text, no account), and lines over the length limit, which are never kept. They are counted and listed in the
     * report all the same.
     *
     * @return the number of failures that could not be written, 0 or more
     */
    public long failuresUnwritable() {
        return failuresUnwritable;
    }

    /**
     * The import's verification, when it had one ({@link ImporterBuilder#verify}): what reading it back found.
     *
     * @return the verification report, or empty when the import was not verified
     */
    public Optional<VerificationReport> verification() {
        return Optional.ofNullable(verification);
    }

    /** Attaches the verification of this import: before the report is handed out. */
    ImportReport verified(VerificationReport report) {
        this.verification = report;
        return this;
    }

    /**
     * True when every record was imported ({@link #allImported()}) and, when the import was verified, nothing was
     * left missing or different ({@link VerificationReport#allEqual()}): what a command line's exit status 0 means.
     *
     * @return true when everything was imported and, if verified, read back equal
     */
    public boolean allImportedAndEqual() {
        return allImported() && (verification == null || verification.allEqual());
    }

    /**
     * A human-readable summary: totals, failures grouped by code with their meaning, and the first
     * {@code maxListed} failures one per line. Text from the server or the input is {@linkplain #printable escaped}.
     *
     * @param maxListed how many failures to list one a line, 0 or more
     * @return the summary, several lines, each ending in a line separator
     */
    public String summary(int maxListed) {
        StringBuilder s = new StringBuilder();
        if (accounts != null) {
            s.append(accounts.summary(maxListed));
        }
        if (validation) {
            s.append(String.format(Locale.ROOT, "%s: %,d records, %,d valid, %,d invalid (nothing was sent)",
                    aborted ? "Validation STOPPED" : "Validation finished", records, valid(), failed));
        } else {
            s.append(String.format(Locale.ROOT, "%s: %,d records, %,d imported, %,d failed",
                    aborted ? "Import STOPPED" : "Import finished", records, imported, failed));
        }
        if (superseded > 0) {
            s.append(String.format(Locale.ROOT, ", %,d superseded by a later record of the same pair", superseded));
        }
        if (skippedEarlier > 0) {
            s.append(String.format(Locale.ROOT, ", %,d completed by an earlier run", skippedEarlier));
        }
        if (notDone() > 0) {
            s.append(String.format(Locale.ROOT, journaled
                    ? ", %,d not done (run again with the same journal to continue)"
                    : ", %,d not done (with no journal, a new run starts from the beginning)", notDone()));
        }
        double seconds = duration.toNanos() / 1e9;
        if (validation) {
            s.append(String.format(Locale.ROOT, "%nin %.1f s%n", seconds));
        } else {
            s.append(String.format(Locale.ROOT,
                    "%nin %.1f s: %,d calls (%.1f calls/s), %,d retries, %,d throttled answers%n",
                    seconds, calls, seconds > 0 ? calls / seconds : 0.0, retries, throttled));
        }
        if (!failuresByCode.isEmpty()) {
            s.append(validation ? "Invalid records by kind:\n" : "Failures by code:\n");
            failuresByCode.forEach((code, n) -> s.append(String.format(Locale.ROOT, "  %6s  %,8d  %s%n",
                    code == ImportFailure.INVALID_INPUT ? "input" : code.toString(), n, printable(meaning(code)))));
            int listed = (int) Math.min(maxListed, failures.size());
            if (listed > 0) {
                s.append(listed == failed ? "Failures:\n"
                        : String.format(Locale.ROOT, "First %,d of %,d failures:%n", listed, failed));
                for (ImportFailure f : failures.subList(0, listed)) {
                    s.append("  ").append(line(f)).append('\n');
                }
            }
        }
        if (verification != null) {
            s.append(verification.summary(maxListed));
        }
        return s.toString();
    }

    /** One failure as the summary lists it. */
    static String line(ImportFailure f) {
        return printable(f.where()) + ": " + (f.fromAccount() == null ? "?" : printable(f.fromAccount())) + " -> "
                + (f.toAccount() == null ? "?" : printable(f.toAccount())) + ": ["
                + (f.code() == ImportFailure.INVALID_INPUT ? "invalid input" : String.valueOf(f.code())) + "] "
                + printable(f.info()) + (f.random() < 0 ? "" : " (random " + f.random() + ")");
    }

    @Override
    public String toString() {
        return summary(0);
    }

    /**
     * Writes the failed relations the report kept as JSONL in the input format, one relation a line, so that they
     * can be fixed and imported again. A line holds the record's original text when the source kept it (an invalid
     * JSONL line, byte for byte, even when it is not valid UTF-8; the {@code rawInput} given to
     * {@link ImportRecord#invalid}); else {@code From_Account} and the item's wire fields when there is an item; else
     * what is known of a row a builder rejected, its {@code From_Account} and {@code To_Account} (with no
     * {@code AddSource}, so that importing the line as it is fails again rather than importing a friend without its
     * fields). A failure of which nothing is known (a line over the length limit) is not written.
     *
     * <p>When the report did not keep every failure ({@link #failuresNotKept()}), only those it kept are written: set
     * {@link ImporterBuilder#failuresFile} to have the import write them all as they happen.
     *
     * @param file the file to create or replace (not null)
     * @return how many failures could not be written: those of which nothing is known to write, and those the report
     *     did not keep (all are still counted in {@link #failed()} and {@link #failuresByCode()})
     * @throws IOException when the file cannot be written
     */
    public int writeFailures(Path file) throws IOException {
        long unwritable = failuresNotKept();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (ImportFailure f : failures) {
                String line = FailuresFile.line(f);
                if (line == null) {
                    unwritable++;
                } else {
                    out.write(RawText.encode(line));
                    out.write('\n');
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, unwritable);
    }

    /**
     * Like {@link #writeFailures(Path)}, to a writer (left open). A writer takes characters: an invalid line's bytes
     * that are not UTF-8 are written as the writer encodes the lone surrogates that stand for them (typically
     * {@code ?}); {@link #writeFailures(Path)} writes them back exactly.
     *
     * @param out where the lines go (not null; left open)
     * @return how many failures could not be written, as {@link #writeFailures(Path)} counts them
     * @throws IOException when the writer fails
     */
    public int writeFailures(Writer out) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter ? (BufferedWriter) out : new BufferedWriter(out);
        long unwritable = failuresNotKept();
        for (ImportFailure f : failures) {
            String line = FailuresFile.line(f);
            if (line == null) {
                unwritable++;
            } else {
                w.write(line);
                w.write('\n');
            }
        }
        w.flush();
        return (int) Math.min(Integer.MAX_VALUE, unwritable);
    }

    static Map<Integer, String> meaningsOf(List<ImportFailure> failures, java.util.function.IntFunction<String> lookup) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (ImportFailure f : failures) {
            m.computeIfAbsent(f.code(), c -> meaning(c, lookup));
        }
        return m;
    }

    static Map<Integer, String> meaningsOf(Iterable<Integer> codes, java.util.function.IntFunction<String> lookup) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int code : codes) {
            m.computeIfAbsent(code, c -> meaning(c, lookup));
        }
        return m;
    }

    private static String meaning(int code, java.util.function.IntFunction<String> lookup) {
        return code == ImportFailure.INVALID_INPUT ? "invalid input record, never sent" : lookup.apply(code);
    }
}
