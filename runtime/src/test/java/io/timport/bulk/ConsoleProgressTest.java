package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 15 item 7: progress that fits an 80-column terminal, and plain lines anywhere else. */
class ConsoleProgressTest {

    private static ImportProgress progress(long done, long total, long failed, long retries, long throttled,
            boolean finished) {
        return new ImportProgress(done, done - failed, failed, 0, total, 2_000, retries, throttled, 40, 196.4,
                Duration.ofSeconds(41), finished ? null : Duration.ofSeconds(619), finished);
    }

    @Test
    void theWholeLineHasEverything() {
        assertEquals(" 62.4% [############........] 6,240,000/10,000,000  ok 6,239,991  failed 9  196 calls/s  "
                + "retries 3  throttled 2  ETA 10:19", ConsoleProgress.render(progress(6_240_000, 10_000_000, 9, 3, 2,
                        false)));
    }

    @Test
    void onAnEightyColumnTerminalTheLineLeavesOutWhatMattersLeastAndNeverWraps() {
        assertEquals(" 62.4% 6,240,000/10,000,000  ok 6,239,991  failed 9  196 calls/s  ETA 10:19",
                ConsoleProgress.render(progress(6_240_000, 10_000_000, 9, 3, 2, false), 79));
        assertEquals("100.0% [####################] 100,000/100,000  ok 99,992  failed 8  196 calls/s  done in 0:41",
                ConsoleProgress.render(progress(100_000, 100_000, 8, 0, 0, true), 100));
        assertEquals("100.0% [##########] 100,000/100,000  ok 99,992  failed 8  196 calls/s  done in 0:41",
                ConsoleProgress.render(progress(100_000, 100_000, 8, 0, 0, true), 90));
        assertEquals("100.0% 100,000/100,000  ok 99,992  failed 8  196 calls/s  done in 0:41",
                ConsoleProgress.render(progress(100_000, 100_000, 8, 0, 0, true), 79));
        assertEquals( " 62.4% 6,240,000/10,000,000  failed 9  ETA 10:19",
                ConsoleProgress.render(progress(6_240_000, 10_000_000, 9, 3, 2, false), 50));
        for (int width = 20; width < 130; width++) {
            String line = ConsoleProgress.render(progress(9_999_999_999L, 10_000_000_000L, 123_456_789, 1_234_567,
                    7_654_321, false), width);
            assertTrue(line.length() <= width, width + ": " + line);
        }
    }

    @Test
    void eachPhaseOfAMigrationIsNamedAtTheStartOfItsLinesWhichAlign() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress log = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                Duration.ofHours(1));
        ProgressListener listener = log;
        listener.onProgress("accounts", progress(501, 501, 0, 0, 0, true));
        listener.onProgress("relations", progress(25_000, 25_000, 8, 0, 0, true));
        listener.onProgress("verification", progress(25_000, 25_000, 0, 0, 0, true));
        listener.onProgress("repair", progress(250, 250, 0, 0, 0, true));
        assertEquals(String.join(System.lineSeparator(),
                "accounts      100.0% [####################] 501/501  ok 501  failed 0  196 calls/s  retries 0  done in 0:41",
                "relations     100.0% [####################] 25,000/25,000  ok 24,992  failed 8  196 calls/s  retries 0  "
                        + "done in 0:41",
                "verification  100.0% [####################] 25,000/25,000  ok 25,000  failed 0  196 calls/s  retries 0  "
                        + "done in 0:41",
                "repair        100.0% [####################] 250/250  ok 250  failed 0  196 calls/s  retries 0  done in 0:41",
                ""), bytes.toString(StandardCharsets.UTF_8));
        // On an 80-column terminal the name stays; what matters least goes first, as without it.
        assertEquals("verification   62.4% 6,240,000/10,000,000  ok 6,239,991  failed 9  ETA 10:19",
                ConsoleProgress.render("verification", progress(6_240_000, 10_000_000, 9, 3, 2, false), 79));
        for (int width = 20; width < 130; width++) {
            String line = ConsoleProgress.render("verification", progress(9_999_999_999L, 10_000_000_000L,
                    123_456_789, 1_234_567, 7_654_321, false), width);
            assertTrue(line.length() <= width, width + ": " + line);
        }
        // A listener that knows nothing of phases gets every snapshot all the same.
        java.util.List<ImportProgress> got = new java.util.ArrayList<>();
        ProgressListener plain = got::add;
        plain.onProgress("accounts", progress(1, 2, 0, 0, 0, false));
        assertEquals(1, got.size());
    }

    @Test
    void withNoTotalTheLineShowsTheCountAlone() {
        ImportProgress p = new ImportProgress(1_234, 1_230, 4, 0, -1, 3, 0, 0, 1, 2.0, Duration.ofSeconds(3), null,
                false);
        assertEquals("1,234 relations  ok 1,230  failed 4  2 calls/s  retries 0", ConsoleProgress.render(p));
        assertFalse(ConsoleProgress.render(p).contains("%"));
    }

    @Test
    void onATerminalEachRedrawReturnsToTheStartOfOneLineThatFits() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress bar = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
                Duration.ofSeconds(5), 80);
        bar.onProgress(progress(6_240_000, 10_000_000, 9, 3, 2, false));
        bar.onProgress(progress(10_000, 10_000_000, 0, 0, 0, false));
        bar.onProgress(progress(10_000_000, 10_000_000, 9, 3, 2, true));
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.startsWith("\r"), drawn);
        assertTrue(drawn.endsWith(System.lineSeparator()), "a new line only at the end");
        String[] redraws = drawn.strip().split("\r");
        assertEquals(3, redraws.length, drawn);
        for (String redraw : redraws) {
            assertTrue(redraw.length() <= 79, "fits 80 columns, the cursor never wraps: " + redraw.length());
            assertFalse(redraw.contains("\n"), redraw);
        }
    }

    @Test
    void anywhereElseItPrintsPlainLinesNoCarriageReturn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress log = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                Duration.ofHours(1));
        log.onProgress(progress(10, 100, 0, 0, 0, false));
        log.onProgress(progress(20, 100, 0, 0, 0, false)); // within the hour: not printed
        log.onProgress(progress(100, 100, 0, 0, 0, true));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("\r"), printed);
        assertEquals(2, printed.lines().count(), printed);
        assertTrue(printed.lines().skip(1).findFirst().orElseThrow().startsWith("100.0% [####################] 100/100"));
    }

    @Test
    void theTerminalIsToldByItsDevice() {
        assertTrue(ConsoleProgress.Terminal.isTerminalDevice("/dev/pts/3"));
        assertTrue(ConsoleProgress.Terminal.isTerminalDevice("/dev/tty1"));
        assertFalse(ConsoleProgress.Terminal.isTerminalDevice("/tmp/err.log"));
        assertFalse(ConsoleProgress.Terminal.isTerminalDevice("pipe:[4711]"));
        assertEquals(132, ConsoleProgress.Terminal.columns("132"));
        assertEquals(0, ConsoleProgress.Terminal.parseColumns("wide"));
        assertEquals(0, ConsoleProgress.Terminal.parseColumns("5"));
        // The test JVM's standard error is a pipe to the build: not a terminal, so plain lines.
        assertFalse(ConsoleProgress.Terminal.standardErrorIsTerminal());
    }
}
