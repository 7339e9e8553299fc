package io.timport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.timport.call.FriendImportClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.limit.SmoothRateLimiter;
import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import io.timport.simulator.StoredFriend;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The app the integration tests import into, and helpers to build inputs and compare them with the store. */
final class Fixtures {

    static final long SDK_APP_ID = 1400000777L;
    static final String ADMIN = "administrator";
    static final String KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    private Fixtures() {
    }

    /** The simulator with the app's two custom fields and an administrator. */
    static SimulatorConfig.Builder simulator() {
        return SimulatorConfig.builder()
                .sdkAppId(SDK_APP_ID)
                .secretKey(KEY)
                .admin(ADMIN)
                .customField("Level", CustomFieldType.INTEGER)
                .customField("Guild", CustomFieldType.STRING);
    }

    static ChatSimulator start(SimulatorConfig.Builder config) throws IOException {
        return ChatSimulator.start(config.build());
    }

    /** A client of the simulator, paced by a private limiter at {@code callsPerSecond}. */
    static FriendImportClient client(ChatSimulator sim, String key, String admin, double callsPerSecond) {
        AppConfig app = new AppConfig(SDK_APP_ID, admin, SecretKey.of(key), Endpoint.of(sim.baseUri()));
        return FriendImportClient.builder(app)
                .rateLimiter(new SmoothRateLimiter(callsPerSecond))
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** One input relation, kept beside its item to compare with the store. */
    record Relation(String from, GameFriendItem item) {
    }

    /** A friend item with every field, its values derived from {@code variant}. */
    static GameFriendItem item(String to, int variant) {
        GameFriendItem.Builder b = GameFriendItem.builder()
                .toAccount(to)
                .addSource(variant % 3 == 0 ? "AddSource_Type_Android" : "AddSource_Type_Game")
                .addTime(1_700_000_000L + variant);
        if (variant % 2 == 0) {
            b.remark("remark " + variant + " \u597d\u53cb").remarkTime(1_700_000_100L + variant);
        }
        if (variant % 5 != 0) {
            b.groupNames("group" + (variant % 7), "friends");
        }
        if (variant % 4 == 1) {
            b.addWording("hi from " + variant);
        }
        if (variant % 3 != 1) {
            b.level((long) variant);
        }
        if (variant % 2 == 1) {
            b.guild("guild-" + (variant % 11));
        }
        return b.build();
    }

    /** The later record of each (From_Account, To_Account) pair, by pair. */
    static Map<String, Map<String, GameFriendItem>> expectedStore(List<Relation> input) {
        Map<String, Map<String, GameFriendItem>> expected = new LinkedHashMap<>();
        for (Relation r : input) {
            expected.computeIfAbsent(r.from(), k -> new LinkedHashMap<>()).put(r.item().toAccount(), r.item());
        }
        return expected;
    }

    /** Asserts that the simulator stored exactly this item for the pair, every field. */
    static void assertStored(GameFriendItem expected, StoredFriend stored) {
        String pair = stored.fromAccount() + " -> " + stored.toAccount();
        assertEquals(expected.toAccount(), stored.toAccount(), pair);
        assertEquals(expected.addSource(), stored.addSource(), pair);
        assertEquals(java.util.Optional.ofNullable(expected.remark()), stored.remark(), pair);
        assertEquals(optional(expected.remarkTime()), stored.remarkTime(), pair);
        assertEquals(expected.groupNames(), stored.groupNames(), pair);
        assertEquals(java.util.Optional.ofNullable(expected.addWording()), stored.addWording(), pair);
        assertEquals(optional(expected.addTime()), stored.addTime(), pair);
        Map<String, Object> custom = new LinkedHashMap<>();
        if (expected.level() != null) {
            custom.put("Tag_SNS_Custom_Level", expected.level());
        }
        if (expected.guild() != null) {
            custom.put("Tag_SNS_Custom_Guild", expected.guild());
        }
        assertEquals(custom, stored.customItems(), pair);
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    static List<io.timport.bulk.ImportRecord<GameFriendItem>> records(List<Relation> input) {
        List<io.timport.bulk.ImportRecord<GameFriendItem>> records = new ArrayList<>(input.size());
        for (Relation r : input) {
            records.add(io.timport.bulk.ImportRecord.of(r.from(), r.item()));
        }
        return records;
    }
}
