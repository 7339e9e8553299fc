package io.timport.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.call.ChatApi;
import io.timport.errors.ErrorCatalogue;
import io.timport.errors.ErrorClass;
import io.timport.errors.ErrorEntry;
import io.timport.limit.RateLimiterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The tables of docs/client.md that state facts the code holds (the APIs and their limits, the error catalogue, the
 * codes of each class) are generated from {@link ChatApi} and {@link ErrorCatalogue}: this test fails when the page
 * differs, so the page cannot drift. {@code -Dclient.docs.update=true} rewrites the tables; review the diff.
 */
class ClientDocTablesTest {

    static final Path PAGE = Path.of(System.getProperty("timport.repository", ".."), "docs", "client.md");
    static final boolean UPDATE = Boolean.getBoolean("client.docs.update");

    static String number(double value) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    static String apis() {
        StringBuilder t = new StringBuilder("| API | `ChatApi` | path | most items a call | documented limit | default pace |\n"
                + "|---|---|---|---|---|---|\n");
        for (ChatApi api : ChatApi.values()) {
            t.append("| `").append(api.apiName()).append("` | `").append(api.name()).append("` | `").append(api.path())
                    .append("` | ").append(api.maxItemsPerCall()).append(" | ").append(api.callsPerSecond())
                    .append(" calls/s | ").append(number(RateLimiterRegistry.defaultPace(api))).append(" calls/s |\n");
        }
        return t.toString();
    }

    static String level(ErrorEntry e) {
        return "`" + e.errorClass() + "`" + (e.marksFromAccount() ? ", marks the From_Account" : "");
    }

    static String catalogue() {
        StringBuilder t = new StringBuilder("| code | meaning | as a request's `ErrorCode` | as an item's `ResultCode` | "
                + "what to do |\n|---|---|---|---|---|\n");
        for (ErrorEntry request : ErrorCatalogue.all()) {
            ErrorEntry item = ErrorCatalogue.forItem(request.code());
            String advice = request.advice().equals(item.advice()) ? request.advice()
                    : item.advice() + "; as a request's code: " + request.advice();
            t.append("| ").append(request.code()).append(" | ").append(request.meaning()).append(" | ")
                    .append(level(request)).append(" | ").append(level(item)).append(" | ").append(advice).append(" |\n");
        }
        ErrorEntry unknown = ErrorCatalogue.forItem(-2);
        t.append("| any other | a code no source lists | `").append(unknown.errorClass()).append("` | `")
                .append(unknown.errorClass()).append("` | ").append(unknown.advice()).append(" |\n");
        return t.toString();
    }

    static String classes() {
        Map<ErrorClass, TreeSet<Integer>> codes = new EnumMap<>(ErrorClass.class);
        for (ErrorClass c : ErrorClass.values()) {
            codes.put(c, new TreeSet<>());
        }
        for (ErrorEntry e : ErrorCatalogue.all()) {
            codes.get(e.errorClass()).add(e.code());
        }
        for (ErrorEntry e : ErrorCatalogue.allForItems()) {
            codes.get(e.errorClass()).add(e.code());
        }
        StringBuilder t = new StringBuilder("| class | retryable | stops the import | codes |\n|---|---|---|---|\n");
        for (ErrorClass c : ErrorClass.values()) {
            StringJoiner list = new StringJoiner(", ");
            codes.get(c).forEach(code -> list.add(String.valueOf(code)));
            if (c == ErrorClass.UNKNOWN) {
                list.add("any code not in the catalogue");
            }
            t.append("| `").append(c).append("` | ").append(c.isRetryable() ? "yes" : "no").append(" | ")
                    .append(c.stopsImport() ? "yes" : "no").append(" | ").append(list).append(" |\n");
        }
        return t.toString();
    }

    /** The text between {@code <!-- generated: name -->} and {@code <!-- end of generated: name -->}. */
    static String region(String page, String name) {
        String open = "<!-- generated: " + name + " -->\n";
        String close = "<!-- end of generated: " + name + " -->";
        int start = page.indexOf(open);
        int end = page.indexOf(close);
        assertTrue(start >= 0 && end > start, "docs/client.md has no region " + open.strip() + " … " + close);
        return page.substring(start + open.length(), end);
    }

    static String replace(String page, String name, String text) {
        String open = "<!-- generated: " + name + " -->\n";
        int start = page.indexOf(open) + open.length();
        int end = page.indexOf("<!-- end of generated: " + name + " -->");
        return page.substring(0, start) + text + page.substring(end);
    }

    @Test
    void theTablesOfThePageAreThoseOfTheCode() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Map<String, String> tables = Map.of("apis", apis(), "error-catalogue", catalogue(), "error-classes", classes());
        if (UPDATE) {
            String updated = page;
            for (Map.Entry<String, String> t : tables.entrySet()) {
                updated = replace(updated, t.getKey(), t.getValue());
            }
            Files.writeString(PAGE, updated, StandardCharsets.UTF_8);
            page = updated;
        }
        List<String> names = new ArrayList<>(tables.keySet());
        names.sort(null);
        for (String name : names) {
            assertEquals(tables.get(name), region(page, name), "docs/client.md's table \"" + name + "\" differs from the "
                    + "code (run the runtime tests with -Dclient.docs.update=true and review the diff)");
        }
    }
}
