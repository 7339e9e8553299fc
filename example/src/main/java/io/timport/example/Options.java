package io.timport.example;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line of {@link ExampleImporter} on picocli: the options (grouped as {@code --help} shows them), their
 * checks, and the one-line messages of a usage error.
 *
 * <p>Values are taken as text and checked here rather than by picocli's converters, so that every message names the
 * option, the rule and the value in the project's words ({@code --batch-size must be from 1 to 1,000, was 0}), and
 * whole numbers may be written {@code 100000}, {@code 100,000} or {@code 100_000}.
 *
 * <p><b>Adding an option</b>: a field with {@code @Option} in the group it belongs to (its {@code description} is its
 * {@code --help} line), and a line in {@link #resolve()} that checks it into a field of this class.
 */
@Command(name = "timport-example",
        mixinStandardHelpOptions = true,
        versionProvider = Options.Version.class,
        sortOptions = false,
        usageHelpWidth = Options.HELP_WIDTH,
        customSynopsis = "java -jar timport-example.jar [options]",
        descriptionHeading = "%n",
        description = "Imports a game's friend lists into Tencent Cloud Chat (REST API v4/sns/friend_import) with a "
                + "live progress bar, prints a report, and writes the relations that failed to a file. With no options "
                + "it starts an embedded Chat simulator on 127.0.0.1, generates a sample friend graph (500 players, "
                + "25,000 relations, 8 of them broken on purpose) and imports it: no account or network needed. "
                + "Every option can be tried against the embedded simulator.",
        optionListHeading = "%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            " 0:every relation was imported (or done by an earlier run, says the journal)",
            " 1:the run stopped early: an unreadable file, no key, a journal of another input or server, an "
                    + "error that stopped the import (a wrong key, not an admin, the same failure for nearly every "
                    + "relation, ...)",
            " 2:the import reached its end, but some relations failed for good: invalid input, or rejected by the "
                    + "server (see the report and the failures file); or the verification left some missing or "
                    + "different",
            "64:a usage error: an unknown option, a bad option value, options that conflict"},
        footer = {"",
            "Options take their value as the next argument or after = (--rate 100 or --rate=100)."})
final class Options {

    /** A problem with the command line, told in one line that names the option. Never carries a secret. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** The version from the build ({@code version.properties}, filtered by Maven), and the Java it runs on. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"timport example " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }

        static String version() {
            try (InputStream in = Options.class.getResourceAsStream("version.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    /** Columns of the {@code --help} text: it fits an 80-column terminal. */
    static final int HELP_WIDTH = 80;

    static final String DEFAULT_FAILURES_FILE = "timport-failures.jsonl";
    static final String KEY_VARIABLE = "TIMPORT_SECRET_KEY";
    static final String DEFAULT_ADMIN = "administrator";
    static final long EMBEDDED_SDK_APP_ID = 1_400_000_000L;
    static final int DEFAULT_RATE = 200;
    static final int DEFAULT_TIMEOUT_SECONDS = 10;
    static final int DEFAULT_OUTAGE_LIMIT_SECONDS = 600;
    static final int DEFAULT_SHOWN_FAILURES = 20;

    // ------------------------------------------------------------------ the options, as --help groups them

    /** Input (default: the generated sample). */
    static final class InputOptions {
        @Option(names = "--input", paramLabel = "FILE", order = 10, description =
                "relations as JSONL: one JSON object a line, in the API's field names (From_Account, "
                + "To_Account, AddSource, Remark, RemarkTime, GroupName, AddWording, AddTime, CustomItem "
                + "[{Tag, Value}]); - reads standard input. Bad lines are reported with their line "
                + "number; the rest is imported")
        String input;

        @Option(names = "--sample", order = 11, description =
                "the generated sample; needed with --endpoint or --region, so that no real app gets "
                + "fake players by mistake")
        boolean sample;

        @Option(names = "--users", paramLabel = "N", order = 12, description = "players in the sample (default 500)")
        String users;

        @Option(names = "--relations", paramLabel = "N", order = 13,
                description = "relations in the sample (default 25,000)")
        String relations;

        @Option(names = "--invalid", paramLabel = "N", order = 14,
                description = "sample relations broken on purpose, as real exports are (default 8)")
        String invalid;

        @Option(names = "--seed", paramLabel = "N", order = 15,
                description = "the sample's seed: the same seed gives the same sample (default 42)")
        String seed;

        @Option(names = "--write-sample", paramLabel = "FILE", order = 16,
                description = "write the sample to FILE as JSONL (the --input format) and exit")
        String writeSample;
    }

    /** Target (default: the embedded simulator). */
    static final class TargetOptions {
        @Option(names = "--region", paramLabel = "NAME", order = 20, description =
                "a Tencent Cloud Chat data centre: china, singapore, seoul, tokyo, frankfurt, mumbai, "
                + "silicon-valley, jakarta (or its domain)")
        String region;

        @Option(names = "--endpoint", paramLabel = "URI", order = 21, description =
                "https://adminapisgp.im.qcloud.com or any compatible server's base URI (plain http only "
                + "to localhost or 127.0.0.1)")
        String endpoint;

        @Option(names = "--sdkappid", paramLabel = "N", order = 22,
                description = "the app's SDKAppID (required with --region or --endpoint)")
        String sdkAppId;

        @Option(names = "--admin", paramLabel = "ID", order = 23,
                description = "an app admin's UserID (default " + DEFAULT_ADMIN + ")")
        String admin;

        @Option(names = "--key-file", paramLabel = "FILE", order = 24, description =
                "a file holding the app's secret key; without it the key is read from the environment "
                + "variable " + KEY_VARIABLE + ". Never printed")
        String keyFile;

        @Option(names = "--rate", paramLabel = "N", order = 25, description =
                "the server's limit in calls per second (default 200); the client paces 2 %% under it. "
                + "Processes importing into one app at once must share it")
        String rate;

        @Option(names = "--timeout", paramLabel = "SECONDS", order = 26,
                description = "how long to wait for each answer (default 10; the server gives up at 3)")
        String timeout;
    }

    /** Embedded simulator only. */
    static final class SimulatorOptions {
        @Option(names = "--sim-latency", paramLabel = "MS", order = 30,
                description = "time the simulator takes per call (default 0), to see calls overlap")
        String simLatency;

        @Option(names = "--sim-faults", paramLabel = "P", order = 31, description =
                "probability 0..1 that a call fails transiently (HTTP 502 or error 30006), to see "
                + "retries (default 0)")
        String simFaults;

        @Option(names = "--sim-silent-loss", paramLabel = "P", order = 32, description =
                "probability 0..1 that the simulator answers a relation ResultCode 0 but does not store "
                + "it, for the verification to find and repair (default 0.01)")
        String simSilentLoss;
    }

    /** The proof after the import. */
    static final class VerifyOptions {
        @Option(names = "--verify", paramLabel = "MODE", arity = "1..2", order = 50, description =
                "after the import, read every relation back with friend_get and compare each field: "
                + "full (default), sample N (N users drawn at random) or off. What is missing or different "
                + "is imported again and read back again; the exit status is 0 only when nothing is left "
                + "missing or different")
        List<String> verify;

        @Option(names = "--verify-only", order = 51, description =
                "import nothing: verify an input imported earlier (as --verify says, full by default) and "
                + "report what is missing or different; with --repair, import those again")
        boolean verifyOnly;

        @Option(names = "--repair", order = 52, description =
                "with --verify-only: import again what is missing or different, then read it back again")
        boolean repair;
    }

    /** Import. */
    static final class ImportOptions {
        @Option(names = "--batch-size", paramLabel = "N", order = 40,
                description = "relations per call, 1 to 1,000 (default 1,000)")
        String batchSize;

        @Option(names = "--journal", paramLabel = "FILE", order = 41, description =
                "record finished work in FILE. After a crash, kill or Ctrl-C, run the same command "
                + "again: what finished is not sent again. The journal records its input and server, "
                + "and is never resumed for another one. The embedded simulator starts empty each run: "
                + "resuming skips relations its earlier run stored, so its new store lacks them")
        String journal;

        @Option(names = "--failures-out", paramLabel = "FILE", order = 42, description =
                "where failed relations are written, as JSONL in the --input format, to fix and import "
                + "again (default " + DEFAULT_FAILURES_FILE + " in the current directory; written only "
                + "when something failed)")
        String failuresOut;

        @Option(names = "--show-failures", paramLabel = "N", order = 43,
                description = "failures listed in the report (default 20; all are in the file)")
        String showFailures;

        @Option(names = "--validate-only", order = 45, description =
                "read the whole input and check every rule the import checks before sending, write the "
                + "report and the failures file, and send nothing: no server, no key needed")
        boolean validateOnly;

        @Option(names = "--max-line-bytes", paramLabel = "N", order = 46, description =
                "the longest --input line read (default 1,048,576); a longer one is reported by its number "
                + "and skipped, never held whole")
        String maxLineBytes;

        @Option(names = "--max-body-bytes", paramLabel = "N", order = 47, description =
                "the largest request body, in bytes (default 1,048,576): batches are cut so that no "
                + "body is larger")
        String maxBodyBytes;

        @Option(names = "--breaker", paramLabel = "CALLS:RELATIONS|off", order = 48, description =
                "stop when that many calls in a row, holding at least that many relations, failed the "
                + "same way for nearly every relation, with a diagnosis (default 5:100); off sends "
                + "everything")
        String breaker;

        @Option(names = "--pacing", paramLabel = "MODE", order = 49, description =
                "window (default): keep a model of the server's sliding second, so that the calls a stalled "
                + "server admits at once do not get the next ones throttled; throttled calls go again with the "
                + "next permits. pause: the earlier rule (pause every call when throttled answers persist), "
                + "for comparison")
        String pacing;

        @Option(names = "--outage-limit", paramLabel = "SECONDS", order = 50, description =
                "how long the server may give no usable answer (refused, timeouts, 5xx, not a Chat answer) "
                + "before the import stops, exit status 1 (default 600). Meanwhile nothing new is sent: one "
                + "call at a time probes the server, and the import resumes when it answers")
        String outageLimit;

        @Option(names = "--accounts", paramLabel = "MODE", order = 52, description =
                "the accounts the relations name, before the relations: check (report the missing ones and send "
                + "none of their relations), import (create the missing ones, then import every relation: creates "
                + "users in the app), off. Default: check against a real server, import against the embedded "
                + "simulator, off for standard input (read once)")
        String accounts;

        @Option(names = "--accounts-file", paramLabel = "FILE", order = 53, description =
                "the accounts to create, as JSONL: one {\"UserID\": ..., \"Nick\": ..., \"FaceUrl\": ...} a "
                + "line (Nick and FaceUrl optional). With it, import creates only the accounts it lists")
        String accountsFile;

        @Option(names = "--missing-accounts-out", paramLabel = "FILE", order = 54, description =
                "write the accounts that do not exist after the accounts phase to FILE, in the --accounts-file "
                + "format")
        String missingAccountsOut;

        @Option(names = "--quiet", order = 51,
                description = "no banner and no progress bar: the report, the failures line and errors")
        boolean quiet;
    }

    @ArgGroup(validate = false, order = 1, heading = "%nInput (default: the generated sample):%n")
    InputOptions inputGroup = new InputOptions();

    @ArgGroup(validate = false, order = 2, heading = "%nTarget (default: the embedded simulator):%n")
    TargetOptions targetGroup = new TargetOptions();

    @ArgGroup(validate = false, order = 3, heading = "%nEmbedded simulator only:%n")
    SimulatorOptions simulatorGroup = new SimulatorOptions();

    @ArgGroup(validate = false, order = 4, heading = "%nImport:%n")
    ImportOptions importGroup = new ImportOptions();

    @ArgGroup(validate = false, order = 5, heading = "%nProof after the import:%n")
    VerifyOptions verifyGroup = new VerifyOptions();

    // ------------------------------------------------------------------ the values, checked

    boolean help;
    boolean version;
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
    boolean validateOnly;
    int maxLineBytes = io.timport.bulk.JsonlInput.DEFAULT_MAX_LINE_BYTES;
    int maxBodyBytes = io.timport.bulk.ImporterBuilder.DEFAULT_MAX_BODY_BYTES;
    /** The breaker's calls and relations; calls 0 when it is off. */
    int breakerCalls = DEFAULT_BREAKER_CALLS;
    int breakerRelations = DEFAULT_BREAKER_RELATIONS;
    static final int DEFAULT_BREAKER_CALLS = 5;
    static final int DEFAULT_BREAKER_RELATIONS = 100;
    io.timport.bulk.Pacing pacing = io.timport.bulk.Pacing.WINDOW;
    int outageLimitSeconds = DEFAULT_OUTAGE_LIMIT_SECONDS;
    /** The accounts mode: as given, or the default for the target and input (see {@link #resolve()}). */
    io.timport.bulk.AccountsMode accounts;
    /** True when {@code --accounts} was given (not the default). */
    boolean accountsGiven;
    String accountsFile;
    String missingAccountsOut;
    static final double DEFAULT_SIM_SILENT_LOSS = 0.01;
    io.timport.bulk.Verification verification = io.timport.bulk.Verification.full();
    boolean verifyOnly;
    double simSilentLoss = DEFAULT_SIM_SILENT_LOSS;

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

    /** A parser for these options, configured as the project's command lines are. */
    private static CommandLine commandLine(Options options) {
        CommandLine cl = new CommandLine(options);
        cl.setOverwrittenOptionsAllowed(false);
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setUnmatchedOptionsAllowedAsOptionParameters(true); // --rate -5 is a bad value, not an unknown option
        return cl;
    }

    /**
     * Parses and checks {@code args}.
     *
     * @throws UsageException for anything the command line alone shows to be wrong: an unknown option, a missing or
     *     bad value, options that conflict (exit status 64)
     */
    static Options parse(String[] args) throws UsageException {
        Options o = new Options();
        CommandLine cl = commandLine(o);
        try {
            cl.parseArgs(args);
        } catch (ParameterException e) {
            throw new UsageException(describe(e));
        }
        given(cl, args);
        if (cl.isUsageHelpRequested()) {
            o.help = true;
            return o;
        }
        if (cl.isVersionHelpRequested()) {
            o.version = true;
            return o;
        }
        o.resolve();
        return o;
    }

    /**
     * Refuses an option given twice. picocli does not see a repeat inside an {@code @ArgGroup} (it starts another
     * match of the group instead), so the arguments are counted here, after a successful parse: every argument that
     * is a known option's name (alone or before {@code =}) is that option, since a known option's name is never
     * taken as another option's value.
     */
    private static void given(CommandLine cl, String[] args) throws UsageException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                return;
            }
            int eq = arg.indexOf('=');
            OptionSpec option = cl.getCommandSpec().findOption(eq < 0 ? arg : arg.substring(0, eq));
            if (arg.startsWith("-") && option != null && !seen.add(option.longestName())) {
                throw new UsageException(option.longestName() + " is given more than once");
            }
        }
    }

    /** The {@code --help} text. */
    static String usage() {
        return commandLine(new Options()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** The {@code --version} text. */
    static String versionText() {
        StringBuilder s = new StringBuilder();
        for (String line : new Version().getVersion()) {
            s.append(line).append('\n');
        }
        return s.toString();
    }

    /** A picocli parse error in the project's words: one line naming the option. */
    private static String describe(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (!arg.startsWith("-") || arg.equals("-")) {
                return "unexpected argument \"" + arg + "\": options start with --";
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String near = nearest(name);
            return "unknown option " + name + (near == null ? "" : " (did you mean " + near + "?)");
        }
        if (e instanceof OverwrittenOptionException o) {
            return name(o.getOverwritten()) + " is given more than once";
        }
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            return name(m.getMissing().get(0)) + " needs a value";
        }
        ArgSpec spec = e.getArgSpec();
        if (spec instanceof OptionSpec option && option.arity().max() == 0) {
            return name(option) + " takes no value";
        }
        if (spec instanceof OptionSpec option) {
            return name(option) + ": " + e.getMessage();
        }
        return e.getMessage();
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : String.valueOf(spec.paramLabel());
    }

    /** Every option's name, for suggestions. */
    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : commandLine(new Options()).getCommandSpec().options()) {
            names.add(option.longestName());
        }
        return names;
    }

    /** The known option closest to a misspelt one, or null when none is close. */
    private static String nearest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : names()) {
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

    // ------------------------------------------------------------------ checks

    /** Checks every value and the options together, into the fields above. */
    private void resolve() throws UsageException {
        InputOptions in = inputGroup;
        TargetOptions target = targetGroup;
        SimulatorOptions sim = simulatorGroup;
        ImportOptions imp = importGroup;

        input = text("--input", in.input);
        sample = in.sample;
        users = integer("--users", in.users, 2, Integer.MAX_VALUE, users);
        relations = integer("--relations", in.relations, 1, Integer.MAX_VALUE, relations);
        invalid = integer("--invalid", in.invalid, 0, Integer.MAX_VALUE, invalid);
        seed = longValue("--seed", in.seed, Long.MIN_VALUE, Long.MAX_VALUE, seed);
        writeSample = text("--write-sample", in.writeSample);
        endpoint = text("--endpoint", target.endpoint);
        region = text("--region", target.region);
        if (target.sdkAppId != null) {
            sdkAppId = longValue("--sdkappid", target.sdkAppId, 1, 0xFFFF_FFFFL, 0);
        }
        admin = target.admin != null ? text("--admin", target.admin) : admin;
        keyFile = text("--key-file", target.keyFile);
        rate = integer("--rate", target.rate, 1, 1_000_000, rate);
        timeoutSeconds = integer("--timeout", target.timeout, 1, 3600, timeoutSeconds);
        simLatencyMillis = integer("--sim-latency", sim.simLatency, 0, 60_000, 0);
        simFaults = probability("--sim-faults", sim.simFaults);
        batchSize = integer("--batch-size", imp.batchSize, 1, 1000, batchSize);
        journal = text("--journal", imp.journal);
        failuresOut = imp.failuresOut != null ? text("--failures-out", imp.failuresOut) : failuresOut;
        showFailures = integer("--show-failures", imp.showFailures, 0, Integer.MAX_VALUE, showFailures);
        quiet = imp.quiet;
        validateOnly = imp.validateOnly;
        maxLineBytes = integer("--max-line-bytes", imp.maxLineBytes, 64, Integer.MAX_VALUE - 8, maxLineBytes);
        maxBodyBytes = integer("--max-body-bytes", imp.maxBodyBytes, io.timport.bulk.ImporterBuilder.MIN_MAX_BODY_BYTES,
                Integer.MAX_VALUE, maxBodyBytes);
        breaker(imp.breaker);
        pacing = pacing(imp.pacing);
        outageLimitSeconds = integer("--outage-limit", imp.outageLimit, 1, 7 * 24 * 3600, outageLimitSeconds);

        accountsFile = text("--accounts-file", imp.accountsFile);
        missingAccountsOut = text("--missing-accounts-out", imp.missingAccountsOut);
        String mode = text("--accounts", imp.accounts);
        accountsGiven = mode != null;
        if (mode != null) {
            switch (mode) {
                case "check" -> accounts = io.timport.bulk.AccountsMode.CHECK;
                case "import" -> accounts = io.timport.bulk.AccountsMode.IMPORT;
                case "off" -> accounts = io.timport.bulk.AccountsMode.OFF;
                default -> throw new UsageException("--accounts must be check, import or off, was \"" + mode + "\"");
            }
        }
        boolean stdin = "-".equals(input);
        if (stdin && accounts != null && accounts != io.timport.bulk.AccountsMode.OFF) {
            throw new UsageException("--accounts " + mode + " reads the input twice, and standard input can be read "
                    + "once: give --input FILE, or --accounts off");
        }
        if (validateOnly && (mode != null || accountsFile != null || missingAccountsOut != null)) {
            throw new UsageException((mode != null ? "--accounts" : accountsFile != null ? "--accounts-file"
                    : "--missing-accounts-out") + " applies to an import; --validate-only sends nothing");
        }
        if (accounts == null) {
            accounts = stdin ? io.timport.bulk.AccountsMode.OFF
                    : endpoint == null && region == null ? io.timport.bulk.AccountsMode.IMPORT
                    : io.timport.bulk.AccountsMode.CHECK;
        }
        if (accounts == io.timport.bulk.AccountsMode.OFF && (accountsFile != null || missingAccountsOut != null)) {
            throw new UsageException((accountsFile != null ? "--accounts-file" : "--missing-accounts-out")
                    + " needs the accounts phase: --accounts check or import" + (stdin ? ", and --input FILE" : ""));
        }

        VerifyOptions ver = verifyGroup;
        if (ver.verify != null) {
            String verifyMode = String.join(" ", ver.verify);
            try {
                verification = io.timport.bulk.Verification.parse(verifyMode);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--verify " + e.getMessage());
            }
        }
        verifyOnly = ver.verifyOnly;
        if (sim.simSilentLoss != null) {
            simSilentLoss = probability("--sim-silent-loss", sim.simSilentLoss);
        }
        if (verifyOnly && validateOnly) {
            throw new UsageException("--verify-only and --validate-only: choose one (a validation sends nothing)");
        }
        if (verifyOnly && !verification.isOn()) {
            throw new UsageException("--verify-only with --verify off would do nothing");
        }
        if (verifyOnly && accountsGiven) {
            throw new UsageException("--accounts applies to an import; --verify-only imports nothing (but repairs)");
        }
        if (ver.repair && !verifyOnly) {
            throw new UsageException("--repair applies to --verify-only (an import's verification always repairs)");
        }
        verification = verification.withRepairs(!verifyOnly || ver.repair);

        if (input != null && sample) {
            throw new UsageException("--input and --sample both give the input: choose one");
        }
        if (input != null) {
            String[][] sampleOnly = {{"--users", in.users}, {"--relations", in.relations}, {"--invalid", in.invalid},
                {"--seed", in.seed}, {"--write-sample", in.writeSample}};
            for (String[] option : sampleOnly) {
                if (option[1] != null) {
                    throw new UsageException(option[0] + " shapes the generated sample, which --input replaces");
                }
            }
        }
        if (endpoint != null && region != null) {
            throw new UsageException("--endpoint and --region both name the server: choose one");
        }
        if (!embedded()) {
            String server = endpoint != null ? "--endpoint" : "--region";
            String[][] simulatorOnly = {{"--sim-latency", sim.simLatency}, {"--sim-faults", sim.simFaults},
                {"--sim-silent-loss", sim.simSilentLoss}};
            for (String[] option : simulatorOnly) {
                if (option[1] != null) {
                    throw new UsageException(option[0] + " applies to the embedded simulator only, not with " + server);
                }
            }
            if (sdkAppId == null) {
                throw new UsageException("--sdkappid is required with " + server
                        + ": the app's SDKAppID from the Chat console");
            }
            if (input == null && !sample && writeSample == null && !validateOnly) {
                throw new UsageException("with " + server
                        + ", give --input FILE (or --sample to send the generated sample there on purpose)");
            }
        }
    }

    /** {@code --breaker CALLS:RELATIONS} or {@code off}. */
    private void breaker(String value) throws UsageException {
        if (value == null) {
            return;
        }
        String v = value.trim();
        if (v.equals("off")) {
            breakerCalls = 0;
            breakerRelations = 0;
            return;
        }
        int colon = v.indexOf(':');
        if (colon < 0) {
            throw new UsageException("--breaker must be CALLS:RELATIONS (for example 5:100) or off, was \"" + value
                    + "\"");
        }
        breakerCalls = integer("--breaker's CALLS", v.substring(0, colon), 1, Integer.MAX_VALUE, 0);
        breakerRelations = integer("--breaker's RELATIONS", v.substring(colon + 1), 1, Integer.MAX_VALUE, 0);
    }

    private static String text(String name, String value) throws UsageException {
        if (value != null && value.isBlank()) {
            throw new UsageException(name + " must not be empty");
        }
        return value == null ? null : value.trim();
    }

    private static io.timport.bulk.Pacing pacing(String value) throws UsageException {
        if (value == null) {
            return io.timport.bulk.Pacing.WINDOW;
        }
        switch (value.trim()) {
            case "window":
                return io.timport.bulk.Pacing.WINDOW;
            case "pause":
                return io.timport.bulk.Pacing.PAUSE;
            default:
                throw new UsageException("--pacing must be window or pause, was \"" + value + "\"");
        }
    }

    private static int integer(String name, String value, int min, int max, int otherwise) throws UsageException {
        return (int) longValue(name, value, min, max, otherwise);
    }

    private static long longValue(String name, String value, long min, long max, long otherwise)
            throws UsageException {
        if (value == null) {
            return otherwise;
        }
        String digits = value.trim().replace("_", "").replace(",", "");
        long parsed;
        try {
            parsed = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number" + (min == Long.MIN_VALUE ? "" : " ")
                    + rule(min, max) + ", was \"" + value + "\"");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException(name + " must be " + rule(min, max) + ", was " + parsed);
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

    private static double probability(String name, String value) throws UsageException {
        if (value == null) {
            return 0;
        }
        double p;
        try {
            p = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a probability from 0 to 1, was \"" + value + "\"");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new UsageException(name + " must be a probability from 0 to 1, was " + value.trim());
        }
        return p;
    }
}
