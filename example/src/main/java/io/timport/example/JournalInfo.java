package io.timport.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a resume journal belongs to, kept beside it in {@code <journal>.info}.
 *
 * <p>The engine's journal records finished work by <em>input position</em> (record 1, 2, …), so it is only right for
 * the input it was written with, and only means something for the server that received that work. A journal resumed
 * with another sample, or first written against the embedded simulator and then resumed against a real app, would
 * silently skip relations that app never received. This file names the target and the input; a run whose target or
 * sample differs is refused, and one whose input file has another path is warned about (a file fixed in place
 * and moved is a legitimate resume).
 */
final class JournalInfo {

    static final String TARGET = "target";
    static final String INPUT = "input";

    private final Map<String, String> values;

    private JournalInfo(Map<String, String> values) {
        this.values = values;
    }

    /** The info of a run: its target and input descriptions (single lines, no secrets). */
    static JournalInfo of(String target, String input) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(TARGET, target);
        v.put(INPUT, input);
        return new JournalInfo(v);
    }

    static Path fileFor(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".info");
    }

    /**
     * Checks this run against the journal's info and records it when the journal is new.
     *
     * @return a warning to show, or null
     * @throws IllegalStateException naming the journal and what differs, when the journal must not be used for this run
     */
    String checkAndRecord(Path journal) throws IOException {
        Path infoFile = fileFor(journal);
        boolean journalHasWork = Files.exists(journal) && Files.size(journal) > 0;
        if (!journalHasWork || !Files.exists(infoFile)) {
            write(infoFile);
            return journalHasWork
                    ? "journal " + journal + " has no " + infoFile.getFileName()
                            + ": it is taken to belong to this input and target"
                    : null;
        }
        Map<String, String> earlier = read(infoFile);
        String target = earlier.get(TARGET);
        if (!values.get(TARGET).equals(target)) {
            throw new IllegalStateException("journal " + journal + " belongs to an import into " + target
                    + ", not into " + values.get(TARGET) + ": resuming would skip relations this target never received."
                    + " Use another --journal file, or delete " + journal + " and " + infoFile + " to start over");
        }
        String input = earlier.get(INPUT);
        String now = values.get(INPUT);
        if (now.equals(input)) {
            return null;
        }
        if (input != null && input.startsWith("file ") && now.startsWith("file ")) {
            return "journal " + journal + " was written for " + input + "; this run reads " + now
                    + ". It skips records by their number: the input must hold the same records in the same order";
        }
        throw new IllegalStateException("journal " + journal + " belongs to another input (" + input + "), not to "
                + now + ": it would skip the wrong records. Use another --journal file, or delete " + journal
                + " and " + infoFile + " to start over");
    }

    private void write(Path infoFile) throws IOException {
        StringBuilder s = new StringBuilder("# What the timport journal beside this file belongs to; checked on resume.\n");
        values.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        Files.writeString(infoFile, s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> read(Path infoFile) throws IOException {
        Map<String, String> v = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(infoFile, StandardCharsets.UTF_8);
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                v.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return v;
    }
}
