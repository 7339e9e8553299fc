package io.timport.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.timport.internal.Printable;
import io.timport.wire.AddFriendItem;
import io.timport.wire.InvalidItemException;
import io.timport.wire.ItemType;
import io.timport.wire.JsonValues;
import io.timport.wire.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads relations from JSONL: one JSON object a line, holding {@code From_Account} and the item's fields as the API
 * spells them ({@code To_Account}, {@code AddSource}, {@code Remark}, {@code RemarkTime}, {@code GroupName},
 * {@code AddWording}, {@code AddTime}, {@code CustomItem} <code>[{Tag, Value}]</code>).
 *
 * <pre>{@code {"From_Account":"u1","To_Account":"u2","AddSource":"AddSource_Type_Game","CustomItem":[{"Tag":"Tag_SNS_Custom_Level","Value":7}]}}</pre>
 *
 * <p>Any readable stream will do: a file, standard input, a pipe, a named pipe (FIFO). It is read once, lazily and
 * in order, so its size does not matter and nothing is read ahead of the import.
 *
 * <p>A line that is not valid UTF-8, not a JSON object, lacks a From_Account, or is not a valid item of the type
 * (an unknown field or tag, a value of the wrong type, a broken rule) becomes an {@linkplain ImportRecord#invalid
 * invalid record} whose origin is {@code name:line} and whose message names the problem in plain words (for broken
 * JSON, the column too); its original bytes are kept, so that the failures file holds the line as it was. The rest of
 * the input is read on. Blank lines are skipped, and so is a UTF-8 byte-order mark at the start. A field
 * {@code "_failure"} is skipped too: a failures file's lines carry what the server said in it, and import as they are.
 *
 * <p><b>Memory.</b> One line is held at a time. A line longer than the limit ({@link #DEFAULT_MAX_LINE_BYTES} unless
 * given) is never held whole: it is read past, and reported as an invalid record naming its line number and length.
 *
 * <p><b>Input that is not text.</b> A NUL byte never occurs in JSONL text; a line that holds one (binary data,
 * {@code /dev/zero}, a file damaged by a crash, UTF-16) ends the reading with an {@link UncheckedIOException} naming
 * the line: the records before it are imported, and the import then stops.
 */
public final class JsonlInput {

    /**
     * The longest line read by default: 1 MiB. No valid record comes near it (an item at every limit of the API is
     * under 70 kB even with every character escaped), and a friend_import request's whole body is capped at 1 MiB.
     */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private static final JsonFactory JSON = new JsonFactory();

    private JsonlInput() {
    }

    /**
     * The relations of a JSONL file; close the stream (the importer does) to close the file.
     *
     * @param <T> the item type
     * @param file the JSONL file (not null)
     * @param type reads each line's item (a generated {@code XItem.TYPE})
     * @return the records, one per non-blank line, in file order; invalid lines are invalid records
     * @throws IOException when the file cannot be opened
     */
    public static <T extends AddFriendItem> Stream<ImportRecord<T>> read(Path file, ItemType<T> type)
            throws IOException {
        return read(file, type, DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * The relations of a JSONL file, with a limit on the length of a line.
     *
     * @param maxLineBytes the longest line read, in bytes; a longer one is reported by number and skipped
     * @param <T> the item type
     * @param file the JSONL file (not null)
     * @param type reads each line's item (a generated {@code XItem.TYPE})
     * @return the records, one per non-blank line, in file order; invalid lines are invalid records
     * @throws IOException when the file cannot be opened
     */
    public static <T extends AddFriendItem> Stream<ImportRecord<T>> read(Path file, ItemType<T> type,
            int maxLineBytes) throws IOException {
        InputStream in = Files.newInputStream(file);
        return read(in, file.getFileName().toString(), type, maxLineBytes);
    }

    /**
     * The relations of a JSONL stream; closing the returned stream closes {@code in}.
     *
     * @param name what origins call the source ({@code name:line})
     * @param <T> the item type
     * @param in the JSONL bytes, UTF-8 (not null)
     * @param type reads each line's item (a generated {@code XItem.TYPE})
     * @return the records, one per non-blank line, in order; invalid lines are invalid records
     */
    public static <T extends AddFriendItem> Stream<ImportRecord<T>> read(InputStream in, String name,
            ItemType<T> type) {
        return read(in, name, type, DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * The relations of a JSONL stream, with a limit on the length of a line; closing the returned stream closes
     * {@code in}.
     *
     * @param name what origins call the source ({@code name:line})
     * @param maxLineBytes the longest line read, in bytes; a longer one is reported by number and skipped
     * @param <T> the item type
     * @param in the JSONL bytes, UTF-8 (not null)
     * @param type reads each line's item (a generated {@code XItem.TYPE})
     * @return the records, one per non-blank line, in order; invalid lines are invalid records
     */
    public static <T extends AddFriendItem> Stream<ImportRecord<T>> read(InputStream in, String name,
            ItemType<T> type, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive, was " + maxLineBytes);
        }
        Lines lines = new Lines(in, name, maxLineBytes);
        Iterator<ImportRecord<T>> records = new Iterator<>() {
            private ImportRecord<T> next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (!lines.next()) {
                        return false;
                    }
                    String origin = name + ":" + lines.number;
                    if (lines.length > maxLineBytes) {
                        next = ImportRecord.invalid(null, String.format(Locale.ROOT,
                                "the line is %,d bytes long, more than the limit of %,d bytes: it was skipped unread",
                                lines.length, maxLineBytes), origin, null);
                    } else if (!isBlank(lines.bytes, (int) lines.length)) {
                        next = parse(lines.bytes, (int) lines.length, origin, type);
                    }
                }
                return true;
            }

            @Override
            public ImportRecord<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ImportRecord<T> r = next;
                next = null;
                return r;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED), false)
                .onClose(lines::close);
    }

    /** One line's relation, or an invalid record saying what is wrong with it. */
    static <T extends AddFriendItem> ImportRecord<T> parse(byte[] bytes, String origin, ItemType<T> type) {
        return parse(bytes, bytes.length, origin, type);
    }

    private static <T extends AddFriendItem> ImportRecord<T> parse(byte[] bytes, int length, String origin,
            ItemType<T> type) {
        String line;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            return ImportRecord.invalid(null, String.format(Locale.ROOT,
                    "the line is not valid UTF-8: byte %,d of the line (0x%02X) does not belong where it is",
                    in.position() + 1, bytes[in.position()] & 0xFF), origin, RawText.decode(bytes, 0, length));
        }
        utf8.flush(out);
        line = out.flip().toString();
        Map<String, Object> fields;
        try (JsonParser p = JSON.createParser(line)) {
            fields = JsonValues.readObject(p);
            JsonToken after = p.nextToken();
            if (after != null) {
                return ImportRecord.invalid(null, "the line holds more than one JSON value: more follows the object, "
                        + "at column " + p.currentTokenLocation().getColumnNr(), origin, line);
            }
        } catch (JsonProcessingException e) {
            return ImportRecord.invalid(null, jsonProblem(e), origin, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fields.remove(FailuresFile.FAILURE_FIELD); // why an earlier run failed it: a line of a failures file
        Object from = fields.remove("From_Account");
        if (!(from instanceof String)) {
            return ImportRecord.invalid(null, from == null
                    ? new Violation("From_Account", "is required", "missing").message()
                    : new Violation("From_Account", "must be a string", describe(from)).message(), origin, line);
        }
        try {
            return ImportRecord.of((String) from, type.fromWire(fields), origin);
        } catch (InvalidItemException e) {
            return ImportRecord.invalid((String) from, e.toAccount(), e.getMessage(), origin, line);
        }
    }

    // ---------------------------------------------------------------------------------------- broken JSON in words

    private static final Pattern UNEXPECTED_CHARACTER =
            Pattern.compile("Unexpected character \\('(.+)' \\(code (\\d+)\\)\\)(?: in numeric value)?:? ?(.*)",
                    Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("(?:Unrecognized|Non-standard) token '(.*?)'.*",
            Pattern.DOTALL);
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)': (expected '(.)'.*|no open.*)",
            Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
            Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.)'.*", Pattern.DOTALL);

    /**
     * A JSON syntax error in plain words, with the column where it was found: never the parser's internals (class
     * names, feature flags, or a "line: 1" that would contradict the file's line number).
     */
    static String jsonProblem(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("expected a JSON object") || original.startsWith("duplicate field")
                || original.startsWith("unexpected ")) {
            return "the line is not a JSON object: " + Printable.escape(original); // JsonValues' own words
        }
        String what = plain(original);
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return "the line is not valid JSON" + (column > 0 ? " at column " + column : "") + ": " + what;
    }

    private static String plain(String m) {
        Matcher x;
        if (m.startsWith("Unexpected end-of-input")) {
            if (m.contains("closing quote")) {
                return "the line ends inside a text value (its closing \" is missing)";
            }
            if (m.contains("ARRAY")) {
                return "the line ends before an array is closed (a ] is missing)";
            }
            return "the line ends before the object is closed (a value, a \" or a } is missing)";
        }
        if ((x = TOKEN.matcher(m)).matches()) {
            String token = x.group(1);
            return "unexpected " + quote(token) + " (text values need double quotes; the only bare words are true, "
                    + "false and null)";
        }
        if ((x = UNEXPECTED_CHARACTER.matcher(m)).matches()) {
            String found = character(Integer.parseInt(x.group(2)));
            String rest = x.group(3);
            if (rest.contains("double-quote to start field name")) {
                return found.equals("'}'") ? "a comma is followed by } (a field is missing, or the comma is one "
                        + "too many)" : "expected a field name in double quotes, found " + found;
            }
            if (rest.contains("colon to separate field name and value")) {
                return "expected : after a field name, found " + found;
            }
            if (rest.contains("comma to separate Object entries")) {
                return "expected , or } after a value, found " + found + " (a comma is missing?)";
            }
            if (rest.contains("comma to separate Array entries")) {
                return "expected , or ] after a value, found " + found;
            }
            if (rest.contains("expected a value") || rest.contains("expected a valid value")) {
                return "expected a value, found " + found;
            }
            if (rest.contains("hex-digit")) {
                return "a \\u escape needs four hex digits, found " + found;
            }
            return "a number is malformed: found " + found;
        }
        if ((x = CLOSE_MARKER.matcher(m)).matches()) {
            return x.group(3) != null
                    ? "found " + quote(x.group(1)) + " where " + quote(x.group(3)) + " should close what is open"
                    : "found " + quote(x.group(1)) + " with nothing open to close";
        }
        if ((x = CONTROL.matcher(m)).matches()) {
            return "a text value holds a control character (" + character(Integer.parseInt(x.group(1)))
                    + "), which JSON requires to be written as an escape such as \\t or \\n";
        }
        if ((x = ESCAPE.matcher(m)).matches()) {
            return "\\" + Printable.escape(x.group(1)) + " is not a JSON escape (write \\\\ for a backslash)";
        }
        if (m.startsWith("Invalid numeric value") || m.contains("numeric value")) {
            return "a number is malformed" + (m.contains("Leading zeroes") ? " (a leading zero)" : "");
        }
        return "a syntax error";
    }

    private static String quote(String text) {
        return "'" + Printable.escape(text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    private static String character(int code) {
        if (code < 0x20 || code == 0x7F) {
            return String.format(Locale.ROOT, "the control character 0x%02X", code);
        }
        return quote(new String(Character.toChars(code)));
    }

    private static String describe(Object value) {
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof Map) {
            return "an object";
        }
        return value instanceof java.util.List ? "an array" : String.valueOf(value);
    }

    private static boolean isBlank(byte[] line, int length) {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------- lines

    /**
     * Splits a byte stream on '\n' (dropping a '\r' before it), counting lines from 1, keeping at most the limit of
     * a line: a longer one is read past, counted, and not kept. Skips a UTF-8 byte-order mark at the start; ends the
     * input at a NUL byte.
     */
    private static final class Lines {
        private final InputStream in;
        private final String name;
        private final int max;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private boolean eof;
        private boolean started;

        /** The current line's bytes, its first {@code min(length, max + 1)} of them. */
        byte[] bytes = new byte[256];
        /** The current line's length in bytes, without its line end; over {@code max} when it was not kept. */
        long length;
        /** The current line's number, from 1. */
        long number;

        Lines(InputStream in, String name, int max) {
            this.in = in;
            this.name = name;
            this.max = max;
        }

        /** Reads the next line; false at the end of the input. */
        boolean next() {
            if (eof && position >= limit) {
                return false;
            }
            length = 0;
            int kept = 0;
            boolean any = false;
            try {
                while (true) {
                    if (position >= limit && !fill()) {
                        if (!any) {
                            return false;
                        }
                        break;
                    }
                    any = true;
                    if (!started) {
                        started = true;
                        checkStart();
                        if (position >= limit) {
                            continue;
                        }
                    }
                    int end = position;
                    while (end < limit && buffer[end] != '\n') {
                        if (buffer[end] == 0) {
                            throw notText(length + (end - position) + 1);
                        }
                        end++;
                    }
                    int chunk = end - position;
                    int room = max + 1 - kept; // one more than the limit, for a '\r' before the '\n'
                    if (room > 0) {
                        int take = Math.min(room, chunk);
                        ensure(kept + take);
                        System.arraycopy(buffer, position, bytes, kept, take);
                        kept += take;
                    }
                    length += chunk;
                    position = end;
                    if (end < limit) { // a newline
                        position++;
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": cannot read line " + (number + 1) + ": " + e.getMessage(), e);
            }
            number++;
            if (length > 0 && length <= max + 1 && bytes[(int) length - 1] == '\r') {
                length--; // an over-long line is not kept: whether it ended in '\r' does not matter
            }
            return true;
        }

        /** A UTF-8 byte-order mark at the start is skipped; a UTF-16 one ends the input with a hint. */
        private void checkStart() throws IOException {
            while (limit - position < 3 && !eof) {
                int more = in.read(buffer, limit, buffer.length - limit);
                if (more < 0) {
                    eof = true;
                } else {
                    limit += more;
                }
            }
            int n = limit - position;
            if (n >= 3 && (buffer[position] & 0xFF) == 0xEF && (buffer[position + 1] & 0xFF) == 0xBB
                    && (buffer[position + 2] & 0xFF) == 0xBF) {
                position += 3;
            } else if (n >= 2 && ((buffer[position] & 0xFF) == 0xFF && (buffer[position + 1] & 0xFF) == 0xFE
                    || (buffer[position] & 0xFF) == 0xFE && (buffer[position + 1] & 0xFF) == 0xFF)) {
                eof = true;
                String message = name + ":1: the input starts with a UTF-16 byte-order mark: JSONL must be UTF-8 "
                        + "(convert it, for example with iconv -f UTF-16 -t UTF-8)";
                throw new UncheckedIOException(message, new IOException(message));
            }
        }

        private UncheckedIOException notText(long byteOfLine) {
            eof = true;
            position = limit;
            String message = String.format(Locale.ROOT, "%s:%d holds a NUL byte (byte %,d of the line): the input is "
                    + "not JSONL text, or it is damaged; nothing after it is read", name, number + 1, byteOfLine);
            return new UncheckedIOException(message, new IOException(message));
        }

        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            position = 0;
            limit = 0;
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit = n;
            return true;
        }

        private void ensure(int size) {
            if (size > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size, Math.min(max + 1, bytes.length * 2)));
            }
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
