package io.timport.spring.boot;

import io.timport.bulk.ImportListener;
import io.timport.bulk.ProgressListener;
import io.timport.call.AccountClient;
import io.timport.call.ChatClient;
import io.timport.call.FriendImportClient;
import io.timport.call.FriendReadClient;
import io.timport.config.AppConfig;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * timport in a Spring Boot application: the {@link AppConfig} and one transport for every Chat API from the
 * {@code timport.*} properties, as a {@link ChatClient} bean and its typed clients ({@link FriendImportClient},
 * {@link AccountClient}, {@link FriendReadClient}), each backing off when the application defines its own (see
 * {@link TimportClientConfigurations}); the {@link TimportImporterConfigurer} that builds the generated importers
 * from them in one line; and, with the actuator, the secret key hidden in its endpoints. A missing or invalid
 * property stops the startup with an {@link InvalidTimportPropertyException} naming it.
 */
@AutoConfiguration
@EnableConfigurationProperties(TimportProperties.class)
@Import({TimportClientConfigurations.App.class, TimportClientConfigurations.Transport.class,
        TimportClientConfigurations.TransportOfFriendImportClient.class, TimportClientConfigurations.TypedClients.class})
public class TimportAutoConfiguration {

    /**
     * Applies {@code timport.importer.*} and the listeners to the builders of importers: the {@link ProgressListener}
     * beans, the {@link ImportListener} beans, and one listener per importer from each {@link TimportListenerFactory}
     * bean (and each deprecated {@link TimportProgressListenerFactory} bean).
     *
     * @param client the application's friend_import client
     * @param properties the bound {@code timport.*} properties
     * @param progressListeners every {@link ProgressListener} bean, in order
     * @param listeners every {@link ImportListener} bean, in order
     * @param factories every {@link TimportListenerFactory} bean, in order
     * @param progressFactories every deprecated {@link TimportProgressListenerFactory} bean, in order
     * @return the configurer
     */
    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("deprecation")
    public TimportImporterConfigurer timportImporterConfigurer(FriendImportClient client, TimportProperties properties,
            ObjectProvider<ProgressListener> progressListeners, ObjectProvider<ImportListener> listeners,
            ObjectProvider<TimportListenerFactory> factories,
            ObjectProvider<TimportProgressListenerFactory> progressFactories) {
        List<TimportListenerFactory> all = new ArrayList<>(factories.orderedStream().toList());
        all.addAll(TimportImporterConfigurer.adapt(progressFactories.orderedStream().toList()));
        return new TimportImporterConfigurer(client, properties.getImporter(), progressListeners.orderedStream().toList(),
                listeners.orderedStream().toList(), all);
    }

    /** With the actuator: the secret key hidden in {@code /actuator/env} and {@code /actuator/configprops}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    static class ActuatorSanitizing {

        @Bean
        TimportSecretSanitizer timportSecretSanitizer(TimportProperties properties) {
            return new TimportSecretSanitizer(properties);
        }
    }
}
