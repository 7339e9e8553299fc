package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void defaults() {
        SimulatorConfig c = SimulatorConfig.builder().secretKey("k").build();
        assertEquals(0, c.port());
        assertEquals(1400000000L, c.sdkAppId());
        assertEquals(List.of("administrator"), List.copyOf(c.admins()));
        assertEquals(200, c.rateLimitPerSecond());
        assertEquals(60011, c.throttleCode());
        assertEquals(Map.of(), c.customFields());
        assertEquals(Optional.empty(), c.accounts());
        assertEquals(3000, c.maxFriendsPerUser());
        assertEquals(32, c.maxGroupsPerUser());
        assertEquals(1000, c.maxItemsPerRequest());
        assertEquals(Duration.ZERO, c.latency());
        assertEquals(Map.of(), c.faults());
        assertEquals(0, c.lockoutAfterFailures());
        for (RestApi api : RestApi.values()) {
            assertEquals(api.documentedCallsPerSecond(), c.rateLimitPerSecond(api), api.name());
        }
        assertEquals(Map.of(RestApi.FRIEND_IMPORT, 200, RestApi.FRIEND_GET, 200, RestApi.FRIEND_CHECK, 200,
                RestApi.ACCOUNT_IMPORT, 200, RestApi.MULTIACCOUNT_IMPORT, 100, RestApi.ACCOUNT_CHECK, 100),
                java.util.Arrays.stream(RestApi.values()).collect(java.util.stream.Collectors.toMap(
                        a -> a, RestApi::documentedCallsPerSecond)));
        assertEquals(false, c.knownAccounts());
        assertEquals(100, c.friendGetPageSize());
        assertEquals(false, c.friendGetReturnsUnsetFields());
        assertEquals(Duration.ZERO, c.stallPeriod());
        assertEquals(1 << 20, c.maxRequestBodyBytes());
        assertEquals(Long.MAX_VALUE, c.maxStoredRelations());
        assertEquals(256, c.handlerThreads());
    }

    @Test
    void theOldRateSetterIsFriendImports() {
        SimulatorConfig c = SimulatorConfig.builder().secretKey("k").rateLimitPerSecond(7).build();
        assertEquals(7, c.rateLimitPerSecond());
        assertEquals(7, c.rateLimitPerSecond(RestApi.FRIEND_IMPORT));
        assertEquals(100, c.rateLimitPerSecond(RestApi.ACCOUNT_CHECK));
        assertEquals(9, c.toBuilder().rateLimitPerSecond(RestApi.ACCOUNT_CHECK, 9).build()
                .rateLimitPerSecond(RestApi.ACCOUNT_CHECK));
    }

    @Test
    void toStringNeverShowsTheKey() {
        SimulatorConfig c = SimulatorConfig.builder().secretKey("top-secret-key").build();
        assertFalse(c.toString().contains("top-secret-key"));
        assertTrue(c.toString().contains("secretKey=***"));
    }

    @Test
    void toBuilderDerivesAVariantThatAddsAdmins() {
        SimulatorConfig base = SimulatorConfig.builder().secretKey("k").admin("root")
                .customField("Level", CustomFieldType.INTEGER).fault(Fault.HTTP_502, 0.5).build();
        SimulatorConfig derived = base.toBuilder().admin("ops").rateLimitPerSecond(5).build();
        assertEquals(List.of("root", "ops"), List.copyOf(derived.admins()));
        assertEquals(5, derived.rateLimitPerSecond());
        assertEquals(base.customFields(), derived.customFields());
        assertEquals(0.5, derived.faultProbability(Fault.HTTP_502));
        assertEquals(200, base.rateLimitPerSecond());
    }

    @Test
    void badSettingsFailAtOnceNamingTheRule() {
        SimulatorConfig.Builder b = SimulatorConfig.builder();
        assertEquals("secretKey is required", assertThrows(IllegalStateException.class, b::build).getMessage());
        assertEquals("port must be 0..65535, got 70000",
                assertThrows(IllegalArgumentException.class, () -> b.port(70000)).getMessage());
        assertEquals("custom field keyword \"Level1\" must be 1 to 8 English letters (it becomes Tag_SNS_Custom_Level1)",
                assertThrows(IllegalArgumentException.class,
                        () -> b.customField("Level1", CustomFieldType.INTEGER)).getMessage());
        assertEquals("the probability of ITEM_30006 must be within 0..1, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> b.fault(Fault.ITEM_30006, -0.1)).getMessage());
        assertEquals("throttleCode must be one of 60007, 60011, 60018, 60019, got 429",
                assertThrows(IllegalArgumentException.class, () -> b.throttleCode(429)).getMessage());
        assertEquals("secretKey must not be empty",
                assertThrows(IllegalArgumentException.class, () -> b.secretKey("")).getMessage());
        assertEquals("latency and jitter must not be negative", assertThrows(IllegalArgumentException.class,
                () -> b.latency(Duration.ofMillis(-1), Duration.ZERO)).getMessage());
        assertEquals("stall durations must satisfy 0 < min <= max, got 100 ms .. 50 ms",
                assertThrows(IllegalArgumentException.class, () -> b.stalls(Duration.ofSeconds(3),
                        Duration.ofMillis(100), Duration.ofMillis(50))).getMessage());
        assertEquals("maxStoredRelations must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> b.maxStoredRelations(0)).getMessage());
        assertEquals("friendGetPageSize must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> b.friendGetPageSize(0)).getMessage());
        assertEquals("rateLimitPerSecond must be positive, got 0", assertThrows(IllegalArgumentException.class,
                () -> b.rateLimitPerSecond(RestApi.FRIEND_GET, 0)).getMessage());
    }
}
