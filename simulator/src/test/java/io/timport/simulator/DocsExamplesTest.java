package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code shown in docs/simulator.md, compiled and run here (the regions between the snippet markers). */
class DocsExamplesTest {

    /** Stands for the reader's own import code. */
    private static void runMyImport(URI baseUri, String secretKey) {
        String sig = TestUserSig.sign(secretKey, "administrator", 1400000000L);
        Sim.Answer a = Sim.send(baseUri, "POST", RestApi.FRIEND_IMPORT.path() + "?"
                + Sim.query(1400000000L, "administrator", sig, 1), "{\"From_Account\":\"alice\",\"AddFriendItem\":["
                + "{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Web\",\"CustomItem\":["
                + "{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":3}]}]}");
        a.assertAllStored();
    }

    @Test
    void embedding() throws IOException {
        // --- snippet: embed
        SimulatorConfig config = SimulatorConfig.builder()
                .secretKey("test-secret-key")               // sign your UserSigs with this key
                .customField("Level", CustomFieldType.INTEGER)
                .build();
        try (ChatSimulator chat = ChatSimulator.start(config)) {
            URI base = chat.baseUri();                      // http://127.0.0.1:PORT, the "domain"
            runMyImport(base, config.secretKey());

            StoredFriend bob = chat.friend("alice", "bob").orElseThrow();
            assertEquals(Map.of("Tag_SNS_Custom_Level", 3L), bob.customItems());
            assertEquals(0, chat.stats().throttled());      // the import kept to 200 calls/s
        }
        // --- end
    }

    @Test
    void knownAccounts(@TempDir Path dir) throws IOException {
        Path accountsFile = dir.resolve("accounts.txt");
        Files.writeString(accountsFile, "alice\nbob\n");
        // --- snippet: known-accounts
        SimulatorConfig config = SimulatorConfig.builder()
                .secretKey("test-secret-key")
                .accountsFile(accountsFile)                 // one UserID a line; or .accounts(List.of(...))
                .build();                                   // or .knownAccounts(): none until imported
        try (ChatSimulator chat = ChatSimulator.start(config)) {
            // friend_import answers 30003 for an account that is neither seeded nor imported through
            // account_import or multiaccount_import; account_check answers Imported or NotImported.
            assertEquals(Set.of("alice", "bob"), chat.accounts());
            assertTrue(chat.accountExists("alice"));
        }
        // --- end
    }

    @Test
    void faultsAndStalls() throws IOException {
        // --- snippet: faults
        SimulatorConfig config = SimulatorConfig.builder()
                .secretKey("test-secret-key")
                .faultSeed(42)                                      // every draw repeats with the seed
                .fault(Fault.ITEM_30006, 0.01)                      // 1 % of items answered 30006
                .silentLoss(0.01)                                   // 1 % answered 0 but not stored
                .stalls(Duration.ofSeconds(3),                      // every 3 s the server stalls
                        Duration.ofMillis(50), Duration.ofMillis(150))  // for 50 to 150 ms
                .latency(Duration.ofMillis(50), Duration.ofMillis(10))
                .build();
        // --- end
        try (ChatSimulator chat = ChatSimulator.start(config)) {
            assertEquals(Duration.ofSeconds(3), chat.config().stallPeriod());
        }
    }

    @Test
    void limits() throws IOException {
        // --- snippet: limits
        SimulatorConfig config = SimulatorConfig.builder()
                .secretKey("test-secret-key")
                .maxRequestBodyBytes(1 << 20)           // larger bodies: HTTP 413 (the default)
                .maxStoredRelations(2_000_000)          // then new relations: 30001 "store is full"
                .handlerThreads(256)                    // requests handled at once (the default)
                .rateLimitPerSecond(RestApi.ACCOUNT_CHECK, 50)  // each API has its own window
                .build();
        // --- end
        try (ChatSimulator chat = ChatSimulator.start(config)) {
            assertEquals(50, chat.config().rateLimitPerSecond(RestApi.ACCOUNT_CHECK));
        }
    }

    @Test
    void perApiStats() throws IOException {
        try (ChatSimulator chat = ChatSimulator.start(Sim.config().build())) {
            Sim.call(chat, RestApi.ACCOUNT_CHECK, "{\"CheckItem\":[{\"UserID\":\"a\"}]}").assertSucceeded();
            // --- snippet: stats
            SimulatorStats stats = chat.stats();
            ApiStats checks = stats.api(RestApi.ACCOUNT_CHECK);
            assertEquals(1, checks.succeeded());
            assertEquals(0, checks.throttled());
            assertEquals(0, stats.silentLosses());
            assertEquals(List.of(), List.copyOf(stats.itemFailures().keySet()));
            // --- end
        }
    }
}
