package io.timport.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The command line: {@code java -jar timport-simulator.jar --secret-key-file key.txt --custom-fields Level:integer}.
 * Prints {@code listening on http://127.0.0.1:PORT} on standard output once ready and runs until killed;
 * a one-line summary of the configuration (never the key) goes to standard error, and so do the final
 * counters when the process is stopped. {@code --help} lists every option.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    /** Runs the simulator until the process is killed; exit status 2 for bad options, 1 if it cannot start. */
    public static void main(String[] args) {
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
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Parses {@code args}, starts the simulator, prints the {@code listening on} line, hands the running
     * simulator to {@code whileRunning} and closes it when that returns.
     *
     * @return the exit status: 0 (including {@code --help}), 1 if the server cannot start, 2 for bad options
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<ChatSimulator> whileRunning) {
        SimulatorConfig config;
        try {
            config = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("timport simulator: " + e.getMessage());
            err.println("Try --help for the options.");
            return 2;
        }
        if (config == null) {
            out.print(CommandLine.usage());
            out.flush();
            return 0;
        }
        ChatSimulator simulator;
        try {
            simulator = ChatSimulator.start(config);
        } catch (IOException e) {
            err.println("timport simulator: cannot listen on 127.0.0.1:" + config.port() + ": " + e.getMessage());
            return 1;
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
        return 0;
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
        s.append(", accounts ").append(c.accounts().map(a -> a.size() + " listed").orElse("any"));
        s.append(", limits ").append(c.maxItemsPerRequest()).append(" items/request, ")
                .append(c.maxFriendsPerUser()).append(" friends, ").append(c.maxGroupsPerUser()).append(" groups");
        if (!c.latency().isZero() || !c.latencyJitter().isZero()) {
            s.append(", latency ").append(c.latency().toMillis()).append("+0..")
                    .append(c.latencyJitter().toMillis()).append(" ms");
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
        return "calls " + s.calls() + ", accepted " + s.accepted() + ", throttled " + s.throttled()
                + ", conflicts " + s.conflicts() + ", succeeded " + s.succeeded() + ", items stored " + s.itemsStored()
                + ", request failures " + s.requestFailures() + ", item failures " + s.itemFailures()
                + ", injected " + s.injectedFaults() + ", max accepted in a second " + s.maxAcceptedInAnySecond()
                + ", max concurrent " + s.maxConcurrentRequests();
    }
}
