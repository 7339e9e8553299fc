package io.timport.it;

import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.limit.SmoothRateLimiter;
import io.timport.testsupport.TestApp;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * An import with a journal, run in a JVM of its own by {@link KillAndResumeTest} so that it can be killed.
 * Arguments: simulator base URI, journal file, relations, batch size, most calls in flight.
 */
public final class ResumableImport {

    private ResumableImport() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        Path journal = Path.of(args[1]);
        int relations = Integer.parseInt(args[2]);
        int batchSize = Integer.parseInt(args[3]);
        int maxInFlight = Integer.parseInt(args[4]);
        try (FriendImportClient client = client(base)) {
            ImportReport report = importer(client, journal, batchSize, maxInFlight).run(input(relations));
            System.out.println(report.summary(5));
        }
    }

    static FriendImportClient client(URI base) {
        AppConfig app = new AppConfig(TestApp.SDK_APP_ID, TestApp.ADMIN, SecretKey.of(TestApp.KEY),
                Endpoint.of(base));
        return FriendImportClient.builder(app).rateLimiter(new SmoothRateLimiter(200)).build();
    }

    static BulkImporter<GameFriendItem> importer(FriendImportClient client, Path journal, int batchSize,
            int maxInFlight) {
        return BulkImporter.<GameFriendItem>builder(client)
                .journal(journal)
                .batchSize(batchSize)
                .maxInFlight(maxInFlight)
                .build();
    }

    /** The same unsorted input every time: 1 in 50 relations per user, users interleaved. */
    static List<ImportRecord<GameFriendItem>> input(int relations) {
        List<ImportRecord<GameFriendItem>> records = new ArrayList<>(relations);
        for (int i = 0; i < relations; i++) {
            records.add(ImportRecord.of("user" + (i % (relations / 50)), Fixtures.item("friend" + i, i)));
        }
        Collections.shuffle(records, new Random(99));
        return records;
    }
}
