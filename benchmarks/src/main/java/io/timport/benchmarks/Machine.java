package io.timport.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the figures were measured on: printed at the top of every benchmark's output. */
final class Machine {

    private Machine() {
    }

    /** Date, CPUs, CPU model, RAM, JVM, max heap and collector, and the load average now. */
    static String describe() {
        return "date " + LocalDate.now() + "; " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel()
                + "), " + ramGib() + " RAM; " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, " + collectors() + "; " + load();
    }

    /** The 1-minute load average, to tell a quiet machine from a busy one. */
    static String load() {
        return String.format(Locale.ROOT, "load average %.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static String cpuModel() {
        String line = procLine("/proc/cpuinfo", "model name");
        return line == null ? System.getProperty("os.arch") : line.substring(line.indexOf(':') + 1).trim();
    }

    private static String ramGib() {
        String line = procLine("/proc/meminfo", "MemTotal:");
        if (line == null) {
            return "unknown";
        }
        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
    }

    /** The peak resident set size of process {@code pid} in MiB ({@code VmHWM}), or -1 off Linux. */
    static long peakRssMib(long pid) {
        String line = procLine("/proc/" + pid + "/status", "VmHWM:");
        return line == null ? -1 : Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
    }

    private static String procLine(String file, String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return null;
    }
}
