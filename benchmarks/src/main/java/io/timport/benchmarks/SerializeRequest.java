package io.timport.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.timport.call.FriendImportClient;
import io.timport.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serializing one 1000-item {@code friend_import} request to UTF-8 bytes.
 *
 * <ul>
 *   <li>{@code generated}: the generated {@code BenchFriendItem.writeJson} serializer, driven by
 *       {@link FriendImportClient#requestBody}: exactly what each {@code FriendImportClient} call runs to make its
 *       body, the argument checks included.</li>
 *   <li>{@code objectMapper}: (a) what today's clients do: {@code ObjectMapper.writeValueAsString} on equivalent
 *       POJOs ({@link Pojos}), then {@code String.getBytes(UTF_8)}.</li>
 *   <li>{@code handWritten}: (b) hand-written jackson-core streaming code over the same POJOs, field names as
 *       Strings; the ceiling.</li>
 *   <li>{@code handWrittenPreEncoded}: (b′) the same with field names pre-encoded as {@code SerializedString}s.</li>
 *   <li>{@code objectMapperBytes}: a diagnostic, the best a POJO client can do with databind:
 *       {@code ObjectMapper.writeValueAsBytes} (no intermediate String) with the wire factory (emoji as UTF-8).</li>
 * </ul>
 * All five produce the same bytes; {@link #setUp()} checks it and refuses to run otherwise. The items are
 * {@link Relations#friendsOf one user's 1000 friends}: {@code text=mixed} has remarks and group names in Chinese or
 * with an emoji now and then, {@code text=ascii} none.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SerializeRequest -prof gc
 * java -cp benchmarks/target/benchmarks.jar io.timport.benchmarks.SerializeBenchmark   (the same, with a summary)
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SerializeRequest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper WIRE_MAPPER = new ObjectMapper(WireWriter.jsonFactory());
    private static final JsonFactory JSON = WireWriter.jsonFactory();

    @Param({"mixed", "ascii"})
    public String text;

    @Param({"1000"})
    public int items;

    private String fromAccount;
    private List<BenchFriendItem> generatedItems;
    private Pojos.Request pojos;

    @Setup(Level.Trial)
    public void setUp() throws JsonProcessingException {
        long user = 4242;
        fromAccount = Relations.userId(user);
        generatedItems = Relations.friendsOf(user, items, "ascii".equals(text));
        pojos = Pojos.of(fromAccount, generatedItems);
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        outputs.put("generated", generated());
        outputs.put("objectMapper", objectMapper());
        outputs.put("handWritten", handWritten());
        outputs.put("handWrittenPreEncoded", handWrittenPreEncoded());
        outputs.put("objectMapperBytes", objectMapperBytes());
        byte[] expected = outputs.get("generated");
        for (Map.Entry<String, byte[]> e : outputs.entrySet()) {
            if (!Arrays.equals(expected, e.getValue())) {
                throw new IllegalStateException(e.getKey() + " writes other bytes than generated: "
                        + difference(expected, e.getValue()));
            }
        }
        String body = new String(expected, StandardCharsets.UTF_8);
        boolean ascii = body.chars().allMatch(c -> c < 128);
        if (ascii != "ascii".equals(text) || !body.contains("\"CustomItem\"")) {
            throw new IllegalStateException("the request is not what text=" + text + " promises");
        }
    }

    @Benchmark
    public byte[] generated() {
        return FriendImportClient.requestBody(fromAccount, generatedItems);
    }

    @Benchmark
    public byte[] objectMapper() throws JsonProcessingException {
        return MAPPER.writeValueAsString(pojos).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] handWritten() {
        return HandWritten.plain(JSON, pojos);
    }

    @Benchmark
    public byte[] handWrittenPreEncoded() {
        return HandWritten.preEncoded(JSON, pojos);
    }

    @Benchmark
    public byte[] objectMapperBytes() throws JsonProcessingException {
        return WIRE_MAPPER.writeValueAsBytes(pojos);
    }

    private static String difference(byte[] a, byte[] b) {
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        return "lengths " + a.length + " and " + b.length + ", first difference at byte " + i + ": …"
                + new String(a, Math.max(0, i - 40), Math.min(a.length, i + 40) - Math.max(0, i - 40),
                        StandardCharsets.UTF_8)
                + "… vs …" + new String(b, Math.max(0, i - 40), Math.min(b.length, i + 40) - Math.max(0, i - 40),
                        StandardCharsets.UTF_8) + "…";
    }
}
