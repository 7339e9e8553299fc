package io.timport.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.timport.call.AccountClient;
import io.timport.call.ChatClient;
import io.timport.call.FriendImportClient;
import io.timport.call.FriendReadClient;
import io.timport.config.AppConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The secret key never appears in {@code /actuator/env} or {@code /actuator/configprops}, even when they are told to
 * show values, wherever the key comes from; nor in the beans' descriptions.
 */
class SecretKeySanitizingTest {

    static final String KEY = "s3cr3t-4pp-k3y-7b1e0c";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TimportAutoConfiguration.class, EndpointAutoConfiguration.class,
                    EnvironmentEndpointAutoConfiguration.class,
                    ConfigurationPropertiesReportEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=env,configprops",
                    // the worst case: the endpoints show values
                    "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
                    "timport.sdkappid=1400000000", "timport.admin=visible-admin", "timport.region=singapore");

    @Test
    void aKeyInAProperty() {
        runner.withPropertyValues("timport.secret-key=" + KEY,
                "my.copy=" + KEY, "my.json={\"timport\":{\"secret-key\":\"" + KEY + "\"}}")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    List<String> env = strings(context.getBean(EnvironmentEndpoint.class).environment(null));
                    List<String> configprops =
                            strings(context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
                    assertShowsValuesButNotTheKey(env);
                    assertShowsValuesButNotTheKey(configprops);
                    assertThat(strings(context.getBean(EnvironmentEndpoint.class).environmentEntry("timport.secret-key")))
                            .contains("******").noneMatch(s -> s.contains(KEY));
                    assertBeansDoNotShowTheKey(context);
                });
    }

    @Test
    void aKeyInTheEnvironmentVariable() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-systemEnvironment",
                        Map.of("TIMPORT_SECRET_KEY", KEY, "OTHER_VARIABLE", "shown"))))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(FriendImportClient.class);
                    List<String> env = strings(context.getBean(EnvironmentEndpoint.class).environment(null));
                    assertShowsValuesButNotTheKey(env);
                    assertThat(env).contains("TIMPORT_SECRET_KEY", "shown");
                    assertShowsValuesButNotTheKey(
                            strings(context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties()));
                    assertBeansDoNotShowTheKey(context);
                });
    }

    @Test
    void aKeyInAFileCopiedElsewhere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chat-key");
        Files.writeString(file, KEY + "\n");
        runner.withPropertyValues("timport.secret-key-file=" + file, "my.copy=" + KEY).run(context -> {
            assertThat(context).hasNotFailed();
            List<String> env = strings(context.getBean(EnvironmentEndpoint.class).environment(null));
            assertShowsValuesButNotTheKey(env);
            assertThat(env).contains(file.toString()); // the file's name is no secret
            List<String> configprops =
                    strings(context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
            assertThat(configprops).contains("visible-admin", file.toString()).noneMatch(s -> s.contains(KEY));
        });
    }

    @Test
    void withoutTheActuatorTheStarterStillStarts() {
        new ApplicationContextRunner().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .withConfiguration(AutoConfigurations.of(TimportAutoConfiguration.class))
                .withPropertyValues("timport.sdkappid=1400000000", "timport.admin=visible-admin",
                        "timport.region=singapore", "timport.secret-key=" + KEY)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FriendImportClient.class)
                        .doesNotHaveBean(TimportSecretSanitizer.class));
    }

    @Test
    void theKeyNameInEverySpelling() {
        for (String name : List.of("timport.secret-key", "timport.secretKey", "TIMPORT_SECRET_KEY", "timport.secret_key",
                "timport.secretkey")) {
            assertThat(TimportSecretSanitizer.isKeyName(name)).as(name).isTrue();
        }
        for (String name : List.of("timport.secret-key-file", "timport.admin", "secret-key", "other.secret-key")) {
            assertThat(TimportSecretSanitizer.isKeyName(name)).as(name).isFalse();
        }
    }

    private static void assertShowsValuesButNotTheKey(List<String> strings) {
        assertThat(strings).as("values are shown (show-values=always)").contains("visible-admin");
        assertThat(strings).as("the key is shown as ******").contains("******");
        assertThat(strings).noneMatch(s -> s.contains(KEY));
    }

    private static void assertBeansDoNotShowTheKey(ApplicationContext context) {
        assertThat(context.getBean(FriendImportClient.class).toString()).doesNotContain(KEY);
        assertThat(context.getBean(ChatClient.class).toString()).doesNotContain(KEY).contains("<redacted>");
        assertThat(context.getBean(AccountClient.class).toString()).doesNotContain(KEY);
        assertThat(context.getBean(FriendReadClient.class).toString()).doesNotContain(KEY);
        assertThat(context.getBean(AppConfig.class).toString()).doesNotContain(KEY);
        assertThat(context.getBean(TimportProperties.class).toString()).doesNotContain(KEY).contains("<redacted>");
        assertThat(context.getBean(TimportSecretSanitizer.class).toString()).doesNotContain(KEY);
    }

    // --------------------------------------------------------------------------------------------------------

    /**
     * Every string an endpoint's answer holds, as its JSON would: map keys and values, list elements, and the values
     * of the descriptors' accessors, walked through Spring Boot's descriptor classes (records or beans, depending on
     * the version).
     */
    static List<String> strings(Object answer) {
        List<String> out = new ArrayList<>();
        walk(answer, out, java.util.Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        assertThat(out).as("the walk found the answer's strings").isNotEmpty();
        return out;
    }

    private static void walk(Object o, List<String> out, Set<Object> seen, int depth) {
        if (o == null || depth > 20) {
            return;
        }
        if (o instanceof CharSequence || o instanceof Number || o instanceof Boolean || o instanceof Enum
                || o instanceof Character) {
            out.add(o.toString());
            return;
        }
        if (!seen.add(o)) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                walk(k, out, seen, depth + 1);
                walk(v, out, seen, depth + 1);
            });
        } else if (o instanceof Collection<?> c) {
            c.forEach(e -> walk(e, out, seen, depth + 1));
        } else if (o instanceof Object[] array) {
            for (Object e : array) {
                walk(e, out, seen, depth + 1);
            }
        } else if (o instanceof Optional<?> optional) {
            optional.ifPresent(v -> walk(v, out, seen, depth + 1));
        } else if (o.getClass().getName().startsWith("org.springframework.boot.")) {
            for (Method m : o.getClass().getMethods()) {
                if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && m.getDeclaringClass() != Object.class && m.getReturnType() != void.class
                        && !m.getName().equals("hashCode") && !m.getName().equals("toString")) {
                    try {
                        walk(m.invoke(o), out, seen, depth + 1);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError("cannot read " + m, e);
                    }
                }
            }
        } else {
            out.add(String.valueOf(o));
        }
    }
}
