package io.timport.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.timport.bulk.BulkImporter;
import io.timport.call.AccountClient;
import io.timport.call.ChatApi;
import io.timport.call.ChatClient;
import io.timport.call.FriendImportClient;
import io.timport.call.FriendReadClient;
import io.timport.config.AppConfig;
import io.timport.config.Endpoint;
import io.timport.config.SecretKey;
import io.timport.limit.RateLimiterRegistry;
import io.timport.limit.SmoothRateLimiter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The beans from the {@code timport.*} properties, backing off, and failing fast on a bad property. */
class TimportAutoConfigurationTest {

    static final String KEY = "k3y-0f-th3-app-2f9c1d7e";

    /** SDKAppIDs: each test that chooses a rate takes its own, since the JVM shares one limiter per SDKAppID. */
    private static final AtomicLong NEXT_APP = new AtomicLong(1_400_100_000L);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TimportAutoConfiguration.class));

    static String[] app(long sdkAppId, String... more) {
        return Stream.concat(Stream.of("timport.sdkappid=" + sdkAppId, "timport.admin=administrator",
                "timport.secret-key=" + KEY, "timport.endpoint=http://127.0.0.1:9"), Stream.of(more))
                .toArray(String[]::new);
    }

    @Test
    void theClientFromProperties() {
        long sdkAppId = NEXT_APP.incrementAndGet();
        runner.withPropertyValues(app(sdkAppId, "timport.connect-timeout=2s", "timport.request-timeout=15s"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(FriendImportClient.class)
                            .hasSingleBean(AppConfig.class).hasSingleBean(TimportImporterConfigurer.class)
                            .hasSingleBean(ChatClient.class).hasSingleBean(AccountClient.class)
                            .hasSingleBean(FriendReadClient.class);
                    FriendImportClient client = context.getBean(FriendImportClient.class);
                    assertThat(client.app()).isSameAs(context.getBean(AppConfig.class));
                    assertThat(client.app().sdkAppId()).isEqualTo(sdkAppId);
                    assertThat(client.app().adminIdentifier()).isEqualTo("administrator");
                    assertThat(client.app().endpoint()).isEqualTo(Endpoint.of(URI.create("http://127.0.0.1:9")));
                    assertThat(client.timeouts().connect()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(client.timeouts().request()).isEqualTo(Duration.ofSeconds(15));
                    // the default: the limiters the JVM shares for the SDKAppID, 196 calls/s for friend_import
                    assertThat(client.rateLimiter()).isSameAs(RateLimiterRegistry.global().forSdkAppId(sdkAppId));
                    assertThat(((SmoothRateLimiter) client.rateLimiter()).permitsPerSecond())
                            .isEqualTo(RateLimiterRegistry.DEFAULT_PACE);
                    ChatClient chat = context.getBean(ChatClient.class);
                    for (ChatApi api : ChatApi.values()) {
                        assertThat(chat.rateLimiter(api)).as(api.apiName())
                                .isSameAs(RateLimiterRegistry.global().forApi(sdkAppId, api));
                    }
                    assertThat(chat.maxAnswerBytes()).isEqualTo(ChatClient.DEFAULT_MAX_ANSWER_BYTES);
                    assertThat(chat.maxBufferedAnswerBytes()).isEqualTo(ChatClient.DEFAULT_MAX_BUFFERED_ANSWER_BYTES);
                });
    }

    @Test
    void everyClientSharesOneTransportClosedWithTheContext() {
        ChatClient[] chat = new ChatClient[1];
        runner.withPropertyValues(app(NEXT_APP.incrementAndGet())).run(context -> {
            chat[0] = context.getBean(ChatClient.class);
            assertThat(context.getBean(FriendImportClient.class)).isSameAs(chat[0].friendImport());
            assertThat(context.getBean(AccountClient.class)).isSameAs(chat[0].accounts());
            assertThat(context.getBean(FriendReadClient.class)).isSameAs(chat[0].friends());
            assertThat(chat[0].isClosed()).isFalse();
        });
        assertThat(chat[0].isClosed()).isTrue();
    }

    @Test
    void privateRateLimitersAreTheClientsOwnAtTheDefaultPace() {
        long sdkAppId = NEXT_APP.incrementAndGet();
        runner.withPropertyValues(app(sdkAppId, "timport.rate-limiter=private", "timport.api.friend-get.rate=20"))
                .run(context -> {
                    ChatClient chat = context.getBean(ChatClient.class);
                    for (ChatApi api : ChatApi.values()) {
                        assertThat(chat.rateLimiter(api)).as(api.apiName())
                                .isNotSameAs(RateLimiterRegistry.global().forApi(sdkAppId, api));
                    }
                    assertThat(pace(chat, ChatApi.FRIEND_IMPORT)).isEqualTo(196.0);
                    assertThat(pace(chat, ChatApi.ACCOUNT_CHECK)).isEqualTo(98.0);
                    assertThat(pace(chat, ChatApi.FRIEND_GET)).isEqualTo(20.0);
                    assertThat(RateLimiterRegistry.global().forApi(sdkAppId, ChatApi.FRIEND_GET)).as("untouched")
                            .satisfies(l -> assertThat(((SmoothRateLimiter) l).permitsPerSecond()).isEqualTo(196.0));
                });
    }

    @Test
    void eachApiItsRateOrItsServerLimit() {
        long sdkAppId = NEXT_APP.incrementAndGet();
        runner.withPropertyValues(app(sdkAppId, "timport.api.account-check.rate=25",
                "timport.api.friend-get.server-rate-limit=400", "timport.api.multiaccount_import.rate=10"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ChatClient chat = context.getBean(ChatClient.class);
                    assertThat(pace(chat, ChatApi.ACCOUNT_CHECK)).isEqualTo(25.0);
                    assertThat(pace(chat, ChatApi.MULTIACCOUNT_IMPORT)).isEqualTo(10.0);
                    assertThat(pace(chat, ChatApi.FRIEND_GET)).isEqualTo(392.0, offset(1e-9));
                    assertThat(pace(chat, ChatApi.FRIEND_IMPORT)).isEqualTo(196.0);
                    assertThat(chat.rateLimiter(ChatApi.ACCOUNT_CHECK))
                            .isSameAs(RateLimiterRegistry.global().forApi(sdkAppId, ChatApi.ACCOUNT_CHECK));
                });
    }

    @Test
    void theRatesOfTheDocsExample() throws Exception {
        List<PropertySource<?>> yaml =
                new YamlPropertySourceLoader().load("rates-example", new ClassPathResource("rates-example.yml"));
        long sdkAppId = NEXT_APP.incrementAndGet();
        runner.withInitializer(context -> yaml.forEach(context.getEnvironment().getPropertySources()::addLast))
                .withPropertyValues(app(sdkAppId)).run(context -> {
                    ChatClient chat = context.getBean(ChatClient.class);
                    assertThat(pace(chat, ChatApi.FRIEND_IMPORT)).isEqualTo(50.0);
                    assertThat(pace(chat, ChatApi.ACCOUNT_CHECK)).isEqualTo(25.0);
                    assertThat(pace(chat, ChatApi.MULTIACCOUNT_IMPORT)).isEqualTo(25.0);
                    assertThat(pace(chat, ChatApi.FRIEND_GET)).isEqualTo(392.0, offset(1e-9));
                    assertThat(pace(chat, ChatApi.FRIEND_CHECK)).isEqualTo(196.0);
                    assertThat(pace(chat, ChatApi.ACCOUNT_IMPORT)).isEqualTo(196.0);
                    for (ChatApi api : ChatApi.values()) {
                        assertThat(chat.rateLimiter(api)).isSameAs(RateLimiterRegistry.global().forApi(sdkAppId, api));
                    }
                });
    }

    @Test
    void theAnswerCaps() {
        runner.withPropertyValues(app(NEXT_APP.incrementAndGet(), "timport.max-answer-size=8MB",
                "timport.max-buffered-answer-size=128MB")).run(context -> {
                    ChatClient chat = context.getBean(ChatClient.class);
                    assertThat(chat.maxAnswerBytes()).isEqualTo(8L << 20);
                    assertThat(chat.maxBufferedAnswerBytes()).isEqualTo(128L << 20);
                });
    }

    static double pace(ChatClient chat, ChatApi api) {
        return ((SmoothRateLimiter) chat.rateLimiter(api)).permitsPerSecond();
    }

    @Test
    void aRegionInsteadOfAnEndpoint() {
        runner.withPropertyValues("timport.sdkappid=1400000000", "timport.admin=administrator",
                "timport.secret-key=" + KEY, "timport.region=silicon-valley").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AppConfig.class).endpoint().baseUri())
                            .isEqualTo(URI.create("https://adminapiusa.im.qcloud.com"));
                });
    }

    @Test
    void theRateIsThePaceOfTheLimiterSharedForTheApp() {
        long sdkAppId = NEXT_APP.incrementAndGet();
        runner.withPropertyValues(app(sdkAppId, "timport.rate=50")).run(context -> {
            FriendImportClient client = context.getBean(FriendImportClient.class);
            assertThat(((SmoothRateLimiter) client.rateLimiter()).permitsPerSecond()).isEqualTo(50.0);
            assertThat(client.rateLimiter()).isSameAs(RateLimiterRegistry.global().forSdkAppId(sdkAppId));
        });
    }

    @Test
    void orTheServerLimitLessTheMargin() {
        long sdkAppId = NEXT_APP.incrementAndGet();
        runner.withPropertyValues(app(sdkAppId, "timport.server-rate-limit=400", "timport.pace-margin=0.1"))
                .run(context -> assertThat(((SmoothRateLimiter) context.getBean(FriendImportClient.class).rateLimiter())
                        .permitsPerSecond()).isEqualTo(360.0, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void theKeyFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chat-key");
        Files.writeString(file, KEY + "\n");
        runner.withPropertyValues("timport.sdkappid=1400000000", "timport.admin=administrator",
                "timport.secret-key-file=" + file, "timport.region=singapore")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FriendImportClient.class));
    }

    @Test
    void theDefaultsAreTheRuntimes() {
        TimportProperties p = new TimportProperties();
        assertThat(p.getServerRateLimit()).isEqualTo(RateLimiterRegistry.DEFAULT_CALLS_PER_SECOND);
        assertThat(p.getPaceMargin()).isEqualTo(RateLimiterRegistry.DEFAULT_PACE_MARGIN);
        assertThat(p.getConnectTimeout()).isEqualTo(io.timport.config.Timeouts.DEFAULT.connect());
        assertThat(p.getRequestTimeout()).isEqualTo(io.timport.config.Timeouts.DEFAULT.request());
        assertThat(p.getUserSigValidity()).isEqualTo(io.timport.auth.UserSigCache.DEFAULT_VALIDITY);
        assertThat(p.getUserSigRenewalMargin()).isEqualTo(io.timport.auth.UserSigCache.DEFAULT_RENEWAL_MARGIN);
        assertThat(p.getImporter().getBatchSize()).isEqualTo(BulkImporter.MAX_BATCH_SIZE);
        assertThat(p.getMaxAnswerSize().toBytes()).isEqualTo(ChatClient.DEFAULT_MAX_ANSWER_BYTES);
        assertThat(p.getMaxBufferedAnswerSize().toBytes()).isEqualTo(ChatClient.DEFAULT_MAX_BUFFERED_ANSWER_BYTES);
    }

    // ------------------------------------------------------------------------------------------ backing off

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        FriendImportClient myClient() {
            return FriendImportClient.builder(new AppConfig(1400000000L, "me", SecretKey.of("other"),
                    Endpoint.of(URI.create("http://127.0.0.1:9")))).requestTimeout(Duration.ofSeconds(4)).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnApp {
        @Bean
        AppConfig myApp() {
            return new AppConfig(1400000000L, "vault-admin", SecretKey.of("from-a-vault"),
                    Endpoint.of(URI.create("http://127.0.0.1:9")));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChatClient {
        @Bean
        ChatClient myChat() {
            return ChatClient.builder(new AppConfig(1400000000L, "me", SecretKey.of("other"),
                    Endpoint.of(URI.create("http://127.0.0.1:9")))).requestTimeout(Duration.ofSeconds(4)).build();
        }
    }

    @Test
    void anOwnClientReplacesTheAutoConfiguredOneAndNeedsNoProperties() {
        runner.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(FriendImportClient.class).doesNotHaveBean(AppConfig.class)
                    .hasSingleBean(TimportImporterConfigurer.class);
            FriendImportClient own = context.getBean(FriendImportClient.class);
            assertThat(own).isSameAs(context.getBean("myClient"));
            // its siblings share its transport
            assertThat(context.getBean(ChatClient.class)).isSameAs(own.chatClient());
            assertThat(context.getBean(AccountClient.class)).isSameAs(own.chatClient().accounts());
            assertThat(context.getBean(FriendReadClient.class)).isSameAs(own.chatClient().friends());
        });
    }

    @Test
    void anOwnChatClientIsTheTransportOfEveryClient() {
        runner.withUserConfiguration(OwnChatClient.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ChatClient.class).doesNotHaveBean(AppConfig.class);
            ChatClient own = context.getBean(ChatClient.class);
            assertThat(own).isSameAs(context.getBean("myChat"));
            assertThat(context.getBean(FriendImportClient.class)).isSameAs(own.friendImport());
            assertThat(context.getBean(AccountClient.class)).isSameAs(own.accounts());
            assertThat(context.getBean(FriendReadClient.class)).isSameAs(own.friends());
        });
    }

    @Test
    void anOwnAppConfigIsWhatTheClientCallsFor() {
        runner.withUserConfiguration(OwnApp.class).withPropertyValues("timport.request-timeout=3s").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AppConfig.class);
            FriendImportClient client = context.getBean(FriendImportClient.class);
            assertThat(client.app().adminIdentifier()).isEqualTo("vault-admin");
            assertThat(client.timeouts().request()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void customizersAdjustTheClientAfterTheProperties() {
        SmoothRateLimiter own = new SmoothRateLimiter(12);
        runner.withPropertyValues(app(NEXT_APP.incrementAndGet(), "timport.request-timeout=5s"))
                .withBean(TimportClientCustomizer.class, () -> builder -> builder
                        .rateLimiter(ChatApi.FRIEND_IMPORT, own).requestTimeout(Duration.ofSeconds(8)))
                .run(context -> {
                    FriendImportClient client = context.getBean(FriendImportClient.class);
                    assertThat(client.rateLimiter()).isSameAs(own);
                    assertThat(client.timeouts().request()).isEqualTo(Duration.ofSeconds(8));
                });
    }

    // ------------------------------------------------------------------------------------------ failing fast

    static Stream<Arguments> badProperties() {
        return Stream.of(
                Arguments.of(new String[] {"timport.admin=administrator", "timport.secret-key=" + KEY,
                        "timport.region=singapore"}, "timport.sdkappid", "timport.sdkappid is not set"),
                Arguments.of(app(0), "timport.sdkappid", "timport.sdkappid must be between 1 and 4294967295, was 0"),
                Arguments.of(app(4294967296L), "timport.sdkappid", "was 4294967296"),
                Arguments.of(new String[] {"timport.sdkappid=1400000000", "timport.secret-key=" + KEY,
                        "timport.region=singapore"}, "timport.admin", "timport.admin is not set"),
                Arguments.of(app(1400000000L, "timport.admin=" + "a".repeat(33)), "timport.admin",
                        "must be a UserID of 1 to 32 bytes of UTF-8"),
                Arguments.of(new String[] {"timport.sdkappid=1400000000", "timport.admin=administrator",
                        "timport.region=singapore"}, "timport.secret-key",
                        "timport.secret-key is not set (nor timport.secret-key-file)"),
                Arguments.of(app(1400000000L, "timport.secret-key=   "), "timport.secret-key", "timport.secret-key is empty"),
                Arguments.of(app(1400000000L, "timport.secret-key-file=/no/such/chat-key"), "timport.secret-key",
                        "timport.secret-key and timport.secret-key-file are both set"),
                Arguments.of(new String[] {"timport.sdkappid=1400000000", "timport.admin=administrator",
                        "timport.secret-key-file=/no/such/chat-key", "timport.region=singapore"},
                        "timport.secret-key-file", "names a file that cannot be read: /no/such/chat-key"),
                Arguments.of(new String[] {"timport.sdkappid=1400000000", "timport.admin=administrator",
                        "timport.secret-key=" + KEY}, "timport.region", "timport.region is not set (nor timport.endpoint)"),
                Arguments.of(app(1400000000L, "timport.region=seoul"), "timport.region",
                        "timport.region and timport.endpoint are both set"),
                Arguments.of(app(1400000000L, "timport.endpoint=http://chat.example.com"), "timport.endpoint",
                        "plain http is only allowed to a loopback host"),
                Arguments.of(app(1400000000L, "timport.rate=0"), "timport.rate",
                        "timport.rate must be a positive number of calls per second, was 0.0"),
                Arguments.of(app(1400000000L, "timport.rate=100", "timport.server-rate-limit=300"), "timport.rate",
                        "timport.rate is set together with timport.server-rate-limit"),
                Arguments.of(app(1400000000L, "timport.api.account-check.rate=10",
                        "timport.api.account-check.server-rate-limit=300"), "timport.api.account-check.rate",
                        "timport.api.account-check.rate is set together with timport.api.account-check.server-rate-limit"),
                Arguments.of(app(1400000000L, "timport.rate=100", "timport.api.friend-import.rate=100"), "timport.rate",
                        "timport.rate and timport.api.friend-import.rate are both set"),
                Arguments.of(app(1400000000L, "timport.api.friend-check.rate=-1"), "timport.api.friend-check.rate",
                        "must be a positive number of calls per second, was -1.0"),
                Arguments.of(app(1400000000L, "timport.api.friend-get.server-rate-limit=0"),
                        "timport.api.friend-get.server-rate-limit", "was 0.0"),
                Arguments.of(app(1400000000L, "timport.max-answer-size=10B"), "timport.max-answer-size",
                        "must be 1KB to 2147483639 bytes, was 10B"),
                Arguments.of(app(1400000000L, "timport.max-buffered-answer-size=1MB"),
                        "timport.max-buffered-answer-size", "must be at least timport.max-answer-size (4194304B)"),
                Arguments.of(app(1400000000L, "timport.pace-margin=1"), "timport.pace-margin",
                        "must be at least 0 and less than 1, was 1.0"),
                Arguments.of(app(1400000000L, "timport.server-rate-limit=-5"), "timport.server-rate-limit",
                        "was -5.0"),
                Arguments.of(app(1400000000L, "timport.connect-timeout=0s"), "timport.connect-timeout",
                        "timport.connect-timeout must be positive, was PT0S"),
                Arguments.of(app(1400000000L, "timport.user-sig-renewal-margin=2d"), "timport.user-sig-renewal-margin",
                        "must be at least zero and less than timport.user-sig-validity (PT24H), was PT48H"),
                Arguments.of(app(1400000000L, "timport.importer.batch-size=0"), "timport.importer.batch-size",
                        "timport.importer.batch-size must be 1..1000, was 0"),
                Arguments.of(app(1400000000L, "timport.importer.batch-size=1001"), "timport.importer.batch-size",
                        "was 1001"),
                Arguments.of(app(1400000000L, "timport.importer.max-buffered-items=10", "timport.importer.batch-size=100"),
                        "timport.importer.max-buffered-items", "timport.importer.max-buffered-items (10) must be at "
                                + "least timport.importer.batch-size (100)"),
                Arguments.of(app(1400000000L, "timport.importer.initial-backoff=5s", "timport.importer.max-backoff=1s"),
                        "timport.importer.max-backoff", "must be at least timport.importer.initial-backoff (PT5S)"),
                Arguments.of(app(1400000000L, "timport.importer.initial-backoff=-1s"),
                        "timport.importer.initial-backoff", "must not be negative, was PT-1S"),
                // the builder's own rules, each named by its property
                Arguments.of(app(1400000000L, "timport.importer.max-in-flight=0"), "timport.importer.max-in-flight",
                        "timport.importer.max-in-flight must be positive, was 0"),
                Arguments.of(app(1400000000L, "timport.importer.max-attempts=-3"), "timport.importer.max-attempts",
                        "timport.importer.max-attempts must be positive, was -3"),
                Arguments.of(app(1400000000L, "timport.importer.max-buffered-items=0"),
                        "timport.importer.max-buffered-items", "must be positive, was 0"),
                Arguments.of(app(1400000000L, "timport.importer.throttle-pause=-1ms"),
                        "timport.importer.throttle-pause", "timport.importer.throttle-pause must not be negative, was PT-0.001S"),
                Arguments.of(app(1400000000L, "timport.importer.lockout-pause=-1m"),
                        "timport.importer.lockout-pause", "must not be negative, was PT-1M"),
                Arguments.of(app(1400000000L, "timport.importer.linger=-2s"), "timport.importer.linger",
                        "must not be negative, was PT-2S"),
                Arguments.of(app(1400000000L, "timport.importer.progress-interval=0ms"),
                        "timport.importer.progress-interval",
                        "timport.importer.progress-interval must be positive, was PT0S"),
                Arguments.of(app(1400000000L, "timport.importer.breaker.calls=0"), "timport.importer.breaker.calls",
                        "must be at least 1, was 0"),
                Arguments.of(app(1400000000L, "timport.importer.outage-limit=0s"), "timport.importer.outage-limit",
                        "must be positive, was PT0S"),
                Arguments.of(app(1400000000L, "timport.importer.max-body-bytes=100B"),
                        "timport.importer.max-body-bytes", "must be at least 1024, was 100"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badProperties")
    void aMissingOrInvalidPropertyStopsTheStartupNamingIt(String[] properties, String property, String message) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            InvalidTimportPropertyException e =
                    Failures.find(context.getStartupFailure(), InvalidTimportPropertyException.class);
            assertThat(e.property()).isEqualTo(property);
            assertThat(e.getMessage()).contains(message).startsWith(property);
            assertThat(e.action()).isNotBlank();
            assertThat(Failures.messages(context.getStartupFailure())).doesNotContain(KEY);
            // what Spring Boot prints instead of the stack trace
            FailureAnalysis analysis = new TimportPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains(property).contains(message).doesNotContain(KEY);
            assertThat(analysis.getAction()).isEqualTo(e.action());
        });
    }

    @Test
    void anUnknownRegionIsABindingErrorNamingTheProperty() {
        runner.withPropertyValues(app(1400000000L, "timport.region=moon")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(Failures.messages(context.getStartupFailure())).contains("timport.region").contains("moon");
        });
    }

    @Test
    void theRateMustAgreeWithTheRateAlreadyChosenForTheAppInThisJvm() {
        long sdkAppId = NEXT_APP.incrementAndGet();
        RateLimiterRegistry.global().forSdkAppId(sdkAppId, 20);
        RateLimiterRegistry.global().forApi(sdkAppId, ChatApi.FRIEND_CHECK, 20);
        for (String[] propertyAndValue : new String[][] {{"timport.rate", "30"},
                {"timport.api.friend-check.rate", "30"}, {"timport.pace-margin", "0.5"}}) {
            runner.withPropertyValues(app(sdkAppId, propertyAndValue[0] + "=" + propertyAndValue[1])).run(context -> {
                InvalidTimportPropertyException e =
                        Failures.find(context.getStartupFailure(), InvalidTimportPropertyException.class);
                assertThat(e.property()).isEqualTo(propertyAndValue[0]);
                assertThat(e.getMessage()).contains("conflicts with the rate already chosen in this JVM");
            });
        }
        // with limiters of its own, the client does not touch the shared ones
        runner.withPropertyValues(app(sdkAppId, "timport.rate=30", "timport.rate-limiter=private"))
                .run(context -> assertThat(pace(context.getBean(ChatClient.class), ChatApi.FRIEND_IMPORT)).isEqualTo(30));
    }
}
