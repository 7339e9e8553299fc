package io.timport.bulk;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A resume journal belongs to another import than the one starting: another app (endpoint host or SDKAppID), or
 * another input. Resuming would skip records by their positions in the wrong input, or relations the app never
 * received, so the import refuses to start and sends nothing. The message names the journal, what it belongs to, and
 * what to do.
 */
public final class JournalMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path journal;

    JournalMismatchException(Path journal, String message) {
        super(message);
        this.journal = journal;
    }

    /** The journal that was refused. */
    public Path journal() {
        return journal;
    }
}
