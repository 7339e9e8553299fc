package io.timport.sample;

import io.timport.call.FriendImportClient;
import io.timport.spring.boot.TimportImporterConfigurer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application that imports a game's friend graph with the typed importer. The starter makes the
 * {@link FriendImportClient} from {@code timport.*}; this class adds the importer, in one line.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    // --- snippet: importer-bean
    @Bean
    GameFriendImporter gameFriendImporter(FriendImportClient client, TimportImporterConfigurer configurer) {
        return configurer.configure(GameFriendImporter.builder(client)).build();
    }
    // --- end
}
