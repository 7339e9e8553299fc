package io.timport.processor.generated;

import static io.timport.processor.generated.GameFriendImporter.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.ImportFailure;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.limit.SmoothRateLimiter;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import io.timport.wire.InvalidItemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code GameFriendImporter}, run against the project's simulator of Tencent Cloud Chat
 * ({@link ChatSimulator}) on 127.0.0.1, with {@code GameFriend}'s custom fields created in its "console".
 */
class ImporterTest {

    private static final long SDK_APP_ID = 1400000042L;
    private static final String ADMIN = "administrator";
    private static final String KEY = "importer-test-secret-key";

    private ChatSimulator sim;
    private FriendImportClient client;

    /** The app: GameFriend's custom fields, and {@code accounts} when not null (then only they exist). */
    private void start(Set<String> accounts) throws Exception {
        SimulatorConfig.Builder config = SimulatorConfig.builder()
                .sdkAppId(SDK_APP_ID)
                .secretKey(KEY)
                .admin(ADMIN)
                .rateLimitPerSecond(1000)
                .customField("Level", CustomFieldType.INTEGER)
                .customField("Guild", CustomFieldType.STRING)
                .customField("Rank", CustomFieldType.INTEGER)
                .customField("Score", CustomFieldType.INTEGER)
                .customField("Wins", CustomFieldType.INTEGER)
                .customField("Channel", CustomFieldType.STRING);
        if (accounts != null) {
            config.accounts(accounts);
        }
        sim = ChatSimulator.start(config.build());
        // Its own limiter, at 1,000 calls/s, keeps the tests fast.
        AppConfig app = new AppConfig(SDK_APP_ID, ADMIN, SecretKey.of(KEY), Endpoint.of(sim.baseUri()));
        client = FriendImportClient.builder(app).rateLimiter(new SmoothRateLimiter(1000)).build();
    }

    @BeforeEach
    void start() throws Exception {
        start(null);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    /** The friends stored in {@code fromAccount}'s list, in the order they were imported. */
    private List<String> friendsOf(String fromAccount) {
        return List.copyOf(sim.friendsOf(fromAccount).keySet());
    }

    static GameFriendItem.Builder friend(String toAccount) {
        return GameFriendItem.builder()
                .toAccount(toAccount)
                .addSource("AddSource_Type_Game")
                .level(7)
                .rank(1);
    }

    /** The builder's complaint about {@code builder}. */
    static String problemOf(GameFriendItem.Builder builder) {
        return assertThrows(InvalidItemException.class, builder::build).getMessage();
    }

    @Test
    void importsUnsortedRecordsInOneRequestPerFromAccountAndReportsEveryFailure() throws Exception {
        stop();
        start(Set.of("alice", "carol", "bob", "dave", "erin", "frank", "heidi", "ivan"));  // no "ghost"
        GameFriendItem.Builder noLevelNoRank =
                GameFriendItem.builder().toAccount("frank").addSource("AddSource_Type_Game");
        List<ImportRecord<GameFriendItem>> records = List.of(
                record("alice", friend("bob").build()),
                record("carol", friend("dave")),
                record("alice", friend("erin").guild("Knights")),
                record("alice", noLevelNoRank),
                record("carol", friend("ghost")),
                record("alice", friend("heidi")),
                record("carol", friend("ivan")));

        // A long linger: partial batches leave at the end of the input, not because a timer ran out.
        ImportReport report = GameFriendImporter.builder(client).linger(Duration.ofSeconds(30)).build().run(records);

        assertEquals(7, report.records());
        assertEquals(5, report.imported());
        assertEquals(2, report.failed());
        assertFalse(report.aborted());
        Map<Long, ImportFailure> failures = report.failures().stream()
                .collect(Collectors.toMap(ImportFailure::position, f -> f));
        assertEquals(Set.of(4L, 5L), failures.keySet());
        ImportFailure invalid = failures.get(4L);
        assertEquals(ImportFailure.Kind.INVALID_INPUT, invalid.kind());
        assertEquals("alice", invalid.fromAccount());
        assertEquals(problemOf(noLevelNoRank), invalid.info());
        ImportFailure rejected = failures.get(5L);
        assertEquals(ImportFailure.Kind.REJECTED, rejected.kind());
        assertEquals("carol", rejected.fromAccount());
        assertEquals("ghost", rejected.toAccount());
        assertEquals(30003, rejected.code());
        assertFalse(rejected.info().isBlank(), "the simulator's ResultInfo");
        assertEquals(1, sim.stats().itemFailures(30003));

        // Unsorted input, grouped: each From_Account's items in one request, in input order; the invalid record
        // was never sent.
        assertEquals(2, report.calls());
        assertEquals(2, sim.stats().calls());
        assertEquals(List.of("bob", "erin", "heidi"), friendsOf("alice"));
        assertEquals(List.of("dave", "ivan"), friendsOf("carol"));
        assertEquals(Optional.of("Knights"), sim.friend("alice", "erin").orElseThrow().custom("Tag_SNS_Custom_Guild"));
        assertEquals(Optional.of(7L), sim.friend("alice", "erin").orElseThrow().custom("Tag_SNS_Custom_Level"));
    }

    @Test
    void builderSettingsReachTheEngine(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("import.journal");
        GameFriendImporter importer = GameFriendImporter.builder(client)
                .batchSize(2)
                .journal(journal)
                .build();
        List<ImportRecord<GameFriendItem>> records = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> record("alice", friend("u" + i)))
                .collect(Collectors.toList());

        ImportReport first = importer.run(records.stream());

        assertEquals(5, first.imported());
        assertEquals(3, first.calls(), "batches of 2");
        assertEquals(3, sim.stats().calls());
        assertEquals(List.of("u1", "u2", "u3", "u4", "u5"), friendsOf("alice"), "in input order");
        assertTrue(Files.size(journal) > 0, "the journal was written");

        // The same settings through engine(): the journal says everything completed, so nothing is sent again.
        assertSame(importer.engine(), importer.engine());
        ImportReport second = importer.engine().run(records);
        assertEquals(5, second.skippedEarlier());
        assertEquals(0, second.calls());
        assertEquals(3, sim.stats().calls());
    }

    @Test
    void recordFromABuilderBuildsNow() {
        ImportRecord<GameFriendItem> valid = record("alice", friend("bob"));
        assertTrue(valid.isValid());
        assertEquals("alice", valid.fromAccount());
        assertEquals(friend("bob").build(), valid.item());

        GameFriendItem.Builder tooLongRemark = friend("bob").remark("x".repeat(97));
        ImportRecord<GameFriendItem> invalid = record("alice", tooLongRemark);
        assertFalse(invalid.isValid());
        assertNull(invalid.item());
        assertEquals("alice", invalid.fromAccount());
        assertEquals(problemOf(tooLongRemark), invalid.problem());
        assertTrue(invalid.problem().contains("Remark must be at most 96 UTF-8 bytes, was 97 bytes"),
                invalid.problem());

        NullPointerException noBuilder =
                assertThrows(NullPointerException.class, () -> record("alice", (GameFriendItem.Builder) null));
        assertEquals("item", noBuilder.getMessage());
    }

    @Test
    void recordFromASupplierAlsoTurnsASetterRejectingNullIntoAnInvalidRecord() {
        String missing = null;
        ImportRecord<GameFriendItem> invalid = record("alice", () -> friend(missing).build());
        assertFalse(invalid.isValid());
        assertEquals("Null toAccount", invalid.problem());

        ImportRecord<GameFriendItem> valid = record("alice", () -> friend("bob").build());
        assertEquals(friend("bob").build(), valid.item());
    }

    @Test
    void aStreamOverRowsGoesOnPastBadRows() throws Exception {
        List<String[]> rows = List.of(
                new String[] {"alice", "bob", "3"},
                new String[] {"alice", "carol", "-"},   // no level: the required custom field is missing
                new String[] {"alice", "dave", "5"});
        Stream<ImportRecord<GameFriendItem>> records = rows.stream().map(row -> {
            GameFriendItem.Builder item = GameFriendItem.builder()
                    .toAccount(row[1])
                    .addSource("AddSource_Type_Game")
                    .rank(1);
            if (!row[2].equals("-")) {
                item.level(Long.parseLong(row[2]));
            }
            return record(row[0], item);
        });

        ImportReport report = GameFriendImporter.builder(client).build().run(records);

        assertEquals(3, report.records());
        assertEquals(2, report.imported());
        ImportFailure failure = report.failures().get(0);
        assertEquals(2, failure.position());
        assertEquals(ImportFailure.Kind.INVALID_INPUT, failure.kind());
        assertEquals("Invalid friend item for To_Account \"carol\", 1 problem: Tag_SNS_Custom_Level is required,"
                + " was missing", failure.info());
        assertEquals(1, sim.stats().calls());
        assertEquals(List.of("bob", "dave"), friendsOf("alice"));
    }

    @Test
    void runJsonlReportsABadLineWithItsLineNumber(@TempDir Path dir) throws Exception {
        String good = "{\"From_Account\":\"alice\",\"To_Account\":\"%s\",\"AddSource\":\"AddSource_Type_Game\","
                + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":7},"
                + "{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":1}]}";
        String bad = "{\"From_Account\":\"alice\",\"To_Account\":\"carol\",\"AddSource\":\"AddSource_Type_Game\","
                + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Levle\",\"Value\":7},"
                + "{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":1}]}";
        Path file = dir.resolve("friends.jsonl");
        Files.writeString(file, String.format(good, "bob") + "\n" + bad + "\n" + String.format(good, "dave") + "\n",
                StandardCharsets.UTF_8);

        ImportReport report = GameFriendImporter.builder(client).build().runJsonl(file);

        assertEquals(3, report.records());
        assertEquals(2, report.imported());
        assertEquals(1, report.failed());
        ImportFailure failure = report.failures().get(0);
        assertEquals("friends.jsonl:2", failure.origin());
        assertEquals(2, failure.position());
        assertEquals(ImportFailure.Kind.INVALID_INPUT, failure.kind());
        assertEquals(bad, failure.rawInput());
        assertTrue(failure.info().contains("Tag_SNS_Custom_Levle"), failure.info());
        assertTrue(report.summary(10).contains("record 2 (friends.jsonl:2): alice -> carol: [invalid input] "),
                report.summary(10));
        assertEquals(1, sim.stats().calls());
        assertEquals(List.of("bob", "dave"), friendsOf("alice"));
    }

    @Test
    void aValidatorNeedsNoClientAndSendsNothing(@TempDir Path dir) throws Exception {
        String good = "{\"From_Account\":\"alice\",\"To_Account\":\"%s\",\"AddSource\":\"AddSource_Type_Game\","
                + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":7},"
                + "{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":1}]}";
        Path file = dir.resolve("friends.jsonl");
        Path invalid = dir.resolve("invalid.jsonl");
        Files.writeString(file, String.format(good, "bob") + "\n" + String.format(good, "alice") + "\n{oops\n",
                StandardCharsets.UTF_8);

        ImportReport report = GameFriendImporter.validator().failuresFile(invalid).build().validateJsonl(file);

        assertTrue(report.validation());
        assertEquals(3, report.records());
        assertEquals(1, report.valid());
        assertEquals(2, report.failed());
        assertEquals("To_Account equals From_Account: a user cannot be imported as their own friend",
                report.failures().get(0).info());
        assertEquals(List.of(String.format(good, "alice"), "{oops"), Files.readAllLines(invalid, StandardCharsets.UTF_8));
        assertEquals(0, sim.stats().calls(), "nothing sent");
        assertThrows(IllegalStateException.class, () -> GameFriendImporter.validator().build().runJsonl(file));

        ImportReport same = GameFriendImporter.builder(client).build()
                .validate(List.of(record("alice", GameFriendItem.builder().toAccount("bob")
                        .addSource("AddSource_Type_Game").level(1L).rank(2).build())));
        assertTrue(same.allValid());
        assertEquals(0, sim.stats().calls(), "an importer with a client validates without sending too");
    }
}
