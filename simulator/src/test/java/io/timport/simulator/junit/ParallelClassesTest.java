package io.timport.simulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Two test classes using the extension, run at the same time by a JUnit launcher with parallel classes: each gets a
 * simulator of its own, and neither sees the other's relations. The two classes meet at a latch, so they really
 * overlap.
 */
class ParallelClassesTest {

    static final Map<String, URI> URIS = new ConcurrentHashMap<>();
    static volatile CountDownLatch bothRunning;

    /** Runs only inside the launcher below (excluded from the build's own discovery by its name). */
    static class UserA {
        @RegisterExtension
        static final ChatSimulatorExtension chat = ChatSimulatorExtension.with(
                b -> b.customField("Level", io.timport.simulator.CustomFieldType.INTEGER));

        @Test
        void importsAlice() throws Exception {
            URIS.put("A", chat.baseUri());
            bothRunning.countDown();
            bothRunning.await(20, TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) {
                Calls.importFriend(chat.baseUri(), chat.secretKey(), "alice", "f" + i, i);
            }
            assertEquals(20, chat.simulator().relationCount());
            assertEquals(java.util.Set.of("alice"), chat.simulator().fromAccounts());
        }
    }

    /** Runs only inside the launcher below. */
    static class UserB {
        @RegisterExtension
        static final ChatSimulatorExtension chat = ChatSimulatorExtension.with(
                b -> b.customField("Level", io.timport.simulator.CustomFieldType.INTEGER));

        @Test
        void importsBob() throws Exception {
            URIS.put("B", chat.baseUri());
            bothRunning.countDown();
            bothRunning.await(20, TimeUnit.SECONDS);
            for (int i = 0; i < 30; i++) {
                Calls.importFriend(chat.baseUri(), chat.secretKey(), "bob", "f" + i, i);
            }
            assertEquals(30, chat.simulator().relationCount());
            assertEquals(java.util.Set.of("bob"), chat.simulator().fromAccounts());
        }
    }

    @Test
    void parallelTestClassesEachGetTheirOwnSimulator() {
        bothRunning = new CountDownLatch(2);
        URIS.clear();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(UserA.class), selectClass(UserB.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.getFailures().forEach(f -> f.getException().printStackTrace());
        assertEquals(2, summary.getTestsSucceededCount(), "both classes passed");
        assertEquals(0, summary.getTestsFailedCount());
        assertEquals(0, bothRunning.getCount(), "the two classes overlapped");
        assertNotEquals(URIS.get("A"), URIS.get("B"));
    }
}
