package io.timport.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * How values are shown in messages (violations, differences): quoted, escaped, and cut when long.
 *
 * <p><b>Not API.</b> Like everything in {@code io.timport.internal}, this class exists for the runtime itself and for
 * code the timport processor generates; it may change in any release without notice.
 */
public final class Describe {

    /** Longer strings are cut in messages, so that one bad 10 kB value does not flood a report. */
    public static final int MAX_SHOWN_CHARS = 40;

    private Describe() {
    }

    /**
     * {@code "value"} with quotes, backslashes and control characters escaped, cut after 40 characters.
     *
     * @param value the text to quote (not null)
     * @return the quoted, escaped and possibly cut text
     */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SHOWN_CHARS) + 8).append('"');
        int shown = Math.min(value.length(), MAX_SHOWN_CHARS);
        if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--;
        }
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (shown < value.length()) {
            out.append("… (").append(value.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * What a plain JSON value is, for "was …": {@code the string "x"}, {@code the number 1.5}, {@code an array}.
     *
     * @param value a value as {@link io.timport.wire.JsonValues} reads it, or null
     * @return a short description for a message
     */
    public static String jsonValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string " + quoted(s);
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof BigDecimal d) {
            return "the number " + d.toPlainString();
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName();
    }

    /**
     * Whether {@code value} is one of the Java types an integer is read as: Long, Integer, Short, Byte, BigInteger.
     *
     * @param value any value, or null
     * @return true for an integral number type, false otherwise (also for null)
     */
    public static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }
}
