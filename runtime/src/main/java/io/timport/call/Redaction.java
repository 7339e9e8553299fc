package io.timport.call;

import java.nio.charset.StandardCharsets;

/** Keeps a UserSig out of text and exception chains. */
final class Redaction {

    static final String REDACTED = "<redacted>";
    static final int EXCERPT_CHARS = 500;

    private Redaction() {}

    /** Fragments of the secret at least this long are redacted too. */
    static final int MIN_FRAGMENT = 16;

    /**
     * {@code text} with every occurrence of {@code secret} (raw or percent-encoded), and every run of UserSig
     * characters of at least {@value #MIN_FRAGMENT} that is part of it, replaced by {@code <redacted>}. Fragments
     * matter: a JSON parser quoting a bad token stops at the first {@code *} of a sig.
     */
    static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        String out = text.replace(secret, REDACTED);
        if (secret.indexOf('*') >= 0) {
            out = out.replace(secret.replace("*", "%2A"), REDACTED).replace(secret.replace("*", "%2a"), REDACTED);
        }
        StringBuilder result = null;
        int copied = 0;
        int i = 0;
        while (i < out.length()) {
            if (!isSigChar(out.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < out.length() && isSigChar(out.charAt(i))) {
                i++;
            }
            if (i - start >= MIN_FRAGMENT) {
                int[] hit = longestSharedPiece(out, start, i, secret);
                if (hit != null) {
                    if (result == null) {
                        result = new StringBuilder(out.length());
                    }
                    result.append(out, copied, hit[0]).append(REDACTED);
                    copied = hit[1];
                }
            }
        }
        if (result == null) {
            return out;
        }
        return result.append(out, copied, out.length()).toString();
    }

    /** The first span within {@code [start, end)} of text, of at least MIN_FRAGMENT chars, that occurs in secret. */
    private static int[] longestSharedPiece(String text, int start, int end, String secret) {
        for (int from = start; from + MIN_FRAGMENT <= end; from++) {
            if (secret.contains(text.substring(from, from + MIN_FRAGMENT))) {
                int to = from + MIN_FRAGMENT;
                while (to < end && secret.contains(text.substring(from, to + 1))) {
                    to++;
                }
                return new int[] {from, to};
            }
        }
        return null;
    }

    private static boolean isSigChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || c == '-'
                || c == '_';
    }

    /** True when {@code text} holds the secret or a fragment of it. */
    static boolean leaks(String text, String secret) {
        return text != null && !text.equals(redact(text, secret));
    }

    /** The start of a body as text, redacted, at most {@value #EXCERPT_CHARS} characters, noting the full size. */
    static String excerpt(byte[] body, String secret) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = redact(new String(body, StandardCharsets.UTF_8), secret);
        if (text.length() <= EXCERPT_CHARS) {
            return text;
        }
        return text.substring(0, EXCERPT_CHARS) + "… (" + body.length + " bytes in all)";
    }

    /**
     * {@code t} itself when no message in its chain holds the secret; otherwise a copy of the chain whose messages
     * are redacted, keeping the original class names (in the message) and stack traces.
     */
    static Throwable sanitize(Throwable t, String secret) {
        if (t == null || secret == null || secret.isEmpty() || !leaks(t, secret, 0)) {
            return t;
        }
        return copy(t, secret, 0);
    }

    private static boolean leaks(Throwable t, String secret, int depth) {
        if (t == null || depth > 32) {
            return false;
        }
        if (leaks(t.getMessage(), secret)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (leaks(s, secret, depth + 1)) {
                return true;
            }
        }
        return leaks(t.getCause(), secret, depth + 1);
    }

    private static Throwable copy(Throwable t, String secret, int depth) {
        Throwable cause = t.getCause() == null || depth > 32 ? null : copy(t.getCause(), secret, depth + 1);
        String message = t.getMessage() == null ? null : redact(t.getMessage(), secret);
        RedactedThrowable copy = new RedactedThrowable(t.getClass().getName(), message, cause);
        copy.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            copy.addSuppressed(copy(s, secret, depth + 1));
        }
        return copy;
    }

    /** Stands in for an exception whose message held a secret; prints as the original would, redacted. */
    static final class RedactedThrowable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        RedactedThrowable(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            String message = getMessage();
            return message == null ? originalClass : originalClass + ": " + message;
        }
    }
}
