package io.timport.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps every code snippet of README.md and {@code docs/} equal to the compiled, tested source it comes from.
 *
 * <p>In the markdown, the line right before a fenced block names its source:
 * {@code <!-- snippet: runtime/src/test/java/io/timport/readme/ConnectingExamples.java#one-call -->}. In that file
 * the snippet is the lines between one containing {@code --- snippet: one-call} and the next containing
 * {@code --- end} ({@code // --- snippet: one-call} and {@code // --- end} in Java; {@code <!-- snippet: deps -->}
 * and {@code <!-- end of snippet -->} in XML, where a comment may not hold two dashes), with their common indentation removed
 * and {@code @project.version@} read as the current version. A block of code ({@code java}, {@code xml},
 * {@code yaml}, {@code properties}) without such a line fails the test: every such snippet is compiled and run by
 * the build, so none can drift. Commands and transcripts (fenced blocks with no language) are not code.
 *
 * <p>After changing a snippet's source, {@code mvn -pl docs-tests verify -Dsnippets.update=true} rewrites the
 * markdown from the sources; review the diff.
 */
class DocSnippetsTest {

    static final Path ROOT = Path.of(System.getProperty("timport.repository", "..")).toAbsolutePath().normalize();
    static final String VERSION = System.getProperty("timport.version", "");
    static final boolean UPDATE = Boolean.getBoolean("snippets.update");

    /** Fenced blocks in these languages are code and must name their source. */
    static final Set<String> CODE = Set.of("java", "xml", "yaml", "yml", "properties", "kotlin", "groovy");

    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: ([^#\\s]+)#([\\w.-]+) -->$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)\\s*$");

    /** One fenced block of a markdown file. */
    record Block(Path doc, int line, String language, String source, String name, List<String> body, int start,
            int end) {
        String where() {
            return ROOT.relativize(doc) + ":" + line;
        }
    }

    static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        Path dir = ROOT.resolve("docs");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                docs.addAll(files.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
            }
        }
        return docs;
    }

    static List<Block> blocks(Path doc, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).equals(indent + "```")) {
                close++;
            }
            if (close == lines.size()) {
                fail(ROOT.relativize(doc) + ":" + (i + 1) + ": a fenced block is never closed");
            }
            String source = null;
            String name = null;
            if (i > 0) {
                Matcher m = MARKER.matcher(lines.get(i - 1).strip());
                if (m.matches()) {
                    source = m.group(1);
                    name = m.group(2);
                }
            }
            List<String> body = new ArrayList<>();
            for (String l : lines.subList(i + 1, close)) {
                body.add(l.startsWith(indent) ? l.substring(indent.length()) : l.strip());
            }
            blocks.add(new Block(doc, i + 1, open.group(2), source, name, body, i + 1, close));
            i = close;
        }
        return blocks;
    }

    /**
     * {@code // --- snippet: name} (Java), {@code # --- snippet: name} (YAML, properties), or
     * {@code <!-- snippet: name -->} (XML: a comment may not hold "--").
     */
    static boolean isStart(String line, String name) {
        String l = line.strip();
        return l.equals("// --- snippet: " + name) || l.equals("# --- snippet: " + name)
                || l.equals("<!-- snippet: " + name + " -->");
    }

    /** {@code // --- end} (Java), {@code # --- end} (YAML, properties), or {@code <!-- end of snippet -->} (XML). */
    static boolean isEnd(String line) {
        String l = line.strip();
        return l.equals("// --- end") || l.equals("# --- end") || l.equals("<!-- end of snippet -->");
    }

    /** The region {@code name} of {@code file}, without its common indentation. */
    static List<String> region(String file, String name) {
        Path path = ROOT.resolve(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isStart(lines.get(i), name)) {
                if (start >= 0) {
                    fail(file + " defines the snippet \"" + name + "\" twice");
                }
                start = i + 1;
            }
        }
        if (start < 0) {
            fail(file + " has no snippet \"" + name + "\" (a line \"// --- snippet: " + name + "\" or \"<!-- snippet: "
                    + name + " -->\")");
        }
        int end = start;
        while (end < lines.size() && !isEnd(lines.get(end))) {
            end++;
        }
        if (end == lines.size()) {
            fail(file + ": the snippet \"" + name + "\" has no end line (\"// --- end\" or \"<!-- end of snippet -->\")");
        }
        List<String> region = lines.subList(start, end);
        int indent = Integer.MAX_VALUE;
        for (String l : region) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : region) {
            String text = l.isBlank() ? "" : l.substring(indent);
            out.add(text.replace("@project.version@", VERSION));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everySnippetEqualsItsSource() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            List<Block> blocks = blocks(doc, lines);
            boolean changed = false;
            for (Block b : blocks) {
                if (b.source() == null) {
                    continue;
                }
                List<String> expected = region(b.source(), b.name());
                if (UPDATE && !expected.equals(b.body())) {
                    changed = true; // rewritten below: the check is then against what was written
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(b.where() + " = " + b.source() + "#" + b.name(),
                        () -> assertEquals(String.join("\n", expected), String.join("\n", b.body()),
                                b.where() + " differs from " + b.source() + "#" + b.name()
                                        + " (fix the markdown, or run with -Dsnippets.update=true)")));
            }
            if (changed) {
                rewrite(doc, lines, blocks);
            }
        }
        assertTrue(tests.size() > 0, "no snippet found: is timport.repository right? " + ROOT);
        return tests.stream();
    }

    @Test
    void everyBlockOfCodeNamesItsSource() throws IOException {
        List<String> unsourced = new ArrayList<>();
        for (Path doc : docs()) {
            for (Block b : blocks(doc, Files.readAllLines(doc, StandardCharsets.UTF_8))) {
                if (b.source() == null && CODE.contains(b.language())) {
                    unsourced.add(b.where() + " (```" + b.language() + ")");
                }
            }
        }
        assertEquals(List.of(), unsourced, "blocks of code without a <!-- snippet: file#name --> line before them");
    }

    private static void rewrite(Path doc, List<String> lines, List<Block> blocks) throws IOException {
        List<String> out = new ArrayList<>(lines);
        for (int k = blocks.size() - 1; k >= 0; k--) {
            Block b = blocks.get(k);
            if (b.source() == null) {
                continue;
            }
            String indent = lines.get(b.start() - 1).substring(0, lines.get(b.start() - 1).indexOf("```"));
            List<String> body = new ArrayList<>();
            for (String l : region(b.source(), b.name())) {
                body.add(l.isEmpty() ? "" : indent + l);
            }
            out.subList(b.start(), b.end()).clear();
            out.addAll(b.start(), body);
        }
        Files.write(doc, (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
