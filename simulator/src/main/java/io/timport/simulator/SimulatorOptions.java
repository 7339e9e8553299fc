package io.timport.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The simulator's command-line options (picocli), turned into a {@link SimulatorConfig} by {@link #toConfig()}.
 * Every option of the hand-written parser it replaced keeps its name and meaning.
 */
@Command(name = "timport-simulator",
        mixinStandardHelpOptions = true,
        versionProvider = SimulatorOptions.Version.class,
        sortOptions = false,
        usageHelpWidth = 80,
        customSynopsis = "java -jar timport-simulator.jar [OPTIONS]",
        description = {
            "A simulator of Tencent Cloud Chat's REST APIs for a friend migration on",
            "127.0.0.1: friend_import, friend_get, friend_check, account_import,",
            "multiaccount_import, account_check.",
            "Prints \"listening on http://127.0.0.1:PORT\" once ready; runs until killed.",
            ""},
        footer = {"",
            "Exit status:",
            "   0   stopped normally (killed), or --help, --version",
            "   1   the server could not start (e.g. the port is taken), or ran out of memory",
            "  64   a usage error: an unknown option, a missing or bad value"})
final class SimulatorOptions {

    /** A problem with the options, reported with the usage hint. Never carries the secret key. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** The version from the build ({@code version.properties}, filtered by Maven). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"timport simulator " + version()};
        }

        static String version() {
            try (InputStream in = SimulatorOptions.class.getResourceAsStream("version.properties")) {
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

    @Option(names = "--port", paramLabel = "N", description = "TCP port on 127.0.0.1; 0 picks a free port (default 0)")
    Integer port;

    @Option(names = "--sdkappid", paramLabel = "N", description = "the SDKAppID served (default 1400000000)")
    Long sdkAppId;

    @Option(names = "--secret-key", paramLabel = "KEY",
            description = "the app's secret key for UserSig checks (visible in ps: prefer --secret-key-file)")
    String secretKey;

    @Option(names = "--secret-key-file", paramLabel = "FILE",
            description = "read the secret key from FILE (surrounding whitespace ignored)")
    Path secretKeyFile;

    @Option(names = "--admin", paramLabel = "ID", split = ",", splitSynopsisLabel = ",",
            description = "admin identifier(s); repeatable (default administrator)")
    List<String> admins = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "N",
            description = "friend_import calls admitted per sliding second (default 200)")
    Integer rate;

    @Option(names = "--rate-friend-get", paramLabel = "N", description = "friend_get calls per second (default 200)")
    Integer rateFriendGet;

    @Option(names = "--rate-friend-check", paramLabel = "N",
            description = "friend_check calls per second (default 200)")
    Integer rateFriendCheck;

    @Option(names = "--rate-account-import", paramLabel = "N",
            description = "account_import calls per second (default 200)")
    Integer rateAccountImport;

    @Option(names = "--rate-multiaccount-import", paramLabel = "N",
            description = "multiaccount_import calls per second (default 100)")
    Integer rateMultiaccountImport;

    @Option(names = "--rate-account-check", paramLabel = "N",
            description = "account_check calls per second (default 100)")
    Integer rateAccountCheck;

    @Option(names = "--throttle-code", paramLabel = "CODE",
            description = "answer to a throttled call: 60007, 60011, 60018 or 60019 (default 60011)")
    Integer throttleCode;

    @Option(names = "--custom-fields", paramLabel = "K:T", split = ",", splitSynopsisLabel = ",",
            description = "custom friend fields, K = 1-8 letters, T = string|integer; repeatable "
                    + "(e.g. Level:integer,Guild:string)")
    List<String> customFields = new ArrayList<>();

    @Option(names = "--accounts", paramLabel = "ID", split = ",", splitSynopsisLabel = ",",
            description = "known-accounts mode, seeded with these accounts; repeatable")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--accounts-file", paramLabel = "FILE",
            description = "known-accounts mode, seeded from FILE: one UserID a line (# comments, blanks skipped)")
    Path accountsFile;

    @Option(names = "--known-accounts",
            description = "known-accounts mode: only seeded accounts and those created through account_import or "
                    + "multiaccount_import exist; the others get 30003 (default: every account exists)")
    boolean knownAccounts;

    @Option(names = "--max-items", paramLabel = "N",
            description = "most AddFriendItem entries per friend_import request (default 1000)")
    Integer maxItems;

    @Option(names = "--max-friends", paramLabel = "N", description = "most friends per user (default 3000)")
    Integer maxFriends;

    @Option(names = "--max-groups", paramLabel = "N", description = "most friend groups per user (default 32)")
    Integer maxGroups;

    @Option(names = "--max-relations", paramLabel = "N",
            description = "most relations stored; past it new ones get 30001 \"store is full\" (default: no limit)")
    Long maxRelations;

    @Option(names = "--max-body-bytes", paramLabel = "N",
            description = "largest request body; a larger one gets HTTP 413 (default 1048576)")
    Integer maxBodyBytes;

    @Option(names = "--handler-threads", paramLabel = "N",
            description = "most requests handled at once; more wait in a bounded queue (default 256)")
    Integer handlerThreads;

    @Option(names = "--request-timeout-seconds", paramLabel = "N",
            description = "close a connection whose request (headers and body) has not arrived within N s "
                    + "(default " + ChatSimulator.DEFAULT_MAX_REQUEST_SECONDS + ")")
    Integer requestTimeoutSeconds;

    @Option(names = "--page-size", paramLabel = "N", description = "friends per friend_get page (default 100)")
    Integer pageSize;

    @Option(names = "--return-unset-fields",
            description = "friend_get also returns fields never set, with zero values (default: only fields set)")
    boolean returnUnsetFields;

    @Option(names = "--latency-ms", paramLabel = "N",
            description = "processing time added to every call (friend_import: while its From_Account is held) "
                    + "(default 0)")
    Long latencyMs;

    @Option(names = "--jitter-ms", paramLabel = "N", description = "plus a uniform 0..N ms per call (default 0)")
    Long jitterMs;

    @Option(names = "--lockout-after", paramLabel = "N",
            description = "after N failed UserSig checks for one identifier within the lockout period, answer 70050 "
                    + "for that period (default 0: off)")
    Integer lockoutAfter;

    @Option(names = "--lockout-seconds", paramLabel = "N", description = "the lockout period (default 60)")
    Long lockoutSeconds;

    @Option(names = "--stall-every-ms", paramLabel = "N",
            description = "stall the server every N ms, as a GC pause would: requests arriving during a stall are "
                    + "admitted when it ends, all at once (default 0: never)")
    Long stallEveryMs;

    @Option(names = "--stall-min-ms", paramLabel = "N", description = "shortest stall (default 50)")
    Long stallMinMs;

    @Option(names = "--stall-max-ms", paramLabel = "N", description = "longest stall (default 150)")
    Long stallMaxMs;

    @Option(names = "--fault-seed", paramLabel = "N",
            description = "seed of every fault, jitter and stall draw (default 0)")
    Long faultSeed;

    @Option(names = "--fault-drop", paramLabel = "P",
            description = "probability 0..1 of closing the connection without an answer")
    Double faultDrop;

    @Option(names = "--fault-http-502", paramLabel = "P", description = "probability of HTTP 502 Bad Gateway")
    Double faultHttp502;

    @Option(names = "--fault-request-30006", paramLabel = "P",
            description = "probability of request-level 30006 (nothing stored)")
    Double faultRequest30006;

    @Option(names = "--fault-request-30007", paramLabel = "P",
            description = "probability of request-level 30007 (nothing stored)")
    Double faultRequest30007;

    @Option(names = "--fault-applied-30007", paramLabel = "P",
            description = "probability of storing every item but answering 30007")
    Double faultApplied30007;

    @Option(names = "--fault-item-30006", paramLabel = "P",
            description = "probability, per valid item, of ResultCode 30006 (item not stored)")
    Double faultItem30006;

    @Option(names = "--fault-silent-loss", paramLabel = "P",
            description = "probability, per item that would be stored, of answering ResultCode 0 without storing it")
    Double faultSilentLoss;

    /** The configuration these options describe. */
    SimulatorConfig toConfig() throws UsageException {
        SimulatorConfig.Builder b = SimulatorConfig.builder();
        try {
            if (port != null) {
                b.port(port);
            }
            if (sdkAppId != null) {
                b.sdkAppId(sdkAppId);
            }
            if ((secretKey == null) == (secretKeyFile == null)) {
                throw new UsageException("give the secret key with exactly one of --secret-key or --secret-key-file");
            }
            if (secretKey != null) {
                if (secretKey.isEmpty()) {
                    throw new UsageException("--secret-key is empty");
                }
                b.secretKey(secretKey);
            } else {
                String key;
                try {
                    key = Files.readString(secretKeyFile, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new UsageException("cannot read --secret-key-file " + secretKeyFile + ": " + e);
                }
                if (key.isEmpty()) {
                    throw new UsageException("--secret-key-file " + secretKeyFile + " is empty");
                }
                b.secretKey(key);
            }
            List<String> adminIds = trimmed(admins);
            if (!adminIds.isEmpty()) {
                b.admins(adminIds);
            }
            rate(b, RestApi.FRIEND_IMPORT, rate);
            rate(b, RestApi.FRIEND_GET, rateFriendGet);
            rate(b, RestApi.FRIEND_CHECK, rateFriendCheck);
            rate(b, RestApi.ACCOUNT_IMPORT, rateAccountImport);
            rate(b, RestApi.MULTIACCOUNT_IMPORT, rateMultiaccountImport);
            rate(b, RestApi.ACCOUNT_CHECK, rateAccountCheck);
            if (throttleCode != null) {
                b.throttleCode(throttleCode);
            }
            for (String field : trimmed(customFields)) {
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
            List<String> seeded = trimmed(accounts);
            if (!seeded.isEmpty()) {
                b.accounts(seeded);
            }
            if (accountsFile != null) {
                try {
                    b.accountsFile(accountsFile);
                } catch (IOException e) {
                    throw new UsageException("cannot read --accounts-file " + accountsFile + ": " + e);
                }
            }
            if (knownAccounts) {
                b.knownAccounts();
            }
            if (maxItems != null) {
                b.maxItemsPerRequest(maxItems);
            }
            if (maxFriends != null) {
                b.maxFriendsPerUser(maxFriends);
            }
            if (maxGroups != null) {
                b.maxGroupsPerUser(maxGroups);
            }
            if (maxRelations != null) {
                b.maxStoredRelations(maxRelations);
            }
            if (maxBodyBytes != null) {
                b.maxRequestBodyBytes(maxBodyBytes);
            }
            if (handlerThreads != null) {
                b.handlerThreads(handlerThreads);
            }
            if (requestTimeoutSeconds != null && requestTimeoutSeconds <= 0) {
                throw new UsageException("--request-timeout-seconds must be positive, got " + requestTimeoutSeconds);
            }
            if (pageSize != null) {
                b.friendGetPageSize(pageSize);
            }
            b.friendGetReturnsUnsetFields(returnUnsetFields);
            b.latency(Duration.ofMillis(latencyMs == null ? 0 : latencyMs),
                    Duration.ofMillis(jitterMs == null ? 0 : jitterMs));
            if (lockoutAfter != null || lockoutSeconds != null) {
                b.signatureLockout(lockoutAfter == null ? 0 : lockoutAfter,
                        Duration.ofSeconds(lockoutSeconds == null ? 60 : lockoutSeconds));
            }
            if (stallEveryMs != null || stallMinMs != null || stallMaxMs != null) {
                if (stallEveryMs == null) {
                    throw new UsageException("--stall-min-ms and --stall-max-ms need --stall-every-ms");
                }
                b.stalls(Duration.ofMillis(stallEveryMs), Duration.ofMillis(stallMinMs == null ? 50 : stallMinMs),
                        Duration.ofMillis(stallMaxMs == null ? 150 : stallMaxMs));
            }
            if (faultSeed != null) {
                b.faultSeed(faultSeed);
            }
            fault(b, Fault.DROPPED_CONNECTION, faultDrop);
            fault(b, Fault.HTTP_502, faultHttp502);
            fault(b, Fault.REQUEST_30006, faultRequest30006);
            fault(b, Fault.REQUEST_30007, faultRequest30007);
            fault(b, Fault.APPLIED_THEN_30007, faultApplied30007);
            fault(b, Fault.ITEM_30006, faultItem30006);
            if (faultSilentLoss != null) {
                b.silentLoss(faultSilentLoss);
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void rate(SimulatorConfig.Builder b, RestApi api, Integer value) {
        if (value != null) {
            b.rateLimitPerSecond(api, value);
        }
    }

    private static void fault(SimulatorConfig.Builder b, Fault fault, Double p) {
        if (p != null) {
            b.fault(fault, p);
        }
    }

    /** The values trimmed, without empty ones or repeats, in order. */
    private static List<String> trimmed(List<String> values) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String v : values) {
            String t = v.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return new ArrayList<>(out);
    }
}
