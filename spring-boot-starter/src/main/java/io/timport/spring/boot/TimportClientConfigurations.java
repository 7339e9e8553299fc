package io.timport.spring.boot;

import io.timport.call.AccountClient;
import io.timport.call.ChatClient;
import io.timport.call.FriendImportClient;
import io.timport.call.FriendReadClient;
import io.timport.config.AppConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client beans, one transport for all of them, imported in this order by {@link TimportAutoConfiguration}:
 * <ol>
 *   <li>{@link App}: the {@link AppConfig} from the properties, unless the application defines an {@code AppConfig},
 *       a {@code ChatClient} or a {@code FriendImportClient};</li>
 *   <li>{@link Transport}: the {@link ChatClient} built from the {@code AppConfig} and the properties, unless the
 *       application defines a {@code ChatClient} or a {@code FriendImportClient};</li>
 *   <li>{@link TransportOfFriendImportClient}: the application's own {@code FriendImportClient} without a
 *       {@code ChatClient}: the {@code ChatClient} behind it;</li>
 *   <li>{@link TypedClients}: the {@link FriendImportClient}, {@link AccountClient} and {@link FriendReadClient} of
 *       the {@code ChatClient}, each unless the application defines one.</li>
 * </ol>
 * The {@code ChatClient} made here is closed with the context; the typed clients are its views and the application's
 * own clients are the application's to close.
 */
final class TimportClientConfigurations {

    private TimportClientConfigurations() {
    }

    @Configuration(proxyBeanMethods = false)
    static class App {

        /** The app: SDKAppID, admin, secret key and endpoint, from {@code timport.*}. */
        @Bean
        @ConditionalOnMissingBean({AppConfig.class, ChatClient.class, FriendImportClient.class})
        AppConfig timportAppConfig(TimportProperties properties) {
            return TimportSettings.appConfig(properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Transport {

        /**
         * The transport every client calls through: one HTTP client, one UserSig cache, a rate limiter per API (by
         * default the ones the JVM shares among the clients of the app). Closed with the context.
         */
        @Bean
        @ConditionalOnMissingBean({ChatClient.class, FriendImportClient.class})
        ChatClient timportChatClient(AppConfig app, TimportProperties properties,
                ObjectProvider<TimportClientCustomizer> customizers) {
            ChatClient.Builder builder = TimportSettings.chatClientBuilder(app, properties);
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            return builder.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TransportOfFriendImportClient {

        /** The transport of the application's own {@code FriendImportClient}: the siblings share it. */
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean(ChatClient.class)
        @ConditionalOnBean(FriendImportClient.class)
        ChatClient timportChatClientOfFriendImportClient(FriendImportClient client) {
            return client.chatClient();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TypedClients {

        /** friend_import, on the {@code ChatClient}'s transport. */
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean
        FriendImportClient timportFriendImportClient(ChatClient chat) {
            return chat.friendImport();
        }

        /** account_check, multiaccount_import and account_import, on the {@code ChatClient}'s transport. */
        @Bean
        @ConditionalOnMissingBean
        AccountClient timportAccountClient(ChatClient chat) {
            return chat.accounts();
        }

        /** friend_get and friend_check, on the {@code ChatClient}'s transport. */
        @Bean
        @ConditionalOnMissingBean
        FriendReadClient timportFriendReadClient(ChatClient chat) {
            return chat.friends();
        }
    }
}
