// --- snippet: main
package com.example.friends;

import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import java.util.List;

public class Main {
    public static void main(String[] args) throws Exception {
        // A local stand-in for Tencent Cloud Chat, with the app's custom friend fields.
        try (ChatSimulator chat = ChatSimulator.start(SimulatorConfig.builder().secretKey("my-key")
                .customField("Level", CustomFieldType.INTEGER).customField("Guild", CustomFieldType.STRING)
                .build())) {
            AppConfig app = new AppConfig(1400000000L, "administrator", SecretKey.of("my-key"),
                    Endpoint.of(chat.baseUri()));   // the real service: Region.SINGAPORE.endpoint(), …
            try (FriendImportClient client = FriendImportClient.builder(app).build()) {
                ImportReport report = MyFriendImporter.builder(client).build().run(List.of(
                        MyFriendImporter.record("alice", MyFriendItem.builder()
                                .toAccount("bob").addSource("AddSource_Type_Web").level(7L)),
                        MyFriendImporter.record("bob", MyFriendItem.builder()
                                .toAccount("alice").addSource("AddSource_Type_Web").guild("Knights"))));
                System.out.println(report.summary(10));
                System.out.println("alice's friends: " + chat.friendsOf("alice").keySet());
            }
        }
    }
}
// --- end
