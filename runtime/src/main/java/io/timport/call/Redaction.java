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
        return new Redactor(secret).redact(text);
    }

    /**
     * Redacts one secret from many texts: indexes the secret once, so that checking a text costs a pass over it and a
     * few comparisons per window, without allocating (every string of every answer goes through one of these).
     */
    static final class Redactor {
        private final String secret;
        private final String encodedUpper;
        private final String encodedLower;
        /** For each char c < 128: the positions in the secret where c occurs (fragments can only start there). */
        private final int[][] positions = new int[128][];

        Redactor(String secret) {
            this.secret = secret;
            boolean star = secret.indexOf('*') >= 0;
            this.encodedUpper = star ? secret.replace("*", "%2A") : null;
            this.encodedLower = star ? secret.replace("*", "%2a") : null;
            int[] counts = new int[128];
            for (int i = 0; i < secret.length(); i++) {
                char c = secret.charAt(i);
                if (c < 128) {
                    counts[c]++;
                }
            }
            for (int c = 0; c < 128; c++) {
                positions[c] = new int[counts[c]];
                counts[c] = 0;
            }
            for (int i = 0; i < secret.length(); i++) {
                char c = secret.charAt(i);
                if (c < 128) {
                    positions[c][counts[c]++] = i;
                }
            }
        }

        /** The secret this redactor hides (compared by identity by its users). */
        String secret() {
            return secret;
        }

        /** {@code text} redacted as {@link Redaction#redact}; the same instance when there is nothing to hide. */
        String redact(String text) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            String out = text;
            if (out.length() >= MIN_FRAGMENT) {
                out = out.replace(secret, REDACTED);
                if (encodedUpper != null) {
                    out = out.replace(encodedUpper, REDACTED).replace(encodedLower, REDACTED);
                }
            } else {
                return text; // shorter than any fragment worth hiding
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
                    int[] hit = sharedPiece(out, start, i);
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

        /** True when {@code text} holds the secret or a fragment of it. */
        boolean leaks(String text) {
            return text != null && text != redact(text);
        }

        /**
         * The first span within {@code [start, end)} of text, of at least MIN_FRAGMENT chars, that occurs in the
         * secret, extended as far as it keeps occurring; null when there is none.
         */
        private int[] sharedPiece(String text, int start, int end) {
            for (int from = start; from + MIN_FRAGMENT <= end; from++) {
                int at = occurrence(text, from, MIN_FRAGMENT);
                if (at >= 0) {
                    int to = from + MIN_FRAGMENT;
                    while (to < end && occurrence(text, from, to + 1 - from) >= 0) {
                        to++;
                    }
                    return new int[] {from, to};
                }
            }
            return null;
        }

        /** Where {@code text[from, from + length)} occurs in the secret, or -1. */
        private int occurrence(String text, int from, int length) {
            char first = text.charAt(from);
            if (first >= 128) {
                return -1;
            }
            for (int p : positions[first]) {
                if (p + length <= secret.length() && secret.regionMatches(p, text, from, length)) {
                    return p;
                }
            }
            return -1;
        }
    }

    private static boolean isSigChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || c == '-'
                || c == '_';
    }

    /** True when {@code text} holds the secret or a fragment of it. */
    static boolean leaks(String text, String secret) {
        return text != null && !text.equals(redact(text, secret));
    }

    /**
     * The start of a body as text, redacted, at most {@value #EXCERPT_CHARS} characters, noting the full size, its
     * control characters escaped ({@link io.timport.internal.Printable}).
     */
    static String excerpt(byte[] body, String secret) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = redact(new String(body, StandardCharsets.UTF_8), secret);
        if (text.length() <= EXCERPT_CHARS) {
            return io.timport.internal.Printable.escape(text); // a hostile body must not drive a terminal or a log
        }
        return io.timport.internal.Printable.escape(text.substring(0, EXCERPT_CHARS)) + "… (" + body.length
                + " bytes in all)";
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
