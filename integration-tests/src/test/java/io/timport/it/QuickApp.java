package io.timport.it;

import io.timport.call.ChatApi;
import io.timport.call.ChatClient;
import io.timport.call.FriendImportClient;
import io.timport.limit.SmoothRateLimiter;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.RestApi;
import io.timport.simulator.SimulatorConfig;
import io.timport.testsupport.TestApp;
import java.time.Duration;

/**
 * The test app ({@link TestApp}) for the tests whose point is not the rate: its simulator admits
 * {@value #SERVER_CALLS_PER_SECOND} calls/s of every API, and a client of it paces every API on limiters of its own at
 * {@value #CALLS_PER_SECOND} calls/s, instead of the documented 100 and 200 (which would only make those tests wait,
 * and share the JVM-wide limiters of the app between test classes that run at once). The tests of pacing and
 * throttling keep the documented rates.
 */
final class QuickApp {

    /** Each API's pace in a client of {@link #client}. */
    static final int CALLS_PER_SECOND = 1_000;
    /** Each API's limit in the {@link #simulator()}: twice the pace, so that no call is throttled. */
    static final int SERVER_CALLS_PER_SECOND = 2 * CALLS_PER_SECOND;

    private QuickApp() {
    }

    /** The app's simulator ({@link TestApp#simulator()}) admitting {@value #SERVER_CALLS_PER_SECOND} calls/s of every API. */
    static SimulatorConfig.Builder simulator() {
        SimulatorConfig.Builder b = TestApp.simulator();
        for (RestApi api : RestApi.values()) {
            b.rateLimitPerSecond(api, SERVER_CALLS_PER_SECOND);
        }
        return b;
    }

    /** A client of {@code sim} with the app's key and admin, every API on a limiter of its own. */
    static FriendImportClient client(ChatSimulator sim) {
        ChatClient.Builder b = ChatClient.builder(TestApp.app(sim, TestApp.KEY, TestApp.ADMIN))
                .requestTimeout(Duration.ofSeconds(5));
        for (ChatApi api : ChatApi.values()) {
            b.rateLimiter(api, new SmoothRateLimiter(CALLS_PER_SECOND));
        }
        return b.build().friendImport();
    }
}
