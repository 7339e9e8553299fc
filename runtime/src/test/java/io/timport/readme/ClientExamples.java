package io.timport.readme;

import io.timport.call.AccountCheckResponse;
import io.timport.call.AccountItem;
import io.timport.call.ChatApi;
import io.timport.call.ChatClient;
import io.timport.call.Friend;
import io.timport.call.FriendCheckResponse;
import io.timport.call.FriendCheckType;
import io.timport.call.FriendImportClient;
import io.timport.call.FriendImportResponse;
import io.timport.call.FriendList;
import io.timport.call.MultiAccountImportResponse;
import io.timport.call.ResultItem;
import io.timport.call.TransportException;
import io.timport.config.AppConfig;
import io.timport.limit.RateLimiter;
import io.timport.limit.RateLimiterRegistry;
import io.timport.limit.SmoothRateLimiter;
import io.timport.wire.AddFriendItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The code examples of docs/client.md about the transport and the APIs beside friend_import, verbatim between the
 * snippet markers (checked by docs-tests). {@link ClientExamplesTest} runs each against a loopback server.
 */
final class ClientExamples {

    private ClientExamples() {}

    static List<String> chatClient(AppConfig app, List<? extends AddFriendItem> items) throws Exception {
        List<String> log = new ArrayList<>();
        // --- snippet: chat-client
        try (ChatClient chat = ChatClient.builder(app).build()) {   // one UserSig cache, one HTTP client
            AccountCheckResponse accounts = chat.accounts().checkAccounts(List.of("alice", "bob"));
            log.add("missing accounts: " + accounts.missing());
            FriendImportResponse imported = chat.friendImport().importFriends("alice", items);
            log.add("imported: " + imported.isFullSuccess());
            FriendList friends = chat.friends().getAllFriends("alice");
            log.add("alice has " + friends.friends().size() + " friends");
        }
        // --- end
        return log;
    }

    static ChatClient siblings(FriendImportClient client) {
        // --- snippet: siblings
        ChatClient chat = client.chatClient();   // the ChatClient behind a FriendImportClient.builder(app).build()
        // chat.accounts() and chat.friends() share the client's UserSig cache, HTTP client and error classes
        // --- end
        return chat;
    }

    static List<String> importMissingAccounts(ChatClient chat, List<String> userIds) throws Exception {
        // --- snippet: accounts
        AccountCheckResponse checked = chat.accounts().checkAccounts(userIds);          // at most 100 a call
        List<AccountItem> missing = new ArrayList<>();
        for (String userId : checked.missing()) {
            missing.add(new AccountItem(userId, "Nick of " + userId, null));          // Nick and FaceUrl optional
        }
        if (!missing.isEmpty()) {
            MultiAccountImportResponse created = chat.accounts().importAccounts(missing); // at most 100 a call
            if (!created.isRequestOk()) {
                System.out.println("multiaccount_import failed: " + created.requestError());
            }
            System.out.println("not created: " + created.failAccounts());
        }
        // --- end
        List<String> created = new ArrayList<>();
        missing.forEach(a -> created.add(a.userId()));
        return created;
    }

    static Map<String, Object> readBack(ChatClient chat) throws Exception {
        // --- snippet: friend-get
        FriendList friends = chat.friends().getAllFriends("alice");    // every page, until CompleteFlag 1
        if (!friends.isRequestOk()) {
            System.out.println(friends.requestError() + "; go on from StartIndex " + friends.nextStartIndex());
        }
        for (Friend friend : friends.friends()) {
            Map<String, Object> values = friend.values();              // tag -> plain JSON value, in answer order
            Object remark = values.get("Tag_SNS_IM_Remark");            // a String
            Object groups = values.get("Tag_SNS_IM_Group");             // a List of Strings
            System.out.println(friend.toAccount() + ": " + remark + " " + groups);
        }
        // --- end
        return friends.friends().get(friends.friends().size() - 1).values();
    }

    static FriendCheckResponse check(ChatClient chat) throws Exception {
        // --- snippet: friend-check
        FriendCheckResponse checked = chat.friends().checkFriends("alice", List.of("bob", "carol"),
                FriendCheckType.BOTH);                                  // at most 1000 To_Account a call
        checked.infoItems().forEach(item -> System.out.println(item.toAccount() + " " + item.relation()
                + (item.relation().fromHasTo() ? " (in alice's list)" : "")));
        // --- end
        return checked;
    }

    static List<FriendImportClient> limiters(AppConfig app) {
        // --- snippet: private-limiter
        // This process is the only caller of the app: limiters of its own, 2 % under each API's limit.
        FriendImportClient client = FriendImportClient.builder(app)
                .serverRateLimit(200)          // friend_import's limit on the server (Tencent may raise yours)
                .privateRateLimiter()          // 196 calls/s for friend_import, 98 for account_check, …
                .build();
        // --- end
        return List.of(client);
    }

    static ChatClient perApiLimiters(AppConfig app, RateLimiter distributed) {
        // --- snippet: per-api-limiters
        // The JVM-wide limiter of one app and API, at a rate of your choice (everyone sharing it follows it).
        RateLimiter accountChecks = RateLimiterRegistry.global().forApi(app.sdkAppId(), ChatApi.ACCOUNT_CHECK, 50);

        ChatClient chat = ChatClient.builder(app)
                .rateLimiter(ChatApi.FRIEND_IMPORT, distributed)          // your own, e.g. shared by several machines
                .rateLimiter(ChatApi.ACCOUNT_CHECK, accountChecks)
                .serverRateLimit(ChatApi.FRIEND_GET, 400)                  // a limit Tencent raised for your app
                .build();                                                  // the other APIs: their shared defaults
        // --- end
        return chat;
    }

    static ChatClient caps(AppConfig app) {
        // --- snippet: deadline-and-cap
        ChatClient chat = ChatClient.builder(app)
                .requestTimeout(Duration.ofSeconds(10))   // each call's deadline: connect, headers and whole body
                .maxAnswerBytes(8L << 20)                 // one answer; default 4 MiB
                .maxBufferedAnswerBytes(128L << 20)       // all answers being read at once; default 64 MiB
                .build();
        // --- end
        return chat;
    }

    static List<String> support(FriendImportClient client, List<? extends AddFriendItem> items)
            throws InterruptedException {
        List<String> lines = new ArrayList<>();
        // --- snippet: random
        try {
            FriendImportResponse answer = client.importFriends("alice", items);
            for (ResultItem item : answer.resultItems()) {
                if (!item.isOk()) {   // what Tencent support asks for: SDKAppID, time, and the call's random
                    lines.add(item.toAccount() + " " + item.resultCode() + " (random " + answer.random() + ")");
                }
            }
        } catch (TransportException e) {
            lines.add(e.kind() + " (random " + e.random() + ")");   // also in e.getMessage(), inside the URL
        }
        // --- end
        return lines;
    }

    static boolean stopsTheUser(FriendImportResponse answer) {
        // --- snippet: marks-from-account
        boolean userIsDone = answer.requestError().marksFromAccount()          // e.g. 30003: no such From_Account
                || answer.resultItems().stream().anyMatch(i -> i.error().marksFromAccount());   // 30010, 30009
        // --- end
        return userIsDone;
    }

    static RateLimiter quarter() {
        return new SmoothRateLimiter(50);
    }
}
