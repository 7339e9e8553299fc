package io.timport.example;

import io.timport.bulk.AccountsMode;
import io.timport.bulk.ConsoleProgress;
import io.timport.bulk.ImportAbortedException;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.bulk.ImporterBuilder;
import io.timport.bulk.JournalIdentity;
import io.timport.bulk.JournalInUseException;
import io.timport.bulk.JournalMismatchException;
import io.timport.bulk.JsonlInput;
import io.timport.bulk.ProgressListener;
import io.timport.bulk.VerificationAbortedException;
import io.timport.bulk.VerificationReport;
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
import io.timport.simulator.RestApi;
import io.timport.simulator.SimulatorConfig;
import io.timport.simulator.SimulatorStats;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    private volatile Failures failuresInUse;

    ExampleImporter(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path workDir) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.workDir = workDir;
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command line; {@code --help} lists the options
     */
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
     * @param args the command line; {@code --help} lists the options
     * @param out where the summary and help go
     * @param err where progress, usage errors and diagnostics go
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

    /** Tells when the server stops answering and when it answers again: the import waits meanwhile. */
    private final class OutageNotices implements io.timport.bulk.ImportListener {
        private final int limitSeconds;

        OutageNotices(int limitSeconds) {
            this.limitSeconds = limitSeconds;
        }

        @Override
        public void outageStarted(String api, String cause) {
            notice("no usable answer from the server (" + cause + "): nothing new is sent; one call at a time probes"
                    + " it, and the import stops if it has not answered after " + limitSeconds + " s (--outage-limit)");
        }

        @Override
        public void outageEnded(String api, long durationNanos, long probes) {
            notice(String.format(Locale.ROOT, "the server answers again, after %.0f s without a usable answer: the import goes on",
                    durationNanos / 1e9));
        }

        private void notice(String message) {
            // on its own line, over the progress bar (which the next snapshot draws again)
            String line = NAME + ": " + ImportReport.printable(message);
            err.println(err == System.err ? "\r" + String.format(Locale.ROOT, "%-79s", line) : line);
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
        // Messages may quote a server, a journal or an input file: printed with their control characters escaped
        err.println(NAME + ": " + ImportReport.printable(message));
        err.flush();
        return FATAL;
    }

    private int usage(String message) {
        err.println(NAME + ": " + ImportReport.printable(message) + " (see --help)");
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
        if (inputFile != null && !Files.isRegularFile(inputFile) && o.accounts != AccountsMode.OFF) {
            // a pipe or a device can be read once, and the accounts phase reads the input twice
            if (o.accountsGiven) {
                throw new Options.UsageException("--accounts " + o.accounts.name().toLowerCase(Locale.ROOT)
                        + " reads the input twice, and " + o.input + " is not a regular file (a pipe or a device is "
                        + "read once): give a file, or --accounts off");
            }
            o.accounts = AccountsMode.OFF;
        }
        writableDirectory(o.failuresOut, "--failures-out"); // known before the import, not after hours of it
        Failures failures = new Failures(workDir.resolve(o.failuresOut), o.failuresOut);
        failures.clearLeftover(inputFile);
        if (o.validateOnly) {
            if (!o.quiet) {
                validationBanner(o, sample, inputFile);
            }
            return validateAll(o, sample, inputFile, failures);
        }

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
            return importAll(o, app, sample, inputFile, journal, input, simulator, failures);
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
            ChatSimulator simulator, Failures failures) throws Fatal {
        // The client paces 2 % under the server's limit, as its default limiter does; a limiter of its own (rather
        // than the JVM-wide one per SDKAppID) because this process is the only user of it.
        double pace = o.rate * (1 - RateLimiterRegistry.DEFAULT_PACE_MARGIN);
        try (FriendImportClient client = FriendImportClient.builder(app)
                .rateLimiter(new SmoothRateLimiter(pace))
                .requestTimeout(Duration.ofSeconds(o.timeoutSeconds))
                .build()) {
            GameFriendImporter.Builder settings = GameFriendImporter.builder(client)
                    .batchSize(o.batchSize)
                    .journal(journal, input) // the journal records the app and the input, and refuses others
                    .failuresFile(failures.partial) // every failure, written as it happens
                    .keepFailures(Math.max(o.showFailures, ImporterBuilder.DEFAULT_KEEP_FAILURES))
                    .maxLineBytes(o.maxLineBytes)
                    .maxBodyBytes(o.maxBodyBytes)
                    .pacing(o.pacing)
                    .outageLimit(Duration.ofSeconds(o.outageLimitSeconds))
                    .listener(new OutageNotices(o.outageLimitSeconds))
                    // accounts first, as Tencent's migration guide orders it: check them, or create the missing ones
                    .accounts(o.accounts)
                    .verify(o.verification); // read back and compared, what differs imported again
            if (o.breakerCalls == 0) {
                settings.breakerOff();
            } else {
                settings.breaker(o.breakerCalls, o.breakerRelations);
            }
            if (o.accountsFile != null) {
                settings.accountsFile(readableFile(o.accountsFile, "--accounts-file"));
            } else if (sample != null) {
                settings.accountsList(sample.accountItems()); // the players, with their nicknames
            }
            if (o.missingAccountsOut != null) {
                writableDirectory(o.missingAccountsOut, "--missing-accounts-out");
                settings.missingAccountsFile(workDir.resolve(o.missingAccountsOut));
            }
            if (!o.quiet) {
                settings.progress(progress());
            }
            if (o.verifyOnly) {
                return verifyAll(o, settings, sample, inputFile, simulator);
            }
            ImportReport report;
            importing = true;
            journalInUse = journal;
            failuresInUse = failures;
            try {
                if (sample != null) {
                    // The sample comes grouped by player: once a player's rows are read, their batch is complete,
                    // so a short linger sends it while the rest is still being read.
                    GameFriendImporter importer = settings.expectedTotal(sample.relations())
                            .linger(Duration.ofMillis(200))
                            .build();
                    // an Iterable, not a Stream: the accounts phase reads the input twice
                    Iterable<ImportRecord<GameFriendItem>> rows = () -> sample.rows().map(FriendRow::toRecord).iterator();
                    report = importer.run(rows);
                } else if (inputFile != null) {
                    // A regular file is counted first, for the progress bar's total; anything else (a pipe, a FIFO,
                    // a device) is read once, as it comes, with no total.
                    GameFriendImporter importer = settings.expectedTotal(countRecords(inputFile)).build();
                    report = importer.runJsonl(inputFile);
                } else {
                    GameFriendImporter importer = settings.build();
                    report = importer.run(JsonlInput.read(in, "stdin", GameFriendItem.TYPE, o.maxLineBytes));
                }
            } finally {
                importing = false;
            }
            printReport(o, report, simulator);
            failures.finish(report);
            return report.allImportedAndEqual() ? OK : SOME_FAILED;
        } catch (ImportAbortedException e) {
            printReport(o, e.report(), simulator);
            failures.finish(e.report());
            throw new Fatal("the import stopped: " + e.getMessage());
        } catch (JournalMismatchException | JournalInUseException e) {
            throw new Fatal("--journal: " + e.getMessage());
        } catch (IOException e) {
            throw new Fatal(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Fatal("interrupted");
        }
    }

    /**
     * {@code --verify-only}: nothing is imported (but repairs, with {@code --repair}); each From_Account of the input
     * has its friends read back and compared with the input.
     */
    private int verifyAll(Options o, GameFriendImporter.Builder settings, SampleGraph sample, Path inputFile,
            ChatSimulator simulator) throws Fatal, IOException, InterruptedException {
        VerificationReport report;
        try {
            if (sample != null) {
                report = settings.expectedTotal(sample.relations()).build()
                        .verify(sample.rows().map(FriendRow::toRecord));
            } else if (inputFile != null) {
                report = settings.build().verifyJsonl(inputFile);
            } else {
                report = settings.build().verify(JsonlInput.read(in, "stdin", GameFriendItem.TYPE, o.maxLineBytes));
            }
        } catch (VerificationAbortedException e) {
            out.print(e.report().summary(o.showFailures));
            throw new Fatal("the verification stopped: " + e.getMessage());
        }
        out.print(report.summary(o.showFailures));
        printSimulator(o, simulator);
        return report.allEqual() ? OK : SOME_FAILED;
    }

    /**
     * {@code --validate-only}: the same input and the same rules, through an importer that has no client. Nothing
     * is sent, no key is needed; the report and the failures file are those an import writes for its invalid records.
     */
    private int validateAll(Options o, SampleGraph sample, Path inputFile, Failures failures) throws Fatal {
        GameFriendImporter.Builder settings = GameFriendImporter.validator()
                .failuresFile(failures.partial)
                .keepFailures(Math.max(o.showFailures, ImporterBuilder.DEFAULT_KEEP_FAILURES))
                .maxLineBytes(o.maxLineBytes);
        if (!o.quiet) {
            settings.progress(progress());
        }
        ImportReport report;
        try {
            if (sample != null) {
                report = settings.expectedTotal(sample.relations()).build()
                        .validate(sample.rows().map(FriendRow::toRecord));
            } else if (inputFile != null) {
                report = settings.expectedTotal(countRecords(inputFile)).build().validateJsonl(inputFile);
            } else {
                report = settings.build().validate(JsonlInput.read(in, "stdin", GameFriendItem.TYPE, o.maxLineBytes));
            }
        } catch (ImportAbortedException e) {
            out.print(e.report().summary(o.showFailures));
            failures.finish(e.report());
            throw new Fatal("the validation stopped: " + e.getMessage());
        } catch (IOException e) {
            failures.finishPartial();
            throw new Fatal(describe(e));
        }
        out.print(report.summary(o.showFailures));
        failures.finish(report);
        return report.allValid() ? OK : SOME_FAILED;
    }

    private ProgressListener progress() {
        return err == System.err
                ? ConsoleProgress.toStandardError()
                : new ConsoleProgress(err, false, Duration.ofSeconds(5));
    }

    private void printReport(Options o, ImportReport report, ChatSimulator simulator) {
        out.print(report.summary(o.showFailures));
        printSimulator(o, simulator);
    }

    private void printSimulator(Options o, ChatSimulator simulator) {
        if (simulator != null) {
            SimulatorStats stats = simulator.stats();
            out.printf(Locale.ROOT, "The embedded simulator holds %,d relations of %,d users; it answered %,d calls,"
                            + " at most %,d in any second (its limit: %,d), %,d of them throttled.%n",
                    simulator.relationCount(), simulator.fromAccounts().size(), stats.calls(),
                    stats.maxAcceptedInAnySecond(), o.rate, stats.throttled());
            if (o.accounts != AccountsMode.OFF) {
                out.printf(Locale.ROOT, "It holds %,d accounts; account_check %,d calls, multiaccount_import %,d, "
                                + "account_import %,d.%n", simulator.accounts().size(),
                        stats.api(RestApi.ACCOUNT_CHECK).calls(), stats.api(RestApi.MULTIACCOUNT_IMPORT).calls(),
                        stats.api(RestApi.ACCOUNT_IMPORT).calls());
            }
            if (stats.silentLosses() > 0) {
                out.printf(Locale.ROOT, "It silently lost %,d relations (answered ResultCode 0, not stored: "
                        + "--sim-silent-loss %s).%n", stats.silentLosses(), o.simSilentLoss);
            }
        }
    }

    /**
     * The failures file: written as the failures happen into {@code FILE.part} beside it, then moved into place when
     * the run ends, so that it can be the very file being imported (the advice the run prints) and an earlier, complete
     * failures file is replaced only by a complete one. After a kill, the {@code .part} holds what failed before it;
     * the next run replaces it.
     */
    private final class Failures {
        final Path target;
        final Path partial;
        final String name;

        Failures(Path target, String name) {
            this.target = target;
            this.partial = target.resolveSibling(target.getFileName() + ".part");
            this.name = name;
        }

        /** Deletes the {@code .part} an interrupted run left, unless it is what this run reads. */
        void clearLeftover(Path inputFile) throws Fatal {
            try {
                if (Files.exists(partial) && (inputFile == null || !Files.isSameFile(partial, inputFile))) {
                    Files.delete(partial);
                }
            } catch (IOException e) {
                throw new Fatal("--failures-out: cannot replace " + partial + ": " + describe(e));
            }
        }

        /** Moves what was written into place, and says where the failures are. */
        void finish(ImportReport report) throws Fatal {
            if (report.failed() == 0) {
                out.println("Nothing failed: no failures file written.");
                return;
            }
            long written = report.failuresWritten();
            if (written > 0) {
                try {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new Fatal("--failures-out: cannot move " + partial + " to " + name + ": " + describe(e));
                }
                // a journal is of one input: the fixed failures are another, for a new journal (or none)
                boolean journaled = !report.validation() && journalInUse != null;
                out.printf(Locale.ROOT, "%,d failed relation%s written to %s: fix %s and %s with --input %s%s%n",
                        written, written == 1 ? "" : "s", name, written == 1 ? "it" : "them",
                        report.validation() ? "validate again" : "import " + (written == 1 ? "it" : "them"), name,
                        journaled ? " and a new --journal (or none)" : "");
            }
            if (report.failuresUnwritable() > 0) {
                out.printf(Locale.ROOT, "%,d failed record%s could not be written to %s: nothing of %s was kept "
                                + "(a line over --max-line-bytes); %s in the report.%n",
                        report.failuresUnwritable(), report.failuresUnwritable() == 1 ? "" : "s", name,
                        report.failuresUnwritable() == 1 ? "it" : "them",
                        report.failuresUnwritable() == 1 ? "it is" : "they are");
            }
        }

        /** After an error that ends the run without a report: the failures so far, moved into place. */
        void finishPartial() {
            try {
                if (Files.exists(partial)) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    out.println("The failures found before the error are in " + name + ".");
                }
            } catch (IOException e) {
                // the .part stays: say so
                out.println("The failures found before the error are in " + partial + ".");
            }
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
            // The app knows most players (those who joined since have no account yet), and not the deleted friend
            config.accounts(sample.accountsBeforeImport());
        }
        if (o.simLatencyMillis > 0) {
            config.latency(Duration.ofMillis(o.simLatencyMillis), Duration.ofMillis(o.simLatencyMillis / 5));
        }
        if (o.simFaults > 0) {
            config.fault(Fault.HTTP_502, o.simFaults / 2).fault(Fault.REQUEST_30006, o.simFaults / 2);
        }
        if (o.simSilentLoss > 0) {
            config.silentLoss(o.simSilentLoss); // answered 0, not stored: for the verification to find
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
            Path file = keyFile(o);
            try {
                String key = Files.readString(file, StandardCharsets.UTF_8);
                key = (key.startsWith("\uFEFF") ? key.substring(1) : key).strip(); // as SecretKey.fromFile reads it
                if (key.isEmpty()) {
                    throw new Fatal("--key-file " + shownKeyFile(o.keyFile) + " is empty: it must hold the app's "
                            + "secret key");
                }
                return key;
            } catch (IOException e) {
                throw new Fatal("--key-file: cannot read " + shownKeyFile(o.keyFile) + ": " + describe(e));
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
            Path file = keyFile(o);
            try {
                return SecretKey.fromFile(file);
            } catch (IllegalArgumentException e) {
                throw new Fatal("--key-file: " + e.getMessage());
            } catch (IOException e) {
                throw new Fatal("--key-file: cannot read " + shownKeyFile(o.keyFile) + ": " + describe(e));
            }
        }
        String value = env.get(Options.KEY_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new Fatal("no secret key: give --key-file FILE, or set the environment variable "
                    + Options.KEY_VARIABLE + " to the app's secret key");
        }
        return SecretKey.of(value);
    }

    /**
     * The key file, checked: it exists and can be read, and a warning when other users of the machine can read it
     * too. Its name is shown in messages unless it looks like a key rather than a file name.
     */
    private Path keyFile(Options o) throws Fatal {
        Path file = readableFile(o.keyFile, "--key-file", shownKeyFile(o.keyFile));
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                err.println(NAME + ": warning: --key-file " + o.keyFile + " can be read by other users of this machine ("
                        + PosixFilePermissions.toString(permissions) + "): chmod 600 " + o.keyFile);
                err.flush();
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): its ACLs are not checked here
        }
        return file;
    }

    /**
     * The {@code --key-file} value as messages show it: as it is when it looks like a file name, and not at all when
     * it looks like a key (16 characters or more, with no {@code /}, {@code \\} or {@code .}), since a key given as
     * {@code --key-file} by mistake must not be printed.
     */
    static String shownKeyFile(String value) {
        boolean fileName = value.length() < 16 || value.indexOf('/') >= 0 || value.indexOf('\\') >= 0
                || value.indexOf('.') >= 0;
        return fileName ? value : "(a value of " + value.length() + " characters with no / or ., not printed: it may be "
                + "the key itself; --key-file takes the name of a file that holds the key)";
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
        return readableFile(name, option, name);
    }

    /** The file, checked to exist and be readable; {@code shown} is how messages name it. */
    private Path readableFile(String name, String option, String shown) throws Fatal {
        Path file = workDir.resolve(name);
        if (!Files.exists(file)) {
            throw new Fatal(option + ": no such file: " + shown);
        }
        if (Files.isDirectory(file)) {
            throw new Fatal(option + ": " + shown + " is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new Fatal(option + ": cannot read " + shown + ": permission denied");
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
     * ({@link JournalIdentity}: the same app, the same input, no other importer using it), with one leniency of the
     * example's own: an input file that was moved or renamed since may resume the journal, with a note, since the
     * journal checks the records themselves as they are read.
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
            String was = recorded == null ? null : recorded.input();
            if (was != null && was.startsWith("file ") && input.startsWith("file ") && !was.equals(input)) {
                JournalIdentity.of(app, was).checkResumable(journal); // the same app, at least
                err.println(NAME + ": journal " + journal + " was written for " + was + "; this run reads " + input
                        + ": it resumes if that holds the same records, which the journal checks as they are read");
                return was;
            }
            JournalIdentity.of(app, input).checkResumable(journal);
            return input;
        } catch (JournalMismatchException | JournalInUseException e) {
            throw new Fatal("--journal: " + e.getMessage());
        } catch (IOException e) {
            throw new Fatal("--journal: " + describe(e));
        }
    }

    /**
     * Records in a JSONL file, its lines that are not blank, for the progress bar's total: read once up front, and
     * only for a regular file. A pipe, a FIFO or a device ({@code --input <(cmd)}, {@code /dev/stdin}) can be read only
     * once, so it is not counted: -1, and the progress shows no total.
     */
    static long countRecords(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        long records = 0;
        boolean blank = true;
        byte[] buffer = new byte[1 << 16];
        try (InputStream s = Files.newInputStream(file)) {
            int n;
            while ((n = s.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        records += blank ? 0 : 1;
                        blank = true;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        blank = false;
                    }
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
        out.println("  accounts " + switch (o.accounts) {
            case IMPORT -> "import: check every account the relations name, create the missing ones"
                    + (simulator != null && sample != null ? String.format(Locale.ROOT, " (the simulator knows %,d of"
                            + " the %,d players)", sample.accountsBeforeImport().size(), sample.users()) : "")
                    + ", then the relations";
            case CHECK -> "check: report the accounts that do not exist and send none of their relations (--accounts "
                    + "import creates them)";
            case OFF -> "off: relations only";
        });
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
        if (o.verifyOnly) {
            out.println("  proof    --verify-only: nothing is imported" + (o.verification.repairs()
                    ? " but repairs (--repair)" : " (report only; --repair imports what differs)") + "; verification "
                    + o.verification);
        } else if (o.verification.isOn()) {
            out.println("  proof    verification " + o.verification + ": every relation of "
                    + (o.verification.mode() == io.timport.bulk.Verification.Mode.FULL ? "every user"
                            : o.verification.sampleUsers() + " users drawn at random")
                    + " read back and compared, what differs imported again");
        } else {
            out.println("  proof    none (--verify off)");
        }
        if (simulator != null && o.simSilentLoss > 0) {
            out.printf(Locale.ROOT, "  faults   the simulator silently loses %s of the relations (--sim-silent-loss): "
                    + "answered ResultCode 0, not stored%n", new DecimalFormat("0.##%",
                            DecimalFormatSymbols.getInstance(Locale.ROOT)).format(o.simSilentLoss));
        }
        out.flush();
    }

    private void validationBanner(Options o, SampleGraph sample, Path inputFile) {
        out.println("timport example: validating a game's friend lists with GameFriendImporter.validator()");
        if (sample != null) {
            out.printf(Locale.ROOT, "  input    a generated sample: %,d users, %,d relations, %,d broken on purpose "
                            + "(%,d to be caught here, %,d only the server can catch), seed %d%n",
                    sample.users(), sample.relations(), sample.invalid(), sample.invalidBeforeSending(),
                    sample.invalid() - sample.invalidBeforeSending(), sample.seed());
        } else {
            out.println("  input    " + (inputFile != null ? o.input : "standard input") + " (JSONL)");
        }
        out.println("  rules    every rule of friend_import an import checks before sending; nothing is sent, no key"
                + " is needed" + (o.embedded() ? "" : ", the target is not contacted")
                + (o.journal == null ? "" : ", the journal is not used"));
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
        Failures failures = failuresInUse;
        err.println();
        err.println(NAME + ": interrupted; " + (journal != null
                ? "run the same command again to resume from the journal " + journal
                : "without --journal a new run starts from the beginning (importing a friend again overwrites it)")
                + (failures != null && Files.exists(failures.partial)
                        ? "; the failures so far are in " + failures.partial : ""));
        err.flush();
    }
}
