// --- snippet: test
package com.example.friends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.junit.ChatSimulatorExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImportTest {
    @RegisterExtension   // a simulator for this class, emptied before each test
    static final ChatSimulatorExtension chat = ChatSimulatorExtension.with(b -> b
            .customField("Level", CustomFieldType.INTEGER).customField("Guild", CustomFieldType.STRING));

    @Test
    void importsAliceAndBob() throws Exception {
        AppConfig app = new AppConfig(chat.sdkAppId(), chat.admin(), SecretKey.of(chat.secretKey()),
                Endpoint.of(chat.baseUri()));
        try (FriendImportClient client = FriendImportClient.builder(app).build()) {
            ImportReport report = MyFriendImporter.builder(client).build().run(List.of(
                    MyFriendImporter.record("alice", MyFriendItem.builder()
                            .toAccount("bob").addSource("AddSource_Type_Web").level(7L))));
            assertTrue(report.allImported(), report.summary(10));
        }
        assertEquals(Optional.of(7L),
                chat.simulator().friend("alice", "bob").orElseThrow().custom("Tag_SNS_Custom_Level"));
    }
}
// --- end
