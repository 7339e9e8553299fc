package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.testing.LoopbackServer;
import io.timport.testing.TestItem;
import io.timport.wire.ItemType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 items 1 and 7, end to end over loopback HTTP: a journal refuses to be resumed with other content (the same
 * path with new content, standard input, the fixed failures file), accepts the same content from another path, and is
 * used by one importer at a time.
 */
@Timeout(60)
class JournalInputTest {

    private static final ItemType<TestItem> TYPE = ItemType.of(TestItem.class, List.of(),
            fields -> new TestItem((String) fields.get("To_Account"), (String) fields.get("Remark")));
    private static final Pattern TO_ACCOUNT = Pattern.compile("\"To_Account\":\"([^\"]*)\"");

    @TempDir
    Path dir;

    private LoopbackServer server;
    private FriendImportClient client;
    /** Every To_Account the server was sent, in order, as {@code from>to}. */
    private final List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        server.answerWith(this::importEverything);
        AppConfig app = new AppConfig(1400000952L, "administrator", SecretKey.of("k".repeat(32)),
                Endpoint.of(server.baseUri()));
        client = FriendImportClient.builder(app).requestTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** A Chat server that imports every item. */
    private String importEverything(LoopbackServer.Recorded request) {
        String body = request.bodyText();
        Matcher from = Pattern.compile("\"From_Account\":\"([^\"]*)\"").matcher(body);
        String account = from.find() ? from.group(1) : "?";
        StringBuilder items = new StringBuilder();
        Matcher to = TO_ACCOUNT.matcher(body);
        while (to.find()) {
            sent.add(account + ">" + to.group(1));
            items.append(items.length() == 0 ? "" : ",").append("{\"To_Account\":\"").append(to.group(1))
                    .append("\",\"ResultCode\":0,\"ResultInfo\":\"\"}");
        }
        return "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"ResultItem\":[" + items
                + "],\"Fail_Account\":[]}";
    }

    private BulkImporter.Builder<TestItem> importer(Path journal) {
        return BulkImporter.<TestItem>builder(client).journal(journal).batchSize(2).linger(Duration.ZERO);
    }

    /** {@code n} relations of user u1..u3, with remark {@code remark} on record {@code changed} (1-based) only. */
    private static String relations(int n, int changed, String remark) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            s.append("{\"From_Account\":\"u").append(i % 3 + 1).append("\",\"To_Account\":\"f").append(i).append('"');
            if (i == changed) {
                s.append(",\"Remark\":\"").append(remark).append('"');
            }
            s.append("}\n");
        }
        return s.toString();
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void theSamePathWithNewContentIsRefusedAndTheJournalLeftAsItWas() throws Exception {
        Path journal = dir.resolve("import.journal");
        Path input = file("friends.jsonl", relations(10, 0, null));
        assertEquals(10, importer(journal).build().runJsonl(input, TYPE).imported());
        byte[] before = Files.readAllBytes(journal);
        sent.clear();

        file("friends.jsonl", relations(10, 7, "changed")); // same path, same length, record 7 differs
        JournalMismatchException e = assertThrows(JournalMismatchException.class,
                () -> importer(journal).build().runJsonl(input, TYPE));
        // where the checkpoints fall depends on how far the reader was ahead of the answers: the exact words are
        // InputFingerprintTest's
        assertTrue(e.getMessage().matches("journal " + Pattern.quote(journal.toString()) + " belongs to another input: "
                + "records \\d+ to (7|8|9|10) are not those it was written for \\(their SHA-256 differs\\)\\. A journal "
                + "identifies records by their position, so resuming it with this input would skip the wrong records: "
                + "the run stopped, and nothing of it was journaled\\. Import this input with a new journal \\(or none\\), "
                + "or resume this journal with the input it was written for"), e.getMessage());
        assertEquals(journal, e.journal());
        assertEquals(List.of(), sent, "every position was done: nothing was sent before the difference was found");
        assertArrayEquals(before, Files.readAllBytes(journal), "the journal is left as it was");

        file("friends.jsonl", relations(10, 0, null)); // the journal's own input again: nothing left to do
        ImportReport again = importer(journal).build().runJsonl(input, TYPE);
        assertEquals(10, again.skippedEarlier());
        assertEquals(0, again.calls());
    }

    @Test
    void theFixedFailuresFileWithTheSameJournalIsRefusedNotSkipped() throws Exception {
        // The README's old advice: fix the failed rows and import the failures file with the same journal. Before, the
        // journal said positions 1 to 7 were done, and 0 of the 7 fixed rows were imported, exit 0.
        Path journal = dir.resolve("import.journal");
        assertEquals(20, importer(journal).build().runJsonl(file("friends.jsonl", relations(20, 0, null)), TYPE)
                .imported());
        sent.clear();
        Path fixed = file("timport-failures.jsonl", relations(7, 3, "fixed").replace("\"f", "\"g"));

        JournalMismatchException e = assertThrows(JournalMismatchException.class,
                () -> importer(journal).build().runJsonl(fixed, TYPE));
        assertTrue(e.getMessage().startsWith("journal " + journal + " belongs to another input: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Import this input with a new journal (or none), or resume this journal "
                + "with the input it was written for"), e.getMessage());

        ImportReport withANewJournal = importer(dir.resolve("fixes.journal")).build().runJsonl(fixed, TYPE);
        assertEquals(7, withANewJournal.imported(), "as the message says: with a new journal, all 7 are imported");
        assertEquals(7, sent.size());
    }

    @Test
    void theSameRecordsFromAnotherPathResume() throws Exception {
        Path journal = dir.resolve("import.journal");
        Path input = file("friends.jsonl", relations(10, 0, null));
        assertEquals(10, importer(journal).build().runJsonl(input, TYPE).imported());
        sent.clear();

        // another path, other line endings and a blank line: the same records
        Path moved = file("moved.jsonl", "\n" + relations(10, 0, null).replace("\n", "\r\n"));
        ImportReport report = importer(journal).build().runJsonl(moved, TYPE);
        assertEquals(10, report.skippedEarlier());
        assertEquals(List.of(), sent);
    }

    @Test
    void standardInputIsCheckedAsItIsRead() throws Exception {
        Path journal = dir.resolve("import.journal");
        assertEquals(10, importer(journal).build().run(stdin(relations(10, 0, null))).imported());
        sent.clear();

        assertThrows(JournalMismatchException.class,
                () -> importer(journal).build().run(stdin(relations(10, 2, "other"))));
        assertThrows(JournalMismatchException.class,
                () -> importer(journal).build().run(stdin(relations(11, 0, null).substring(relations(1, 0, null)
                        .length()))), "the same records shifted by one");
        assertEquals(List.of(), sent);

        ImportReport same = importer(journal).build().run(stdin(relations(12, 0, null)));
        assertEquals(10, same.skippedEarlier(), "the same records, and two more");
        assertEquals(List.of("u1>f12", "u3>f11"), sent.stream().sorted().toList());
    }

    private static java.util.stream.Stream<ImportRecord<TestItem>> stdin(String text) {
        return JsonlInput.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "stdin", TYPE);
    }

    @Test
    void aRunStoppedMidwayRefusesOtherContentThenCompletesExactlyWithItsOwn() throws Exception {
        Path journal = dir.resolve("import.journal");
        Path input = file("friends.jsonl", relations(12, 0, null));
        AtomicInteger calls = new AtomicInteger();
        server.answerWith(request -> calls.incrementAndGet() <= 2 ? importEverything(request)
                : "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":70009,\"ErrorInfo\":\"wrong key\"}");
        assertThrows(ImportAbortedException.class, () -> importer(journal).maxInFlight(1).build().runJsonl(input, TYPE));
        List<String> firstRun = List.copyOf(sent);
        assertTrue(firstRun.size() >= 2 && firstRun.size() <= 4, "two calls imported, then a fatal answer: " + firstRun);
        byte[] partial = Files.readAllBytes(journal);
        server.answerWith(this::importEverything);
        sent.clear();

        Path other = file("other.jsonl", relations(12, 1, "other"));
        assertThrows(JournalMismatchException.class, () -> importer(journal).maxInFlight(1).build().runJsonl(other, TYPE));
        assertArrayEquals(partial, Files.readAllBytes(journal), "nothing of the refused run is journaled");
        sent.clear();

        ImportReport resumed = importer(journal).build().runJsonl(input, TYPE);
        assertEquals(firstRun.size(), resumed.skippedEarlier());
        assertEquals(12 - firstRun.size(), resumed.imported());
        List<String> all = new ArrayList<>(firstRun);
        all.addAll(sent);
        assertEquals(12, all.stream().distinct().count(), "every relation, each once: " + all);
        assertEquals(12, all.size());
    }

    @Test
    void aJournalWrittenBeforeFingerprintsIsRefusedOnceItHoldsWork() throws Exception {
        Path journal = dir.resolve("old.journal");
        String json = "{\"ok\":[[1,3]],\"fail\":[]}";
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        Files.writeString(journal, "timport-journal 1\n" + String.format("%08x %s%n", crc.getValue(), json));
        Path input = file("friends.jsonl", relations(5, 0, null));

        JournalMismatchException e = assertThrows(JournalMismatchException.class,
                () -> importer(journal).build().runJsonl(input, TYPE));
        assertEquals("journal " + journal + " was written by an earlier timport, which did not record what the input "
                + "held: it cannot be checked against this input, and resuming it with another input would skip the "
                + "wrong records. Finish that import with the timport that started it, or start a new journal "
                + "(another file, or delete " + journal + ")", e.getMessage());
        assertThrows(JournalMismatchException.class,
                () -> importer(journal).build().journalIdentity().checkResumable(journal));
        assertEquals(List.of(), sent);
    }

    @Test
    void aSecondImporterOnTheSameJournalIsRefusedAtOnceAndTheFirstCompletesExactly() throws Exception {
        Path journal = dir.resolve("import.journal");
        Path input = file("friends.jsonl", relations(10, 0, null));
        CountDownLatch firstCallArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.answerWith(request -> {
            firstCallArrived.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return importEverything(request);
        });
        CompletableFuture<ImportReport> first = CompletableFuture.supplyAsync(() -> {
            try {
                return importer(journal).build().runJsonl(input, TYPE);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        assertTrue(firstCallArrived.await(20, TimeUnit.SECONDS));

        long start = System.nanoTime();
        JournalInUseException e = assertThrows(JournalInUseException.class,
                () -> importer(journal).build().runJsonl(input, TYPE));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "at once");
        String pid = "pid " + ProcessHandle.current().pid() + " on host ";
        assertTrue(e.holder().startsWith(pid), e.holder());
        assertEquals("the import journal " + journal + " is in use by another importer (" + e.holder() + "): one "
                + "importer at a time may use a journal. Wait for it to end, or give this import another journal",
                e.getMessage());
        assertThrows(JournalInUseException.class,
                () -> importer(journal).build().journalIdentity().checkResumable(journal), "checked before a run too");

        release.countDown();
        ImportReport report = first.get(30, TimeUnit.SECONDS);
        assertEquals(10, report.imported());
        assertEquals(10, sent.size(), "the first importer imported each relation once: " + sent);
        assertEquals(10, sent.stream().distinct().count());

        sent.clear();
        ImportReport after = importer(journal).build().runJsonl(input, TYPE);
        assertEquals(10, after.skippedEarlier(), "released at the end: the next run may resume");
        assertEquals(List.of(), sent);
        assertEquals("", Files.readString(JournalLock.file(journal)), "the lock file is left empty");
    }

    @Test
    void aTornLastLineResumes() throws Exception {
        Path journal = dir.resolve("import.journal");
        Path input = file("friends.jsonl", relations(10, 0, null));
        assertEquals(10, importer(journal).build().runJsonl(input, TYPE).imported());
        Files.writeString(journal, "3c0ffee0 {\"ok\":[[11,1", StandardOpenOption.APPEND); // killed mid-write
        sent.clear();

        ImportReport resumed = importer(journal).build().runJsonl(input, TYPE);
        assertEquals(10, resumed.skippedEarlier());
        assertEquals(List.of(), sent);
        assertTrue(Files.readString(journal).endsWith("}\n"), "the torn line was cut off");
    }
}
