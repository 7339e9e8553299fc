package io.timport.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The table of properties in docs/spring-boot.md is generated from the configuration metadata (each property's
 * description is its field's Javadoc, its default the field's): this test fails when the page differs, so that a
 * property added to {@link TimportProperties} appears in the docs too. {@code -Dspring.docs.update=true} rewrites
 * the table; review the diff.
 */
class SpringBootDocTablesTest {

    static final Path PAGE = Path.of(System.getProperty("timport.repository", ".."), "docs", "spring-boot.md");
    static final boolean UPDATE = Boolean.getBoolean("spring.docs.update");

    /** The properties in the order their fields are declared, nested groups ({@code importer}) last. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        for (Field field : TimportProperties.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            if (field.getType() == TimportProperties.Importer.class) {
                for (Field inner : TimportProperties.Importer.class.getDeclaredFields()) {
                    if (Modifier.isStatic(inner.getModifiers())) {
                        continue;
                    }
                    String prefix = "timport." + kebab(field.getName()) + "." + kebab(inner.getName());
                    if (inner.getType().getDeclaringClass() == TimportProperties.Importer.class) {
                        for (Field group : inner.getType().getDeclaredFields()) { // a group, such as the breaker's
                            if (!Modifier.isStatic(group.getModifiers())) {
                                nested.add(prefix + "." + kebab(group.getName()));
                            }
                        }
                    } else {
                        nested.add(prefix);
                    }
                }
            } else {
                names.add("timport." + kebab(field.getName()));
            }
        }
        names.addAll(nested);
        return names;
    }

    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String properties() throws Exception {
        DocumentContext metadata = ConfigurationMetadataTest.metadata();
        StringBuilder t = new StringBuilder("| property | default | meaning |\n|---|---|---|\n");
        for (String name : names()) {
            List<Map<String, Object>> found = metadata.read("$.properties[?(@.name == '" + name + "')]");
            assertThat(found).as(name + " in the configuration metadata").hasSize(1);
            Object value = found.get(0).get("defaultValue");
            String shown = value == null ? " " : " `" + value + "` ";
            t.append("| `").append(name).append("` |").append(shown).append("| ")
                    .append(String.valueOf(found.get(0).get("description")).replace("|", "\\|")).append(" |\n");
        }
        return t.toString();
    }

    @Test
    void thePropertiesTableIsTheMetadata() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String open = "<!-- generated: properties -->\n";
        String close = "<!-- end of generated: properties -->";
        int start = page.indexOf(open);
        int end = page.indexOf(close);
        assertThat(start >= 0 && end > start).as("docs/spring-boot.md has the region " + open.strip()).isTrue();
        String table = properties();
        if (UPDATE) {
            page = page.substring(0, start + open.length()) + table + page.substring(end);
            Files.writeString(PAGE, page, StandardCharsets.UTF_8);
        }
        assertThat(page.substring(start + open.length(), page.indexOf(close)))
                .as("docs/spring-boot.md's table of properties differs from the configuration metadata (run the "
                        + "starter's tests with -Dspring.docs.update=true and review the diff)")
                .isEqualTo(table);
    }
}
