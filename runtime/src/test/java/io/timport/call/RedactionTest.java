package io.timport.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedactionTest {

    static final String SIG = "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgYgYG5uDpFJ_";

    @Test
    void redactsTheSigRawPercentEncodedAndInFragments() {
        assertEquals("usersig=<redacted>&random=1", Redaction.redact("usersig=" + SIG + "&random=1", SIG));
        assertEquals("usersig=<redacted>", Redaction.redact("usersig=" + SIG.replace("*", "%2A"), SIG));
        // What a JSON parser quotes: the token up to the first '*'.
        assertEquals("Unrecognized token '<redacted>': was expecting",
                Redaction.redact("Unrecognized token '" + SIG.substring(0, SIG.indexOf('*')) + "': was expecting", SIG));
        assertEquals("x <redacted> y", Redaction.redact("x " + SIG.substring(10, 40) + " y", SIG));
        assertEquals("a<redacted>z", Redaction.redact("a" + SIG.substring(5, 30) + "z", SIG),
                "letters glued to a fragment are kept when they are not part of the sig");
    }

    @Test
    void leavesOtherTextAlone() {
        String text = "Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold at /v4/sns/friend_import, short eJyrVgrxCdYr";
        assertSame(text, Redaction.redact(text, SIG));
        assertFalse(Redaction.leaks(text, SIG));
        assertTrue(Redaction.leaks("..." + SIG.substring(0, 16) + "...", SIG));
    }

    @Test
    void excerptsAreRedactedBeforeTheyAreCut() {
        String body = "x".repeat(490) + SIG;
        String excerpt = Redaction.excerpt(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), SIG);
        assertEquals("x".repeat(490) + "<redacted>", excerpt);
    }

    @Test
    void sanitizedChainsKeepClassNamesAndStackTracesButNotTheSig() {
        IOException root = new IOException("token '" + SIG.substring(0, 40) + "'");
        RuntimeException top = new RuntimeException("wrapped", root);
        Throwable clean = Redaction.sanitize(top, SIG);
        assertEquals("java.lang.RuntimeException: wrapped", clean.toString());
        assertEquals("java.io.IOException: token '<redacted>'", clean.getCause().toString());
        assertEquals(root.getStackTrace().length, clean.getCause().getStackTrace().length);
        IOException harmless = new IOException("connection reset");
        assertSame(harmless, Redaction.sanitize(harmless, SIG), "nothing to hide: the original is kept");
    }
}
