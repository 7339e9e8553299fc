package io.timport.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.timport.bulk.ImportReport;
import io.timport.simulator.ChatSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The sample as it runs: the import from its properties into the simulator at startup, then the metrics at
 * {@code /actuator/prometheus} over HTTP, equal to the report; and the key in no endpoint and no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability(tracing = false) // Spring Boot tests leave metrics exporters (Prometheus) off otherwise
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "sample.players=60", "sample.friends-per-player=10", "sample.simulator.rate=40",
    "management.endpoints.web.exposure.include=health,prometheus,env,configprops",
    "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
    "logging.level.io.timport=debug"})
class SampleApplicationTest {

    @LocalServerPort
    int port;

    @Autowired
    ImportOnStartup startup;

    @Autowired
    ChatSimulator chat;

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    static double sample(String prometheus, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$").matcher(prometheus);
        assertThat(m.find()).as(name + "{" + labels + "} in\n" + prometheus).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The samples of {@code name} whose labels start with {@code labels}, added up. */
    static double sum(String prometheus, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels) + "[^}]*} (\\S+)$").matcher(prometheus);
        double sum = 0;
        int found = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            found++;
        }
        assertThat(found).as(name + "{" + labels + "...} in\n" + prometheus).isPositive();
        return sum;
    }

    @Test
    void theImportRanAndItsMetricsAreAtActuatorPrometheus() throws Exception {
        ImportReport report = startup.report();
        assertThat(report).isNotNull();
        assertThat(report.imported()).as(report.summary(5)).isEqualTo(600);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(chat.relationCount()).isEqualTo(600);

        String prometheus = get("/actuator/prometheus");
        assertThat(sum(prometheus, "timport_calls_total", "api=\"friend_import\",outcome=")).isEqualTo(report.calls());
        assertThat(sample(prometheus, "timport_calls_total", "api=\"friend_import\",outcome=\"throttled\""))
                .isEqualTo(report.throttled());
        assertThat(sample(prometheus, "timport_calls_throttled_total", "api=\"friend_import\""))
                .isEqualTo(report.throttled());
        assertThat(sample(prometheus, "timport_relations_total", "outcome=\"imported\",phase=\"relations\""))
                .isEqualTo(report.imported());
        assertThat(sample(prometheus, "timport_relations_total", "outcome=\"failed\",phase=\"relations\""))
                .isEqualTo(report.failed());
        assertThat(sample(prometheus, "timport_relations_failed_total", "code=\"30003\",phase=\"relations\""))
                .isEqualTo(1);
        assertThat(sample(prometheus, "timport_relations_failed_total", "code=\"input\",phase=\"relations\""))
                .isEqualTo(1);
        assertThat(sample(prometheus, "timport_calls_active", "api=\"friend_import\"")).isZero();
        assertThat(sample(prometheus, "timport_phase_progress", "phase=\"relations\"")).isEqualTo(1.0);
    }

    @Test
    void theKeyIsInNoEndpointAndNoLogLine(CapturedOutput output) throws Exception {
        String key = environment.getProperty("timport.secret-key");
        assertThat(key).hasSizeGreaterThan(20);
        String env = get("/actuator/env");
        String configprops = get("/actuator/configprops");
        assertThat(env).contains("timport.secret-key").contains("******").contains("\"administrator\"")
                .doesNotContain(key);
        assertThat(configprops).contains("\"admin\":\"administrator\"").contains("******").doesNotContain(key);
        assertThat(get("/actuator/prometheus")).doesNotContain(key);
        // the client's DEBUG lines were logged (one per call), with the UserSig redacted
        assertThat(output.getAll()).contains("usersig=<redacted>").contains("Import finished").doesNotContain(key);
    }
}
