package io.timport.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "CHINA,          https://console.tim.qq.com/v4/sns/friend_import",
        "SINGAPORE,      https://adminapisgp.im.qcloud.com/v4/sns/friend_import",
        "SEOUL,          https://adminapikr.im.qcloud.com/v4/sns/friend_import",
        "TOKYO,          https://adminapijpn.im.qcloud.com/v4/sns/friend_import",
        "FRANKFURT,      https://adminapiger.im.qcloud.com/v4/sns/friend_import",
        "MUMBAI,         https://adminapiind.im.qcloud.com/v4/sns/friend_import",
        "SILICON_VALLEY, https://adminapiusa.im.qcloud.com/v4/sns/friend_import",
        "JAKARTA,        https://adminapiidn.im.qcloud.com/v4/sns/friend_import",
    })
    void regionUrls(Region region, String friendImportUrl) {
        assertEquals(friendImportUrl, region.endpoint().apiUrl("v4/sns/friend_import"));
        assertEquals(friendImportUrl, Endpoint.of(region).apiUrl("/v4/sns/friend_import"));
        assertFalse(region.endpoint().isLoopback());
    }

    @Test
    void exactlyTheEightDocumentedRegions() {
        Map<String, String> domains = new TreeMap<>();
        Arrays.stream(Region.values()).forEach(r -> domains.put(r.displayName(), r.domain()));
        assertEquals(Map.of(
                "China", "console.tim.qq.com",
                "Singapore", "adminapisgp.im.qcloud.com",
                "Seoul", "adminapikr.im.qcloud.com",
                "Tokyo", "adminapijpn.im.qcloud.com",
                "Frankfurt", "adminapiger.im.qcloud.com",
                "Mumbai", "adminapiind.im.qcloud.com",
                "Silicon Valley", "adminapiusa.im.qcloud.com",
                "Jakarta", "adminapiidn.im.qcloud.com"), domains);
    }

    @Test
    void regionsParseFromConfigurationText() {
        assertEquals(Region.SILICON_VALLEY, Region.parse("silicon-valley"));
        assertEquals(Region.SILICON_VALLEY, Region.parse(" Silicon Valley "));
        assertEquals(Region.SINGAPORE, Region.parse("SINGAPORE"));
        assertEquals(Region.SEOUL, Region.parse("adminapikr.im.qcloud.com"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.parse("mars"));
        assertTrue(e.getMessage().contains("\"mars\"") && e.getMessage().contains("silicon-valley"), e.getMessage());
        assertEquals(Region.JAKARTA.endpoint(), Endpoint.parse("jakarta"));
        assertEquals(URI.create("http://127.0.0.1:8080"), Endpoint.parse("http://127.0.0.1:8080/").baseUri());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://console.tim.qq.com",
        "http://adminapisgp.im.qcloud.com/",
        "http://10.0.0.1:8080",
        "http://192.168.1.20",
        "http://128.0.0.1",
        "http://127.0.0.1.nip.io",
        "http://localhost.example.com",
        "http://[::2]:8080",
        "http://[::ffff:10.0.0.1]",
    })
    void refusesPlainHttpToANonLoopbackHost(String uri) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.of(URI.create(uri)));
        assertTrue(e.getMessage().contains(uri) && e.getMessage().contains("plain http is only allowed to a loopback host"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:9000", "http://LOCALHOST",
        "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]", "https://127.0.0.1:8443",
    })
    void acceptsPlainHttpToALoopbackHost(String uri) {
        Endpoint endpoint = Endpoint.of(URI.create(uri));
        assertTrue(endpoint.isLoopback());
    }

    @Test
    void loopbackIsDecidedFromLiteralsNeverByResolvingANameOtherThanLocalhost() {
        assertTrue(Endpoint.isLoopbackHost("127.0.0.1"));
        assertTrue(Endpoint.isLoopbackHost("[::1]"));
        assertFalse(Endpoint.isLoopbackHost("127.0.0.256"));
        assertFalse(Endpoint.isLoopbackHost("127.0.0"));
        assertFalse(Endpoint.isLoopbackHost("loopback.internal"));
        assertFalse(Endpoint.isLoopbackHost("[fe80::1]"));
    }

    @Test
    void acceptsHttpsAnywhereAndKeepsAPathPrefix() {
        Endpoint proxy = Endpoint.of(URI.create("https://chat-proxy.example.com/tencent/"));
        assertEquals("https://chat-proxy.example.com/tencent/v4/sns/friend_import", proxy.apiUrl("v4/sns/friend_import"));
        assertFalse(proxy.isLoopback());
        assertEquals("https://chat-proxy.example.com/tencent", proxy.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://console.tim.qq.com?sdkappid=1", "https://console.tim.qq.com#x", "https://user:pw@console.tim.qq.com",
        "ftp://console.tim.qq.com", "console.tim.qq.com", "https:///v4", "http://127.0.0.256",
        "http://127.0.0.1:99999", "https://console.tim.qq.com:65536", "http://127.0.0.1:0",
    })
    void refusesQueriesFragmentsUserInfoAndOtherSchemes(String uri) {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.of(URI.create(uri)));
    }

    @Test
    void aPortOutOfRangeIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Endpoint.parse("http://127.0.0.1:99999"));
        assertTrue(e.getMessage().contains("has port 99999: a TCP port is 1 to 65535"), e.getMessage());
        assertEquals(65535, Endpoint.parse("http://127.0.0.1:65535").baseUri().getPort());
    }
}
