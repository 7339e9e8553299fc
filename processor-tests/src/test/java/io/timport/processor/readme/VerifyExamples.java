package io.timport.processor.readme;

import io.timport.bulk.ImportReport;
import io.timport.bulk.Verification;
import io.timport.bulk.VerificationReport;
import io.timport.call.FriendImportClient;
import java.nio.file.Path;

/** The examples of docs/verification.md, verbatim between the snippet markers (checked by docs-tests). */
final class VerifyExamples {

    private VerifyExamples() {
    }

    static boolean importAndProve(FriendImportClient client, Path friends) throws Exception {
        // --- snippet: import-and-verify
        GameFriendImporter importer = GameFriendImporter.builder(client)
                .journal(Path.of("import.journal"))      // also import.journal.verify: a resumed proof skips users proven
                .verify(Verification.full())             // or Verification.sample(500); Verification.off() is the default
                .build();
        ImportReport report = importer.runJsonl(friends);
        VerificationReport proof = report.verification().orElseThrow();
        System.out.println(report.summary(20));          // the import, then what reading it back found and repaired
        boolean proven = report.allImportedAndEqual();   // nothing failed, nothing left missing or different
        // --- end
        return proven && proof.allEqual();
    }

    static boolean verifyOnly(FriendImportClient client, Path friends) throws Exception {
        // --- snippet: verify-only
        VerificationReport proof = GameFriendImporter.builder(client)
                .verify(Verification.full().withoutRepairs())  // report only: nothing is imported
                .build()
                .verifyJsonl(friends);
        System.out.println(proof.summary(20));
        proof.stillDifferentRelations().forEach(m -> System.out.println(m.kind() + " " + m.differences()));
        // --- end
        return proof.allEqual();
    }
}
