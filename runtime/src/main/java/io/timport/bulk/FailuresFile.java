package io.timport.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The failures file of a run ({@link ImporterBuilder#failuresFile}): every failed relation appended as it happens, as
 * one line of JSONL in the input format, so that the failures file is complete however many failed, and holds what
 * failed before a crash. The file is created (or emptied) at the first failure; a run where nothing fails leaves no
 * file.
 *
 * <p>Lines are written outside the engine's lock: the meter hands each thread's new failures over
 * ({@link ProgressMeter#takeFailuresToWrite}), and the thread writes them here, one writer at a time, in the order they
 * were handed over.
 */
final class FailuresFile implements Closeable {

    /** Writes to a {@code Writer}: characters, so that emoji stay as they are rather than {@code \\u} escapes. */
    private static final JsonFactory JSON = new JsonFactory();

    /** The field of a line that says why a call failed the relation; {@link JsonlInput} skips it. */
    static final String FAILURE_FIELD = "_failure";

    private final Path file;
    private OutputStream out;
    private long written;
    private long unwritable;

    FailuresFile(Path file) {
        this.file = file;
    }

    /** The file. */
    Path file() {
        return file;
    }

    /** Appends the lines of {@code failures}; the file is opened at the first call. */
    synchronized void write(List<ImportFailure> failures) throws IOException {
        for (ImportFailure f : failures) {
            String line = line(f);
            if (line == null) {
                unwritable++;
                continue;
            }
            if (out == null) {
                out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            }
            out.write(RawText.encode(line));
            out.write('\n');
            written++;
        }
        if (out != null) {
            out.flush(); // what failed is on disk (in the page cache) before the next record is read or sent
        }
    }

    /** Lines written. */
    synchronized long written() {
        return written;
    }

    /** Failures that could not be written: nothing is known of them to write. */
    synchronized long unwritable() {
        return unwritable;
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    /**
     * The line a failure is written as, without its line end; null when nothing is known to write. The one place
     * that decides what the failures file (and {@link ImportReport#writeFailures}) holds:
     * <ol>
     *   <li>the record's original text, when the source kept it ({@link ImportRecord#rawInput()}; the JSONL reader
     *       keeps every invalid line, byte for byte);</li>
     *   <li>else {@code From_Account} and the item's wire fields, when there is an item (a relation the server refused,
     *       or a valid item under an invalid record: a bad From_Account, a user befriending themself);</li>
     *   <li>else what is known of a record whose item could not be built: its {@code From_Account} and
     *       {@code To_Account}. The fields the row gave are not known to the importer (pass the row's text as
     *       {@code rawInput} to keep them); such a line lacks {@code AddSource}, so importing it as it is fails again
     *       and says so, rather than importing a friend without its fields;</li>
     *   <li>else nothing: null (an over-long line, which is never kept; a record with no account known).</li>
     * </ol>
     * A line of a relation that a call's answer failed ({@link ImportFailure#random()} known) ends with
     * <code>"{@value #FAILURE_FIELD}":{"code":…,"info":…,"random":…}</code>: what the server said and the call's
     * {@code random}, to quote to Tencent support. {@link JsonlInput} skips that field, so the line imports as it is.
     */
    static String line(ImportFailure f) {
        if (f.rawInput() != null) {
            return f.rawInput();
        }
        if (f.item() == null && f.fromAccount() == null && f.toAccount() == null) {
            return null;
        }
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            if (f.fromAccount() != null) {
                g.writeStringField("From_Account", f.fromAccount());
            }
            if (f.item() != null) {
                f.item().writeFields(g);
            } else if (f.toAccount() != null) {
                g.writeStringField("To_Account", f.toAccount());
            }
            if (f.random() >= 0) {
                g.writeObjectFieldStart(FAILURE_FIELD);
                g.writeNumberField("code", f.code());
                g.writeStringField("info", f.info());
                g.writeNumberField("random", f.random());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }
}
