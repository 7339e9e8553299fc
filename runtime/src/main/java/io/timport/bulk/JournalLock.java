package io.timport.bulk;

import io.timport.internal.Printable;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The lock that makes one importer at a time the user of a journal: an operating-system lock
 * ({@link FileChannel#tryLock}) on the file {@code <journal>.lock} beside it, held from before the journal is read
 * until it is closed. The holder writes who it is into the file, so that a refused importer can name it. The lock
 * goes with the process, however it ends (a {@code kill -9} too); the file stays, emptied, for the next run.
 */
final class JournalLock implements Closeable {

    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code journal}. */
    static Path file(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code journal}, at once or not at all.
     *
     * @throws JournalInUseException when another importer (in this process or another) holds it
     * @throws IOException when the lock file cannot be created
     */
    static JournalLock acquire(Path journal) throws IOException {
        Path file = file(journal);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot create the lock file of the import journal " + journal + ": " + e, e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new JournalInUseException(journal, holder(channel));
            }
            channel.truncate(0);
            ByteBuffer me = ByteBuffer.wrap((describeThisProcess() + "\n").getBytes(StandardCharsets.UTF_8));
            long at = 0;
            while (me.hasRemaining()) {
                at += channel.write(me, at);
            }
            return new JournalLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Checks that no importer holds the lock of {@code journal} now, without taking it (a later
     * {@link #acquire} may still find it taken).
     *
     * @throws JournalInUseException when one does
     */
    static void checkFree(Path journal) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file(journal), StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return; // never locked
        }
        try (channel) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new JournalInUseException(journal, holder(channel));
            }
            lock.release();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this process, through another channel
        }
    }

    /** What the holder wrote, made safe to print, or null when it wrote nothing (yet). */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer text = ByteBuffer.allocate(256);
            while (text.hasRemaining() && channel.read(text, text.position()) > 0) {
                // read what there is, up to 256 bytes
            }
            String s = new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? null : Printable.escape(s);
        } catch (IOException e) {
            return null;
        }
    }

    private static String describeThisProcess() {
        return "pid " + ProcessHandle.current().pid() + " on host " + hostName() + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The host's name, without asking a name server (which can take seconds). */
    private static String hostName() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        try {
            String name = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable
        }
        return "unknown";
    }

    /** Empties the lock file, then releases the lock. */
    @Override
    public void close() throws IOException {
        try (channel) {
            channel.truncate(0);
            lock.release();
        } catch (ClosedChannelException e) {
            // the closing thread was interrupted: the channel closed itself, and released the lock with it
        }
    }
}
