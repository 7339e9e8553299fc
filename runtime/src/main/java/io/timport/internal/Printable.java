package io.timport.internal;

/**
 * Text that came from outside (a server's ResultInfo or ErrorInfo, the body of an answer that is not a Chat answer,
 * an input line echoed in a message) made safe to print on a terminal, in a report or in a log: every character that
 * a terminal could act on is replaced by a visible escape, so that a hostile server or input file cannot clear the
 * screen, move the cursor, retitle the window, or hide or reorder text.
 *
 * <ul>
 *   <li>C0 controls (U+0000 to U+001F, ESC included) and DEL: {@code \n}, {@code \r}, {@code \t}, else a
 *       backslash, {@code x} and two hex digits ({@code \x1B});</li>
 *   <li>C1 controls (U+0080 to U+009F, CSI U+009B included), bidirectional overrides and isolates (U+061C, U+200E,
 *       U+200F, U+202A to U+202E, U+2066 to U+2069) and the line and paragraph separators U+2028, U+2029: a
 *       backslash, {@code u} and four hex digits;</li>
 *   <li>a lone surrogate: {@code \xNN} for U+DC80 to U+DCFF (a byte of invalid UTF-8, as the JSONL reader keeps
 *       one in a line's original text), a backslash, {@code u} and four hex digits for the others.</li>
 * </ul>
 * Everything else, backslashes and non-Latin scripts and emoji included, is kept as it is.
 *
 * <p><b>Not API.</b> Like everything in {@code io.timport.internal}, this class exists for the runtime itself and for
 * code the timport processor generates; it may change in any release without notice. Users print through
 * {@code ImportReport.printable(String)}.
 */
public final class Printable {

    private Printable() {
    }

    /**
     * {@code text} with every character a terminal could act on escaped; the same instance when there is none.
     *
     * @param text the text to escape (not null)
     * @return text safe to print to a terminal or a log
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int i = 0;
        while (i < n && !unsafeAt(text, i)) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i >= n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (!unsafeAt(text, i)) {
                int count = Character.charCount(text.codePointAt(i));
                out.append(text, i, i + count);
                i += count;
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else if (c >= 0xDC80 && c <= 0xDCFF) {
                        out.append(String.format("\\x%02X", c - 0xDC00));
                    } else {
                        out.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
            i++;
        }
        return out.toString();
    }

    /** Whether the character at {@code i} must be escaped (a surrogate pair is safe as a whole). */
    private static boolean unsafeAt(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
            return true;
        }
        if (c < 0x61C) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return true; // a low surrogate reached here is alone: a pair is passed over as one code point
        }
        return c == 0x61C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }
}
