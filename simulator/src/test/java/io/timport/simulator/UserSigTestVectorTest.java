package io.timport.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** Pins the tests' own signer to the shared notes, so the simulator is tested against a known-good sig. */
class UserSigTestVectorTest {

    @Test
    void tlsSigMatchesTheNotesTestVector() {
        assertEquals("yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=",
                TestUserSig.tlsSig(Sim.KEY, "administrator", 1400000000L, 1700000000L, 86400));
    }

    @Test
    void packedUserSigUnpacksToTheDocument() throws Exception {
        String userSig = TestUserSig.sign(Sim.KEY, "administrator", 1400000000L, 1700000000L, 86400);
        // Only the URL-safe alphabet: no + / = left.
        assertEquals(-1, userSig.indexOf('+'));
        assertEquals(-1, userSig.indexOf('/'));
        assertEquals(-1, userSig.indexOf('='));
        byte[] compressed = Base64.getDecoder().decode(
                userSig.replace('*', '+').replace('-', '/').replace('_', '='));
        assertEquals(0x78, compressed[0] & 0xff, "zlib header");
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[256];
        while (!inflater.finished()) {
            out.write(buf, 0, inflater.inflate(buf));
        }
        inflater.end();
        var doc = TestJson.object(out.toString(StandardCharsets.UTF_8));
        assertEquals("2.0", doc.get("TLS.ver"));
        assertEquals("administrator", doc.get("TLS.identifier"));
        assertEquals(1400000000L, doc.get("TLS.sdkappid"));
        assertEquals(1700000000L, doc.get("TLS.time"));
        assertEquals(86400L, doc.get("TLS.expire"));
        assertEquals("yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=", doc.get("TLS.sig"));
    }
}
