package io.timport.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Progress for a person: on a terminal, one line redrawn in place that fits the terminal's width; anywhere else (a
 * file, a pipe, a CI log), a plain line every few seconds, never a carriage return.
 *
 * <pre>{@code  62.4% [############........]  62,400/100,000  ok 62,391  failed 9  196 calls/s  retries 3  ETA 0:19}</pre>
 *
 * <p>Told the phase ({@link ProgressListener#onProgress(String, ImportProgress)}), as every run of the engine does, the
 * line starts with its name ({@code accounts}, {@code relations}, {@code verification}, {@code repair}), so that the
 * lines of a migration's phases say which is which.
 *
 * <p>On a narrower terminal the line drops what matters least first (the retries, the bar, the throttled answers, the
 * skipped count, the rate, the imported count), so that a redraw never wraps: a wrapped line would leave a new line
 * on every redraw. When the total is not known (standard input, a pipe) the line shows the count without a
 * percentage.
 *
 * <p>{@link #toStandardError()} decides by itself: it draws in place only when standard error is a terminal (so
 * {@code 2> file} and {@code 2>&1 | tee log} get plain lines, and {@code | tee log}, which pipes standard output only,
 * keeps the live line on the terminal), and fits the terminal's width as {@code COLUMNS} or {@code stty} tell it, once,
 * at the start.
 */
public final class ConsoleProgress implements ProgressListener {

    /** The width assumed when the terminal's is not known. */
    public static final int DEFAULT_COLUMNS = 80;

    /** The width a phase's name is padded to: the longest, {@code "verification"}. */
    static final int PHASE_WIDTH = 12;

    private static final int BAR = 20;
    private static final int SHORT_BAR = 10;

    private final PrintStream out;
    private final boolean interactive;
    private final long plainEveryNanos;
    private final int columns;
    private long lastPlainNanos = Long.MIN_VALUE;
    private int lastWidth;

    /**
     * Progress for an 80-column terminal, or a log.
     *
     * @param out where to draw
     * @param interactive redraw one line in place ({@code \r}) rather than print lines
     * @param plainEvery when not interactive, how often to print a line
     */
    public ConsoleProgress(PrintStream out, boolean interactive, Duration plainEvery) {
        this(out, interactive, plainEvery, DEFAULT_COLUMNS);
    }

    /**
     * Progress for a terminal of {@code columns} columns, or a log.
     *
     * @param out where to draw
     * @param interactive redraw one line in place ({@code \r}) rather than print lines
     * @param plainEvery when not interactive, how often to print a line
     * @param columns the terminal's width: a redrawn line is at most {@code columns - 1} characters, so that it never
     *     wraps
     */
    public ConsoleProgress(PrintStream out, boolean interactive, Duration plainEvery, int columns) {
        if (columns < 20) {
            throw new IllegalArgumentException("columns must be at least 20, was " + columns);
        }
        this.out = out;
        this.interactive = interactive;
        this.plainEveryNanos = plainEvery.toNanos();
        this.columns = columns;
    }

    /**
     * Progress on standard error: redrawn in place, fitting the terminal's width, when standard error is a terminal;
     * otherwise a plain line every 5 s.
     *
     * @return a listener that writes to {@code System.err}
     */
    public static ConsoleProgress toStandardError() {
        boolean terminal = Terminal.standardErrorIsTerminal();
        return new ConsoleProgress(System.err, terminal, Duration.ofSeconds(5),
                terminal ? Terminal.columns(System.getenv("COLUMNS")) : DEFAULT_COLUMNS);
    }

    @Override
    public void onProgress(ImportProgress p) {
        draw(null, p);
    }

    /** Draws the snapshot with the phase's name first, padded so that the lines of successive phases align. */
    @Override
    public void onProgress(String phase, ImportProgress p) {
        draw(phase, p);
    }

    private synchronized void draw(String phase, ImportProgress p) {
        if (interactive) {
            String line = render(phase, p, columns - 1);
            int pad = Math.max(0, Math.min(lastWidth, columns - 1) - line.length());
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
                out.println(render(phase, p, Integer.MAX_VALUE));
                out.flush();
            }
        }
    }

    /**
     * The text of one progress line, whole.
     *
     * @param p the snapshot (not null)
     * @return the line, without a line separator
     */
    public static String render(ImportProgress p) {
        return render(p, Integer.MAX_VALUE);
    }

    /**
     * The text of one progress line in at most {@code maxWidth} characters: the parts that matter least are left out
     * until it fits (the percentage, the count, the failures and the time left stay as long as anything does).
     *
     * @param p the snapshot (not null)
     * @param maxWidth the most characters the line may have
     * @return the line, at most {@code maxWidth} characters, without a line separator
     */
    public static String render(ImportProgress p, int maxWidth) {
        return render(null, p, maxWidth);
    }

    /**
     * The text of one progress line of a phase in at most {@code maxWidth} characters: as {@link #render(ImportProgress,
     * int)}, after the phase's name padded to 12 characters, so that the lines of successive phases
     * align; the name stays as long as anything does.
     *
     * @param phase the phase's name, or null for none
     * @param p the snapshot
     * @param maxWidth the most characters the line may have
     * @return the line
     */
    public static String render(String phase, ImportProgress p, int maxWidth) {
        List<Part> parts = parts(p);
        if (phase != null) {
            parts.add(0, new Part("phase", String.format(Locale.ROOT, "%-" + PHASE_WIDTH + "s", phase), true));
        }
        String line = join(parts);
        // Left out in this order until the line fits; the bar first gets shorter.
        String[] leastFirst = {"retries", "bar", "throttled", "skipped", "rate", "ok", "time", "failed", "count"};
        int next = 0;
        while (line.length() > maxWidth && next <= leastFirst.length) {
            Part bar = find(parts, "bar");
            if (next == 1 && bar != null && bar.text.length() > SHORT_BAR + 2) {
                bar.text = bar(p, SHORT_BAR);
            } else if (next < leastFirst.length) {
                parts.remove(find(parts, leastFirst[next]));
                next++;
            } else {
                next++;
            }
            line = join(parts);
        }
        return line.length() > maxWidth ? line.substring(0, Math.max(0, maxWidth)) : line;
    }

    private static final class Part {
        final String name;
        String text;
        /** Joined to the part before with one space, not two. */
        final boolean tight;

        Part(String name, String text, boolean tight) {
            this.name = name;
            this.text = text;
            this.tight = tight;
        }
    }

    private static Part find(List<Part> parts, String name) {
        for (Part part : parts) {
            if (part.name.equals(name)) {
                return part;
            }
        }
        return null;
    }

    private static String join(List<Part> parts) {
        StringBuilder s = new StringBuilder(120);
        for (Part part : parts) {
            if (s.length() > 0) {
                s.append(part.tight ? " " : "  ");
            }
            s.append(part.text);
        }
        return s.toString();
    }

    private static List<Part> parts(ImportProgress p) {
        List<Part> parts = new ArrayList<>(10);
        if (p.total() > 0) {
            double fraction = Math.min(1.0, (double) p.done() / p.total());
            parts.add(new Part("percent", String.format(Locale.ROOT, "%5.1f%%", fraction * 100), false));
            parts.add(new Part("bar", bar(p, BAR), true));
            parts.add(new Part("count", String.format(Locale.ROOT, "%,d/%,d", p.done(), p.total()), true));
        } else {
            parts.add(new Part("count", String.format(Locale.ROOT, "%,d relations", p.done()), false));
        }
        parts.add(new Part("ok", String.format(Locale.ROOT, "ok %,d", p.imported()), false));
        parts.add(new Part("failed", String.format(Locale.ROOT, "failed %,d", p.failed()), false));
        if (p.skipped() > 0) {
            parts.add(new Part("skipped", String.format(Locale.ROOT, "skipped %,d", p.skipped()), false));
        }
        if (p.calls() > 0 || p.retries() > 0) {
            parts.add(new Part("rate", String.format(Locale.ROOT, "%.0f calls/s", p.callsPerSecond()), false));
            parts.add(new Part("retries", String.format(Locale.ROOT, "retries %,d", p.retries()), false));
        }
        if (p.throttled() > 0) {
            parts.add(new Part("throttled", String.format(Locale.ROOT, "throttled %,d", p.throttled()), false));
        }
        if (p.finished()) {
            parts.add(new Part("time", "done in " + clock(p.elapsed()), false));
        } else if (p.eta() != null) {
            parts.add(new Part("time", "ETA " + clock(p.eta()), false));
        }
        return parts;
    }

    private static String bar(ImportProgress p, int width) {
        double fraction = Math.min(1.0, (double) p.done() / p.total());
        int filled = (int) Math.round(fraction * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    static String clock(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /**
     * What the process's terminal is, in a few lines of code rather than a terminal library: the two facts needed
     * (is standard error a terminal, how wide is it) are asked of the operating system the way shell tools do.
     */
    static final class Terminal {
        private Terminal() {
        }

        /**
         * Whether file descriptor 2 is a terminal. On Linux, where {@code /proc/self/fd/2} links to it, by that
         * link; elsewhere on Unix by {@code test -t 2} in a shell that inherits standard error; failing both (Windows),
         * by {@link System#console()}, as before.
         */
        static boolean standardErrorIsTerminal() {
            Path fd2 = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(fd2)) {
                try {
                    return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
                } catch (IOException | UnsupportedOperationException | SecurityException e) {
                    // fall through
                }
            }
            try {
                Process test = new ProcessBuilder("sh", "-c", "test -t 2")
                        .redirectInput(ProcessBuilder.Redirect.PIPE)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                if (test.waitFor(2, TimeUnit.SECONDS)) {
                    return test.exitValue() == 0;
                }
                test.destroyForcibly();
            } catch (IOException | SecurityException e) {
                // no shell: fall through
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return consoleIsTerminal();
        }

        /** Whether a device path names a terminal: a pseudo-terminal, a virtual console, a serial line. */
        static boolean isTerminalDevice(String target) {
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        }

        /**
         * The terminal's columns: {@code COLUMNS} when the shell exports it, else {@code stty size} of the controlling
         * terminal, else {@value ConsoleProgress#DEFAULT_COLUMNS}.
         */
        static int columns(String columnsVariable) {
            int fromVariable = parseColumns(columnsVariable);
            if (fromVariable > 0) {
                return fromVariable;
            }
            try {
                Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                stty.getOutputStream().close();
                String answer;
                try (InputStream in = stty.getInputStream()) {
                    answer = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
                }
                if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                    String[] rowsColumns = answer.split("\\s+");
                    if (rowsColumns.length == 2) {
                        int columns = parseColumns(rowsColumns[1]);
                        if (columns > 0) {
                            return columns;
                        }
                    }
                } else {
                    stty.destroyForcibly();
                }
            } catch (IOException | SecurityException e) {
                // no shell, no stty, no controlling terminal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DEFAULT_COLUMNS;
        }

        /** A plausible width, or 0. */
        static int parseColumns(String text) {
            if (text == null) {
                return 0;
            }
            try {
                int columns = Integer.parseInt(text.trim());
                return columns >= 20 && columns <= 1000 ? columns : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private static boolean consoleIsTerminal() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            try { // JDK 22+ returns a Console even when redirected; it then tells with isTerminal()
                Method isTerminal = java.io.Console.class.getMethod("isTerminal");
                return (Boolean) isTerminal.invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }
    }
}
