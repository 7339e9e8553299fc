package io.timport.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The accounts phase's journal: a file beside the import's journal ({@code <journal>.accounts}) recording, by position
 * in the {@link AccountSet}, the accounts confirmed to exist, those checked and found missing, and those imported, so
 * that a run started again neither checks nor imports a confirmed account again.
 *
 * <p>Format: the line {@code timport-accounts 1}, then lines of {@code <crc32 of the rest, 8 hex digits> <rest>}. The
 * first records what the positions mean: {@code set <host> <sdkAppId> <accounts> <fingerprint>}; the others each
 * hold the work of one answer: {@code E|M|I <ranges>} (exists, missing, imported), ranges as {@code 1-100,205}. A torn
 * last line is dropped, as in {@link Journal}.
 *
 * <p>A journal recorded for another app or another set of accounts (another input or accounts list) is started
 * afresh: checking an account again is harmless, skipping one that another input named is not. Failures are not
 * recorded: a run started again tries those accounts again.
 */
final class AccountsJournal implements WorkJournal {

    static final String HEADER = "timport-accounts 1";
    static final byte EXISTS = 1;
    static final byte MISSING = 2;
    static final byte IMPORTED = 3;

    private record Entry(byte kind, int[] positions, int count) {
    }

    private final Path path;
    /**
     * The file, written through a {@link RandomAccessFile} rather than a {@code FileChannel}: a channel is closed for
     * good when the thread writing to it is interrupted (as the driver interrupts its dispatcher at the end of a run),
     * and every later entry would be lost.
     */
    private final RandomAccessFile file;
    private final boolean fsync;
    private final byte[] earlier;
    private final boolean restarted;
    private final ConcurrentLinkedQueue<Entry> noted = new ConcurrentLinkedQueue<>();
    private boolean closed;

    private AccountsJournal(Path path, RandomAccessFile file, boolean fsync, byte[] earlier, boolean restarted) {
        this.path = path;
        this.file = file;
        this.fsync = fsync;
        this.earlier = earlier;
        this.restarted = restarted;
    }

    /** The accounts journal that goes with the import journal {@code journal}. */
    static Path beside(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".accounts");
    }

    /**
     * Opens (creating, or starting afresh when it belongs to another set) the journal at {@code path} for
     * {@code set}, reading what earlier runs recorded.
     */
    static AccountsJournal open(Path path, boolean fsync, String host, long sdkAppId, AccountSet set)
            throws IOException {
        String identity = "set " + host.toLowerCase(java.util.Locale.ROOT) + " " + sdkAppId + " " + set.size() + " "
                + set.fingerprint();
        byte[] states = new byte[set.size() + 1];
        long keep = -1;
        boolean existed = Files.exists(path);
        if (existed) {
            keep = read(path, identity, states);
        }
        boolean fresh = keep < 0;
        if (fresh) {
            Arrays.fill(states, (byte) 0);
        }
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        try {
            file.setLength(fresh ? 0 : keep);
            file.seek(fresh ? 0 : keep);
            if (fresh) {
                ByteArrayOutputStream start = new ByteArrayOutputStream();
                start.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
                start.write(line(identity));
                file.write(start.toByteArray());
                if (fsync) {
                    file.getFD().sync();
                }
            }
        } catch (IOException e) {
            file.close();
            throw e;
        }
        return new AccountsJournal(path, file, fsync, states, existed && fresh);
    }

    /** Reads the states; returns the length of the valid prefix, or -1 when the file is for another set. */
    private static long read(Path path, String identity, byte[] states) throws IOException {
        byte[] all = Files.readAllBytes(path);
        int start = 0;
        int lineNo = 0;
        long valid = -1;
        while (start < all.length) {
            int nl = start;
            while (nl < all.length && all[nl] != '\n') {
                nl++;
            }
            if (nl == all.length) {
                break; // torn
            }
            String line = new String(all, start, nl - start, StandardCharsets.UTF_8);
            lineNo++;
            if (lineNo == 1) {
                if (!line.equals(HEADER)) {
                    throw new IOException(path + " is not a timport accounts journal (first line is not '" + HEADER
                            + "')");
                }
            } else {
                String rest = Journal.checked(line);
                if (rest == null) {
                    if (nl != all.length - 1) {
                        throw new IOException("the accounts journal " + path + " is damaged at line " + lineNo
                                + " (checksum mismatch)");
                    }
                    break;
                }
                if (lineNo == 2) {
                    if (!rest.equals(identity)) {
                        return -1;
                    }
                } else if (!apply(rest, states)) {
                    throw new IOException("the accounts journal " + path + " is damaged at line " + lineNo);
                }
            }
            valid = nl + 1;
            start = nl + 1;
        }
        return lineNo >= 2 ? valid : -1;
    }

    private static boolean apply(String rest, byte[] states) {
        if (rest.length() < 2 || rest.charAt(1) != ' ') {
            return false;
        }
        byte kind = switch (rest.charAt(0)) {
            case 'E' -> EXISTS;
            case 'M' -> MISSING;
            case 'I' -> IMPORTED;
            default -> 0;
        };
        if (kind == 0) {
            return false;
        }
        try {
            for (String range : rest.substring(2).split(",")) {
                int dash = range.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
                if (from < 1 || to >= states.length || to < from) {
                    return false;
                }
                for (int p = from; p <= to; p++) {
                    // a later state wins, but an account found missing after it was imported stays imported
                    if (!(kind == MISSING && states[p] == IMPORTED)) {
                        states[p] = kind;
                    }
                }
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return true;
    }

    /** The state an earlier run recorded for each position (index 0 unused): 0 (nothing), or a kind. */
    byte[] states() {
        return earlier;
    }

    /** True when a journal existed but belonged to another app or set of accounts, and was started afresh. */
    boolean restarted() {
        return restarted;
    }

    /** Takes note (under the engine's lock) of positions {@code positions[0..count)} of {@code kind}. */
    void note(byte kind, int[] positions, int count) {
        if (count > 0) {
            noted.add(new Entry(kind, positions, count));
        }
    }

    @Override
    public PriorWork earlier() {
        return new PriorWork();
    }

    @Override
    public void record(long[] done, int count, List<FailedPosition> failed) {
        throw new UnsupportedOperationException("the accounts journal records by kind: note()");
    }

    @Override
    public synchronized void flush() throws IOException {
        if (noted.isEmpty()) {
            return;
        }
        if (closed) {
            throw new IOException("the accounts journal " + path + " is closed; entries were left unwritten");
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream(256);
        Entry e;
        while ((e = noted.poll()) != null) {
            lines.write(line(entry(e)));
        }
        try {
            file.write(lines.toByteArray());
            if (fsync) {
                file.getFD().sync();
            }
        } catch (IOException x) {
            throw new IOException("cannot append to the accounts journal " + path + ": " + x.getMessage(), x);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            file.close();
        }
    }

    private static String entry(Entry e) {
        int[] p = Arrays.copyOf(e.positions(), e.count());
        Arrays.sort(p);
        StringBuilder s = new StringBuilder(8 + p.length * 4);
        s.append(e.kind() == EXISTS ? 'E' : e.kind() == MISSING ? 'M' : 'I').append(' ');
        int i = 0;
        while (i < p.length) {
            int from = p[i];
            int to = from;
            while (i + 1 < p.length && (p[i + 1] == to + 1 || p[i + 1] == to)) {
                to = p[++i];
            }
            if (s.charAt(s.length() - 1) != ' ') {
                s.append(',');
            }
            s.append(from);
            if (to != from) {
                s.append('-').append(to);
            }
            i++;
        }
        return s.toString();
    }

    private static byte[] line(String rest) {
        return Journal.line(rest.getBytes(StandardCharsets.UTF_8));
    }
}
