package io.timport.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.JsonlInput;
import io.timport.wire.AddFriendItem;
import io.timport.wire.ItemType;
import io.timport.wire.WireWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the journal's fingerprint of the input costs, for a JSONL file of about 1 GiB: reading and parsing the file
 * as an import does ({@link JsonlInput}), the same with every record added to the running SHA-256 of
 * {@link InputFingerprint}, and, for comparison, a SHA-256 of the file's bytes (what a fingerprint taken up front
 * would cost, in a read of its own) and a plain read of them.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.FingerprintCost [--gib 1] [--dir /tmp] [--rounds 3]
 * </pre>
 *
 * <p>{@code InputFingerprint} is package-private in the runtime: the benchmark calls its constructor and {@code add}
 * through reflection (a few nanoseconds a record after the JVM's inflation of {@code Method.invoke}, against the
 * microseconds measured), rather than putting a class of its own into the runtime's package. The file is written once (records of {@code io.timport.benchmarks.Relations}, 100 friends per
 * user, sorted), read once to warm the page cache and the JIT, then each measurement runs {@code --rounds} times and
 * the best is printed.
 */
public final class FingerprintCost {

    private static final Constructor<?> NEW_FINGERPRINT;
    private static final Method ADD;

    static {
        try {
            Class<?> c = Class.forName("io.timport.bulk.InputFingerprint");
            NEW_FINGERPRINT = c.getDeclaredConstructor();
            NEW_FINGERPRINT.setAccessible(true);
            ADD = c.getDeclaredMethod("add", ImportRecord.class);
            ADD.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FingerprintCost() {
    }

    public static void main(String[] args) throws Exception {
        double gib = 1;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        int rounds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--gib" -> gib = Double.parseDouble(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: FingerprintCost [--gib 1] [--dir D] [--rounds 3]");
            }
        }
        Class<?> relations = Class.forName("io.timport.benchmarks.Relations");
        Method record = relations.getDeclaredMethod("record", long.class, int.class, int.class);
        record.setAccessible(true);
        Class<?> machine = Class.forName("io.timport.benchmarks.Machine");
        Method describe = machine.getDeclaredMethod("describe");
        describe.setAccessible(true);
        @SuppressWarnings("unchecked")
        ItemType<AddFriendItem> type = (ItemType<AddFriendItem>) Class.forName("io.timport.benchmarks.BenchFriendItem")
                .getField("TYPE").get(null);

        System.out.println("timport: the cost of the journal's input fingerprint");
        System.out.println(describe.invoke(null));
        Path file = Files.createTempFile(dir, "fingerprint-cost", ".jsonl");
        try {
            long target = (long) (gib * (1L << 30));
            long lines = 0;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                    JsonGenerator g = WireWriter.jsonFactory().createGenerator(out)) {
                g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                while (true) {
                    ImportRecord<?> r = (ImportRecord<?>) record.invoke(null, lines, 100, 1);
                    g.writeStartObject();
                    g.writeStringField("From_Account", r.fromAccount());
                    r.item().writeFields(g);
                    g.writeEndObject();
                    lines++;
                    if ((lines & 1023) == 0) {
                        g.flush();
                        if (Files.size(file) >= target) {
                            break;
                        }
                    }
                }
                g.writeRaw('\n');
            }
            long bytes = Files.size(file);
            System.out.printf(Locale.ROOT, "input: %,d lines, %,d bytes (%.2f GiB), %d bytes a line%n%n", lines, bytes,
                    bytes / (double) (1L << 30), bytes / lines);

            parse(file, type, false); // warm-up: the page cache and the JIT
            parse(file, type, true);
            System.out.printf(Locale.ROOT, "%-52s %10s %12s%n", "measure (best of " + rounds + ")", "seconds",
                    "s per GiB");
            print("read the bytes", best(rounds, () -> readBytes(file, false)), bytes);
            print("SHA-256 of the bytes (a fingerprint up front)", best(rounds, () -> readBytes(file, true)), bytes);
            double plain = best(rounds, () -> parse(file, type, false));
            print("parse as an import reads it (JsonlInput)", plain, bytes);
            double hashed = best(rounds, () -> parse(file, type, true));
            print("parse, with the running fingerprint", hashed, bytes);
            print("the running fingerprint's own cost", hashed - plain, bytes);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private interface Measured {
        long run() throws Exception;
    }

    private static double best(int rounds, Measured m) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            long sink = m.run();
            double s = (System.nanoTime() - start) / 1e9;
            if (sink == 42) {
                System.out.print("");
            }
            best = Math.min(best, s);
        }
        return best;
    }

    private static void print(String what, double seconds, long bytes) {
        System.out.printf(Locale.ROOT, "%-52s %10.2f %12.2f%n", what, seconds, seconds / (bytes / (double) (1L << 30)));
    }

    private static long readBytes(Path file, boolean hash) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        long n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buffer)) > 0) {
                if (hash) {
                    sha.update(buffer, 0, r);
                }
                n += r;
            }
        }
        return hash ? sha.digest()[0] : n;
    }

    private static long parse(Path file, ItemType<AddFriendItem> type, boolean fingerprint) throws Exception {
        Object f = fingerprint ? NEW_FINGERPRINT.newInstance() : null;
        long n = 0;
        try (Stream<ImportRecord<AddFriendItem>> records = JsonlInput.read(file, type)) {
            Iterator<ImportRecord<AddFriendItem>> it = records.iterator();
            while (it.hasNext()) {
                ImportRecord<AddFriendItem> r = it.next();
                if (f != null) {
                    ADD.invoke(f, r);
                }
                n++;
            }
        }
        return n;
    }
}
