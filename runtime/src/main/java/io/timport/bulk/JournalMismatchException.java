package io.timport.bulk;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A resume journal belongs to another import than the one starting: another app (endpoint host or SDKAppID), or
 * another input. Resuming would skip records by their positions in the wrong input, or relations the app never
 * received, so the import is refused. The message names the journal, what it belongs to, and what to do.
 *
 * <p>Another app, another description of the input, or a journal that records no fingerprint of its input are found
 * before anything is read or sent. Other content is found as the input is read ({@link JournalIdentity}): the run
 * stops at the first difference and throws this exception; records read before it that no earlier run had completed
 * may have been sent (they are records of the input being read, so sending them was right), but nothing of the run is
 * written into the journal.
 */
public final class JournalMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path journal;

    JournalMismatchException(Path journal, String message) {
        super(message);
        this.journal = journal;
    }

    /**
     * The journal that was refused.
     *
     * @return the journal file
     */
    public Path journal() {
        return journal;
    }
}
