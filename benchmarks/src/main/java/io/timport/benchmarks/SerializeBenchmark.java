package io.timport.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the {@link SerializeRequest} JMH benchmark with the GC profiler ({@code -prof gc}) and prints a summary: ops/s
 * and bytes allocated per op for each serializer, and the generated serializer's ratios against (a) and (b) with
 * the goals (at least 2× (a), at least 0.95× (b)).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.SerializeBenchmark [--forks 2] [--text mixed,ascii]
 * </pre>
 */
public final class SerializeBenchmark {

    private static final String USAGE = "usage: SerializeBenchmark [--forks 2] [--text mixed,ascii]";

    private SerializeBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, USAGE, Map.of("forks", "2", "text", "mixed,ascii"));
        String[] texts = args.string("text").split(",");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(SerializeRequest.class.getName() + "\\.")
                .addProfiler(GCProfiler.class)
                .param("text", texts)
                .forks(args.integer("forks"))
                .shouldFailOnError(true);
        String machine = Machine.describe();
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, Map<String, double[]>> byText = new LinkedHashMap<>();
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String method = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.') + 1);
            Result primary = r.getPrimaryResult();
            double alloc = Double.NaN;
            for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = e.getValue().getScore();
                }
            }
            byText.computeIfAbsent(p.getParam("text"), k -> new LinkedHashMap<>())
                    .put(method, new double[] {primary.getScore(), primary.getScoreError(), alloc});
        }

        System.out.println();
        System.out.println("timport: serializing one 1000-item friend_import request to UTF-8 bytes (JMH, -prof gc, "
                + args.string("forks") + " forks × 5 × 1 s after 5 × 1 s of warm-up)");
        System.out.println(machine);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-6s %-40s %12s %10s %14s%n", "text", "serializer", "ops/s", "± 99.9 %",
                "bytes/op");
        Map<String, String> names = Map.of("generated", "generated (timport)", "objectMapper",
                "(a) ObjectMapper + getBytes", "handWritten", "(b) hand-written streaming",
                "handWrittenPreEncoded", "(b') hand-written, pre-encoded names", "objectMapperBytes",
                "(a') ObjectMapper.writeValueAsBytes (diag.)");
        for (Map.Entry<String, Map<String, double[]>> t : byText.entrySet()) {
            for (String m : new String[] {"generated", "objectMapper", "handWritten", "handWrittenPreEncoded",
                    "objectMapperBytes"}) {
                double[] v = t.getValue().get(m);
                if (v != null) {
                    System.out.printf(Locale.ROOT, "%-6s %-40s %,12.0f %10.0f %,14.0f%n", t.getKey(), names.get(m),
                            v[0], v[1], v[2]);
                }
            }
        }
        System.out.println();
        for (Map.Entry<String, Map<String, double[]>> t : byText.entrySet()) {
            Map<String, double[]> v = t.getValue();
            double gen = v.get("generated")[0];
            double a = gen / v.get("objectMapper")[0];
            double b = gen / v.get("handWritten")[0];
            double b2 = gen / v.get("handWrittenPreEncoded")[0];
            System.out.printf(Locale.ROOT, "%-6s generated / (a) = %.2f× (goal ≥ 2: %s); generated / (b) = %.3f× "
                            + "(goal ≥ 0.95: %s); generated / (b') = %.3f×; allocation: generated %.0f B/op, (a) %.0f "
                            + "B/op%n", t.getKey(), a, a >= 2 ? "met" : "MISSED", b, b >= 0.95 ? "met" : "MISSED", b2,
                    v.get("generated")[2], v.get("objectMapper")[2]);
        }
        System.out.println(Machine.load());
    }
}
