package io.timport.simulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.simulator.CustomFieldType;
import io.timport.simulator.StoredFriend;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
// --- snippet: extension-imports
import org.junit.jupiter.api.extension.RegisterExtension;
// --- end

/** The extension as a user's test meets it: one simulator for the class, reset before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatSimulatorExtensionTest {

    // --- snippet: extension-register
    @RegisterExtension
    static final ChatSimulatorExtension chat = ChatSimulatorExtension.with(
            b -> b.customField("Level", CustomFieldType.INTEGER));
    // --- end

    private static java.net.URI firstUri;

    @Test
    @Order(1)
    void aTestImportsAndReadsWhatWasStored() {
        firstUri = chat.baseUri();
        // --- snippet: extension-use
        // Point your import at chat.baseUri(), signing UserSigs for chat.admin() with chat.secretKey() ...
        Calls.importFriend(chat.baseUri(), chat.secretKey(), "alice", "bob", 3);

        StoredFriend bob = chat.simulator().friend("alice", "bob").orElseThrow();
        assertEquals(Optional.of(3L), bob.custom("Tag_SNS_Custom_Level"));
        assertEquals(0, chat.simulator().stats().throttled());
        // --- end
        assertEquals(1, chat.simulator().relationCount());
    }

    @Test
    @Order(2)
    void theNextTestFindsTheSameSimulatorReset() {
        assertEquals(firstUri, chat.baseUri(), "one simulator for the class");
        assertEquals(0, chat.simulator().relationCount(), "reset before each test");
        assertEquals(0, chat.simulator().stats().calls());
    }

    @Test
    @Order(3)
    void itExposesWhatAClientNeeds() {
        assertEquals(1400000000L, chat.sdkAppId());
        assertEquals("administrator", chat.admin());
        assertEquals(ChatSimulatorExtension.DEFAULT_SECRET_KEY, chat.secretKey());
        assertTrue(chat.baseUri().toString().startsWith("http://127.0.0.1:"));
    }
}
