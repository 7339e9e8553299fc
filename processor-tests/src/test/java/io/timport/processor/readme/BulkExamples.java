package io.timport.processor.readme;

import io.timport.bulk.BulkImporter;
import io.timport.bulk.ConsoleProgress;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import java.nio.file.Path;
import java.util.List;

/** The engine example of docs/bulk-import.md, verbatim between the snippet markers (checked by docs-tests). */
final class BulkExamples {

    private BulkExamples() {
    }

    static ImportReport importAll(FriendImportClient client, List<ImportRecord<GameFriendItem>> records)
            throws Exception {
        // --- snippet: bulk-importer
        BulkImporter<GameFriendItem> importer = BulkImporter.<GameFriendItem>builder(client)
                .journal(Path.of("import.journal"))
                .progress(ConsoleProgress.toStandardError())
                .build();
        ImportReport report = importer.run(records);   // an Iterable or a Stream of ImportRecord<GameFriendItem>
        // --- end
        return report;
    }
}
