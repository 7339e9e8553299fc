package io.timport.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's garbage collections through their JMX notifications: how many, their total and longest
 * duration, and the most heap still in use right after one (the live set plus what the collection left).
 */
final class GcWatch implements AutoCloseable, NotificationListener {

    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private long count;
    private long totalMillis;
    private long maxMillis;
    private long maxUsedAfterGc;
    private long lastUsedAfterGc;
    /** (arrival nanoTime, duration ms) of each collection. */
    private final List<long[]> events = new ArrayList<>();

    GcWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter) {
                ((NotificationEmitter) gc).addNotificationListener(this, null, null);
                emitters.add((NotificationEmitter) gc);
            }
        }
    }

    @Override
    public synchronized void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        count++;
        long millis = info.getGcInfo().getDuration();
        totalMillis += millis;
        maxMillis = Math.max(maxMillis, millis);
        events.add(new long[] {System.nanoTime(), millis});
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        maxUsedAfterGc = Math.max(maxUsedAfterGc, used);
        lastUsedAfterGc = used;
    }

    private boolean isHeapPool(String name) {
        return heapPools.contains(name);
    }

    synchronized long count() {
        return count;
    }

    synchronized long totalMillis() {
        return totalMillis;
    }

    synchronized long maxMillis() {
        return maxMillis;
    }

    /** The most heap in use right after any collection, in bytes. */
    synchronized long maxUsedAfterGc() {
        return maxUsedAfterGc;
    }

    /** The heap in use right after the latest collection, in bytes. */
    synchronized long lastUsedAfterGc() {
        return lastUsedAfterGc;
    }

    /** "12 GCs, 340 ms in all, longest 80 ms". */
    synchronized String summary() {
        return String.format(Locale.ROOT, "%d GCs, %d ms in all, longest %d ms", count, totalMillis, maxMillis);
    }

    /** Like {@link #summary()}, for the collections whose notification arrived between the two {@code nanoTime}s. */
    synchronized String summary(long fromNanos, long toNanos) {
        long n = 0;
        long total = 0;
        long max = 0;
        for (long[] e : events) {
            if (e[0] - fromNanos >= 0 && e[0] - toNanos <= 0) {
                n++;
                total += e[1];
                max = Math.max(max, e[1]);
            }
        }
        return String.format(Locale.ROOT, "%d GCs, %d ms in all, longest %d ms", n, total, max);
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
