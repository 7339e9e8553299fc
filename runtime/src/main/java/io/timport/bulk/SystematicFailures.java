package io.timport.bulk;

import io.timport.errors.ErrorCatalogue;
import io.timport.errors.ErrorEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The breaker for systematic failures: when the answers show the same permanent failure for nearly every relation
 * sent (a custom tag the app's console lacks, accounts that were never imported), the import stops with a diagnosis
 * rather than sending the rest of the input only to have it fail the same way.
 *
 * <p>Each answered call is an observation of the relations it settled: those imported and those failed for good
 * (relations to be retried, and those given up after their retries, are not counted: a server that fails now and
 * then is not a systematic failure). A call is <em>suspicious</em> when at least {@value #NEARLY_ALL_PERCENT} % of
 * them failed with one code and one ResultInfo pattern (the ResultInfo with its accounts, quoted texts and numbers
 * left out). Consecutive suspicious calls of one pattern are a <em>streak</em>; the breaker trips when a streak
 * holds at least {@code calls} calls and {@code relations} relations. Any other observation ends the streak.
 *
 * <p><b>The bound.</b> While a streak runs, the engine keeps one call in flight ({@link #suspicious()}), so that a
 * failure that is systematic from the start costs exactly {@code calls} calls when batches hold at least
 * {@code relations / calls} relations (5 calls with the defaults and full batches), and in general
 * {@code max(calls, the calls that hold relations relations)}; one that starts mid-run costs those plus the calls
 * already in flight when its first answer came.
 *
 * <p><b>The journal.</b> The failures of a streak are held back from the journal until the streak ends without
 * tripping: when it trips they are left out, so that a rerun with the same journal, after the fix, sends them again.
 *
 * <p>A request-level answer that splits a batch ({@link Decision.Split}) counts as a failure of every relation of the
 * call, except in the calls that carry the parts of a split batch, which are not observations: a batch with one bad
 * item is isolated, not taken for a systematic failure. Called under the engine's lock.
 */
final class SystematicFailures {

    /** The share of a call's settled relations that must fail alike for it to be suspicious. */
    static final int NEARLY_ALL_PERCENT = 90;
    /** The default streak that trips the breaker: calls... */
    static final int DEFAULT_CALLS = 5;
    /** ...and relations. */
    static final int DEFAULT_RELATIONS = 100;

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern CUSTOM_TAG = Pattern.compile("Tag_SNS_Custom_[A-Za-z]+");

    /** What the trip says: the stop's message and the code. */
    record Trip(int code, String message) {
    }

    private final int calls;
    private final int relations;

    private String key; // code and pattern of the current streak, or null
    private int code;
    private int streakCalls;
    private long streakRelations;
    private String sample; // "record 7: u1 -> f2: \"…\" (random 123)"
    private String sampleInfo;
    private final List<WorkJournal.FailedPosition> held = new ArrayList<>();
    private final List<WorkJournal.FailedPosition> released = new ArrayList<>();

    /**
     * @param calls the calls of a streak that trips it; 0 switches the breaker off
     * @param relations the relations of a streak that trips it
     */
    SystematicFailures(int calls, int relations) {
        this.calls = calls;
        this.relations = relations;
    }

    /** True while a streak runs: the engine then keeps one call in flight. */
    boolean suspicious() {
        return key != null;
    }

    /**
     * Observes a call's decision.
     *
     * @return the trip, or null
     */
    <T extends io.timport.wire.AddFriendItem> Trip observe(RelationCall<T> call, Decision<?> decision) {
        if (calls <= 0) {
            return null;
        }
        if (decision instanceof Decision.PauseAll<?> pause) {
            decision = pause.then();
        }
        if (decision instanceof Decision.Split<?> split) {
            if (call.bisecting) {
                return null;
            }
            Pending<T> first = call.items.get(0);
            return seen(call.size(), split.code(), pattern(split.info(), null, call.from()), call.size(), call, first,
                    split.info());
        }
        if (!(decision instanceof Decision.Settle<?> settle)) {
            return null;
        }
        int counted = settle.ok().size();
        Map<String, int[]> byKey = null;
        String topKey = null;
        int top = 0;
        Decision.Failed<?> topSample = null;
        for (Decision.Failed<?> f : settle.failed()) {
            if (f.kind() != ImportFailure.Kind.REJECTED) {
                continue; // given up after retries: not systematic
            }
            counted++;
            Pending<?> p = (Pending<?>) f.item();
            String k = f.code() + " " + pattern(f.info(), p.item == null ? null
                    : ((io.timport.wire.AddFriendItem) p.item).toAccount(), call.from());
            if (byKey == null) {
                byKey = new HashMap<>();
            }
            int n = ++byKey.computeIfAbsent(k, x -> new int[1])[0];
            if (n > top) {
                if (!k.equals(topKey)) {
                    topSample = f; // the first of its kind
                }
                top = n;
                topKey = k;
            }
        }
        if (counted == 0) {
            return null; // only retries: says nothing
        }
        if (topKey == null || top * 100L < (long) counted * NEARLY_ALL_PERCENT) {
            end();
            return null;
        }
        @SuppressWarnings("unchecked")
        Pending<T> p = (Pending<T>) topSample.item();
        return seen(counted, topSample.code(), topKey.substring(topKey.indexOf(' ') + 1), top, call, p,
                topSample.info());
    }

    private <T extends io.timport.wire.AddFriendItem> Trip seen(int counted, int failedCode, String pattern,
            int failed, RelationCall<T> call, Pending<T> example, String info) {
        String k = failedCode + " " + pattern;
        if (!k.equals(key)) {
            end();
            key = k;
            code = failedCode;
            streakCalls = 0;
            streakRelations = 0;
            sampleInfo = info == null ? "" : info;
            sample = (example.origin == null ? "record " + example.position
                    : "record " + example.position + " (" + example.origin + ")") + ": " + call.from() + " -> " + example.item.toAccount() + ": \""
                    + sampleInfo + "\"" + (call.random < 0 ? "" : " (random " + call.random + ")");
        }
        streakCalls++;
        streakRelations += counted;
        if (streakCalls >= calls && streakRelations >= relations) {
            Trip trip = new Trip(code, message(failed));
            held.clear(); // left out of the journal: a rerun sends them again
            key = null;
            return trip;
        }
        return null;
    }

    /** The streak ended without tripping: what it held back goes to the journal. */
    private void end() {
        if (key != null) {
            released.addAll(held);
            held.clear();
            key = null;
        }
    }

    /** Holds a suspicious call's failures back from the journal (while {@link #suspicious()}). */
    void hold(List<WorkJournal.FailedPosition> failures) {
        held.addAll(failures);
    }

    /** The failures a streak held back and released since the last call: journal them. */
    List<WorkJournal.FailedPosition> takeReleased() {
        if (released.isEmpty()) {
            return List.of();
        }
        List<WorkJournal.FailedPosition> r = new ArrayList<>(released);
        released.clear();
        return r;
    }

    private String message(int failed) {
        ErrorEntry entry = ErrorCatalogue.forItem(code);
        String[] causeAndFix = causeAndFix(code, sampleInfo, entry);
        return String.format(Locale.ROOT, "systematic failure: the last %d calls answered %d for nearly every "
                + "relation they carried (%,d relations). %d: %s. For example %s. Likely cause: %s. Fix: %s. Nothing "
                + "more is sent. The relations that failed so are not journaled: running again with the same journal "
                + "after the fix sends them again (the breaker: %d calls and %d relations; it can be switched off)",
                streakCalls, code, streakRelations, code, entry.meaning(), sample, causeAndFix[0], causeAndFix[1],
                calls, relations);
    }

    /** The likely cause and the fix of a systematic failure of {@code code}. */
    static String[] causeAndFix(int code, String info, ErrorEntry entry) {
        Matcher tag = CUSTOM_TAG.matcher(info == null ? "" : info);
        if (code == 30001 && tag.find()) {
            return new String[] {"the custom friend field " + tag.group() + " is not configured in the app",
                "add it in the Chat console (App Configuration > Feature Configuration > custom relationship fields), "
                        + "with the type the items send; it takes effect within minutes"};
        }
        if (code == 30001) {
            return new String[] {"a field every item sends is refused: most often a custom friend field that is "
                    + "not configured in the app (the ResultInfo above names the field)",
                "configure the field in the Chat console (App Configuration > Feature Configuration), or fix the "
                        + "items"};
        }
        if (code == 30003) {
            return new String[] {"the accounts were not imported into the app",
                "import the accounts first (account_import or multiaccount_import), then run again"};
        }
        String advice = entry.advice().isEmpty() ? "see the meaning of " + code + " and the sample ResultInfo"
                : entry.advice();
        return new String[] {entry.meaning() + ", for nearly every relation", advice};
    }

    /**
     * The ResultInfo with what varies from relation to relation left out: the To_Account and From_Account, quoted
     * texts, numbers.
     */
    static String pattern(String info, String toAccount, String fromAccount) {
        if (info == null) {
            return "";
        }
        String s = info;
        if (toAccount != null && toAccount.length() >= 3) {
            s = s.replace(toAccount, "<To_Account>");
        }
        if (fromAccount != null && fromAccount.length() >= 3) {
            s = s.replace(fromAccount, "<From_Account>");
        }
        s = QUOTED.matcher(s).replaceAll("\"…\"");
        return DIGITS.matcher(s).replaceAll("#");
    }
}
