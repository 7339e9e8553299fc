package io.timport.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs complete {@code timport.*} from: every property, each with a description, and the
 * defaults.
 */
class ConfigurationMetadataTest {

    static DocumentContext metadata() throws Exception {
        try (InputStream in = TimportProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            return JsonPath.parse(in);
        }
    }

    @Test
    void everyPropertyIsDescribed() throws Exception {
        List<Map<String, Object>> properties = metadata().read("$.properties[*]");
        assertThat(properties).extracting(p -> p.get("name")).as("a property for every field of TimportProperties")
                .containsExactlyInAnyOrderElementsOf(SpringBootDocTablesTest.names());
        assertThat(SpringBootDocTablesTest.names()).contains("timport.sdkappid", "timport.secret-key",
                "timport.rate-limiter", "timport.api", "timport.importer.batch-size", "timport.importer.journal");
        for (Map<String, Object> p : properties) {
            assertThat((String) p.get("description")).as(p.get("name") + " has a description").hasSizeGreaterThan(20);
        }
    }

    @Test
    void everyImporterPropertyGoesToTheBuilder() throws Exception {
        List<String> names = metadata().read("$.properties[*].name");
        List<String> importer = names.stream().filter(n -> n.startsWith("timport.importer.")).sorted().toList();
        List<String> applied = ImporterSettings.ALL.stream().flatMap(s -> s.properties().stream())
                .map(p -> "timport.importer." + p).sorted().toList();
        assertThat(applied).as("ImporterSettings.ALL: a line for every timport.importer.* property")
                .isEqualTo(importer);
    }

    @Test
    void builderMessagesSpeakOfProperties() {
        assertThat(ImporterSettings.rewrite("maxBufferedItems (10) must be at least batchSize (100)"))
                .isEqualTo("timport.importer.max-buffered-items (10) must be at least timport.importer.batch-size (100)");
        assertThat(ImporterSettings.rewrite("backoff needs 0 <= initial <= max"))
                .isEqualTo("backoff needs 0 <= initial <= max");
        assertThat(ImporterSettings.camel("breaker.min-items")).isEqualTo("breakerMinItems");
    }

    @Test
    void theDefaultsAreListed() throws Exception {
        DocumentContext metadata = metadata();
        Map<String, Object> expected = Map.ofEntries(
                Map.entry("timport.connect-timeout", "5s"),
                Map.entry("timport.request-timeout", "10s"),
                Map.entry("timport.server-rate-limit", 200),
                Map.entry("timport.pace-margin", 0.02),
                Map.entry("timport.user-sig-validity", "1d"),
                Map.entry("timport.importer.batch-size", 1000),
                Map.entry("timport.importer.max-in-flight", 512),
                Map.entry("timport.importer.initial-backoff", "200ms"),
                Map.entry("timport.importer.linger", "2s"),
                Map.entry("timport.rate-limiter", "shared"),
                Map.entry("timport.max-answer-size", "4MB"));
        expected.forEach((name, value) -> {
            List<Object> defaults = metadata.read("$.properties[?(@.name == '" + name + "')].defaultValue");
            assertThat(defaults).as(name).hasSize(1);
            assertThat(String.valueOf(defaults.get(0))).as(name).isEqualTo(String.valueOf(value));
        });
        List<String> regionType = metadata.read("$.properties[?(@.name == 'timport.region')].type");
        assertThat(regionType).containsExactly("io.timport.config.Region"); // IDEs offer the regions
    }
}
