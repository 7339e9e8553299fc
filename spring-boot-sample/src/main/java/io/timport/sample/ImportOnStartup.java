package io.timport.sample;

import io.timport.bulk.ImportAbortedException;
import io.timport.bulk.ImportReport;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Imports the sample graph once the application has started; its web server (and the metrics) are up meanwhile. */
@Component
class ImportOnStartup implements ApplicationRunner {

    private static final Logger LOG = System.getLogger(ImportOnStartup.class.getName());

    private final GameFriendImporter importer;
    private final SampleProperties sample;
    private volatile ImportReport report;

    ImportOnStartup(GameFriendImporter importer, SampleProperties sample) {
        this.importer = importer;
        this.sample = sample;
    }

    // --- snippet: run
    @Override
    public void run(ApplicationArguments args) throws Exception {
        ImportReport report;
        try {
            report = importer.run(FriendGraph.records(sample.players(), sample.friendsPerPlayer()));
        } catch (ImportAbortedException e) {   // a fatal error: wrong key, not an admin, ...
            report = e.report();
        }
        LOG.log(Level.INFO, report.summary(10));
        this.report = report;
    }
    // --- end

    /** The report of the import at startup, or null before it ended. */
    ImportReport report() {
        return report;
    }
}
