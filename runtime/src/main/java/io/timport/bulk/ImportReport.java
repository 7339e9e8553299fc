package io.timport.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: totals, calls, retries, and every relation that was not imported, with the server's code and
 * its meaning. {@link #writeFailures} writes the failed relations as JSONL in the input format, so that just those
 * can be fixed and run again.
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
    private final Map<Integer, Long> failuresByCode;
    private final Map<Integer, String> meanings;

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
        this.records = records;
        this.imported = imported;
        this.superseded = superseded;
        this.skippedEarlier = skippedEarlier;
        this.calls = calls;
        this.retries = retries;
        this.throttled = throttled;
        this.duration = duration;
        this.aborted = aborted;
        this.failures = List.copyOf(failures);
        Map<Integer, Long> byCode = new TreeMap<>();
        for (ImportFailure f : failures) {
            byCode.merge(f.code(), 1L, Long::sum);
        }
        this.failuresByCode = Collections.unmodifiableMap(byCode);
        this.meanings = Map.copyOf(meanings);
    }

    /** Input records read, valid or not (including those an earlier run completed). */
    public long records() {
        return records;
    }

    /** Relations the server accepted in this run. */
    public long imported() {
        return imported;
    }

    /** Relations not imported, of every {@link ImportFailure.Kind}. */
    public long failed() {
        return failures.size();
    }

    /** Records not sent because a later record of the same (From_Account, To_Account) pair replaced them. */
    public long superseded() {
        return superseded;
    }

    /** Records not sent because the journal says an earlier run completed them (imported or failed). */
    public long skippedEarlier() {
        return skippedEarlier;
    }

    /** friend_import calls sent. */
    public long calls() {
        return calls;
    }

    /** Calls that re-sent at least one item after a transient error. */
    public long retries() {
        return retries;
    }

    /** Answers that said the call rate was over the limit (each was retried). */
    public long throttled() {
        return throttled;
    }

    /** How long the import ran. */
    public Duration duration() {
        return duration;
    }

    /**
     * Records neither imported, failed, superseded nor completed earlier: those left when the import stopped early.
     * Zero for an import that ran to its end.
     */
    public long notDone() {
        return records - imported - failed() - superseded - skippedEarlier;
    }

    /** True when the import stopped early on a fatal error (see {@link ImportAbortedException}). */
    public boolean aborted() {
        return aborted;
    }

    /** True when every record was imported (or completed by an earlier run) and none failed. */
    public boolean allImported() {
        return !aborted && failures.isEmpty();
    }

    /** Every relation not imported, in the order the failures were known. */
    public List<ImportFailure> failures() {
        return failures;
    }

    /** Failure counts by code ({@link ImportFailure#INVALID_INPUT} for invalid input), in code order. */
    public Map<Integer, Long> failuresByCode() {
        return failuresByCode;
    }

    /** What a code means, from the error catalogue; "invalid input record" for {@link ImportFailure#INVALID_INPUT}. */
    public String meaning(int code) {
        return meanings.getOrDefault(code, "unknown error code " + code);
    }

    /**
     * A human-readable summary: totals, failures grouped by code with their meaning, and the first
     * {@code maxListed} failures one per line.
     */
    public String summary(int maxListed) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: %,d records, %,d imported, %,d failed",
                aborted ? "Import STOPPED" : "Import finished", records, imported, failed()));
        if (superseded > 0) {
            s.append(String.format(Locale.ROOT, ", %,d superseded by a later record of the same pair", superseded));
        }
        if (skippedEarlier > 0) {
            s.append(String.format(Locale.ROOT, ", %,d completed by an earlier run", skippedEarlier));
        }
        if (notDone() > 0) {
            s.append(String.format(Locale.ROOT, ", %,d not done (run again with the same journal to continue)",
                    notDone()));
        }
        double seconds = duration.toNanos() / 1e9;
        s.append(String.format(Locale.ROOT, "%nin %.1f s: %,d calls (%.1f calls/s), %,d retries, %,d throttled answers%n",
                seconds, calls, seconds > 0 ? calls / seconds : 0.0, retries, throttled));
        if (!failuresByCode.isEmpty()) {
            s.append("Failures by code:\n");
            failuresByCode.forEach((code, n) -> s.append(String.format(Locale.ROOT, "  %6s  %,8d  %s%n",
                    code == ImportFailure.INVALID_INPUT ? "input" : code.toString(), n, meaning(code))));
            int listed = Math.min(maxListed, failures.size());
            if (listed > 0) {
                s.append(listed == failures.size() ? "Failures:\n" : "First " + listed + " failures:\n");
                for (ImportFailure f : failures.subList(0, listed)) {
                    s.append("  ").append(f.where()).append(": ")
                            .append(f.fromAccount() == null ? "?" : f.fromAccount()).append(" -> ")
                            .append(f.toAccount() == null ? "?" : f.toAccount()).append(": [")
                            .append(f.code() == ImportFailure.INVALID_INPUT ? "invalid input" : String.valueOf(f.code()))
                            .append("] ").append(f.info()).append('\n');
                }
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return summary(0);
    }

    /**
     * Writes the failed relations as JSONL in the input format ({@code From_Account} and the item's wire fields, one
     * relation a line), so that they can be fixed and imported again. Invalid input records are written as their
     * original text when the source kept it ({@link ImportRecord#rawInput()}).
     *
     * @return how many failures could not be written because no item and no original text exist for them (they
     *     are still in {@link #failures()} and the summary)
     */
    public int writeFailures(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return writeFailures(w);
        }
    }

    /** Like {@link #writeFailures(Path)}, to a writer (left open). */
    public int writeFailures(Writer out) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter ? (BufferedWriter) out : new BufferedWriter(out);
        JsonFactory factory = new JsonFactory(); // to a Writer: characters, so emoji stay as they are
        int unwritable = 0;
        for (ImportFailure f : failures) {
            if (f.item() != null) {
                JsonGenerator g = factory.createGenerator(w);
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartObject();
                g.writeStringField("From_Account", f.fromAccount());
                f.item().writeFields(g);
                g.writeEndObject();
                g.close();
                w.write('\n');
            } else if (f.rawInput() != null) {
                w.write(f.rawInput());
                w.write('\n');
            } else {
                unwritable++;
            }
        }
        w.flush();
        return unwritable;
    }

    static Map<Integer, String> meaningsOf(List<ImportFailure> failures, java.util.function.IntFunction<String> lookup) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (ImportFailure f : failures) {
            m.computeIfAbsent(f.code(), c -> c == ImportFailure.INVALID_INPUT ? "invalid input record, never sent"
                    : lookup.apply(c));
        }
        return m;
    }
}
