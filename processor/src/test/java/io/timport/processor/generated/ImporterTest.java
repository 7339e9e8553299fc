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
import io.timport.processor.generated.FriendImportServer.Request;
import io.timport.wire.InvalidItemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code GameFriendImporter}, run against a real {@code friend_import} endpoint on 127.0.0.1
 * ({@link FriendImportServer}).
 */
class ImporterTest {

    private FriendImportServer server;
    private FriendImportClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FriendImportServer();
        client = server.client();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
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
        server.reject("ghost", 30003, "Err_SNS_FriendImport_To_Account_Not_Exist");
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
        assertEquals("Err_SNS_FriendImport_To_Account_Not_Exist", rejected.info());

        // Unsorted input, grouped: each From_Account's items in one request, in input order; the invalid record
        // was never sent.
        assertEquals(Set.of(new Request("alice", List.of("bob", "erin", "heidi")),
                        new Request("carol", List.of("dave", "ghost", "ivan"))),
                Set.copyOf(server.requests()));
        assertEquals(2, report.calls());
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
        assertEquals(List.of(new Request("alice", List.of("u1", "u2")), new Request("alice", List.of("u3", "u4")),
                new Request("alice", List.of("u5"))), server.requests(), "batches of 2, in input order");
        assertTrue(Files.size(journal) > 0, "the journal was written");

        // The same settings through engine(): the journal says everything completed, so nothing is sent again.
        assertSame(importer.engine(), importer.engine());
        ImportReport second = importer.engine().run(records);
        assertEquals(5, second.skippedEarlier());
        assertEquals(0, second.calls());
        assertEquals(3, server.requests().size());
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
        assertEquals(List.of(new Request("alice", List.of("bob", "dave"))), server.requests());
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
        assertEquals(List.of(new Request("alice", List.of("bob", "dave"))), server.requests());
    }
}
