package io.timport.testsupport;

import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.limit.SmoothRateLimiter;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import java.io.IOException;
import java.time.Duration;

/**
 * The app the tests import into, standing for "a compatible server": its SDKAppID, admin and key, a simulator of it
 * with the custom friend fields of the example's {@code GameFriend} ({@code Tag_SNS_Custom_Level}, an integer, and
 * {@code Tag_SNS_Custom_Guild}, a string), and clients of that simulator.
 */
public final class TestApp {

    /** The app's SDKAppID (not the example's embedded simulator's, so that the two are told apart). */
    public static final long SDK_APP_ID = 1_400_000_777L;
    /** An admin of the app. */
    public static final String ADMIN = "administrator";
    /** The app's secret key. */
    public static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    private TestApp() {
    }

    /** The app's simulator, every account existing; add latency, faults or limits before starting it. */
    public static SimulatorConfig.Builder simulator() {
        return SimulatorConfig.builder()
                .sdkAppId(SDK_APP_ID)
                .secretKey(KEY)
                .admin(ADMIN)
                .customField("Level", CustomFieldType.INTEGER)
                .customField("Guild", CustomFieldType.STRING);
    }

    /** Starts the simulator so configured, on a free loopback port. */
    public static ChatSimulator start(SimulatorConfig.Builder config) throws IOException {
        return ChatSimulator.start(config.build());
    }

    /** The app as a client of {@code sim} sees it, calling as {@code admin} with {@code key}. */
    public static AppConfig app(ChatSimulator sim, String key, String admin) {
        return new AppConfig(SDK_APP_ID, admin, SecretKey.of(key), Endpoint.of(sim.baseUri()));
    }

    /** A client of {@code sim} with the app's key and admin, paced by a limiter of its own at {@code callsPerSecond}. */
    public static FriendImportClient client(ChatSimulator sim, double callsPerSecond) {
        return client(sim, KEY, ADMIN, callsPerSecond);
    }

    /** A client of {@code sim} with this key and admin, paced by a limiter of its own at {@code callsPerSecond}. */
    public static FriendImportClient client(ChatSimulator sim, String key, String admin, double callsPerSecond) {
        return FriendImportClient.builder(app(sim, key, admin))
                .rateLimiter(new SmoothRateLimiter(callsPerSecond))
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }
}
