package io.timport.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.wire.WireWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The fingerprint of an import's input: a running SHA-256 over its records, in the order they are read, so that a
 * journal can tell whether a run reads the input it was written for. It works for any input, a file, standard input,
 * a pipe or a stream of records, because it needs nothing in advance.
 *
 * <p>What is hashed is each record's content, not its bytes or where it came from: a valid record as its
 * From_Account and its item in the wire format, an invalid one as its original text (or its problem, when it has no
 * text). So the same records read from another path, or with other blank lines, or another line ending, have the
 * same fingerprint; another record anywhere, one more or one less, another order, do not.
 *
 * <p>The {@link Journal} writes a {@linkplain Checkpoint checkpoint} (the records read so far and their SHA-256)
 * ahead of any entry that completes a record past the last checkpoint: so every position the journal says is done is
 * covered by a checkpoint written no later. A run that resumes the journal {@linkplain #expect expects} its
 * checkpoints: as the input is read, the fingerprint is compared at each checkpoint's position, and the first that
 * differs, or an input that ends before the last one, stops the run with a {@link JournalMismatchException}. Until the
 * last checkpoint is passed and matched the input is not {@linkplain #verified verified}, and the journal holds back
 * what the run completes, so that a refused run writes nothing into the journal of another input.
 */
final class InputFingerprint {

    /** The first {@code records} records of an input hash to {@code sha256} (64 lowercase hex digits). */
    record Checkpoint(long records, String sha256) {
    }

    private final MessageDigest digest;
    private final JsonGenerator out;
    private long records; // guarded by this
    private NavigableMap<Long, String> expected = new TreeMap<>(); // read by the reader's thread only, once set
    private Path journal;
    private volatile boolean verified = true;

    InputFingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                digest.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                digest.update(b, off, len);
            }
        };
        try {
            out = WireWriter.jsonFactory().createGenerator(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The checkpoints of the journal being resumed: the input must match each of them. Called before the input is
     * read; with none (a new journal), the input is verified from the start.
     */
    void expect(Path journal, NavigableMap<Long, String> checkpoints) {
        this.journal = journal;
        this.expected = new TreeMap<>(checkpoints);
        this.verified = expected.isEmpty();
    }

    /** True once the input matched the last checkpoint of the journal being resumed (at once for a new journal). */
    boolean verified() {
        return verified;
    }

    /** The last checkpoint expected, 0 when none. */
    long expectedThrough() {
        return expected.isEmpty() ? 0 : expected.lastKey();
    }

    /** Hashes the next record of the input. */
    synchronized void add(ImportRecord<?> record) throws IOException {
        records++;
        out.writeStartArray();
        if (record.isValid()) {
            out.writeString(record.fromAccount());
            out.writeStartObject();
            record.item().writeFields(out);
            out.writeEndObject();
        } else {
            out.writeString(record.fromAccount());
            out.writeString(record.toAccount());
            out.writeNull();
            out.writeString(record.rawInput() != null ? record.rawInput() : record.problem());
        }
        out.writeEndArray();
    }

    /** How many records were hashed, and their SHA-256. */
    synchronized Checkpoint snapshot() {
        try {
            out.flush();
            MessageDigest copy = (MessageDigest) digest.clone();
            return new Checkpoint(records, HexFormat.of().formatHex(copy.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 implementation cannot be cloned", e);
        }
    }

    /**
     * The input, each record hashed as it is read and compared with the journal's checkpoints. A mismatch ends the
     * input with an {@link UncheckedIOException} whose cause is a {@link JournalMismatchException}.
     */
    <R extends ImportRecord<?>> Iterator<R> checking(Iterator<R> input) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = input.hasNext();
                if (!more && !verified) {
                    long read = snapshot().records();
                    throw mismatch(String.format(Locale.ROOT, "the input ended after %,d records, but the journal was "
                            + "written for an input of at least %,d", read, expectedThrough()));
                }
                return more;
            }

            @Override
            public R next() {
                R record = input.next();
                try {
                    add(record);
                } catch (IOException | RuntimeException | LinkageError e) {
                    // an item that cannot write itself (for example a generated class compiled against another
                    // runtime): the input ends here, and the run stops saying why
                    IOException why = e instanceof IOException io ? io : new IOException(e.toString(), e);
                    throw new UncheckedIOException("cannot fingerprint the record (" + e + ")", why);
                }
                if (!verified) {
                    check();
                }
                return record;
            }
        };
    }

    /** Reader's thread: compares the fingerprint with the checkpoint at this position, if there is one. */
    private void check() {
        long read;
        synchronized (this) {
            read = records;
        }
        String want = expected.get(read);
        if (want == null) {
            return;
        }
        if (!want.equals(snapshot().sha256())) {
            Long before = expected.lowerKey(read);
            throw mismatch(String.format(Locale.ROOT, "records %,d to %,d are not those it was written for (their "
                    + "SHA-256 differs)", before == null ? 1 : before + 1, read));
        }
        if (read == expectedThrough()) {
            verified = true;
        }
    }

    private UncheckedIOException mismatch(String what) {
        JournalMismatchException e = new JournalMismatchException(journal, "journal " + journal + " belongs to "
                + "another input: " + what + ". A journal identifies records by their position, so resuming it with "
                + "this input would skip the wrong records: the run stopped, and nothing of it was journaled. Import "
                + "this input with a new journal (or none), or resume this journal with the input it was written for");
        return new UncheckedIOException(e.getMessage(), e);
    }
}
