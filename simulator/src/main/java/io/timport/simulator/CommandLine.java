package io.timport.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns the simulator's command-line options into a {@link SimulatorConfig}. */
final class CommandLine {

    /** A problem with the options, reported with the usage hint. Never carries the secret key. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private static final Set<String> REPEATABLE = Set.of("admin", "custom-fields", "accounts");
    private static final Set<String> FLAGS = Set.of("help");

    static String usage() {
        StringBuilder s = new StringBuilder();
        s.append("Usage: java -jar timport-simulator.jar [options]\n")
                .append("A simulator of Tencent Cloud Chat's REST API POST /v4/sns/friend_import on 127.0.0.1.\n")
                .append("Prints \"listening on http://127.0.0.1:PORT\" once ready; runs until killed.\n\n")
                .append("Options:\n");
        option(s, "--port N", "TCP port on 127.0.0.1; 0 picks a free port (default 0)");
        option(s, "--sdkappid N", "the SDKAppID served (default 1400000000)");
        option(s, "--secret-key KEY", "the app's secret key for UserSig checks (visible in ps: prefer the next)");
        option(s, "--secret-key-file FILE", "read the secret key from FILE (surrounding whitespace ignored)");
        option(s, "--admin ID[,ID...]", "admin identifier(s); repeatable (default administrator)");
        option(s, "--rate N", "calls admitted per sliding second for the SDKAppID (default 200)");
        option(s, "--throttle-code CODE", "answer to a throttled call: 60007, 60011, 60018 or 60019 (default 60011)");
        option(s, "--custom-fields K:T[,K:T...]", "custom friend fields, K = 1-8 letters, T = string|integer;");
        option(s, "", "repeatable (e.g. Level:integer,Guild:string)");
        option(s, "--accounts ID[,ID...]", "the accounts that exist; repeatable. With this or --accounts-file,");
        option(s, "", "unknown accounts get 30003 (default: every account exists)");
        option(s, "--accounts-file FILE", "the accounts that exist, one per line (# comments, blanks skipped)");
        option(s, "--max-items N", "most AddFriendItem entries per request (default 1000)");
        option(s, "--max-friends N", "most friends per user (default 3000)");
        option(s, "--max-groups N", "most friend groups per user (default 32)");
        option(s, "--latency-ms N", "processing time added while the From_Account is held (default 0)");
        option(s, "--jitter-ms N", "plus a uniform 0..N ms per call (default 0)");
        option(s, "--lockout-after N", "after N failed UserSig checks for one identifier within the lockout");
        option(s, "", "period, answer 70050 for that period (default 0: off)");
        option(s, "--lockout-seconds N", "the lockout period (default 60)");
        option(s, "--fault-seed N", "seed of every fault and jitter draw (default 0)");
        option(s, "--fault-drop P", "probability 0..1 of closing the connection without an answer");
        option(s, "--fault-http-502 P", "probability of HTTP 502 Bad Gateway");
        option(s, "--fault-request-30006 P", "probability of request-level 30006 (nothing stored)");
        option(s, "--fault-request-30007 P", "probability of request-level 30007 (nothing stored)");
        option(s, "--fault-applied-30007 P", "probability of storing every item but answering 30007");
        option(s, "--fault-item-30006 P", "probability, per valid item, of ResultCode 30006 (item not stored)");
        option(s, "--help", "print this help and exit");
        return s.toString();
    }

    private static void option(StringBuilder s, String name, String text) {
        s.append(String.format(Locale.ROOT, "  %-30s %s%n", name, text));
    }

    /** The parsed options: a configuration, or null when only help was asked for. */
    static SimulatorConfig parse(String[] args) throws UsageException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument \"" + arg + "\"; options start with --");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (FLAGS.contains(name)) {
                value = "";
            } else {
                if (i + 1 >= args.length) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!known(name)) {
                throw new UsageException("unknown option --" + name);
            }
            List<String> values = options.computeIfAbsent(name, k -> new ArrayList<>());
            if (!values.isEmpty() && !REPEATABLE.contains(name)) {
                throw new UsageException("option --" + name + " is given more than once");
            }
            values.add(value);
        }
        if (options.containsKey("help")) {
            return null;
        }

        SimulatorConfig.Builder b = SimulatorConfig.builder();
        try {
            if (options.containsKey("port")) {
                b.port(integer(options, "port"));
            }
            if (options.containsKey("sdkappid")) {
                b.sdkAppId(longValue(options, "sdkappid"));
            }
            boolean inline = options.containsKey("secret-key");
            boolean file = options.containsKey("secret-key-file");
            if (inline == file) {
                throw new UsageException("give the secret key with exactly one of --secret-key or --secret-key-file");
            }
            if (inline) {
                String key = single(options, "secret-key");
                if (key.isEmpty()) {
                    throw new UsageException("--secret-key is empty");
                }
                b.secretKey(key);
            } else {
                Path path = Path.of(single(options, "secret-key-file"));
                String key;
                try {
                    key = Files.readString(path, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new UsageException("cannot read --secret-key-file " + path + ": " + e);
                }
                if (key.isEmpty()) {
                    throw new UsageException("--secret-key-file " + path + " is empty");
                }
                b.secretKey(key);
            }
            if (options.containsKey("admin")) {
                b.admins(list(options, "admin"));
            }
            if (options.containsKey("rate")) {
                b.rateLimitPerSecond(integer(options, "rate"));
            }
            if (options.containsKey("throttle-code")) {
                b.throttleCode(integer(options, "throttle-code"));
            }
            for (String field : list(options, "custom-fields")) {
                int colon = field.indexOf(':');
                if (colon < 0) {
                    throw new UsageException("--custom-fields entry \"" + field
                            + "\" must be KEYWORD:TYPE with TYPE string or integer");
                }
                String type = field.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                CustomFieldType t;
                if (type.equals("string")) {
                    t = CustomFieldType.STRING;
                } else if (type.equals("integer")) {
                    t = CustomFieldType.INTEGER;
                } else {
                    throw new UsageException("--custom-fields entry \"" + field
                            + "\": the type must be string or integer");
                }
                b.customField(field.substring(0, colon).trim(), t);
            }
            List<String> accounts = new ArrayList<>();
            boolean accountsGiven = false;
            if (options.containsKey("accounts")) {
                accounts.addAll(list(options, "accounts"));
                accountsGiven = true;
            }
            if (options.containsKey("accounts-file")) {
                Path path = Path.of(single(options, "accounts-file"));
                try {
                    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                        String id = line.strip();
                        if (!id.isEmpty() && !id.startsWith("#")) {
                            accounts.add(id);
                        }
                    }
                } catch (IOException e) {
                    throw new UsageException("cannot read --accounts-file " + path + ": " + e);
                }
                accountsGiven = true;
            }
            if (accountsGiven) {
                b.accounts(accounts);
            }
            if (options.containsKey("max-items")) {
                b.maxItemsPerRequest(integer(options, "max-items"));
            }
            if (options.containsKey("max-friends")) {
                b.maxFriendsPerUser(integer(options, "max-friends"));
            }
            if (options.containsKey("max-groups")) {
                b.maxGroupsPerUser(integer(options, "max-groups"));
            }
            long latency = options.containsKey("latency-ms") ? longValue(options, "latency-ms") : 0;
            long jitter = options.containsKey("jitter-ms") ? longValue(options, "jitter-ms") : 0;
            b.latency(Duration.ofMillis(latency), Duration.ofMillis(jitter));
            if (options.containsKey("lockout-after") || options.containsKey("lockout-seconds")) {
                int after = options.containsKey("lockout-after") ? integer(options, "lockout-after") : 0;
                long seconds = options.containsKey("lockout-seconds") ? longValue(options, "lockout-seconds") : 60;
                b.signatureLockout(after, Duration.ofSeconds(seconds));
            }
            if (options.containsKey("fault-seed")) {
                b.faultSeed(longValue(options, "fault-seed"));
            }
            for (Fault fault : Fault.values()) {
                if (options.containsKey(fault.option())) {
                    String v = single(options, fault.option());
                    double p;
                    try {
                        p = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--" + fault.option() + " must be a probability within 0..1, got \""
                                + v + "\"");
                    }
                    b.fault(fault, p);
                }
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static boolean known(String name) {
        switch (name) {
            case "port": case "sdkappid": case "secret-key": case "secret-key-file": case "admin": case "rate":
            case "throttle-code": case "custom-fields": case "accounts": case "accounts-file": case "max-items":
            case "max-friends": case "max-groups": case "latency-ms": case "jitter-ms": case "lockout-after":
            case "lockout-seconds": case "fault-seed": case "help":
                return true;
            default:
                for (Fault f : Fault.values()) {
                    if (f.option().equals(name)) {
                        return true;
                    }
                }
                return false;
        }
    }

    private static String single(Map<String, List<String>> options, String name) {
        return options.get(name).get(0);
    }

    private static List<String> list(Map<String, List<String>> options, String name) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String value : options.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                String p = part.trim();
                if (!p.isEmpty() && seen.add(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static int integer(Map<String, List<String>> options, String name) throws UsageException {
        long v = longValue(options, name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new UsageException("--" + name + " is out of range: " + v);
        }
        return (int) v;
    }

    private static long longValue(Map<String, List<String>> options, String name) throws UsageException {
        String v = single(options, name);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got \"" + v + "\"");
        }
    }

    private CommandLine() {
    }
}
