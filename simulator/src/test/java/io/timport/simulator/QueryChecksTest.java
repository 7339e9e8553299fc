package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Path, method and query parameters: names, random range, contenttype. */
class QueryChecksTest {

    private static final String SIG = TestUserSig.sign(Sim.KEY, Sim.ADMIN, Sim.APP);
    private static final String BODY = Sim.body("alice", Sim.item("bob"));
    private static ChatSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = ChatSimulator.start(Sim.config().build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aValidCallSucceeds() {
        Sim.post(sim, BODY).assertAllStored();
    }

    @Test
    void unknownPathIs60009() {
        String info = Sim.send(sim, "POST", "/v4/sns/friend_imports?" + Sim.query(), BODY).assertFails(60009);
        assertEquals("unknown resource /v4/sns/friend_imports; this simulator serves POST /v4/sns/friend_import, "
                + "/v4/sns/friend_get, /v4/sns/friend_check, /v4/im_open_login_svc/account_import, "
                + "/v4/im_open_login_svc/multiaccount_import, /v4/im_open_login_svc/account_check", info);
        Sim.send(sim, "POST", "/v4/sns/friend_add?" + Sim.query(), BODY).assertFails(60009);
        Sim.send(sim, "POST", "/?" + Sim.query(), BODY).assertFails(60009);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE"})
    void otherMethodsAre60002(String method) {
        String info = Sim.send(sim, method, "/v4/sns/friend_import?" + Sim.query(), BODY).assertFails(60002);
        assertEquals("method " + method + " is not supported by /v4/sns/friend_import; use POST", info);
    }

    @Test
    void headIsAnsweredWithoutABody() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.friendImportUri() + "?" + Sim.query()))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        var response = Sim.HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        // The connection is still usable.
        Sim.post(sim, BODY).assertAllStored();
    }

    @Test
    void missingSdkAppIdIs60012() {
        String q = "identifier=administrator&usersig=" + SIG + "&random=1&contenttype=json";
        assertEquals("the query parameter 'sdkappid' is missing (names are case-sensitive)",
                Sim.postWithQuery(sim, q, BODY).assertFails(60012));
    }

    @Test
    void namesAreCaseSensitive() {
        String q = "SdkAppId=" + Sim.APP + "&identifier=administrator&usersig=" + SIG + "&random=1&contenttype=json";
        Sim.postWithQuery(sim, q, BODY).assertFails(60012);
        q = "sdkappid=" + Sim.APP + "&Identifier=administrator&usersig=" + SIG + "&random=1&contenttype=json";
        assertEquals("the query parameter 'identifier' is missing or empty (names are case-sensitive)",
                Sim.postWithQuery(sim, q, BODY).assertFails(60002));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "1400000000x", "99999999999999999999"})
    void malformedSdkAppIdIs60012(String app) {
        String q = "sdkappid=" + app + "&identifier=administrator&usersig=" + SIG + "&random=1&contenttype=json";
        assertEquals("the query parameter 'sdkappid' must be a positive decimal integer",
                Sim.postWithQuery(sim, q, BODY).assertFails(60012));
    }

    @Test
    void unknownSdkAppIdIs70020() {
        String other = TestUserSig.sign(Sim.KEY, Sim.ADMIN, 1400000001L);
        assertEquals("SDKAppID 1400000001 does not exist here (this simulator serves SDKAppID 1400000000)",
                Sim.postWithQuery(sim, Sim.query(1400000001L, Sim.ADMIN, other, 7), BODY).assertFails(70020));
    }

    @ParameterizedTest
    @CsvSource({
        "identifier, sdkappid=1400000000&usersig=SIG&random=1&contenttype=json",
        "identifier, sdkappid=1400000000&identifier=&usersig=SIG&random=1&contenttype=json",
        "random, sdkappid=1400000000&identifier=administrator&usersig=SIG&contenttype=json",
        "contenttype, sdkappid=1400000000&identifier=administrator&usersig=SIG&random=1",
    })
    void missingParametersAre60002(String name, String query) {
        assertEquals("the query parameter '" + name + "' is missing or empty (names are case-sensitive)",
                Sim.postWithQuery(sim, query.replace("SIG", SIG), BODY).assertFails(60002));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sdkappid=1400000000&identifier=administrator&random=1&contenttype=json",
        "sdkappid=1400000000&identifier=administrator&usersig=&random=1&contenttype=json",
    })
    void aMissingOrEmptyUserSigIs70002(String query) {
        assertEquals("the UserSig is empty: the query parameter 'usersig' is missing or has no value",
                Sim.postWithQuery(sim, query, BODY).assertFails(70002));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "4294967296", "12a", "1.5", "+5", "99999999999999999999"})
    void randomOutOfRangeIs60002(String random) {
        String q = "sdkappid=1400000000&identifier=administrator&usersig=" + SIG + "&random=" + random
                + "&contenttype=json";
        assertEquals("the query parameter 'random' must be an unsigned 32-bit decimal integer (0 to 4294967295)",
                Sim.postWithQuery(sim, q, BODY).assertFails(60002));
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 4294967295L})
    void randomBoundsAreAccepted(long random) {
        Sim.postWithQuery(sim, Sim.query(Sim.APP, Sim.ADMIN, SIG, random), BODY).assertAllStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "xml", "json2", ""})
    void contentTypeMustBeJson(String contentType) {
        String q = "sdkappid=1400000000&identifier=administrator&usersig=" + SIG + "&random=1&contenttype="
                + contentType;
        assertEquals("the query parameter 'contenttype' must be json (lower case)",
                Sim.postWithQuery(sim, q, BODY).assertFails(60002));
    }

    @Test
    void repeatedParameterIs60002() {
        String q = Sim.query() + "&random=5";
        assertEquals("the query parameter 'random' appears more than once",
                Sim.postWithQuery(sim, q, BODY).assertFails(60002));
    }

    @Test
    void aUrlThatIsNotAUriGetsHttp400FromTheHttpLayer() throws Exception {
        // java.net.http refuses to send such a URI, so write the request by hand. The JDK server answers it
        // before the simulator sees it.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sim.port())) {
            // No body: the server refuses at the request line, and unread bytes would make it reset the connection.
            String head = "POST /v4/sns/friend_import?" + Sim.query() + "&x=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("HTTP/1.1 400 Bad Request", answer.substring(0, answer.indexOf('\r')));
        }
    }

    @Test
    void unknownParametersAreIgnored() {
        Sim.postWithQuery(sim, Sim.query() + "&debug=1", BODY).assertAllStored();
    }

    @Test
    void percentEncodedValuesAreDecoded() {
        String q = "sdkappid=%31400000000&identifier=administrator&usersig=" + SIG + "&random=1&contenttype=js%6Fn";
        Sim.postWithQuery(sim, q, BODY).assertAllStored();
    }
}
