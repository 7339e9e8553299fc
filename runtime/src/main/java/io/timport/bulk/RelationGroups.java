package io.timport.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.timport.wire.AddFriendItem;
import io.timport.wire.ItemType;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The relations of an input, grouped by From_Account within a bound on memory: what a verification reads, one user
 * at a time. Relations are {@linkplain #add added} in any order; {@link #groups()} then hands out one
 * {@link UserGroup} per From_Account, in From_Account order, holding the last relation of each of its pairs (the
 * highest position).
 *
 * <p>An external sort: up to {@code chunk} relations are held in memory; a fuller chunk is sorted and written to a
 * temporary file (a run, one JSON line a relation), and the runs are merged when the groups are read. An input that
 * fits in one chunk never touches the disk. The temporary files are deleted by {@link #close()}.
 *
 * <p>Not thread-safe: one thread adds, then one thread reads.
 *
 * @param <T> the item type
 */
final class RelationGroups<T extends AddFriendItem> implements Closeable {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Comparator<Entry<?>> ORDER = Comparator.<Entry<?>, String>comparing(e -> e.from)
            .thenComparingLong(e -> e.position);

    /** One relation: its From_Account, its position in the input, its user's group number (or 0), the item. */
    static final class Entry<T> {
        final String from;
        final long position;
        final long group;
        final T item;

        Entry(String from, long position, long group, T item) {
            this.from = from;
            this.position = position;
            this.group = group;
            this.item = item;
        }
    }

    private final ItemType<T> type;
    private final int chunk;
    private final Path tempDirectory;
    private List<Entry<T>> held = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long relations;
    private boolean reading;

    /**
     * @param type reads the items of the runs back
     * @param chunk the most relations held in memory while adding
     * @param tempDirectory where runs are written, or null for the system's temporary directory
     */
    RelationGroups(ItemType<T> type, int chunk, Path tempDirectory) {
        this.type = type;
        this.chunk = Math.max(1, chunk);
        this.tempDirectory = tempDirectory;
    }

    /** Adds a valid relation. */
    void add(String from, long position, T item) {
        add(from, position, 0, item);
    }

    /**
     * Adds a valid relation of a user whose group was numbered by an earlier grouping: its groups keep that number.
     */
    void add(String from, long position, long group, T item) {
        if (reading) {
            throw new IllegalStateException("the groups are being read");
        }
        held.add(new Entry<>(from, position, group, item));
        relations++;
        if (held.size() >= chunk) {
            spill();
        }
    }

    /** The relations added. */
    long relations() {
        return relations;
    }

    /** The temporary files written so far (for tests). */
    int runs() {
        return runs.size();
    }

    private void spill() {
        held.sort(ORDER);
        try {
            Path run = tempDirectory == null ? Files.createTempFile("timport-verify-", ".run")
                    : Files.createTempFile(tempDirectory, "timport-verify-", ".run");
            runs.add(run);
            try (Writer w = Files.newBufferedWriter(run, StandardCharsets.UTF_8);
                    JsonGenerator g = JSON.createGenerator(w)) {
                g.setRootValueSeparator(null);
                for (Entry<T> e : held) {
                    g.writeStartObject();
                    g.writeStringField("f", e.from);
                    g.writeNumberField("p", e.position);
                    if (e.group != 0) {
                        g.writeNumberField("g", e.group);
                    }
                    g.writeFieldName("i");
                    e.item.writeJson(g);
                    g.writeEndObject();
                    g.flush();
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the verification's temporary file in "
                    + (tempDirectory == null ? System.getProperty("java.io.tmpdir") : tempDirectory) + ": "
                    + e.getMessage(), e);
        }
        held = new ArrayList<>();
    }

    /**
     * The groups, in From_Account order, each numbered from 1 ({@link UserGroup#index}): the numbers are the same for
     * the same relations, whatever order they were added in. May be read more than once; nothing may be added
     * once they are read.
     *
     * @throws UncheckedIOException from the iterator when a temporary file cannot be read
     */
    Iterator<UserGroup<T>> groups() {
        if (!reading) {
            reading = true;
            if (runs.isEmpty()) {
                held.sort(ORDER);
            } else if (!held.isEmpty()) {
                spill();
            }
        }
        Iterator<Entry<T>> sorted = runs.isEmpty() ? held.iterator() : new Merge();
        return new Grouping(sorted);
    }

    @Override
    public void close() {
        held = new ArrayList<>();
        for (Iterator<Path> i = runs.iterator(); i.hasNext(); ) {
            try {
                Files.deleteIfExists(i.next());
            } catch (IOException e) {
                // a temporary file left behind: nothing more to do about it
            }
            i.remove();
        }
    }

    /** Consecutive entries of one From_Account become a group; later positions of a pair replace earlier ones. */
    private final class Grouping implements Iterator<UserGroup<T>> {
        private final Iterator<Entry<T>> sorted;
        private Entry<T> next;
        private long index;

        Grouping(Iterator<Entry<T>> sorted) {
            this.sorted = sorted;
            this.next = sorted.hasNext() ? sorted.next() : null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public UserGroup<T> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            String from = next.from;
            long number = next.group != 0 ? next.group : ++index;
            Map<String, UserGroup.Expected<T>> expected = new LinkedHashMap<>();
            while (next != null && next.from.equals(from)) {
                // sorted by position within the account: a later record of a pair replaces an earlier one
                expected.put(next.item.toAccount(), new UserGroup.Expected<>(next.position, next.item));
                next = sorted.hasNext() ? sorted.next() : null;
            }
            return new UserGroup<>(number, from, expected);
        }
    }

    /** The runs merged: each read a line at a time. */
    private final class Merge implements Iterator<Entry<T>> {
        private final PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.head, b.head));

        Merge() {
            for (Path run : runs) {
                Cursor c = new Cursor(run);
                if (c.advance()) {
                    heads.add(c);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Entry<T> next() {
            Cursor c = heads.poll();
            if (c == null) {
                throw new NoSuchElementException();
            }
            Entry<T> e = c.head;
            if (c.advance()) {
                heads.add(c);
            }
            return e;
        }
    }

    /** One run being read. */
    private final class Cursor {
        private final Path run;
        private final BufferedReader reader;
        Entry<T> head;

        Cursor(Path run) {
            this.run = run;
            try {
                this.reader = Files.newBufferedReader(run, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the verification's temporary file " + run, e);
            }
        }

        boolean advance() {
            try {
                String line = reader.readLine();
                if (line == null) {
                    reader.close();
                    head = null;
                    return false;
                }
                head = parse(line);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the verification's temporary file " + run + ": "
                        + e.getMessage(), e);
            }
        }

        private Entry<T> parse(String line) throws IOException {
            String from = null;
            long position = 0;
            long group = 0;
            T item = null;
            try (JsonParser p = JSON.createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not a relation: " + line);
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    switch (name) {
                        case "f" -> {
                            p.nextToken();
                            from = p.getText();
                        }
                        case "p" -> {
                            p.nextToken();
                            position = p.getLongValue();
                        }
                        case "g" -> {
                            p.nextToken();
                            group = p.getLongValue();
                        }
                        case "i" -> {
                            p.nextToken();
                            item = type.readJson(p);
                        }
                        default -> throw new IOException("unknown field " + name);
                    }
                }
            }
            if (from == null || item == null) {
                throw new IOException("not a relation: " + line);
            }
            return new Entry<>(from, position, group, item);
        }
    }
}
