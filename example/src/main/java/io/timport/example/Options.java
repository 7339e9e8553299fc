package io.timport.example;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The command line of {@link ExampleImporter}: parsing, checks and the {@code --help} text. */
final class Options {

    /** A problem with the command line, told in one line that names the option. Never carries a secret. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static final String DEFAULT_FAILURES_FILE = "timport-failures.jsonl";
    static final String KEY_VARIABLE = "TIMPORT_SECRET_KEY";
    static final String DEFAULT_ADMIN = "administrator";
    static final long EMBEDDED_SDK_APP_ID = 1_400_000_000L;
    static final int DEFAULT_RATE = 200;
    static final int DEFAULT_TIMEOUT_SECONDS = 10;
    static final int DEFAULT_SHOWN_FAILURES = 20;

    private static final Set<String> FLAGS = Set.of("help", "sample", "quiet");
    private static final List<String> NAMES = List.of(
            "input", "sample", "users", "relations", "invalid", "seed", "write-sample",
            "endpoint", "region", "sdkappid", "admin", "key-file", "rate", "timeout",
            "sim-latency", "sim-faults",
            "batch-size", "journal", "failures-out", "show-failures", "quiet", "help");

    boolean help;
    String input;
    boolean sample;
    int users = SampleGraph.DEFAULT_USERS;
    int relations = SampleGraph.DEFAULT_RELATIONS;
    int invalid = SampleGraph.DEFAULT_INVALID;
    long seed = SampleGraph.DEFAULT_SEED;
    String writeSample;
    String endpoint;
    String region;
    Long sdkAppId;
    String admin = DEFAULT_ADMIN;
    String keyFile;
    int rate = DEFAULT_RATE;
    int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    int simLatencyMillis;
    double simFaults;
    int batchSize = 1000;
    String journal;
    String failuresOut = DEFAULT_FAILURES_FILE;
    int showFailures = DEFAULT_SHOWN_FAILURES;
    boolean quiet;

    private Options() {
    }

    /** True when the target is the embedded simulator: neither {@code --endpoint} nor {@code --region}. */
    boolean embedded() {
        return endpoint == null && region == null;
    }

    /** True when the input is the generated sample. */
    boolean usesSample() {
        return input == null;
    }

    static Options parse(String[] args) throws UsageException {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument \"" + arg + "\": options start with --");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!NAMES.contains(name)) {
                String near = nearest(name);
                throw new UsageException("unknown option --" + name + (near == null ? "" : " (did you mean --" + near + "?)"));
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                value = "";
            } else if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (given.put(name, value) != null) {
                throw new UsageException("--" + name + " is given more than once");
            }
        }
        Options o = new Options();
        if (given.containsKey("help")) {
            o.help = true;
            return o;
        }
        o.input = path(given, "input");
        o.sample = given.containsKey("sample");
        o.users = integer(given, "users", 2, Integer.MAX_VALUE, o.users);
        o.relations = integer(given, "relations", 1, Integer.MAX_VALUE, o.relations);
        o.invalid = integer(given, "invalid", 0, Integer.MAX_VALUE, o.invalid);
        o.seed = longValue(given, "seed", Long.MIN_VALUE, Long.MAX_VALUE, o.seed);
        o.writeSample = path(given, "write-sample");
        o.endpoint = text(given, "endpoint");
        o.region = text(given, "region");
        if (given.containsKey("sdkappid")) {
            o.sdkAppId = longValue(given, "sdkappid", 1, 0xFFFF_FFFFL, 0);
        }
        o.admin = given.containsKey("admin") ? text(given, "admin") : o.admin;
        o.keyFile = path(given, "key-file");
        o.rate = integer(given, "rate", 1, 1_000_000, o.rate);
        o.timeoutSeconds = integer(given, "timeout", 1, 3600, o.timeoutSeconds);
        o.simLatencyMillis = integer(given, "sim-latency", 0, 60_000, 0);
        o.simFaults = probability(given, "sim-faults");
        o.batchSize = integer(given, "batch-size", 1, 1000, o.batchSize);
        o.journal = path(given, "journal");
        o.failuresOut = given.containsKey("failures-out") ? path(given, "failures-out") : o.failuresOut;
        o.showFailures = integer(given, "show-failures", 0, Integer.MAX_VALUE, o.showFailures);
        o.quiet = given.containsKey("quiet");

        if (o.input != null && o.sample) {
            throw new UsageException("--input and --sample both give the input: choose one");
        }
        if (o.input != null) {
            for (String sampleOnly : List.of("users", "relations", "invalid", "seed", "write-sample")) {
                if (given.containsKey(sampleOnly)) {
                    throw new UsageException("--" + sampleOnly + " shapes the generated sample, which --input replaces");
                }
            }
        }
        if (o.endpoint != null && o.region != null) {
            throw new UsageException("--endpoint and --region both name the server: choose one");
        }
        if (!o.embedded()) {
            for (String simOnly : List.of("sim-latency", "sim-faults")) {
                if (given.containsKey(simOnly)) {
                    throw new UsageException("--" + simOnly + " applies to the embedded simulator only, not with --"
                            + (o.endpoint != null ? "endpoint" : "region"));
                }
            }
            if (o.sdkAppId == null) {
                throw new UsageException("--sdkappid is required with --" + (o.endpoint != null ? "endpoint" : "region")
                        + ": the app's SDKAppID from the Chat console");
            }
            if (o.input == null && !o.sample && o.writeSample == null) {
                throw new UsageException("with --" + (o.endpoint != null ? "endpoint" : "region")
                        + ", give --input FILE (or --sample to send the generated sample there on purpose)");
            }
        }
        if (o.admin.isEmpty()) {
            throw new UsageException("--admin must not be empty");
        }
        return o;
    }

    private static String text(Map<String, String> given, String name) throws UsageException {
        String value = given.get(name);
        if (value != null && value.isBlank()) {
            throw new UsageException("--" + name + " must not be empty");
        }
        return value == null ? null : value.trim();
    }

    private static String path(Map<String, String> given, String name) throws UsageException {
        return text(given, name);
    }

    private static int integer(Map<String, String> given, String name, int min, int max, int otherwise)
            throws UsageException {
        return (int) longValue(given, name, min, max, otherwise);
    }

    private static long longValue(Map<String, String> given, String name, long min, long max, long otherwise)
            throws UsageException {
        String value = given.get(name);
        if (value == null) {
            return otherwise;
        }
        String digits = value.trim().replace("_", "").replace(",", "");
        long parsed;
        try {
            parsed = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number" + (min == Long.MIN_VALUE ? "" : " ")
                    + rule(min, max) + ", was \"" + value + "\"");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException("--" + name + " must be " + rule(min, max) + ", was " + parsed);
        }
        return parsed;
    }

    private static String rule(long min, long max) {
        if (min == Long.MIN_VALUE) {
            return "";
        }
        if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
            return String.format(Locale.ROOT, "at least %,d", min);
        }
        return String.format(Locale.ROOT, "from %,d to %,d", min, max);
    }

    private static double probability(Map<String, String> given, String name) throws UsageException {
        String value = given.get(name);
        if (value == null) {
            return 0;
        }
        double p;
        try {
            p = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a probability from 0 to 1, was \"" + value + "\"");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new UsageException("--" + name + " must be a probability from 0 to 1, was " + value.trim());
        }
        return p;
    }

    /** The known option closest to a misspelt one, or null when none is close. */
    private static String nearest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : NAMES) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static String usage() {
        StringBuilder s = new StringBuilder();
        s.append("Usage: java -jar timport-example.jar [options]\n\n")
                .append("Imports a game's friend lists into Tencent Cloud Chat (REST API v4/sns/friend_import) with a live\n")
                .append("progress bar, prints a report, and writes the relations that failed to a file.\n")
                .append("With no options it starts an embedded Chat simulator on 127.0.0.1, generates a sample friend\n")
                .append("graph (2,000 players, 100,000 relations, 8 of them broken on purpose) and imports it: no account\n")
                .append("or network needed. Every option can be tried against the embedded simulator.\n");
        section(s, "Input (default: the generated sample)");
        option(s, "--input FILE", "relations as JSONL: one JSON object a line, in the API's field names");
        option(s, "", "(From_Account, To_Account, AddSource, Remark, RemarkTime, GroupName,");
        option(s, "", "AddWording, AddTime, CustomItem [{Tag, Value}]); - reads standard input.");
        option(s, "", "Bad lines are reported with their line number; the rest is imported");
        option(s, "--sample", "the generated sample; needed with --endpoint or --region, so that no");
        option(s, "", "real app gets fake players by mistake");
        option(s, "--users N", "players in the sample (default 2,000)");
        option(s, "--relations N", "relations in the sample (default 100,000)");
        option(s, "--invalid N", "sample relations broken on purpose, as real exports are (default 8)");
        option(s, "--seed N", "the sample's seed: the same seed gives the same sample (default 42)");
        option(s, "--write-sample FILE", "write the sample to FILE as JSONL (the --input format) and exit");
        section(s, "Target (default: the embedded simulator)");
        option(s, "--region NAME", "a Tencent Cloud Chat data centre: china, singapore, seoul, tokyo,");
        option(s, "", "frankfurt, mumbai, silicon-valley, jakarta (or its domain)");
        option(s, "--endpoint URI", "any compatible server's base URI, e.g. https://adminapisgp.im.qcloud.com;");
        option(s, "", "plain http only to localhost or 127.0.0.1");
        option(s, "--sdkappid N", "the app's SDKAppID (required with --region or --endpoint)");
        option(s, "--admin ID", "an app admin's UserID (default administrator)");
        option(s, "--key-file FILE", "a file holding the app's secret key; without it the key is read from");
        option(s, "", "the environment variable " + KEY_VARIABLE + ". Never printed");
        option(s, "--rate N", "the server's limit in calls per second (default 200); the client paces");
        option(s, "", "2 % under it. Processes importing into one app at once must share it");
        option(s, "--timeout SECONDS", "how long to wait for each answer (default 10; the server gives up at 3)");
        section(s, "Embedded simulator only");
        option(s, "--sim-latency MS", "time the simulator takes per call (default 0), to see calls overlap");
        option(s, "--sim-faults P", "probability 0..1 that a call fails transiently (HTTP 502 or error");
        option(s, "", "30006), to see retries (default 0)");
        section(s, "Import");
        option(s, "--batch-size N", "relations per call, 1 to 1,000 (default 1,000)");
        option(s, "--journal FILE", "record finished work in FILE. After a crash, kill or Ctrl-C, run the");
        option(s, "", "same command again: what finished is not sent again. The journal");
        option(s, "", "records its input and server, and is never resumed for another one.");
        option(s, "", "The embedded simulator starts empty each run: resuming skips");
        option(s, "", "relations its earlier run stored, so its new store lacks them");
        option(s, "--failures-out FILE", "where failed relations are written, as JSONL in the --input format,");
        option(s, "", "to fix and import again (default " + DEFAULT_FAILURES_FILE + " in the current");
        option(s, "", "directory; written only when something failed)");
        option(s, "--show-failures N", "failures listed in the report (default 20; all are in the file)");
        option(s, "--quiet", "no banner and no progress bar: the report, the failures line and errors");
        option(s, "--help", "print this help and exit");
        section(s, "Exit status");
        option(s, "0", "every relation was imported");
        option(s, "2", "some relations failed for good: invalid input, or rejected by the server");
        option(s, "", "(see the report and the failures file)");
        option(s, "1", "a fatal error: a bad option, an unreadable file, wrong credentials, or");
        option(s, "", "anything else that stopped the import");
        s.append("\nOptions take their value as the next argument or after = (--rate=100).\n");
        return s.toString();
    }

    private static void section(StringBuilder s, String title) {
        s.append('\n').append(title).append(":\n");
    }

    private static void option(StringBuilder s, String name, String text) {
        s.append(String.format(Locale.ROOT, "  %-20s %s%n", name, text));
    }

}
