package io.timport.processor.readme;

import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.wire.InvalidItemException;
import java.nio.file.Path;
import java.util.List;

/**
 * The input, failures and validation examples of docs/bulk-import.md, verbatim between the snippet markers (checked
 * by docs-tests); {@link BulkInputExamplesTest} runs those that need no server.
 */
final class BulkInputExamples {

    private BulkInputExamples() {
    }

    /** A row of the user's own export, and its original text. */
    record Row(String userId, String friendId, long level, String text) {
    }

    static ImportReport failuresFile(FriendImportClient client, List<ImportRecord<GameFriendItem>> records)
            throws Exception {
        // --- snippet: failures-file
        BulkImporter<GameFriendItem> importer = BulkImporter.<GameFriendItem>builder(client)
                .failuresFile(Path.of("failed.jsonl"))  // every failed relation, written as it fails
                .keepFailures(1_000)                     // the report keeps the first 1,000 (the default)
                .build();
        ImportReport report = importer.run(records);
        System.out.println(report.summary(20));         // counts every failure by code, lists the first 20
        // --- end
        return report;
    }

    static ImportRecord<GameFriendItem> keepTheRowsText(Row row, String origin) {
        // --- snippet: row-text
        try {
            return GameFriendImporter.record(row.userId(), GameFriendItem.builder()
                    .toAccount(row.friendId())
                    .addSource("AddSource_Type_Game")
                    .level(row.level())
                    .build());
        } catch (InvalidItemException e) {
            // Reported with its problem and never sent; the failures file holds row.text() as it is.
            return ImportRecord.invalid(row.userId(), e.toAccount(), e.getMessage(), origin, row.text());
        }
        // --- end
    }

    static boolean validateFirst(Path friends) throws Exception {
        // --- snippet: validate
        ImportReport checked = GameFriendImporter.validator()  // no client, no key: nothing is sent
                .failuresFile(Path.of("invalid.jsonl"))
                .build()
                .validateJsonl(friends);
        System.out.println(checked.summary(20));              // "Validation finished: … valid, … invalid"
        // --- end
        return checked.allValid();
    }
}
