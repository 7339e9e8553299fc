// --- snippet: test
package com.example.friends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImportTest {
    static ChatSimulator chat;

    @BeforeAll
    static void startChat() throws Exception {
        chat = ChatSimulator.start(SimulatorConfig.builder().secretKey("test-key")
                .customField("Level", CustomFieldType.INTEGER).customField("Guild", CustomFieldType.STRING)
                .build());
    }

    @AfterAll
    static void stopChat() {
        chat.close();
    }

    @Test
    void importsAliceAndBob() throws Exception {
        AppConfig app = new AppConfig(1400000000L, "administrator", SecretKey.of("test-key"),
                Endpoint.of(chat.baseUri()));
        try (FriendImportClient client = FriendImportClient.builder(app).build()) {
            ImportReport report = MyFriendImporter.builder(client).build().run(List.of(
                    MyFriendImporter.record("alice", MyFriendItem.builder()
                            .toAccount("bob").addSource("AddSource_Type_Web").level(7L))));
            assertTrue(report.allImported(), report.summary(10));
        }
        assertEquals(Optional.of(7L), chat.friend("alice", "bob").orElseThrow().custom("Tag_SNS_Custom_Level"));
    }
}
// --- end
