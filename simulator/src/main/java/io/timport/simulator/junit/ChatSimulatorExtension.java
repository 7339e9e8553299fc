package io.timport.simulator.junit;

import io.timport.simulator.ChatSimulator;
import io.timport.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs a {@link ChatSimulator} for a test class: started once before the class's first
 * test, {@linkplain ChatSimulator#reset() reset} before each test (empty store, only the seeded accounts, zero
 * counters, fresh rate windows and fault sequences), closed after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ChatSimulatorExtension chat = ChatSimulatorExtension.withDefaults();
 *
 * @Test
 * void importsAlice() {
 *     runMyImport(chat.baseUri(), chat.secretKey());
 *     assertEquals(3, chat.simulator().friendsOf("alice").size());
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field: the simulator then lives as long as the class. On an instance field it
 * is started before each test and closed after it. Each class gets a simulator of its own on a free port, so test
 * classes may run in parallel; the tests of one class share it and are reset one after another, so run them on
 * one thread (JUnit's default; with parallel methods, annotate the class {@code @Execution(SAME_THREAD)}).
 *
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path, which every JUnit 5 test has; the
 * simulator artifact does not bring it.
 */
public final class ChatSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** The secret key of {@link #withDefaults()}: sign UserSigs with it (a test key, never a real app's). */
    public static final String DEFAULT_SECRET_KEY = "timport-simulator-test-key";

    private final SimulatorConfig config;
    private volatile ChatSimulator simulator;
    private volatile boolean perTest;

    private ChatSimulatorExtension(SimulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The simulator's defaults ({@link SimulatorConfig#builder()}) with the secret key {@link #DEFAULT_SECRET_KEY}:
     * SDKAppID 1400000000, admin {@code administrator}, each API at its documented rate, no custom field.
     *
     * @return a new extension, to register with {@code @RegisterExtension}
     */
    public static ChatSimulatorExtension withDefaults() {
        return with(b -> { });
    }

    /**
     * The defaults of {@link #withDefaults()}, changed by {@code changes}, e.g.
     * {@code with(b -> b.customField("Level", CustomFieldType.INTEGER))}.
     *
     * @param changes changes to the defaults (not null)
     * @return a new extension, to register with {@code @RegisterExtension}
     */
    public static ChatSimulatorExtension with(Consumer<SimulatorConfig.Builder> changes) {
        SimulatorConfig.Builder b = SimulatorConfig.builder().secretKey(DEFAULT_SECRET_KEY);
        changes.accept(b);
        return new ChatSimulatorExtension(b.build());
    }

    /**
     * Exactly this configuration.
     *
     * @param config the configuration (not null)
     * @return a new extension, to register with {@code @RegisterExtension}
     */
    public static ChatSimulatorExtension with(SimulatorConfig config) {
        return new ChatSimulatorExtension(config);
    }

    /**
     * The running simulator; fails outside the tests of the class that registered the extension.
     *
     * @return the running simulator
     */
    public ChatSimulator simulator() {
        ChatSimulator s = simulator;
        if (s == null) {
            throw new IllegalStateException("the simulator runs only while the tests of the class that registered "
                    + "this extension run");
        }
        return s;
    }

    /**
     * {@code http://127.0.0.1:PORT}: the "domain" to point a client at.
     *
     * @return the base URI to give a client's endpoint
     */
    public URI baseUri() {
        return simulator().baseUri();
    }

    /**
     * The configuration the simulator runs with.
     *
     * @return the configuration, never null
     */
    public SimulatorConfig config() {
        return config;
    }

    /**
     * The SDKAppID the simulator serves.
     *
     * @return the SDKAppID
     */
    public long sdkAppId() {
        return config.sdkAppId();
    }

    /**
     * The first admin identifier (the one to sign UserSigs for).
     *
     * @return the admin identifier
     */
    public String admin() {
        return config.admins().iterator().next();
    }

    /**
     * The app's secret key, to sign UserSigs with.
     *
     * @return the secret key
     */
    public String secretKey() {
        return config.secretKey();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            perTest = true; // registered on an instance field: one simulator per test
            simulator = start();
        } else {
            simulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private ChatSimulator start() {
        try {
            return ChatSimulator.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Chat simulator on 127.0.0.1", e);
        }
    }

    private void close() {
        ChatSimulator s = simulator;
        simulator = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public String toString() {
        return "ChatSimulatorExtension{" + (simulator == null ? "not running" : simulator.baseUri()) + '}';
    }
}
