package io.timport.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32;

/**
 * The resume journal: an append-only file of what the import belongs to and of the input positions whose work is
 * complete (imported, failed permanently, or superseded by a later record of the same pair).
 *
 * <p>Format: the header line {@code timport-journal 2}, then lines of
 * {@code <crc32 of the JSON, 8 hex digits> <JSON>}. The first holds the {@link JournalIdentity}:
 * {@code {"identity":{"version":2,"host":…,"sdkAppId":…,"input":…}}}; the others each hold either the work one
 * answer completed: {@code {"ok":[[from,to],…],"fail":[[pos,code,"info"],…]}}, where {@code ok} holds inclusive
 * position ranges, or a checkpoint of the input's {@linkplain InputFingerprint fingerprint}:
 * {@code {"input":{"records":n,"sha256":"…"}}}, written ahead of any entry completing a record past the last one.
 * Journals that record no fingerprint (format 1, header {@code timport-journal 1}, or an identity of version 1) are
 * read, but a run that {@linkplain #open(Path, boolean, JournalIdentity, InputFingerprint) fingerprints its input}
 * refuses them once they hold completed work, since they cannot be checked against the input.
 *
 * <p>One importer at a time: {@link #open open} takes the journal's {@link JournalLock} before reading it and
 * {@link #close} releases it; another importer is refused ({@link JournalInUseException}). So the lines of one file
 * come from one writer, each {@link #flush} writing whole lines with one {@code write} in append mode, which a thread
 * being interrupted does not cut short (an interruptible channel would close itself, and the journal with it).
 *
 * <p>The engine {@linkplain #record notes} entries under its lock; the driver {@linkplain #flush writes} them
 * outside it, soon after each answer, whole lines at a time and in the order they were noted (so a superseded
 * record's entry is on disk no later than the entry of the record that superseded it). A process killed at any moment leaves at most a torn
 * last line, which the next {@link #open open} drops (its checksum or its newline is missing) and cuts off before
 * appending. With {@code fsync} each write is also forced to the device, which protects against power loss, not
 * just a kill.
 */
final class Journal implements WorkJournal {

    static final String HEADER = "timport-journal 2";
    static final String HEADER_V1 = "timport-journal 1";
    private static final JsonFactory JSON = new JsonFactory();

    private record Entry(long[] ok, int okCount, List<FailedPosition> failed) {
    }

    /** What a journal file holds: the length of its valid prefix, its format, identity and completed work. */
    private record Contents(long validEnd, String header, JournalIdentity identity, int identityVersion,
            PriorWork work, NavigableMap<Long, String> checkpoints) {
    }

    /** What parsing a journal's lines gathers. */
    private static final class Reading {
        JournalIdentity identity;
        int identityVersion;
        final PriorWork work = new PriorWork();
        final NavigableMap<Long, String> checkpoints = new TreeMap<>();
    }

    private final Path path;
    /** Appends: one {@code write} a flush, not interruptible (a thread interrupted while writing does not close it). */
    private final FileOutputStream out;
    private final boolean fsync;
    private final PriorWork earlier;
    private final JournalLock lock;
    private final InputFingerprint fingerprint;
    private final ConcurrentLinkedQueue<Entry> noted = new ConcurrentLinkedQueue<>();
    private boolean closed; // guarded by this
    /** The records the last checkpoint written covers. Guarded by this. */
    private long checkpointed;

    private Journal(Path path, FileOutputStream out, boolean fsync, PriorWork earlier, JournalLock lock,
            InputFingerprint fingerprint, long checkpointed) {
        this.path = path;
        this.out = out;
        this.fsync = fsync;
        this.earlier = earlier;
        this.lock = lock;
        this.fingerprint = fingerprint;
        this.checkpointed = checkpointed;
    }

    /** Opens (creating if needed) the journal at {@code path} with no identity; see {@link #open(Path, boolean, JournalIdentity)}. */
    static Journal open(Path path, boolean fsync) throws IOException {
        return open(path, fsync, null);
    }

    /**
     * Opens (creating if needed) the journal at {@code path}, reading what earlier runs completed. A new journal
     * records {@code run}; an existing one must belong to it.
     *
     * @param run what this run is, or null to record and check nothing
     * @throws JournalMismatchException when the journal belongs to another import
     * @throws IOException when it is not a journal, is damaged or cannot be written
     */
    static Journal open(Path path, boolean fsync, JournalIdentity run) throws IOException {
        return open(path, fsync, run, null);
    }

    /**
     * Opens (creating if needed) the journal at {@code path} for one importer, as {@link #open(Path, boolean,
     * JournalIdentity)} does, and checks the input against it with {@code fingerprint}: the fingerprint is told the
     * journal's checkpoints, and entries are held back until it has {@linkplain InputFingerprint#verified verified}
     * them.
     *
     * @param fingerprint the input's fingerprint, or null to write and check none
     * @throws JournalInUseException when another importer has the journal open
     * @throws JournalMismatchException when the journal belongs to another import, or (with a fingerprint) records
     *     completed work but no fingerprint
     */
    static Journal open(Path path, boolean fsync, JournalIdentity run, InputFingerprint fingerprint)
            throws IOException {
        JournalLock lock = JournalLock.acquire(path);
        try {
            return open(path, fsync, run, fingerprint, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Journal open(Path path, boolean fsync, JournalIdentity run, InputFingerprint fingerprint,
            JournalLock lock) throws IOException {
        Contents contents = Files.exists(path) ? read(path) : empty();
        check(contents, path, run, fingerprint != null);
        // nothing recorded yet (a new file, a torn header, a header alone, an identity alone): start it afresh
        boolean fresh = contents.work().count() == 0 && contents.checkpoints().isEmpty();
        if (fingerprint != null) {
            fingerprint.expect(path, fresh ? new TreeMap<>() : contents.checkpoints());
        }
        long checkpointed = fresh || contents.checkpoints().isEmpty() ? 0 : contents.checkpoints().lastKey();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // drop a torn last line so that new entries start on a line of their own
            channel.truncate(fresh ? 0 : contents.validEnd());
        }
        FileOutputStream out = new FileOutputStream(path.toFile(), true);
        try {
            if (fresh) {
                ByteArrayOutputStream start = new ByteArrayOutputStream(256);
                start.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
                JournalIdentity identity = run != null ? run : contents.identity();
                if (identity != null) {
                    start.write(line(identityJson(identity)));
                }
                out.write(start.toByteArray());
                if (fsync) {
                    out.getFD().sync();
                }
            }
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return new Journal(path, out, fsync, contents.work(), lock, fingerprint, checkpointed);
    }

    private static Contents empty() {
        return new Contents(0, null, null, 0, new PriorWork(), new TreeMap<>());
    }

    /**
     * Throws when a run identified as {@code run} (null: unknown) must not resume what the journal holds: another
     * app or input, or, for a run that fingerprints its input, completed work with no fingerprint to check it by.
     */
    private static void check(Contents contents, Path path, JournalIdentity run, boolean fingerprinted)
            throws JournalMismatchException {
        if (contents.identity() != null && run != null) {
            contents.identity().checkResumableBy(run, path);
        }
        if (fingerprinted && contents.work().count() > 0 && contents.checkpoints().isEmpty()) {
            throw new JournalMismatchException(path, "journal " + path + " was written by an earlier timport, which "
                    + "did not record what the input held: it cannot be checked against this input, and resuming it "
                    + "with another input would skip the wrong records. Finish that import with the timport that "
                    + "started it, or start a new journal (another file, or delete " + path + ")");
        }
    }

    /** The identity the journal at {@code path} records, or null when it does not exist or records none. */
    static JournalIdentity readIdentity(Path path) throws IOException {
        return Files.exists(path) ? read(path).identity() : null;
    }

    /**
     * Checks, without opening it, that a run identified as {@code run} may resume the journal at {@code path}: its
     * app and input, that it records a fingerprint if it holds completed work, and that no importer uses it now.
     */
    static void checkResumable(Path path, JournalIdentity run) throws IOException {
        if (Files.exists(path)) {
            check(read(path), path, run, true);
        }
        JournalLock.checkFree(path);
    }

    @Override
    public PriorWork earlier() {
        return earlier;
    }

    Path path() {
        return path;
    }

    @Override
    public void record(long[] ok, int okCount, List<FailedPosition> failed) {
        if (okCount > 0 || !failed.isEmpty()) {
            noted.add(new Entry(ok, okCount, failed));
        }
    }

    @Override
    public void flush() throws IOException {
        if (!noted.isEmpty()) {
            write();
        }
    }

    private synchronized void write() throws IOException {
        if (noted.isEmpty()) {
            return;
        }
        if (closed) {
            throw new IOException("the import journal " + path + " is closed; entries were left unwritten");
        }
        if (fingerprint != null && !fingerprint.verified()) {
            return; // held back until the input is known to be the journal's: see InputFingerprint
        }
        List<Entry> entries = new ArrayList<>();
        long last = 0;
        Entry e;
        while ((e = noted.poll()) != null) {
            entries.add(e);
            for (int i = 0; i < e.okCount(); i++) {
                last = Math.max(last, e.ok()[i]);
            }
            for (FailedPosition f : e.failed()) {
                last = Math.max(last, f.position());
            }
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream(256);
        if (fingerprint != null && last > checkpointed) {
            // every record these entries complete was read before they were noted, so the snapshot covers them all
            InputFingerprint.Checkpoint c = fingerprint.snapshot();
            if (c.records() < last) {
                throw new IOException("cannot append to the import journal " + path + ": the input's fingerprint "
                        + "covers " + c.records() + " records, not record " + last + " that an answer completed");
            }
            lines.write(line(checkpointJson(c)));
            checkpointed = c.records();
        }
        for (Entry x : entries) {
            lines.write(line(entryJson(x.ok(), x.okCount(), x.failed())));
        }
        try {
            out.write(lines.toByteArray());
            if (fsync) {
                out.getFD().sync();
            }
        } catch (IOException x) {
            throw new IOException("cannot append to the import journal " + path + ": " + x.getMessage(), x);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try (lock; out) {
            if (fingerprint == null || fingerprint.verified()) {
                write();
            } else {
                noted.clear(); // the input was not shown to be the journal's: none of this run is written
            }
        } finally {
            closed = true;
        }
    }

    /**
     * One line of a timport journal (this one and the accounts journal): {@code <crc32 of content> <content>\n}, so
     * that a line torn by a crash is told from a whole one ({@link #checked}).
     */
    static byte[] line(byte[] json) {
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] prefix = String.format("%08x ", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        byte[] line = Arrays.copyOf(prefix, prefix.length + json.length + 1);
        System.arraycopy(json, 0, line, prefix.length, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    private static byte[] identityJson(JournalIdentity identity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("identity");
            g.writeNumberField("version", JournalIdentity.VERSION);
            g.writeStringField("host", identity.host());
            g.writeNumberField("sdkAppId", identity.sdkAppId());
            if (identity.input() != null) {
                g.writeStringField("input", identity.input());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static byte[] checkpointJson(InputFingerprint.Checkpoint c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("input");
            g.writeNumberField("records", c.records());
            g.writeStringField("sha256", c.sha256());
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
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

    /** Reads every complete line of the journal. */
    private static Contents read(Path path) throws IOException {
        byte[] all = Files.readAllBytes(path);
        Reading reading = new Reading();
        String header = null;
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
                if (!line.equals(HEADER) && !line.equals(HEADER_V1)) {
                    throw notAJournal(path);
                }
                header = line;
            } else if (!parseEntry(path, line, reading)) {
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
            throw notAJournal(path);
        }
        return new Contents(validEnd, header, reading.identity, reading.identityVersion, reading.work,
                reading.checkpoints);
    }

    private static IOException notAJournal(Path path) {
        return new IOException(path + " is not a timport journal (first line is not '" + HEADER + "')");
    }

    /** An empty file, or a header torn while it was first written: both mean "nothing completed yet". */
    private static boolean isPrefixOfHeader(byte[] all) {
        for (String header : List.of(HEADER, HEADER_V1)) {
            byte[] h = (header + "\n").getBytes(StandardCharsets.US_ASCII);
            if (all.length <= h.length && Arrays.equals(all, Arrays.copyOf(h, all.length))) {
                return true;
            }
        }
        return false;
    }

    /** The content of a {@link #line} read back, or null when its checksum does not match (a torn line). */
    static String checked(String line) {
        if (line.length() < 10 || line.charAt(8) != ' ') {
            return null;
        }
        String content = line.substring(9);
        CRC32 crc = new CRC32();
        crc.update(content.getBytes(StandardCharsets.UTF_8));
        try {
            return Long.parseLong(line.substring(0, 8), 16) == crc.getValue() ? content : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean parseEntry(Path path, String line, Reading reading) throws IOException {
        PriorWork into = reading.work;
        String content = checked(line);
        if (content == null) {
            return false;
        }
        byte[] json = content.getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (field.equals("identity")) {
                    int[] version = new int[1];
                    JournalIdentity read = parseIdentity(path, p, version);
                    if (reading.identity == null) {
                        reading.identity = read;
                        reading.identityVersion = version[0];
                    }
                    continue;
                }
                if (field.equals("input")) {
                    parseCheckpoint(p, reading.checkpoints);
                    continue;
                }
                expect(p.nextToken(), JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    if (field.equals("ok")) {
                        p.nextToken();
                        long from = p.getLongValue();
                        p.nextToken();
                        long to = p.getLongValue();
                        checkPosition(from);
                        checkPosition(to);
                        if (to < from) {
                            throw new IOException("malformed journal entry: range " + from + ".." + to);
                        }
                        into.done(from, to);
                    } else {
                        p.nextToken();
                        long pos = p.getLongValue();
                        p.nextToken();
                        int code = p.getIntValue();
                        p.nextToken();
                        String info = p.getText();
                        checkPosition(pos);
                        into.failed(pos, code, info);
                    }
                    expect(p.nextToken(), JsonToken.END_ARRAY);
                }
            }
        }
        return true;
    }

    private static void parseCheckpoint(JsonParser p, NavigableMap<Long, String> into) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        long records = 0;
        String sha256 = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("records") && value == JsonToken.VALUE_NUMBER_INT) {
                records = p.getLongValue();
            } else if (name.equals("sha256") && value == JsonToken.VALUE_STRING) {
                sha256 = p.getText();
            } else if (value.isStructStart()) {
                p.skipChildren();
            }
        }
        checkPosition(records);
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IOException("malformed journal checkpoint: no SHA-256 of the input's first " + records
                    + " records");
        }
        into.put(records, sha256);
    }

    private static JournalIdentity parseIdentity(Path path, JsonParser p, int[] versionRead) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        int version = 0;
        String host = null;
        long sdkAppId = 0;
        String input = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "version" -> version = p.getIntValue();
                case "host" -> host = p.getText();
                case "sdkAppId" -> sdkAppId = p.getLongValue();
                case "input" -> input = p.getText();
                default -> {
                    if (value.isStructStart()) {
                        p.skipChildren(); // a later version's field: the version check below decides
                    }
                }
            }
        }
        if (version < 1 || version > JournalIdentity.VERSION) {
            throw new IOException("the import journal " + path + " records its identity in version " + version
                    + ", which this timport does not know (it knows up to " + JournalIdentity.VERSION
                    + "): resume it with the timport that wrote it, or start a new journal");
        }
        if (host == null || host.isEmpty()) {
            throw new IOException("malformed journal identity in " + path + ": no host");
        }
        versionRead[0] = version;
        return JournalIdentity.of(host, sdkAppId, input);
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
