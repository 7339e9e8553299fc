package io.timport.bulk;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An input line's original bytes kept in a {@link String}, even when they are not valid UTF-8: each byte of a
 * malformed sequence becomes the lone surrogate U+DC80 to U+DCFF (the byte plus U+DC00, as Python's
 * "surrogateescape"), every valid sequence its characters. {@link #encode} turns such a string back into exactly the
 * bytes it came from, so that the failures file holds an invalid line byte for byte, ready to be fixed in place.
 */
final class RawText {

    private RawText() {
    }

    /** The bytes as text; malformed UTF-8 bytes become U+DC80 to U+DCFF. */
    static String decode(byte[] bytes, int offset, int length) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        while (true) {
            CoderResult r = utf8.decode(in, out, true);
            if (r.isUnderflow()) {
                utf8.flush(out);
                break;
            }
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    out.put((char) (0xDC00 + (in.get() & 0xFF)));
                }
            }
            // overflow cannot happen: a byte never becomes more than one char here
        }
        out.flip();
        return out.toString();
    }

    /**
     * The UTF-8 bytes of {@code text}, with each lone U+DC80 to U+DCFF written back as the byte it stands for (any
     * other lone surrogate as {@code ?}).
     */
    static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | c >> 6);
                out.write(0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else if (c >= 0xDC80 && c <= 0xDCFF) {
                out.write(c - 0xDC00);
            } else if (Character.isSurrogate(c)) {
                out.write('?');
            } else {
                out.write(0xE0 | c >> 12);
                out.write(0x80 | c >> 6 & 0x3F);
                out.write(0x80 | c & 0x3F);
            }
        }
        return out.toByteArray();
    }
}
