package io.timport.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.timport.wire.AddFriendItem;
import io.timport.wire.InvalidItemException;
import io.timport.wire.ItemType;
import io.timport.wire.JsonValues;
import io.timport.wire.Violation;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads relations from JSONL: one JSON object a line, holding {@code From_Account} and the item's fields as the API
 * spells them ({@code To_Account}, {@code AddSource}, {@code Remark}, {@code RemarkTime}, {@code GroupName},
 * {@code AddWording}, {@code AddTime}, {@code CustomItem} <code>[{Tag, Value}]</code>).
 *
 * <pre>{@code {"From_Account":"u1","To_Account":"u2","AddSource":"AddSource_Type_Game","CustomItem":[{"Tag":"Tag_SNS_Custom_Level","Value":7}]}}</pre>
 *
 * <p>A line that is not valid UTF-8, not a JSON object, lacks a From_Account, or is not a valid item of the type
 * (an unknown field or tag, a value of the wrong type, a broken rule) becomes an {@linkplain ImportRecord#invalid
 * invalid record} whose origin is {@code file:line} and whose message names the problem; the rest of the file is
 * read on. Blank lines are skipped. The file is read lazily, so its size does not matter.
 */
public final class JsonlInput {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonlInput() {
    }

    /** The relations of a JSONL file; close the stream (the importer does) to close the file. */
    public static <T extends AddFriendItem> Stream<ImportRecord<T>> read(Path file, ItemType<T> type)
            throws IOException {
        InputStream in = Files.newInputStream(file);
        return read(in, file.getFileName().toString(), type);
    }

    /**
     * The relations of a JSONL stream; closing the returned stream closes {@code in}.
     *
     * @param name what origins call the source ({@code name:line})
     */
    public static <T extends AddFriendItem> Stream<ImportRecord<T>> read(InputStream in, String name,
            ItemType<T> type) {
        Lines lines = new Lines(in);
        Iterator<ImportRecord<T>> records = new Iterator<>() {
            private ImportRecord<T> next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    byte[] line = lines.next();
                    if (line == null) {
                        return false;
                    }
                    if (!isBlank(line)) {
                        next = parse(line, name + ":" + lines.number, type);
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
        String line;
        try {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            line = utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return ImportRecord.invalid(null, "the line is not valid UTF-8", origin,
                    new String(bytes, StandardCharsets.UTF_8));
        }
        Map<String, Object> fields;
        try (JsonParser p = JSON.createParser(line)) {
            fields = JsonValues.readObject(p);
            JsonToken after = p.nextToken();
            if (after != null) {
                return ImportRecord.invalid(null, "the line holds more than one JSON value", origin, line);
            }
        } catch (JsonProcessingException e) {
            return ImportRecord.invalid(null, "the line is not a JSON object: " + e.getOriginalMessage(), origin, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Splits a byte stream on '\n' (dropping a '\r' before it), counting lines from 1. */
    private static final class Lines {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int number;
        private boolean eof;

        Lines(InputStream in) {
            this.in = new BufferedInputStream(in, 1 << 16);
        }

        byte[] next() {
            if (eof) {
                return null;
            }
            line.reset();
            try {
                int b;
                while ((b = in.read()) != -1 && b != '\n') {
                    line.write(b);
                }
                if (b == -1) {
                    eof = true;
                    if (line.size() == 0) {
                        return null;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read line " + (number + 1), e);
            }
            number++;
            byte[] bytes = line.toByteArray();
            int n = bytes.length;
            return n > 0 && bytes[n - 1] == '\r' ? java.util.Arrays.copyOf(bytes, n - 1) : bytes;
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
