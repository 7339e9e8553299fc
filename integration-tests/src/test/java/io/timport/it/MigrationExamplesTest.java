package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.AccountsMode;
import io.timport.bulk.AccountsReport;
import io.timport.bulk.ImportReport;
import io.timport.call.ChatClient;
import io.timport.config.AppConfig;
import io.timport.simulator.ChatSimulator;
import io.timport.testsupport.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of docs/migration.md, run against the simulator in its known-accounts mode. */
class MigrationExamplesTest {

    @TempDir
    Path dir;

    @Test
    void accountsThenRelations() throws Exception {
        Files.write(dir.resolve("friends.jsonl"), List.of(
                "{\"From_Account\":\"alice\",\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Game\"}",
                "{\"From_Account\":\"bob\",\"To_Account\":\"alice\",\"AddSource\":\"AddSource_Type_Game\"}",
                "{\"From_Account\":\"alice\",\"To_Account\":\"gone\",\"AddSource\":\"AddSource_Type_Game\"}"));
        Files.write(dir.resolve("accounts.jsonl"), List.of(
                "{\"UserID\":\"alice\",\"Nick\":\"Alice\"}",
                "{\"UserID\":\"bob\",\"Nick\":\"Bob\",\"FaceUrl\":\"https://example.com/bob.png\"}"));
        try (ChatSimulator sim = TestApp.start(TestApp.simulator().accounts(List.of("alice")))) {
            AppConfig app = TestApp.app(sim, TestApp.KEY, TestApp.ADMIN);
            Path friends = dir.resolve("friends.jsonl");
            Path accountsFile = dir.resolve("accounts.jsonl");
            Path missing = dir.resolve("missing-accounts.jsonl");
            Path journal = dir.resolve("migration.journal");
            // --- snippet: migrate
            try (ChatClient chat = ChatClient.builder(app).build()) {
                GameFriendImporter importer = GameFriendImporter.builder(chat.friendImport())
                        .accounts(AccountsMode.IMPORT)     // CHECK creates nothing; OFF (the default) skips the phase
                        .accountsFile(accountsFile)        // optional: Nick and FaceUrl; then only these are created
                        .missingAccountsFile(missing)      // the accounts that still do not exist, if any
                        .journal(journal)                  // covers the accounts phase too
                        .build();
                ImportReport report = importer.runJsonl(friends); // read twice: its accounts, then its relations
                AccountsReport accounts = report.accounts().orElseThrow();
                System.out.println(report.summary(20));
                // --- end
                assertEquals(3, accounts.named());
                assertEquals(1, accounts.alreadyPresent());
                assertEquals(1, accounts.imported());
                assertEquals(1, accounts.missing());
                assertEquals(1, accounts.relationsSkipped());
                assertEquals(2, report.imported());
                assertEquals(List.of("{\"UserID\":\"gone\"}"), Files.readAllLines(missing));
                assertTrue(Files.exists(dir.resolve("migration.journal.accounts")));
                assertEquals("Bob", sim.account("bob").orElseThrow().nick().orElseThrow());
            }
        }
    }
}
