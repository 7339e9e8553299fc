package io.timport.example;

import io.timport.bulk.ConsoleProgress;
import io.timport.bulk.ImportAbortedException;
import io.timport.bulk.ImportReport;
import io.timport.bulk.JournalIdentity;
import io.timport.bulk.JournalMismatchException;
import io.timport.bulk.JsonlInput;
import io.timport.bulk.ProgressListener;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.Region;
import io.timport.config.SecretKey;
import io.timport.limit.RateLimiterRegistry;
import io.timport.limit.SmoothRateLimiter;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.Fault;
import io.timport.simulator.SimulatorConfig;
import io.timport.simulator.SimulatorStats;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The example's command line: imports a game's friend lists, typed by {@link GameFriend}, into Tencent Cloud Chat or
 * into the embedded simulator, with a progress bar, a report and a file of the relations that failed.
 *
 * <pre>
 * java -jar example/target/timport-example.jar            # sample graph into the embedded simulator
 * java -jar example/target/timport-example.jar --help
 * java -jar example/target/timport-example.jar --input friends.jsonl --region singapore \
 *     --sdkappid 1400000000 --key-file chat.key --journal import.journal
 * </pre>
 *
 * <p>The import itself is the few lines of {@link #importAll}: a {@link FriendImportClient}, the generated
 * {@link GameFriendImporter}, and the report. Everything else is the command line around it.
 *
 * <p>Exit status (the project's scheme, shared with the simulator's command line): 0 when every relation was
 * imported, 2 when the import reached its end but some relations failed for good (invalid input or rejected by the
 * server), 1 when the run stopped early (an unreadable file, a missing key, a refused journal, an error that stopped
 * the import), 64 for a usage error (an unknown option, a bad value, options that conflict: anything the command line
 * alone shows to be wrong). Errors go to standard error in one line; the secret key is never printed.
 */
public final class ExampleImporter {

    /** Exit status: everything done. */
    static final int OK = 0;
    /** Exit status: the run stopped early. */
    static final int FATAL = 1;
    /** Exit status: the run reached its end, but some relations failed. */
    static final int SOME_FAILED = 2;
    /** Exit status: a usage error (EX_USAGE of sysexits.h). */
    static final int USAGE = 64;

    private static final String NAME = "timport-example";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> env;
    private final Path workDir;
    private volatile boolean importing;
    private volatile Path journalInUse;

    ExampleImporter(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path workDir) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.workDir = workDir;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        ExampleImporter cli = new ExampleImporter(System.out, System.err, System.in, System.getenv(), Path.of(""));
        Thread onInterrupt = new Thread(cli::interrupted, "timport-example-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        int status = cli.run(args);
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
        System.exit(status);
    }

    /**
     * Runs the command line with these streams, the process's environment and the current directory.
     *
     * @return the exit status: 0 all imported, 2 some relations failed, 1 the run stopped early, 64 a usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new ExampleImporter(out, err, System.in, System.getenv(), Path.of("")).run(args);
    }

    int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            return usage(e.getMessage());
        }
        if (options.help || options.version) {
            out.print(options.help ? Options.usage() : Options.versionText());
            out.flush();
            return OK;
        }
        try {
            return execute(options);
        } catch (Options.UsageException e) {
            return usage(e.getMessage());
        } catch (Fatal e) {
            return fatal(e.getMessage());
        } catch (RuntimeException e) {
            e.printStackTrace(err);
            return fatal("unexpected error, a bug in the example or in timport: " + e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A fatal problem, told in one line. */
    private static final class Fatal extends Exception {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message, null, false, false);
        }
    }

    private int fatal(String message) {
        err.println(NAME + ": " + message);
        err.flush();
        return FATAL;
    }

    private int usage(String message) {
        err.println(NAME + ": " + message + " (see --help)");
        err.flush();
        return USAGE;
    }

    // ------------------------------------------------------------------ the run

    private int execute(Options o) throws Fatal, Options.UsageException {
        SampleGraph sample = null;
        Path inputFile = null;
        if (o.usesSample()) {
            try {
                sample = SampleGraph.of(o.users, o.relations, o.invalid, o.seed);
            } catch (IllegalArgumentException e) {
                throw new Options.UsageException(e.getMessage());
            }
        } else if (!o.input.equals("-")) {
            inputFile = readableFile(o.input, "--input");
        }
        if (o.writeSample != null) {
            return writeSample(sample, o.writeSample);
        }
        writableDirectory(o.failuresOut, "--failures-out"); // known before the import, not after hours of it

        long sdkAppId = o.sdkAppId != null ? o.sdkAppId : Options.EMBEDDED_SDK_APP_ID;
        ChatSimulator simulator = null;
        try {
            Endpoint endpoint;
            SecretKey key;
            if (o.embedded()) {
                String keyText = embeddedKey(o);
                simulator = startSimulator(o, sdkAppId, keyText, sample);
                endpoint = Endpoint.of(simulator.baseUri());
                key = SecretKey.of(keyText);
            } else {
                endpoint = endpoint(o);
                key = secretKey(o);
            }
            AppConfig app;
            try {
                app = new AppConfig(sdkAppId, o.admin, key, endpoint);
            } catch (IllegalArgumentException e) {
                throw new Options.UsageException("--admin: " + e.getMessage());
            }
            Path journal = o.journal == null ? null : workDir.resolve(o.journal);
            String input = journal == null ? null : checkJournal(journal, app, sample, inputFile);
            if (!o.quiet) {
                banner(o, simulator, endpoint, sdkAppId, sample, inputFile, journal);
            }
            return importAll(o, app, sample, inputFile, journal, input, simulator);
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /**
     * The import, as a user's own code would do it: a client for the app, the generated importer with its settings,
     * the input, and the report.
     */
    private int importAll(Options o, AppConfig app, SampleGraph sample, Path inputFile, Path journal, String input,
            ChatSimulator simulator) throws Fatal {
        // The client paces 2 % under the server's limit, as its default limiter does; a limiter of its own (rather
        // than the JVM-wide one per SDKAppID) because this process is the only user of it.
        double pace = o.rate * (1 - RateLimiterRegistry.DEFAULT_PACE_MARGIN);
        try (FriendImportClient client = FriendImportClient.builder(app)
                .rateLimiter(new SmoothRateLimiter(pace))
                .requestTimeout(Duration.ofSeconds(o.timeoutSeconds))
                .build()) {
            GameFriendImporter.Builder settings = GameFriendImporter.builder(client)
                    .batchSize(o.batchSize)
                    .journal(journal, input); // the journal records the app and the input, and refuses others
            if (!o.quiet) {
                settings.progress(progress());
            }
            ImportReport report;
            importing = true;
            journalInUse = journal;
            try {
                if (sample != null) {
                    // The sample comes grouped by player: once a player's rows are read, their batch is complete,
                    // so a short linger sends it while the rest is still being read.
                    GameFriendImporter importer = settings.expectedTotal(sample.relations())
                            .linger(Duration.ofMillis(200))
                            .build();
                    report = importer.run(sample.rows().map(FriendRow::toRecord));
                } else if (inputFile != null) {
                    GameFriendImporter importer = settings.expectedTotal(countRecords(inputFile)).build();
                    report = importer.runJsonl(inputFile);
                } else {
                    GameFriendImporter importer = settings.build();
                    report = importer.run(JsonlInput.read(in, "stdin", GameFriendItem.TYPE));
                }
            } finally {
                importing = false;
            }
            printReport(o, report, simulator);
            writeFailures(o, report);
            return report.allImported() ? OK : SOME_FAILED;
        } catch (ImportAbortedException e) {
            printReport(o, e.report(), simulator);
            writeFailures(o, e.report());
            throw new Fatal("the import stopped: " + e.getMessage());
        } catch (JournalMismatchException e) {
            throw new Fatal("--journal: " + e.getMessage());
        } catch (IOException e) {
            throw new Fatal(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Fatal("interrupted");
        }
    }

    private ProgressListener progress() {
        return err == System.err
                ? ConsoleProgress.toStandardError()
                : new ConsoleProgress(err, false, Duration.ofSeconds(5));
    }

    private void printReport(Options o, ImportReport report, ChatSimulator simulator) {
        out.print(report.summary(o.showFailures));
        if (simulator != null) {
            SimulatorStats stats = simulator.stats();
            out.printf(Locale.ROOT, "The embedded simulator holds %,d relations of %,d users; it answered %,d calls,"
                            + " at most %,d in any second (its limit: %,d), %,d of them throttled.%n",
                    simulator.relationCount(), simulator.fromAccounts().size(), stats.calls(),
                    stats.maxAcceptedInAnySecond(), o.rate, stats.throttled());
        }
    }

    private void writeFailures(Options o, ImportReport report) throws Fatal {
        if (report.failures().isEmpty()) {
            out.println("Nothing failed: no failures file written.");
            return;
        }
        Path file = workDir.resolve(o.failuresOut);
        int unwritable;
        try {
            unwritable = report.writeFailures(file);
        } catch (IOException e) {
            throw new Fatal("--failures-out: cannot write " + o.failuresOut + ": " + describe(e));
        }
        int written = report.failures().size() - unwritable;
        out.printf(Locale.ROOT, "%,d failed relation%s written to %s: fix %s and import %s with --input %s%n",
                written, written == 1 ? "" : "s", o.failuresOut, written == 1 ? "it" : "them",
                written == 1 ? "it" : "them", o.failuresOut);
        if (unwritable > 0) {
            out.printf(Locale.ROOT, "%,d failures have no item or input text to write; they are in the report.%n",
                    unwritable);
        }
    }

    // ------------------------------------------------------------------ target and credentials

    private ChatSimulator startSimulator(Options o, long sdkAppId, String key, SampleGraph sample) throws Fatal {
        SimulatorConfig.Builder config = SimulatorConfig.builder()
                .sdkAppId(sdkAppId)
                .secretKey(key)
                .admin(o.admin)
                .rateLimitPerSecond(o.rate)
                // The app's custom friend fields, as created in its Chat console: what GameFriend describes.
                .customField("Level", CustomFieldType.INTEGER)
                .customField("Guild", CustomFieldType.STRING);
        if (sample != null) {
            config.accounts(sample.accounts()); // so that a friend whose account was deleted is answered 30003
        }
        if (o.simLatencyMillis > 0) {
            config.latency(Duration.ofMillis(o.simLatencyMillis), Duration.ofMillis(o.simLatencyMillis / 5));
        }
        if (o.simFaults > 0) {
            config.fault(Fault.HTTP_502, o.simFaults / 2).fault(Fault.REQUEST_30006, o.simFaults / 2);
        }
        try {
            return ChatSimulator.start(config.build());
        } catch (IllegalArgumentException e) {
            throw new Fatal(e.getMessage());
        } catch (IOException e) {
            throw new Fatal("cannot start the embedded simulator on 127.0.0.1: " + describe(e));
        }
    }

    /** The embedded simulator's key: from --key-file or the environment when given, else a fresh random one. */
    private String embeddedKey(Options o) throws Fatal {
        if (o.keyFile != null) {
            Path file = readableFile(o.keyFile, "--key-file");
            try {
                String key = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (key.isEmpty()) {
                    throw new Fatal("--key-file " + o.keyFile + " is empty: it must hold the app's secret key");
                }
                return key;
            } catch (IOException e) {
                throw new Fatal("--key-file: cannot read " + o.keyFile + ": " + describe(e));
            }
        }
        String fromEnv = env.get(Options.KEY_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private SecretKey secretKey(Options o) throws Fatal {
        if (o.keyFile != null) {
            Path file = readableFile(o.keyFile, "--key-file");
            try {
                return SecretKey.fromFile(file);
            } catch (IllegalArgumentException e) {
                throw new Fatal("--key-file: " + e.getMessage());
            } catch (IOException e) {
                throw new Fatal("--key-file: cannot read " + o.keyFile + ": " + describe(e));
            }
        }
        String value = env.get(Options.KEY_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new Fatal("no secret key: give --key-file FILE, or set the environment variable "
                    + Options.KEY_VARIABLE + " to the app's secret key");
        }
        return SecretKey.of(value);
    }

    private static Endpoint endpoint(Options o) throws Options.UsageException {
        try {
            return o.region != null ? Region.parse(o.region).endpoint() : Endpoint.parse(o.endpoint);
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException((o.region != null ? "--region: " : "--endpoint: ") + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ input, journal, output

    private Path readableFile(String name, String option) throws Fatal {
        Path file = workDir.resolve(name);
        if (!Files.exists(file)) {
            throw new Fatal(option + ": no such file: " + name);
        }
        if (Files.isDirectory(file)) {
            throw new Fatal(option + ": " + name + " is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new Fatal(option + ": cannot read " + name + ": permission denied");
        }
        return file;
    }

    private void writableDirectory(String name, String option) throws Fatal {
        Path parent = workDir.resolve(name).toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new Fatal(option + ": the directory of " + name + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new Fatal(option + ": cannot write in the directory of " + name + ": permission denied");
        }
    }

    private int writeSample(SampleGraph sample, String name) throws Fatal {
        Path file = workDir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Iterator<FriendRow> rows = sample.rows().iterator();
            while (rows.hasNext()) {
                w.write(rows.next().toJsonl());
                w.write('\n');
            }
        } catch (IOException e) {
            throw new Fatal("--write-sample: cannot write " + name + ": " + describe(e));
        }
        out.printf(Locale.ROOT, "Wrote the sample (%,d relations of %,d users, %,d broken on purpose, seed %d) to %s%n",
                sample.relations(), sample.users(), sample.invalid(), sample.seed(), name);
        return OK;
    }

    /**
     * Checks, before anything is printed or sent, that the journal may be resumed by this run: the runtime's rule
     * ({@link JournalIdentity}: the same app, the same input), with one leniency of the example's own: an input file
     * that was moved or renamed since is taken to be the same input, with a warning.
     *
     * @return how the input is described to the journal
     */
    private String checkJournal(Path journal, AppConfig app, SampleGraph sample, Path inputFile) throws Fatal {
        String input = sample != null
                ? String.format(Locale.ROOT, "the sample of %d users, %d relations, %d broken, seed %d",
                        sample.users(), sample.relations(), sample.invalid(), sample.seed())
                : inputFile != null ? "file " + inputFile.toAbsolutePath().normalize() : "standard input";
        try {
            JournalIdentity recorded = JournalIdentity.read(journal).orElse(null);
            if (recorded == null && Files.exists(journal) && Files.size(journal) > FORMAT_1_HEADER_BYTES) {
                err.println(NAME + ": warning: journal " + journal + " does not record what it belongs to (an earlier "
                        + "timport wrote it): it is taken to belong to this input and target");
            }
            String was = recorded == null ? null : recorded.input();
            if (was != null && was.startsWith("file ") && input.startsWith("file ") && !was.equals(input)) {
                JournalIdentity.of(app, was).checkResumable(journal); // the same app, at least
                err.println(NAME + ": warning: journal " + journal + " was written for " + was + "; this run reads "
                        + input + ". It skips records by their number: the input must hold the same records in the "
                        + "same order");
                return was;
            }
            JournalIdentity.of(app, input).checkResumable(journal);
            return input;
        } catch (JournalMismatchException e) {
            throw new Fatal("--journal: " + e.getMessage());
        } catch (IOException e) {
            throw new Fatal("--journal: " + describe(e));
        }
    }

    /** A journal of format 1 holding nothing but its header ({@code timport-journal 1} and a newline). */
    private static final int FORMAT_1_HEADER_BYTES = 18;

    /** Records in a JSONL file: its lines that are not blank. Read once up front, for the progress bar's total. */
    static long countRecords(Path file) throws IOException {
        long records = 0;
        boolean blank = true;
        try (InputStream s = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            while ((b = s.read()) != -1) {
                if (b == '\n') {
                    records += blank ? 0 : 1;
                    blank = true;
                } else if (b != ' ' && b != '\t' && b != '\r') {
                    blank = false;
                }
            }
        }
        return records + (blank ? 0 : 1);
    }

    private void banner(Options o, ChatSimulator simulator, Endpoint endpoint, long sdkAppId, SampleGraph sample,
            Path inputFile, Path journal) {
        out.println("timport example: importing a game's friend lists with GameFriendImporter");
        if (simulator != null) {
            out.printf(Locale.ROOT, "  target   the embedded Chat simulator at %s: SDKAppID %d, admin %s, %,d calls/s,%n"
                    + "           custom friend fields Tag_SNS_Custom_Level (integer) and Tag_SNS_Custom_Guild (string)%n",
                    endpoint, sdkAppId, o.admin, o.rate);
        } else {
            out.printf(Locale.ROOT, "  target   %s: SDKAppID %d, admin %s, limit %,d calls/s%n",
                    endpoint, sdkAppId, o.admin, o.rate);
        }
        if (sample != null) {
            int caught = sample.invalidBeforeSending();
            out.printf(Locale.ROOT, "  input    a generated sample: %,d users, %,d relations, %,d broken on purpose "
                            + "(%,d caught before sending, %,d left for the server to reject), seed %d%n",
                    sample.users(), sample.relations(), sample.invalid(), caught, sample.invalid() - caught,
                    sample.seed());
        } else {
            out.println("  input    " + (inputFile != null ? o.input : "standard input") + " (JSONL)");
        }
        out.printf(Locale.ROOT, "  pace     %s calls/s (2 %% under the limit), up to %,d relations per call%n",
                new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT))
                        .format(o.rate * (1 - RateLimiterRegistry.DEFAULT_PACE_MARGIN)), o.batchSize);
        if (journal == null) {
            out.println("  journal  none (with --journal FILE an interrupted import resumes where it stopped)");
        } else if (simulator != null) {
            out.println("  journal  " + o.journal + " (the embedded simulator starts empty: relations an earlier run"
                    + " finished are skipped, so its store will lack them)");
        } else {
            out.println("  journal  " + o.journal + " (run the same command again to resume)");
        }
        out.flush();
    }

    /** An I/O error in words: what failed and on which file. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Called by the shutdown hook of {@link #main}: the process was interrupted (Ctrl-C) or killed gently. */
    private void interrupted() {
        if (!importing) {
            return;
        }
        Path journal = journalInUse;
        err.println();
        err.println(NAME + ": interrupted; " + (journal != null
                ? "run the same command again to resume from the journal " + journal
                : "without --journal a new run starts from the beginning (importing a friend again overwrites it)"));
        err.flush();
    }
}
