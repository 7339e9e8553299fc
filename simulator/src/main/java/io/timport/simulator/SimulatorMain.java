package io.timport.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The command line: {@code java -jar timport-simulator.jar --secret-key-file key.txt --custom-fields Level:integer}.
 * Prints {@code listening on http://127.0.0.1:PORT} on standard output once ready and runs until killed;
 * a one-line summary of the configuration (never the key) goes to standard error, and so do the final
 * counters when the process is stopped. {@code --help} lists every option, {@code --version} prints the version.
 *
 * <p>Exit status (the project's scheme, shared with the importer's command line): 0 stopped normally, or
 * {@code --help} / {@code --version}; 1 the server could not start, or the process ran out of memory (it exits at
 * once rather than run on wedged); 64 usage error (unknown option, bad value).
 */
public final class SimulatorMain {

    /** Exit status: stopped normally. */
    static final int OK = 0;
    /** Exit status: could not start, or ran out of memory. */
    static final int FAILED = 1;
    /** Exit status: usage error (EX_USAGE). */
    static final int USAGE = 64;

    /** Written on an OutOfMemoryError without allocating. */
    private static final byte[] OUT_OF_MEMORY = ("timport simulator: out of memory; exiting with status 1 (bound the store "
            + "with --max-relations, or give the JVM more heap with -Xmx)" + System.lineSeparator())
            .getBytes(StandardCharsets.UTF_8);

    private SimulatorMain() {
    }

    /**
     * Runs the simulator until the process is killed; see the class comment for the exit status.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        exitOnOutOfMemory();
        int status = run(args, System.out, System.err, simulator -> {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.err.println("timport simulator stopping; " + summary(simulator.stats()));
                simulator.close();
                stopped.countDown();
            }, "timport-simulator-shutdown"));
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (status != OK) {
            System.exit(status);
        }
    }

    /**
     * After a heap OutOfMemoryError a server is wedged (its dispatcher thread may be dead, and it then ignored
     * SIGTERM): as a process it exits at once, with status 1, without running shutdown hooks (which would need
     * memory). Only the command line does this; an embedded simulator never ends its host JVM.
     */
    static void exitOnOutOfMemory() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof OutOfMemoryError) {
                System.err.write(OUT_OF_MEMORY, 0, OUT_OF_MEMORY.length);
                System.err.flush();
                Runtime.getRuntime().halt(FAILED);
            } else if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                error.printStackTrace();
            }
        });
    }

    /**
     * Parses {@code args}, starts the simulator, prints the {@code listening on} line, hands the running
     * simulator to {@code whileRunning} and closes it when that returns.
     *
     * @return the exit status: 0 (including {@code --help} and {@code --version}), 1 if the server cannot start,
     *     64 for bad options
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<ChatSimulator> whileRunning) {
        SimulatorOptions options = new SimulatorOptions();
        CommandLine cl = new CommandLine(options);
        SimulatorConfig config;
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(new PrintWriter(out, true, StandardCharsets.UTF_8));
                out.flush();
                return OK;
            }
            if (cl.isVersionHelpRequested()) {
                cl.printVersionHelp(new PrintWriter(out, true, StandardCharsets.UTF_8));
                out.flush();
                return OK;
            }
            config = options.toConfig();
        } catch (ParameterException e) {
            return usage(err, e.getMessage());
        } catch (SimulatorOptions.UsageException e) {
            return usage(err, e.getMessage());
        }
        if (options.requestTimeoutSeconds != null) {
            // Read once by the JDK when its first server starts: effective when this is the process's first one.
            System.setProperty(ChatSimulator.MAX_REQUEST_TIME_PROPERTY, String.valueOf(options.requestTimeoutSeconds));
        }
        ChatSimulator simulator;
        try {
            simulator = ChatSimulator.start(config);
        } catch (IOException e) {
            err.println("timport simulator: cannot listen on 127.0.0.1:" + config.port() + ": " + e.getMessage());
            return FAILED;
        }
        try {
            err.println("timport simulator: " + describe(config));
            err.flush();
            out.println("listening on " + simulator.baseUri());
            out.flush();
            whileRunning.accept(simulator);
        } finally {
            simulator.close();
        }
        return OK;
    }

    private static int usage(PrintStream err, String message) {
        err.println("timport simulator: " + message);
        err.println("Try --help for the options.");
        err.flush();
        return USAGE;
    }

    static String describe(SimulatorConfig c) {
        StringBuilder s = new StringBuilder();
        s.append("SDKAppID ").append(c.sdkAppId())
                .append(", admins ").append(String.join(",", c.admins()))
                .append(", ").append(c.rateLimitPerSecond()).append(" calls/s (throttle code ")
                .append(c.throttleCode()).append(')');
        s.append(", custom fields ");
        if (c.customFields().isEmpty()) {
            s.append("none");
        } else {
            StringBuilder f = new StringBuilder();
            c.customFields().forEach((k, v) -> f.append(f.length() == 0 ? "" : ",").append(k).append(':')
                    .append(v.name().toLowerCase(java.util.Locale.ROOT)));
            s.append(f);
        }
        s.append(", accounts ").append(c.accounts().map(a -> "known only (" + a.size() + " seeded)").orElse("any"));
        s.append(", limits ").append(c.maxItemsPerRequest()).append(" items/request, ")
                .append(c.maxFriendsPerUser()).append(" friends, ").append(c.maxGroupsPerUser()).append(" groups, ")
                .append(c.maxRequestBodyBytes()).append(" body bytes");
        if (c.maxStoredRelations() != Long.MAX_VALUE) {
            s.append(", ").append(c.maxStoredRelations()).append(" relations");
        }
        StringBuilder rates = new StringBuilder();
        for (RestApi api : RestApi.values()) {
            if (api != RestApi.FRIEND_IMPORT && c.rateLimitPerSecond(api) != api.documentedCallsPerSecond()) {
                rates.append(rates.length() == 0 ? ", rates " : ",").append(api.optionName()).append(' ')
                        .append(c.rateLimitPerSecond(api)).append("/s");
            }
        }
        s.append(rates);
        if (!c.latency().isZero() || !c.latencyJitter().isZero()) {
            s.append(", latency ").append(c.latency().toMillis()).append("+0..")
                    .append(c.latencyJitter().toMillis()).append(" ms");
        }
        if (!c.stallPeriod().isZero()) {
            s.append(", stalls every ").append(c.stallPeriod().toMillis()).append(" ms for ")
                    .append(c.stallMinDuration().toMillis()).append("..").append(c.stallMaxDuration().toMillis())
                    .append(" ms");
        }
        if (!c.faults().isEmpty()) {
            s.append(", faults (seed ").append(c.faultSeed()).append(')');
            c.faults().forEach((f, p) -> s.append(' ').append(f.option()).append('=').append(p));
        }
        if (c.lockoutAfterFailures() > 0) {
            s.append(", lockout after ").append(c.lockoutAfterFailures()).append(" failed UserSig checks for ")
                    .append(c.lockoutDuration().toSeconds()).append(" s");
        }
        return s.toString();
    }

    static String summary(SimulatorStats s) {
        StringBuilder apis = new StringBuilder();
        for (RestApi api : RestApi.values()) {
            ApiStats a = s.api(api);
            if (api != RestApi.FRIEND_IMPORT && a.calls() > 0) {
                apis.append(", ").append(api.optionName()).append(" calls ").append(a.calls())
                        .append(" (throttled ").append(a.throttled()).append(')');
            }
        }
        return "calls " + s.calls() + ", accepted " + s.accepted() + ", throttled " + s.throttled()
                + ", conflicts " + s.conflicts() + ", succeeded " + s.succeeded() + ", items stored " + s.itemsStored()
                + ", request failures " + s.requestFailures() + ", item failures " + s.itemFailures()
                + ", injected " + s.injectedFaults() + ", max accepted in a second " + s.maxAcceptedInAnySecond()
                + ", max concurrent " + s.maxConcurrentRequests()
                + (s.stalls() > 0 ? ", stalls " + s.stalls() + " (held " + s.stalledRequests() + ")" : "")
                + (s.oversizedBodies() > 0 ? ", bodies over the cap " + s.oversizedBodies() : "")
                + (s.silentLosses() > 0 ? ", silent losses " + s.silentLosses() : "")
                + apis;
    }
}
