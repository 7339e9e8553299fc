package io.timport.it;

import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportReport;
import io.timport.bulk.Verification;
import io.timport.call.FriendImportClient;
import java.net.URI;
import java.nio.file.Path;

/**
 * An import and its full verification with a journal, run in a JVM of its own by {@link VerifyKillAndResumeTest}
 * so that it can be killed during the verification. Arguments: simulator base URI, journal file, relations.
 */
public final class ResumableVerify {

    private ResumableVerify() {
    }

    public static void main(String[] args) throws Exception {
        try (FriendImportClient client = ResumableImport.client(URI.create(args[0]))) {
            ImportReport report = importer(client, Path.of(args[1])).run(ResumableImport.input(
                    Integer.parseInt(args[2])));
            System.out.println(report.summary(5));
        }
    }

    static BulkImporter<GameFriendItem> importer(FriendImportClient client, Path journal) {
        return BulkImporter.<GameFriendItem>builder(client)
                .journal(journal)
                .batchSize(50)
                .maxInFlight(8)
                .verify(Verification.full(), GameFriendItem.TYPE)
                .build();
    }
}
