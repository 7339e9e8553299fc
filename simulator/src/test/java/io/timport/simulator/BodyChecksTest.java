package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request-level body checks: 60003 for what is not JSON, 30001 for a body of the wrong shape. */
class BodyChecksTest {

    private static ChatSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = ChatSimulator.start(Sim.config().accounts(List.of("alice", "bob", "carol")).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void emptyBodyIs60003() {
        assertEquals("the request body is empty; it must be a JSON object", Sim.post(sim, "").assertFails(60003));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "From_Account=alice",
        "{\"From_Account\":\"alice\",",
        "{\"From_Account\":\"alice\"} x",
        "{'From_Account':'alice'}",
        "{\"From_Account\":\"alice\",\"From_Account\":\"bob\",\"AddFriendItem\":[]}",
    })
    void notJsonIs60003(String body) {
        String info = Sim.post(sim, body).assertFails(60003);
        assertTrue(info.startsWith("the request body is not valid JSON: "), info);
        assertEquals(0, sim.friendsOf("alice").size());
    }

    @Test
    void trailingContentIsNamed() {
        assertEquals("the request body is not valid JSON: unexpected content after the JSON value at line 1, column 26",
                Sim.post(sim, "{\"From_Account\":\"alice\"} {}").assertFails(60003));
    }

    @Test
    void duplicateKeyNamesTheKey() {
        String info = Sim.post(sim, "{\"From_Account\":\"alice\",\"From_Account\":\"bob\",\"AddFriendItem\":[]}")
                .assertFails(60003);
        assertTrue(info.contains("Duplicate field 'From_Account'"), info);
    }

    @Test
    void invalidUtf8Is60003() {
        byte[] body = Sim.body("alice", Sim.item("bob")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body[body.length - 10] = (byte) 0xff;
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sim.friendImportUri() + "?" + Sim.query()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            var r = Sim.HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            new Sim.Answer(r.statusCode(), r.body()).assertFails(60003);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]| the request body must be a JSON object, got an array",
        "\"alice\"| the request body must be a JSON object, got a string",
        "{\"AddFriendItem\":[{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\"}]}| From_Account is missing",
        "{\"From_Account\":\"\",\"AddFriendItem\":[]}| From_Account is empty; a UserID has 1 to 32 bytes",
        "{\"From_Account\":\"abcdefghijabcdefghijabcdefghijabc\",\"AddFriendItem\":[]}"
                + "| From_Account is 33 bytes of UTF-8; a UserID has 1 to 32 bytes",
        "{\"From_Account\":\"alice\"}| AddFriendItem is missing",
        "{\"From_Account\":\"alice\",\"AddFriendItem\":{}}| AddFriendItem must be an array, got an object",
        "{\"From_Account\":\"alice\",\"AddFriendItem\":[]}| AddFriendItem is empty; a request carries 1 to 1000 items",
        "{\"From_Account\":\"alice\",\"AddFriendItem\":[\"bob\"]}| AddFriendItem[0] must be an object, got a string",
        "{\"From_Account\":\"alice\",\"AddFriendItem\":[{\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_A\"},"
                + "{\"AddSource\":\"AddSource_Type_A\"}]}| AddFriendItem[1].To_Account is missing",
        "{\"From_Account\":\"alice\",\"from_account\":\"x\",\"AddFriendItem\":[]}"
                + "| unknown field 'from_account' in the request body (names are case-sensitive: From_Account, AddFriendItem)",
    })
    void malformedBodyIs30001(String body, String info) {
        assertEquals(info, Sim.post(sim, body).assertFails(30001));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"From_Account\":7,\"AddFriendItem\":[]}| From_Account must be a string (an account field), got an integer",
        "{\"From_Account\":null,\"AddFriendItem\":[]}| From_Account must be a string (an account field), got null",
        "{\"From_Account\":[\"alice\"],\"AddFriendItem\":[]}| From_Account must be a string (an account field), got an array",
        "{\"From_Account\":\"alice\",\"AddFriendItem\":[{\"To_Account\":12,\"AddSource\":\"AddSource_Type_A\"}]}"
                + "| AddFriendItem[0].To_Account must be a string (an account field), got an integer",
        "{\"From_Account\":\"alice\",\"AddFriendItem\":[{\"To_Account\":null,\"AddSource\":\"AddSource_Type_A\"}]}"
                + "| AddFriendItem[0].To_Account must be a string (an account field), got null",
    })
    void anAccountFieldThatIsNotAStringIs60015(String body, String info) {
        assertEquals(info, Sim.post(sim, body).assertFails(60015));
    }

    @Test
    void aRequestLevelFailureStoresNothingEvenForTheValidItems() {
        String body = Sim.body("carol", Sim.item("bob"), "{\"AddSource\":\"AddSource_Type_A\"}");
        Sim.post(sim, body).assertFails(30001);
        assertEquals(0, sim.friendsOf("carol").size());
    }

    @Test
    void theItemLimitIsInclusive() throws Exception {
        try (ChatSimulator open = ChatSimulator.start(Sim.config().build())) {
            Sim.post(open, Sim.body("u", Sim.items("f", 0, 1000))).assertAllStored();
            assertEquals(1000, open.friendsOf("u").size());
            assertEquals("AddFriendItem has 1001 items; at most 1000 are allowed per request",
                    Sim.post(open, Sim.body("v", Sim.items("f", 0, 1001))).assertFails(30001));
            assertEquals(0, open.friendsOf("v").size());
        }
    }

    @Test
    void theItemLimitIsConfigurable() throws Exception {
        try (ChatSimulator small = ChatSimulator.start(Sim.config().maxItemsPerRequest(3).build())) {
            Sim.post(small, Sim.body("u", Sim.items("f", 0, 3))).assertAllStored();
            assertEquals("AddFriendItem has 4 items; at most 3 are allowed per request",
                    Sim.post(small, Sim.body("u", Sim.items("f", 0, 4))).assertFails(30001));
        }
    }

    @Test
    void unknownFromAccountIs30003WhenAccountsAreListed() {
        assertEquals("Err_Sns_Invalid_Account",
                Sim.post(sim, Sim.body("mallory", Sim.item("bob"))).assertFails(30003));
        Sim.post(sim, Sim.body("alice", Sim.item("bob"))).assertAllStored();
    }
}
