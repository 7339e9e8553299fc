package io.timport.bulk;

import io.timport.config.AppConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a resume journal belongs to: the app the import sends to (the endpoint's host and the SDKAppID), and the
 * input, as the caller describes it ({@link ImporterBuilder#journal(Path, String)}). A new journal records it; a run
 * that resumes the journal must have the same, or it is refused with a {@link JournalMismatchException} before
 * anything is sent. A journal identifies records by their position in the input, so resuming it for another input
 * would skip the wrong records, and resuming it against another app would skip relations that app never received.
 *
 * <p>The comparison: the host (ignoring case) and the SDKAppID must be equal; the inputs are compared when both the
 * journal and the run describe theirs, as exact strings. The port is not part of the target (an embedded
 * simulator listens on another port each time); neither is the admin identifier (any admin of the app may resume).
 *
 * <p><b>The input's content.</b> Beside the description, a journal of version 2 records a fingerprint of what the
 * input holds: a running SHA-256 of its records, checked as a resumed run reads them (so it works for standard input
 * and pipes too, and a description is not needed for it). A run whose records differ from those the journal was
 * written for stops at the first checkpoint that differs, or when its input ends too soon, with a
 * {@link JournalMismatchException}, before the run writes anything into the journal. The same records read from
 * another file are the same input.
 *
 * <p>The record is versioned ({@value #VERSION} today). A journal whose identity has a version this runtime does not
 * know is refused rather than half understood. A journal written before fingerprints existed (format 1, or an
 * identity of version 1) is refused once it holds completed work, since nothing says which input that work was of:
 * finish it with the timport that started it, or start a new journal.
 */
public final class JournalIdentity {

    /** The version of the identity record this runtime writes and understands. */
    public static final int VERSION = 2;

    private final String host;
    private final long sdkAppId;
    private final String input;

    private JournalIdentity(String host, long sdkAppId, String input) {
        this.host = Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        this.sdkAppId = sdkAppId;
        this.input = input;
    }

    /**
     * The identity of an import into {@code app}'s endpoint host and SDKAppID.
     *
     * @param input what the input is, in the caller's words (for example {@code "file /data/friends.jsonl"}), or
     *     null when not described; one line, no secrets
     * @param app the app the import sends to (not null)
     * @return the identity
     */
    public static JournalIdentity of(AppConfig app, String input) {
        return of(app.endpoint().baseUri().getHost(), app.sdkAppId(), input);
    }

    /**
     * An identity from its parts; see {@link #of(AppConfig, String)}.
     *
     * @param host the endpoint's host, such as {@code "adminapisgp.im.qcloud.com"}
     * @param sdkAppId the app's SDKAppID
     * @param input what the input is, in the caller's words, or null
     * @return the identity
     */
    public static JournalIdentity of(String host, long sdkAppId, String input) {
        return new JournalIdentity(host, sdkAppId, input);
    }

    /**
     * What the journal at {@code file} records it belongs to: empty when the file does not exist or holds no
     * identity yet (a new journal, or one written before identities existed).
     *
     * @param file the journal file (not null)
     * @return the identity the journal records, or empty
     * @throws IOException when it is not a timport journal, is damaged, or was written by a newer timport
     */
    public static Optional<JournalIdentity> read(Path file) throws IOException {
        return Optional.ofNullable(Journal.readIdentity(file));
    }

    /**
     * Checks, before a run, what can be checked before reading the input: that a run with this identity may resume
     * the journal at {@code file} (also when the file does not exist yet: then it may), and that no importer is using
     * it now. The input's content is checked as the run reads it.
     *
     * @param file the journal file (not null)
     * @throws JournalMismatchException when the journal belongs to another app or input, or was written before
     *     journals recorded the input's fingerprint and holds completed work
     * @throws JournalInUseException when another importer is using the journal
     * @throws IOException when it cannot be read
     */
    public void checkResumable(Path file) throws IOException {
        Journal.checkResumable(file, this);
    }

    /** Throws when a run identified as {@code run} must not resume the journal {@code file} recorded as this. */
    void checkResumableBy(JournalIdentity run, Path file) throws JournalMismatchException {
        if (!host.equalsIgnoreCase(run.host) || sdkAppId != run.sdkAppId) {
            throw new JournalMismatchException(file, "journal " + file + " belongs to an import into " + target()
                    + ", not into " + run.target() + ": resuming would skip relations " + run.target()
                    + " never received. Use another journal, or delete " + file + " to start over");
        }
        if (input != null && run.input != null && !input.equals(run.input)) {
            throw new JournalMismatchException(file, "journal " + file + " belongs to another input (" + input
                    + "), not to " + run.input + ": resuming would skip the wrong records. Use another journal, or "
                    + "delete " + file + " to start over");
        }
    }

    /**
     * The endpoint's host.
     *
     * @return the host, such as {@code "adminapisgp.im.qcloud.com"}
     */
    public String host() {
        return host;
    }

    /**
     * The app's SDKAppID.
     *
     * @return the SDKAppID
     */
    public long sdkAppId() {
        return sdkAppId;
    }

    /**
     * The caller's description of the input, or null when none was given.
     *
     * @return the description, or null
     */
    public String input() {
        return input;
    }

    /**
     * The target in words: {@code "adminapisgp.im.qcloud.com (SDKAppID 1400000000)"}.
     *
     * @return the host and SDKAppID in words
     */
    public String target() {
        return host + " (SDKAppID " + sdkAppId + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalIdentity other && host.toLowerCase(Locale.ROOT).equals(other.host.toLowerCase(Locale.ROOT))
                && sdkAppId == other.sdkAppId && Objects.equals(input, other.input);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host.toLowerCase(Locale.ROOT), sdkAppId, input);
    }

    /** The target and the input, for example {@code "127.0.0.1 (SDKAppID 1400000000), input file /x.jsonl"}. */
    @Override
    public String toString() {
        return target() + (input == null ? "" : ", input " + input);
    }
}
