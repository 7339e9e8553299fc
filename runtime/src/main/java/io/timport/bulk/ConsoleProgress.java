package io.timport.bulk;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress bar on a terminal: one line redrawn in place while the import runs. When the stream is not a terminal
 * (a log file, CI), it prints a plain line every {@code plainEvery} instead, so logs stay readable.
 *
 * <pre>{@code  62.4% [############........]  62,400/100,000  ok 62,391  failed 9  196 calls/s  retries 3  ETA 0:19}</pre>
 */
public final class ConsoleProgress implements ProgressListener {

    private static final int BAR = 20;

    private final PrintStream out;
    private final boolean interactive;
    private final long plainEveryNanos;
    private long lastPlainNanos = Long.MIN_VALUE;
    private int lastWidth;

    /**
     * @param out where to draw
     * @param interactive redraw one line in place ({@code \r}) rather than print lines
     * @param plainEvery when not interactive, how often to print a line
     */
    public ConsoleProgress(PrintStream out, boolean interactive, Duration plainEvery) {
        this.out = out;
        this.interactive = interactive;
        this.plainEveryNanos = plainEvery.toNanos();
    }

    /** Progress on standard error: redrawn in place on a terminal, a line every 5 s otherwise. */
    public static ConsoleProgress toStandardError() {
        return new ConsoleProgress(System.err, isTerminal(), Duration.ofSeconds(5));
    }

    @Override
    public synchronized void onProgress(ImportProgress p) {
        String line = render(p);
        if (interactive) {
            int pad = Math.max(0, lastWidth - line.length());
            out.print("\r" + line + " ".repeat(pad));
            lastWidth = line.length();
            if (p.finished()) {
                out.println();
            }
            out.flush();
        } else {
            long now = System.nanoTime();
            if (p.finished() || lastPlainNanos == Long.MIN_VALUE || now - lastPlainNanos >= plainEveryNanos) {
                lastPlainNanos = now;
                out.println(line);
                out.flush();
            }
        }
    }

    /** The text of one progress line. */
    public static String render(ImportProgress p) {
        StringBuilder s = new StringBuilder(120);
        if (p.total() > 0) {
            double fraction = Math.min(1.0, (double) p.done() / p.total());
            int filled = (int) Math.round(fraction * BAR);
            s.append(String.format(Locale.ROOT, "%5.1f%% [", fraction * 100))
                    .append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%,d/%,d", p.done(), p.total()));
        } else {
            s.append(String.format(Locale.ROOT, "%,d relations", p.done()));
        }
        s.append(String.format(Locale.ROOT, "  ok %,d  failed %,d", p.imported(), p.failed()));
        if (p.skipped() > 0) {
            s.append(String.format(Locale.ROOT, "  skipped %,d", p.skipped()));
        }
        s.append(String.format(Locale.ROOT, "  %.0f calls/s  retries %,d", p.callsPerSecond(), p.retries()));
        if (p.throttled() > 0) {
            s.append(String.format(Locale.ROOT, "  throttled %,d", p.throttled()));
        }
        if (p.finished()) {
            s.append("  done in ").append(clock(p.elapsed()));
        } else if (p.eta() != null) {
            s.append("  ETA ").append(clock(p.eta()));
        }
        return s.toString();
    }

    static String clock(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // JDK 22+ returns a Console even when redirected; it then tells with isTerminal()
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
