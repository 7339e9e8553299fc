package io.timport.bulk;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another importer is using the resume journal: one importer at a time may, for the whole of its run. Two at once
 * would both import everything, and their entries would share one file. The import refuses at once and sends
 * nothing. The message names the holder when it could be read (its process id, host and start time, which the holder
 * writes into the lock file {@code <journal>.lock}).
 */
public final class JournalInUseException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path journal;
    /** Who holds the journal, or null when unknown. */
    private final String holder;

    JournalInUseException(Path journal, String holder) {
        super("the import journal " + journal + " is in use by another importer"
                + (holder == null ? "" : " (" + holder + ")") + ": one importer at a time may use a journal. Wait "
                + "for it to end, or give this import another journal");
        this.journal = journal;
        this.holder = holder;
    }

    /**
     * The journal in use.
     *
     * @return the journal file
     */
    public Path journal() {
        return journal;
    }

    /**
     * Who holds it, for example {@code "pid 4242 on host build-7, since 2026-12-02T11:40:00Z"}; null if unknown.
     *
     * @return the holder in words, or null
     */
    public String holder() {
        return holder;
    }
}
