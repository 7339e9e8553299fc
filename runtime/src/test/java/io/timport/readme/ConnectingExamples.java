package io.timport.readme;

import io.timport.auth.UserSig;
import io.timport.call.FriendImportClient;
import io.timport.call.FriendImportResponse;
import io.timport.call.ResultItem;
import io.timport.call.TransportException;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.Region;
import io.timport.config.SecretKey;
import io.timport.errors.ErrorCatalogue;
import io.timport.errors.ErrorEntry;
import io.timport.limit.RateLimiter;
import io.timport.limit.RateLimiterRegistry;
import io.timport.limit.SmoothRateLimiter;
import io.timport.wire.AddFriendItem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The code examples of docs/client.md, verbatim between the snippet markers (checked by docs-tests), so that they compile
 * against the API.
 * {@link ConnectingExamplesTest} runs the ones that need no real Chat app.
 */
final class ConnectingExamples {

    private ConnectingExamples() {}

    static AppConfig appConfig() throws IOException {
        // --- snippet: app-config
        AppConfig app = new AppConfig(
                1400000000L,                              // SDKAppID
                "administrator",                          // an app admin's UserID
                SecretKey.fromEnv("TIMPORT_SECRET_KEY"),  // or SecretKey.fromFile(Path.of("/run/secrets/chat-key"))
                Region.SINGAPORE.endpoint());             // the data centre of the app
        // --- end
        return app;
    }

    static List<Endpoint> endpoints() {
        // --- snippet: endpoints
        Endpoint singapore = Region.SINGAPORE.endpoint();                       // https://adminapisgp.im.qcloud.com
        Endpoint fromConfig = Endpoint.parse("silicon-valley");                 // a region name or a domain
        Endpoint newRegion = Endpoint.of(URI.create("https://adminapixyz.im.qcloud.com"));
        Endpoint simulator = Endpoint.of(URI.create("http://127.0.0.1:8080"));  // plain http: loopback only
        // --- end
        return List.of(singapore, fromConfig, newRegion, simulator);
    }

    static SecretKey fromFile() throws IOException {
        return SecretKey.fromFile(Path.of("/run/secrets/chat-key"));
    }

    static void importOneBatch(AppConfig app, List<? extends AddFriendItem> items) throws Exception {
        // --- snippet: one-call
        try (FriendImportClient client = FriendImportClient.builder(app).build()) {
            FriendImportResponse answer = client.importFriends("alice", items);
            if (!answer.isRequestOk()) {
                ErrorEntry error = answer.requestError();       // e.g. 70001 UserSig expired (RESIGN)
                System.out.println("call failed: " + error + " " + answer.errorInfo());
            }
            for (ResultItem item : answer.resultItems()) {
                if (!item.isOk()) {                             // e.g. 30010 ... (PERMANENT)
                    System.out.println(item.toAccount() + ": " + item.error() + " " + item.resultInfo());
                }
            }
        } catch (TransportException e) {                        // timeout, connection, TLS, HTTP 502, bad body
            System.out.println(e.kind() + " " + e.httpStatus() + " -> " + e.errorClass());
        }
        // --- end
    }

    static List<CompletableFuture<FriendImportResponse>> importMany(
            FriendImportClient client, Map<String, List<? extends AddFriendItem>> friendsByUser)
            throws InterruptedException {
        // --- snippet: many-calls
        List<CompletableFuture<FriendImportResponse>> answers = new ArrayList<>();
        for (Map.Entry<String, List<? extends AddFriendItem>> user : friendsByUser.entrySet()) {
            // Returns once the rate limiter grants a permit: this loop runs at most 200 calls/s.
            answers.add(client.importFriendsAsync(user.getKey(), user.getValue()));
        }
        // --- end
        return answers;
    }

    static FriendImportClient timeouts(AppConfig app) {
        // --- snippet: timeouts
        FriendImportClient client = FriendImportClient.builder(app)
                .connectTimeout(Duration.ofSeconds(5))     // default 5 s
                .requestTimeout(Duration.ofSeconds(15))    // default 10 s; keep it above the server's 3 s
                .build();
        // --- end
        return client;
    }

    static FriendImportClient rateLimits(AppConfig app) {
        // --- snippet: rate-limits
        // Everything in this JVM that calls for SDKAppID 1400000000 shares this limiter.
        RateLimiter shared = RateLimiterRegistry.global().forSdkAppId(app.sdkAppId(), 150);
        FriendImportClient client = FriendImportClient.builder(app).rateLimiter(shared).build();

        // Four processes importing for one app: give each a quarter of the app's 200 calls/s.
        RateLimiter quarter = new SmoothRateLimiter(200.0 / 4);
        // --- end
        client.close();
        return FriendImportClient.builder(app).rateLimiter(quarter).build();
    }

    static void renew(FriendImportClient client, FriendImportResponse answer) {
        // --- snippet: re-sign
        if (ErrorCatalogue.lookup(answer.errorCode()).errorClass() == io.timport.errors.ErrorClass.RESIGN) {
            client.renewUserSig();   // the next call signs a new UserSig; retry once
        }
        // --- end
    }

    static String userSig() {
        // --- snippet: usersig-helper
        String userSig = UserSig.generate(1400000000L, "administrator",
                SecretKey.fromEnv("TIMPORT_SECRET_KEY"), Duration.ofDays(1));
        // --- end
        return userSig;
    }

    static String decide(int code) {
        // --- snippet: error-classes
        switch (ErrorCatalogue.lookup(code).errorClass()) {
            case OK:              return "done";
            case TRANSIENT:       return "retry with backoff";
            case THROTTLED:       return "slow down, then retry";
            case RESIGN:          return "renewUserSig(), retry once";
            case WAIT_THEN_RETRY: return "wait about a minute, then retry";
            case PERMANENT:       return "report the item, do not retry";
            case FATAL_CONFIG:    return "stop: fix the configuration";
            case CLIENT_BUG:      return "stop: report a timport bug";
            case UNKNOWN:         return "report it with its number; a request: retry once, then split";
            default:              throw new AssertionError(code);
        }
        // --- end
    }
}
