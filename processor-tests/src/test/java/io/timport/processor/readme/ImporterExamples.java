package io.timport.processor.readme;

import io.timport.bulk.ConsoleProgress;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The importer example of docs/custom-fields.md, verbatim between the snippet markers (checked by docs-tests), so
 * that it keeps compiling against the generated {@code GameFriendImporter} (test-compile runs with {@code -Xlint:all -Werror}). What it
 * does is tested in {@code io.timport.processor.generated.ImporterTest}.
 */
final class ImporterExamples {

    private ImporterExamples() {
    }

    /** A row of the user's own data. */
    record Friendship(String userId, String friendId, long level) {
    }

    static void importAll(AppConfig app, List<Friendship> friendships) throws Exception {
        // --- snippet: importer
        try (FriendImportClient client = FriendImportClient.builder(app).build()) {
            GameFriendImporter importer = GameFriendImporter.builder(client)
                    .journal(Path.of("import.journal"))           // optional: run again after a crash to resume
                    .progress(ConsoleProgress.toStandardError())  // optional: progress on standard error
                    .build();

            // From your own data: any Iterable or Stream of records, in any order.
            ImportReport report = importer.run(friendships.stream().map(f -> GameFriendImporter.record(
                    f.userId(),
                    GameFriendItem.builder()
                            .toAccount(f.friendId())
                            .addSource("AddSource_Type_Game")
                            .level(f.level()))));
            System.out.println(report.summary(20));
            report.writeFailures(Path.of("failures.jsonl"));  // the failed relations, to fix and run again

            // Or from a JSONL file: one {"From_Account": ..., "To_Account": ..., ...} object a line.
            ImportReport fromFile = importer.runJsonl(Path.of("friends.jsonl"));
        }
        // --- end
    }
}
