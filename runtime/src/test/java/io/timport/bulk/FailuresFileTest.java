package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.call.FriendImportResponse;
import io.timport.call.ResultItem;
import io.timport.testing.TestItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures file: every failure written as it happens, on the production driver's threads, while the report keeps
 * only the first few (issue 12 item 5).
 */
@Timeout(30)
class FailuresFileTest {

    @TempDir
    Path dir;

    /** Answers 30003 for every To_Account starting with "gone", else 0; notes the failures file's lines at each call. */
    private final class Server implements RelationSender<TestItem> {
        final Path failures;
        final List<Integer> linesAtCall = new CopyOnWriteArrayList<>();

        Server(Path failures) {
            this.failures = failures;
        }

        @Override
        public CompletableFuture<FriendImportResponse> send(String fromAccount, List<TestItem> items) {
            try {
                linesAtCall.add(Files.exists(failures) ? Files.readAllLines(failures).size() : 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            List<ResultItem> results = new ArrayList<>();
            for (TestItem item : items) {
                boolean gone = item.toAccount().startsWith("gone");
                results.add(new ResultItem(item.toAccount(), gone ? 30003 : 0, gone ? "Err_SNS_FriendImport_Account_Not_Exist" : ""));
            }
            return CompletableFuture.completedFuture(
                    new FriendImportResponse("OK", 0, "", "", results, List.of(), List.of()));
        }

        @Override
        public void renewSignature() {
        }

        @Override
        public double pace() {
            return 1_000_000;
        }
    }

    @Test
    void everyFailureIsWrittenAsItHappensAndTheReportKeepsTheFirstFew() throws Exception {
        Path file = dir.resolve("failed.jsonl");
        List<ImportRecord<TestItem>> input = new ArrayList<>();
        for (int user = 0; user < 20; user++) {
            for (int friend = 0; friend < 10; friend++) {
                input.add(ImportRecord.of("u" + user, new TestItem((friend % 2 == 0 ? "gone" : "f") + friend)));
            }
            input.add(ImportRecord.invalid("u" + user, "f99", "Remark must be at most 96 UTF-8 bytes", "rows.csv:" + user,
                    "row " + user));
        }
        VirtualRun.Settings settings = new VirtualRun.Settings();
        settings.batchSize(10).linger(Duration.ZERO).maxInFlight(1).keepFailures(7).failuresFile(file);
        Server server = new Server(file);

        ImportReport report = BulkImporter.run(settings.settings(), server, new MemoryJournal(), -1, input.iterator());

        assertEquals(100, report.imported());
        assertEquals(120, report.failed(), "100 refused, 20 invalid");
        assertEquals(7, report.failures().size(), "kept: the first 7");
        assertEquals(113, report.failuresNotKept());
        assertEquals(java.util.Map.of(ImportFailure.INVALID_INPUT, 20L, 30003, 100L), report.failuresByCode());
        assertEquals(java.util.Optional.of(file), report.failuresFile());
        assertEquals(120, report.failuresWritten());
        assertEquals(0, report.failuresUnwritable());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(120, lines.size());
        assertEquals(20, lines.stream().filter(l -> l.startsWith("row ")).count(), "invalid rows as they were");
        assertTrue(lines.contains("{\"From_Account\":\"u3\",\"To_Account\":\"gone4\",\"AddSource\":\"AddSource_Type_Test\"}"),
                "refused relations in the input format");
        // Written as they happened: calls made late in the run already saw the failures of the earlier ones.
        int last = server.linesAtCall.get(server.linesAtCall.size() - 1);
        assertTrue(last >= 100, "lines on disk when the last call went: " + server.linesAtCall);
    }

    @Test
    void noFailureLeavesNoFile() throws Exception {
        Path file = dir.resolve("failed.jsonl");
        VirtualRun.Settings settings = new VirtualRun.Settings();
        settings.failuresFile(file);

        ImportReport report = BulkImporter.run(settings.settings(), new Server(file), new MemoryJournal(), -1,
                List.of(ImportRecord.of("a", new TestItem("b"))).iterator());

        assertEquals(1, report.imported());
        assertFalse(Files.exists(file));
        assertEquals(0, report.failuresWritten());
    }

    @Test
    void aFailuresFileThatCannotBeWrittenStopsTheImport() {
        Path file = dir.resolve("no/such/dir/failed.jsonl");
        VirtualRun.Settings settings = new VirtualRun.Settings();
        settings.batchSize(1).linger(Duration.ZERO);
        List<ImportRecord<TestItem>> input = List.of(ImportRecord.of("a", new TestItem("gone1")),
                ImportRecord.of("a", new TestItem("b")));
        settings.failuresFile(file);

        ImportAbortedException e = assertThrows(ImportAbortedException.class,
                () -> BulkImporter.run(settings.settings(), new Server(file), new MemoryJournal(), -1, input.iterator()));

        assertTrue(e.getMessage().startsWith("cannot write the failures file " + file + ": "), e.getMessage());
    }
}
