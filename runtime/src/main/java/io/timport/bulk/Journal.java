package io.timport.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The resume journal: an append-only file of the input positions whose work is complete (imported, failed
 * permanently, or superseded by a later record of the same pair).
 *
 * <p>Format, one entry per line after the header {@code timport-journal 1}:
 * {@code <crc32 of the JSON, 8 hex digits> {"ok":[[from,to],…],"fail":[[pos,code,"info"],…]}}, where
 * {@code ok} holds inclusive position ranges. Each entry is written with one {@code write} call as soon as a call's
 * answer has been handled, so a process killed at any moment leaves at most a torn last line, which the next
 * {@link #open open} drops (its checksum or its newline is missing) and cuts off before appending. With
 * {@code fsync} each entry is also forced to the device, which protects against power loss, not just a kill.
 */
final class Journal implements AutoCloseable {

    static final String HEADER = "timport-journal 1";
    private static final JsonFactory JSON = new JsonFactory();

    /** What an earlier run completed: positions done, and those among them that failed permanently. */
    static final class Completed {
        final BitSet done = new BitSet();
        final Map<Long, PriorFailure> failures = new HashMap<>();

        boolean isDone(long position) {
            return position <= Integer.MAX_VALUE && done.get((int) position);
        }

        int count() {
            return done.cardinality();
        }
    }

    /** A permanent failure recorded by an earlier run. */
    record PriorFailure(int code, String info) {
    }

    /** One permanent failure to record. */
    record FailedPosition(long position, int code, String info) {
    }

    private final Path path;
    private final FileChannel channel;
    private final boolean fsync;
    private final Completed completed;

    private Journal(Path path, FileChannel channel, boolean fsync, Completed completed) {
        this.path = path;
        this.channel = channel;
        this.fsync = fsync;
        this.completed = completed;
    }

    /** Opens (creating if needed) the journal at {@code path}, reading what earlier runs completed. */
    static Journal open(Path path, boolean fsync) throws IOException {
        Completed completed = new Completed();
        long keep = Files.exists(path) ? read(path, completed) : 0;
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            channel.truncate(keep); // drop a torn last line so that new entries start on a line of their own
            channel.position(keep);
            if (keep == 0) {
                channel.write(ByteBuffer.wrap((HEADER + "\n").getBytes(StandardCharsets.US_ASCII)));
                if (fsync) {
                    channel.force(true);
                }
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new Journal(path, channel, fsync, completed);
    }

    /** What earlier runs completed, as read when the journal was opened. */
    Completed completed() {
        return completed;
    }

    Path path() {
        return path;
    }

    /** Appends one entry. {@code ok} need not be sorted; it is sorted in place. */
    synchronized void record(long[] ok, int okCount, List<FailedPosition> failed) {
        if (okCount == 0 && failed.isEmpty()) {
            return;
        }
        try {
            byte[] json = entryJson(ok, okCount, failed);
            CRC32 crc = new CRC32();
            crc.update(json);
            byte[] prefix = String.format("%08x ", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
            ByteBuffer line = ByteBuffer.allocate(prefix.length + json.length + 1);
            line.put(prefix).put(json).put((byte) '\n').flip();
            while (line.hasRemaining()) {
                channel.write(line);
            }
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the import journal " + path, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private static byte[] entryJson(long[] ok, int okCount, List<FailedPosition> failed) throws IOException {
        Arrays.sort(ok, 0, okCount);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + okCount * 4);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("ok");
            int i = 0;
            while (i < okCount) {
                long from = ok[i];
                long to = from;
                while (i + 1 < okCount && (ok[i + 1] == to + 1 || ok[i + 1] == to)) {
                    to = ok[++i];
                }
                g.writeStartArray();
                g.writeNumber(from);
                g.writeNumber(to);
                g.writeEndArray();
                i++;
            }
            g.writeEndArray();
            g.writeArrayFieldStart("fail");
            for (FailedPosition f : failed) {
                g.writeStartArray();
                g.writeNumber(f.position());
                g.writeNumber(f.code());
                g.writeString(f.info() == null ? "" : f.info());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Reads every complete entry into {@code into}; returns the byte length of the valid prefix. */
    private static long read(Path path, Completed into) throws IOException {
        byte[] all = Files.readAllBytes(path);
        int lineStart = 0;
        int lineNo = 0;
        long validEnd = 0;
        while (lineStart < all.length) {
            int nl = indexOf(all, (byte) '\n', lineStart);
            lineNo++;
            if (nl < 0) {
                break; // torn last line: written partly when the process died
            }
            String line = new String(all, lineStart, nl - lineStart, StandardCharsets.UTF_8);
            boolean last = nl == all.length - 1;
            if (lineNo == 1) {
                if (!line.equals(HEADER)) {
                    throw new IOException(path + " is not a timport journal (first line is not '" + HEADER + "')");
                }
            } else if (!parseEntry(line, into)) {
                if (!last) {
                    throw new IOException(
                            "the import journal " + path + " is damaged at line " + lineNo + " (checksum mismatch)");
                }
                break; // a last line whose bytes did not all reach the disk
            }
            validEnd = nl + 1;
            lineStart = nl + 1;
        }
        if (validEnd == 0 && !isPrefixOfHeader(all)) {
            throw new IOException(path + " is not a timport journal (first line is not '" + HEADER + "')");
        }
        return validEnd;
    }

    /** An empty file, or a header torn while it was first written: both mean "nothing completed yet". */
    private static boolean isPrefixOfHeader(byte[] all) {
        byte[] h = (HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
        return all.length <= h.length && Arrays.equals(all, Arrays.copyOf(h, all.length));
    }

    private static boolean parseEntry(String line, Completed into) throws IOException {
        if (line.length() < 10 || line.charAt(8) != ' ') {
            return false;
        }
        long expected;
        try {
            expected = Long.parseLong(line.substring(0, 8), 16);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] json = line.substring(9).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(json);
        if (crc.getValue() != expected) {
            return false;
        }
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                expect(p.nextToken(), JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    if (field.equals("ok")) {
                        p.nextToken();
                        long from = p.getLongValue();
                        p.nextToken();
                        long to = p.getLongValue();
                        checkPosition(to);
                        into.done.set((int) from, (int) to + 1);
                    } else {
                        p.nextToken();
                        long pos = p.getLongValue();
                        p.nextToken();
                        int code = p.getIntValue();
                        p.nextToken();
                        String info = p.getText();
                        checkPosition(pos);
                        into.done.set((int) pos);
                        into.failures.put(pos, new PriorFailure(code, info));
                    }
                    expect(p.nextToken(), JsonToken.END_ARRAY);
                }
            }
        }
        return true;
    }

    private static void checkPosition(long pos) throws IOException {
        if (pos < 1 || pos >= Integer.MAX_VALUE) {
            throw new IOException("journal position out of range: " + pos);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("malformed journal entry: expected " + expected + " but found " + actual);
        }
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
