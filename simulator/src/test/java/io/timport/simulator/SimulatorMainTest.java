package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in-process and as a real subprocess. */
class SimulatorMainTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final String SECRET = "cli-secret-key-0123456789";

    private record Run(int status, String out, String err) {
    }

    private static Run run(Consumer<ChatSimulator> whileRunning, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SimulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), whileRunning);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Sim.Answer call(ChatSimulator sim, String key, String body) {
        String sig = TestUserSig.sign(key, Sim.ADMIN, Sim.APP);
        return Sim.postWithQuery(sim, Sim.query(Sim.APP, Sim.ADMIN, sig, 1), body);
    }

    @Test
    void theIssuesCommandLineStartsAServerThatTakesCalls() {
        AtomicReference<ChatSimulator> running = new AtomicReference<>();
        Run r = run(sim -> {
            running.set(sim);
            String item = "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":["
                    + "{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":3},{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"g\"}]}";
            call(sim, SECRET, Sim.body("alice", item)).assertAllStored();
            assertEquals(Map.of("Tag_SNS_Custom_Level", 3L, "Tag_SNS_Custom_Guild", "g"),
                    sim.friend("alice", "bob").orElseThrow().customItems());
            SimulatorConfig c = sim.config();
            assertEquals(1400000000L, c.sdkAppId());
            assertEquals(200, c.rateLimitPerSecond());
        }, "--port", "0", "--sdkappid", "1400000000", "--secret-key", SECRET, "--admin", "administrator",
                "--rate", "200", "--custom-fields", "Level:integer,Guild:string");
        assertEquals(0, r.status(), r.err());
        Matcher m = LISTENING.matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(running.get().baseUri().toString(), m.group(1));
        assertEquals("listening on " + m.group(1) + System.lineSeparator(), r.out());
        assertTrue(r.err().startsWith("timport simulator: SDKAppID 1400000000, admins administrator, 200 calls/s "
                + "(throttle code 60011), custom fields Level:integer,Guild:string, accounts any, limits 1000 "
                + "items/request, 3000 friends, 32 groups, 1048576 body bytes"), r.err());
        assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), "the key is never printed");
    }

    @Test
    void everyOptionIsParsed(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key.txt");
        Files.writeString(key, "  " + SECRET + "\n");
        Path accounts = dir.resolve("accounts.txt");
        Files.writeString(accounts, "# the app's users\nalice\n\nbob\n");
        Run r = run(sim -> {
            SimulatorConfig c = sim.config();
            assertEquals(1400000123L, c.sdkAppId());
            assertEquals(List.of("root", "ops", "x"), List.copyOf(c.admins()));
            assertEquals(7, c.rateLimitPerSecond());
            assertEquals(60019, c.throttleCode());
            assertEquals(Map.of("Level", CustomFieldType.INTEGER), c.customFields());
            assertEquals(java.util.Set.of("alice", "bob", "carol"), c.accounts().orElseThrow());
            assertEquals(10, c.maxItemsPerRequest());
            assertEquals(20, c.maxFriendsPerUser());
            assertEquals(3, c.maxGroupsPerUser());
            assertEquals(Duration.ofMillis(5), c.latency());
            assertEquals(Duration.ofMillis(6), c.latencyJitter());
            assertEquals(4, c.lockoutAfterFailures());
            assertEquals(Duration.ofSeconds(9), c.lockoutDuration());
            assertEquals(99L, c.faultSeed());
            assertEquals(0.1, c.faultProbability(Fault.DROPPED_CONNECTION));
            assertEquals(0.2, c.faultProbability(Fault.HTTP_502));
            assertEquals(0.3, c.faultProbability(Fault.REQUEST_30006));
            assertEquals(0.4, c.faultProbability(Fault.REQUEST_30007));
            assertEquals(0.5, c.faultProbability(Fault.APPLIED_THEN_30007));
            assertEquals(0.6, c.faultProbability(Fault.ITEM_30006));
            assertEquals(0.7, c.silentLossProbability());
            assertEquals(11, c.rateLimitPerSecond(RestApi.FRIEND_GET));
            assertEquals(12, c.rateLimitPerSecond(RestApi.FRIEND_CHECK));
            assertEquals(13, c.rateLimitPerSecond(RestApi.ACCOUNT_IMPORT));
            assertEquals(14, c.rateLimitPerSecond(RestApi.MULTIACCOUNT_IMPORT));
            assertEquals(15, c.rateLimitPerSecond(RestApi.ACCOUNT_CHECK));
            assertTrue(c.knownAccounts());
            assertEquals(1234, c.maxStoredRelations());
            assertEquals(4096, c.maxRequestBodyBytes());
            assertEquals(8, c.handlerThreads());
            assertEquals(7, c.friendGetPageSize());
            assertTrue(c.friendGetReturnsUnsetFields());
            assertEquals(Duration.ofSeconds(3), c.stallPeriod());
            assertEquals(Duration.ofMillis(20), c.stallMinDuration());
            assertEquals(Duration.ofMillis(40), c.stallMaxDuration());
            // The key from the file, trimmed, is the key that verifies.
            String sig = TestUserSig.sign(SECRET, "root", 1400000123L);
            Sim.Answer a = Sim.postWithQuery(sim, Sim.query(1400000123L, "root", sig, 1), "{}");
            assertEquals(30001, a.errorCode(), a.raw());
        }, "--sdkappid=1400000123", "--secret-key-file", key.toString(), "--admin", "root,ops", "--admin", "x",
                "--rate", "7", "--throttle-code", "60019", "--custom-fields", "Level:INTEGER",
                "--accounts", "carol", "--accounts-file", accounts.toString(), "--max-items", "10",
                "--max-friends", "20", "--max-groups", "3", "--latency-ms", "5", "--jitter-ms", "6",
                "--lockout-after", "4", "--lockout-seconds", "9", "--fault-seed", "99",
                "--fault-drop", "0.1", "--fault-http-502", "0.2", "--fault-request-30006", "0.3",
                "--fault-request-30007", "0.4", "--fault-applied-30007", "0.5", "--fault-item-30006", "0.6",
                "--fault-silent-loss", "0.7", "--rate-friend-get", "11", "--rate-friend-check", "12",
                "--rate-account-import", "13", "--rate-multiaccount-import", "14", "--rate-account-check", "15",
                "--known-accounts", "--max-relations", "1234", "--max-body-bytes", "4096", "--handler-threads", "8",
                "--request-timeout-seconds", "5", "--page-size", "7", "--return-unset-fields",
                "--stall-every-ms", "3000", "--stall-min-ms", "20", "--stall-max-ms", "40");
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void helpListsEveryOptionIncludingTheFaults() {
        Run r = run(sim -> {
            throw new AssertionError("no server for --help");
        }, "--help");
        assertEquals(0, r.status());
        assertEquals("", r.err());
        for (String option : List.of("--port=N", "--sdkappid=N", "--secret-key=KEY", "--secret-key-file=FILE",
                "--admin=ID[,ID...]", "--rate=N", "--rate-friend-get=N", "--rate-friend-check=N",
                "--rate-account-import=N", "--rate-multiaccount-import=N", "--rate-account-check=N",
                "--throttle-code=CODE", "--custom-fields=K:T[,K:T...]", "--accounts=ID[,ID...]",
                "--accounts-file=FILE", "--known-accounts", "--max-items=N", "--max-friends=N", "--max-groups=N",
                "--max-relations=N", "--max-body-bytes=N", "--handler-threads=N", "--request-timeout-seconds=N",
                "--page-size=N", "--return-unset-fields", "--latency-ms=N", "--jitter-ms=N", "--lockout-after=N",
                "--lockout-seconds=N", "--stall-every-ms=N", "--stall-min-ms=N", "--stall-max-ms=N",
                "--fault-seed=N", "-h, --help", "-V, --version")) {
            assertTrue(r.out().contains(option), option + " in\n" + r.out());
        }
        for (Fault f : Fault.values()) {
            assertTrue(r.out().contains("--" + f.option() + "=P"), f.option());
        }
        assertTrue(r.out().contains("--fault-silent-loss=P"), r.out());
        assertTrue(r.out().contains("  64   a usage error"), r.out());
        r.out().lines().forEach(line -> assertTrue(line.length() <= 80, "wider than 80 columns: " + line));
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        Run r = run(sim -> {
            throw new AssertionError("no server for --version");
        }, "--version");
        assertEquals(0, r.status());
        assertTrue(r.out().matches("timport simulator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), r.out());
    }

    @Test
    void badOptionsExitWith64AndNameTheProblemWithoutTheKey() {
        String[][] cases = {
            {"Unknown options: '--prot', '0'", "--prot", "0", "--secret-key", SECRET},
            {"give the secret key with exactly one of --secret-key or --secret-key-file", "--port", "0"},
            {"give the secret key with exactly one of --secret-key or --secret-key-file",
                "--secret-key", SECRET, "--secret-key-file", "k.txt"},
            {"Invalid value for option '--rate': 'fast' is not an int", "--secret-key", SECRET, "--rate", "fast"},
            {"rateLimitPerSecond must be positive, got 0", "--secret-key", SECRET, "--rate", "0"},
            {"rateLimitPerSecond must be positive, got -3", "--secret-key", SECRET, "--rate-account-check", "-3"},
            {"throttleCode must be one of 60007, 60011, 60018, 60019, got 60000",
                "--secret-key", SECRET, "--throttle-code", "60000"},
            {"--custom-fields entry \"Level:float\": the type must be string or integer",
                "--secret-key", SECRET, "--custom-fields", "Level:float"},
            {"custom field keyword \"GuildNameX\" must be 1 to 8 English letters (it becomes Tag_SNS_Custom_GuildNameX)",
                "--secret-key", SECRET, "--custom-fields", "GuildNameX:string"},
            {"the probability of HTTP_502 must be within 0..1, got 1.5", "--secret-key", SECRET, "--fault-http-502", "1.5"},
            {"option '--rate' (N) should be specified only once", "--secret-key", SECRET, "--rate", "1", "--rate", "2"},
            {"Missing required parameter for option '--port' (N)", "--secret-key", SECRET, "--port"},
            {"Unmatched argument at index 2: 'extra'", "--secret-key", SECRET, "extra"},
            {"the longest stall (150 ms) must be shorter than the stall period (100 ms)",
                "--secret-key", SECRET, "--stall-every-ms", "100"},
            {"--stall-min-ms and --stall-max-ms need --stall-every-ms", "--secret-key", SECRET, "--stall-max-ms", "9"},
            {"port must be 0..65535, got 99999", "--secret-key", SECRET, "--port", "99999"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            Run r = run(sim -> {
                throw new AssertionError("no server for bad options");
            }, args);
            assertEquals(64, r.status(), String.join(" ", args));
            assertEquals("timport simulator: " + c[0] + System.lineSeparator() + "Try --help for the options."
                    + System.lineSeparator(), r.err());
            assertFalse(r.err().contains(SECRET));
            assertEquals("", r.out());
        }
    }

    @Test
    void aPortInUseExitsWith1() throws Exception {
        try (ChatSimulator taken = ChatSimulator.start(Sim.config().build())) {
            Run r = run(sim -> {
                throw new AssertionError("must not start");
            }, "--port", String.valueOf(taken.port()), "--secret-key", SECRET);
            assertEquals(1, r.status());
            assertTrue(r.err().startsWith("timport simulator: cannot listen on 127.0.0.1:" + taken.port()), r.err());
        }
    }

    @Test
    void theMainClassRunsAsAProcessUntilKilled(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, SECRET);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "io.timport.simulator.SimulatorMain", "--port", "0", "--secret-key-file", key.toString())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && LISTENING.matcher(line).matches(), String.valueOf(line));
            URI base = URI.create(line.substring("listening on ".length()));
            String sig = TestUserSig.sign(SECRET, Sim.ADMIN, Sim.APP);
            var request = java.net.http.HttpRequest.newBuilder(URI.create(base + "/v4/sns/friend_import?"
                            + Sim.query(Sim.APP, Sim.ADMIN, sig, 5)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Sim.body("alice", Sim.item("bob"))))
                    .build();
            var response = Sim.HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            new Sim.Answer(response.statusCode(), response.body()).assertAllStored();
            assertTrue(p.isAlive(), "runs until killed");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        }
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertTrue(err.contains("timport simulator stopping; calls 1, accepted 1, throttled 0, conflicts 0, "
                + "succeeded 1, items stored 1"), err);
        assertFalse(err.contains(SECRET));
    }
}
