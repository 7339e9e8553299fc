package io.timport.sample;

import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code sample.simulator.enabled=true}, starts the embedded Chat simulator before the application context and
 * points the starter at it: {@code timport.endpoint} is the simulator's {@code http://127.0.0.1:<port>}, and, unless
 * the environment gives one, {@code timport.secret-key} is a random key both sides share. The simulator knows the
 * app's SDKAppID, its admin, the players of the graph and the custom fields Level and Guild; it is a bean
 * ({@code chatSimulator}) and stops with the context. Registered in {@code META-INF/spring.factories}.
 */
public class SimulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty("sample.simulator.enabled", Boolean.class, false)) {
            return;
        }
        String key = env.getProperty("timport.secret-key");
        if (key == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            key = HexFormat.of().formatHex(random);
        }
        List<String> players = FriendGraph.players(env.getProperty("sample.players", Integer.class, 0));
        SimulatorConfig config = SimulatorConfig.builder()
                .sdkAppId(env.getRequiredProperty("timport.sdkappid", Long.class))
                .admin(env.getRequiredProperty("timport.admin"))
                .secretKey(key)
                .customField("Level", CustomFieldType.INTEGER)
                .customField("Guild", CustomFieldType.STRING)
                .accounts(players)
                .rateLimitPerSecond(env.getProperty("sample.simulator.rate", Integer.class, 200))
                .build();
        ChatSimulator chat;
        try {
            chat = ChatSimulator.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded Chat simulator could not start", e);
        }
        env.getPropertySources().addFirst(new MapPropertySource("timport-simulator",
                Map.of("timport.endpoint", chat.baseUri().toString(), "timport.secret-key", key)));
        context.getBeanFactory().registerSingleton("chatSimulator", chat);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                chat.close();
            }
        });
    }
}
