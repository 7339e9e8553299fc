package io.timport.bulk;

import io.timport.call.AccountItem;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * The distinct accounts an import names, on disk: every From_Account and To_Account of the valid relations and every
 * account of the accounts list, sorted by their UTF-8 bytes, each once. Built by an external sort (runs of at most
 * {@code chunk} UserIDs sorted in memory and written to temporary files, then merged), so that the heap holds one
 * run, not the set: ten million relations naming two million accounts fit in a small heap.
 *
 * <p>An account's <em>position</em> (1-based, in sorted order) is stable for the same input and accounts list: the
 * accounts phase and its journal key on it. The sorted file is read through a memory map (off the heap): {@link #id}
 * and {@link #position} (binary search) are quick and take no lock. An account of the accounts list keeps its Nick
 * and FaceUrl in a data file beside it ({@link #account}).
 *
 * <p>Record: 1 byte of length, 32 bytes of UserID (zero-padded), 8 bytes of offset into the data file (-1 when the
 * account is not listed).
 */
final class AccountSet implements Closeable {

    static final int ID_BYTES = 32;
    static final int RECORD = 1 + ID_BYTES + 8;
    /** UserIDs sorted in memory at once: a run of the external sort (about 30 MB of heap). */
    static final int DEFAULT_CHUNK = 500_000;

    private static final Comparator<byte[]> BYTES = Arrays::compareUnsigned;

    private final Path dir;
    private final int size;
    private final int listed;
    private long records;
    private final String fingerprint;
    private final MappedByteBuffer sorted;
    private final FileChannel data;

    private AccountSet(Path dir, int size, int listed, String fingerprint, MappedByteBuffer sorted, FileChannel data) {
        this.dir = dir;
        this.size = size;
        this.listed = listed;
        this.fingerprint = fingerprint;
        this.sorted = sorted;
        this.data = data;
    }

    /**
     * Collects the accounts of {@code relations} (valid records only: an invalid one is reported by the relations
     * phase) and of {@code list} (may be null) into a new set in a temporary directory under {@code tempDir}.
     *
     * @throws IllegalArgumentException when an account of the list has a UserID that is not 1 to 32 UTF-8 bytes
     */
    static AccountSet collect(Iterator<? extends ImportRecord<?>> relations, Iterator<AccountItem> list, Path tempDir,
            int chunk) throws IOException {
        Path dir = tempDir == null ? Files.createTempDirectory("timport-accounts")
                : Files.createTempDirectory(tempDir, "timport-accounts");
        try {
            return build(dir, relations, list, chunk);
        } catch (IOException | RuntimeException e) {
            deleteAll(dir);
            throw e;
        }
    }

    private static AccountSet build(Path dir, Iterator<? extends ImportRecord<?>> relations,
            Iterator<AccountItem> list, int chunk) throws IOException {
        List<Path> runs = new ArrayList<>();
        Path dataFile = dir.resolve("profiles.bin");
        int listedCount = 0;
        try (DataOutputStream profiles = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(dataFile), 1 << 16))) {
            long[] dataOffset = {0};
            // the list's accounts first, each with its offset into the data file
            if (list != null) {
                List<Listed> buffer = new ArrayList<>();
                while (list.hasNext()) {
                    AccountItem a = list.next();
                    byte[] id = userId(a.userId());
                    long offset = dataOffset[0];
                    dataOffset[0] += writeProfile(profiles, a);
                    buffer.add(new Listed(id, offset));
                    listedCount++;
                    if (buffer.size() >= chunk) {
                        runs.add(writeListedRun(dir, runs.size(), buffer));
                        buffer.clear();
                    }
                }
                if (!buffer.isEmpty()) {
                    runs.add(writeListedRun(dir, runs.size(), buffer));
                }
            }
        }
        List<byte[]> buffer = new ArrayList<>(Math.min(chunk, 1 << 16));
        long records = 0;
        while (relations.hasNext()) {
            ImportRecord<?> r = relations.next();
            records++;
            if (RecordRules.problem(r) != null) {
                continue;
            }
            buffer.add(r.fromAccount().getBytes(StandardCharsets.UTF_8));
            buffer.add(r.toAccount().getBytes(StandardCharsets.UTF_8));
            if (buffer.size() >= chunk) {
                runs.add(writeRun(dir, runs.size(), buffer));
                buffer.clear();
            }
        }
        if (!buffer.isEmpty() || runs.isEmpty()) {
            runs.add(writeRun(dir, runs.size(), buffer));
        }
        buffer = null;
        Path sortedFile = dir.resolve("accounts.sorted");
        MessageDigest digest = sha256();
        int count = merge(runs, sortedFile, digest);
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        MappedByteBuffer map;
        try (FileChannel ch = FileChannel.open(sortedFile, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new IOException("too many distinct accounts for one import: " + count);
            }
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
        FileChannel data = FileChannel.open(dataFile, StandardOpenOption.READ);
        AccountSet set = new AccountSet(dir, count, listedCount, HexFormat.of().formatHex(digest.digest(), 0, 16), map,
                data);
        set.records = records;
        return set;
    }

    private record Listed(byte[] id, long offset) {
    }

    private static byte[] userId(String userId) {
        String problem = io.timport.wire.FriendImportRules.userIdProblem("UserID", userId);
        if (problem != null) {
            throw new IllegalArgumentException("an account of the accounts list: " + problem);
        }
        return userId.getBytes(StandardCharsets.UTF_8);
    }

    /** Nick and FaceUrl as two length-prefixed UTF-8 strings (length -1 for absent); returns the bytes written. */
    private static int writeProfile(DataOutputStream out, AccountItem a) throws IOException {
        return writeText(out, a.nick()) + writeText(out, a.faceUrl());
    }

    private static int writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return 4;
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
        return 4 + b.length;
    }

    private static Path writeRun(Path dir, int n, List<byte[]> ids) throws IOException {
        ids.sort(BYTES);
        Path run = dir.resolve("run-" + n);
        try (BufferedOutputStream out = new BufferedOutputStream(Files.newOutputStream(run), 1 << 16)) {
            byte[] record = new byte[RECORD];
            byte[] previous = null;
            for (byte[] id : ids) {
                if (previous != null && Arrays.equals(previous, id)) {
                    continue;
                }
                previous = id;
                fill(record, id, -1);
                out.write(record);
            }
        }
        return run;
    }

    private static Path writeListedRun(Path dir, int n, List<Listed> listed) throws IOException {
        listed.sort((a, b) -> BYTES.compare(a.id(), b.id()));
        Path run = dir.resolve("run-" + n);
        try (BufferedOutputStream out = new BufferedOutputStream(Files.newOutputStream(run), 1 << 16)) {
            byte[] record = new byte[RECORD];
            byte[] previous = null;
            for (Listed l : listed) {
                if (previous != null && Arrays.equals(previous, l.id())) {
                    continue; // listed twice: the first line in sorted order is used
                }
                previous = l.id();
                fill(record, l.id(), l.offset());
                out.write(record);
            }
        }
        return run;
    }

    private static void fill(byte[] record, byte[] id, long offset) {
        Arrays.fill(record, (byte) 0);
        record[0] = (byte) id.length;
        System.arraycopy(id, 0, record, 1, id.length);
        ByteBuffer.wrap(record, 1 + ID_BYTES, 8).putLong(offset);
    }

    /** One run being merged: its stream and its current record. */
    private static final class Cursor {
        final DataInputStream in;
        final byte[] record = new byte[RECORD];
        byte[] id;
        long offset;

        Cursor(Path file) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 15));
        }

        boolean advance() throws IOException {
            try {
                in.readFully(record);
            } catch (EOFException e) {
                in.close();
                return false;
            }
            id = Arrays.copyOfRange(record, 1, 1 + record[0]);
            offset = ByteBuffer.wrap(record, 1 + ID_BYTES, 8).getLong();
            return true;
        }
    }

    private static int merge(List<Path> runs, Path out, MessageDigest digest) throws IOException {
        PriorityQueue<Cursor> heap = new PriorityQueue<>(Math.max(1, runs.size()), (a, b) -> {
            int c = BYTES.compare(a.id, b.id);
            return c != 0 ? c : Boolean.compare(a.offset < 0, b.offset < 0); // a listed record first
        });
        List<Cursor> open = new ArrayList<>();
        int count = 0;
        try {
            for (Path run : runs) {
                Cursor c = new Cursor(run);
                open.add(c);
                if (c.advance()) {
                    heap.add(c);
                }
            }
            try (BufferedOutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                byte[] previous = null;
                while (!heap.isEmpty()) {
                    Cursor c = heap.poll();
                    if (previous == null || !Arrays.equals(previous, c.id)) {
                        previous = c.id;
                        o.write(c.record);
                        digest.update(c.record, 0, 1 + c.record[0]);
                        count++;
                    }
                    if (c.advance()) {
                        heap.add(c);
                    }
                }
            }
        } finally {
            for (Cursor c : open) {
                c.in.close();
            }
        }
        return count;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Distinct accounts. */
    int size() {
        return size;
    }

    /** Accounts of the accounts list (before removing repeats); 0 when there is no list. */
    int listed() {
        return listed;
    }

    /** Input records read while collecting, valid or not. */
    long records() {
        return records;
    }

    /** A digest of the sorted UserIDs: the same input and list give the same fingerprint. */
    String fingerprint() {
        return fingerprint;
    }

    /** The UserID at {@code position} (1-based). */
    String id(int position) {
        return new String(idBytes(position), StandardCharsets.UTF_8);
    }

    private byte[] idBytes(int position) {
        int at = (position - 1) * RECORD;
        byte[] id = new byte[sorted.get(at)];
        sorted.get(at + 1, id);
        return id;
    }

    /** True when the account at {@code position} is on the accounts list. */
    boolean isListed(int position) {
        return sorted.getLong((position - 1) * RECORD + 1 + ID_BYTES) >= 0;
    }

    /** The account at {@code position} with its Nick and FaceUrl from the list (none when not listed). */
    AccountItem account(int position) {
        String id = id(position);
        long offset = sorted.getLong((position - 1) * RECORD + 1 + ID_BYTES);
        if (offset < 0) {
            return AccountItem.of(id);
        }
        try {
            long[] at = {offset};
            String nick = readText(at);
            String face = readText(at);
            return new AccountItem(id, nick, face);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the accounts list's copy in " + dir + ": " + e.getMessage(), e);
        }
    }

    private String readText(long[] at) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(4);
        readFully(len, at[0]);
        int n = len.flip().getInt();
        at[0] += 4;
        if (n < 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        readFully(b, at[0]);
        at[0] += n;
        return new String(b.array(), StandardCharsets.UTF_8);
    }

    private void readFully(ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            int n = data.read(b, at + b.position());
            if (n < 0) {
                throw new EOFException();
            }
        }
    }

    /** The position of {@code userId}, or 0 when the set does not hold it. */
    int position(String userId) {
        return position(userId.getBytes(StandardCharsets.UTF_8));
    }

    int position(byte[] id) {
        int lo = 1;
        int hi = size;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareAt(mid, id);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return 0;
    }

    private int compareAt(int position, byte[] id) {
        int at = (position - 1) * RECORD;
        int len = sorted.get(at);
        int n = Math.min(len, id.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(sorted.get(at + 1 + i) & 0xFF, id[i] & 0xFF);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(len, id.length);
    }

    /** Positions 1 to {@link #size()}, for the accounts phase's input. */
    Iterator<Integer> positions() {
        return Stream.iterate(1, p -> p <= size, p -> p + 1).iterator();
    }

    /** Deletes the temporary files. */
    @Override
    public void close() throws IOException {
        data.close();
        deleteAll(dir);
    }

    private static void deleteAll(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
