package io.timport.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap every 10 ms on a daemon thread of its own and keeps the most used and the most committed; for the
 * heap benchmarks' importer JVMs. Started by its constructor, stopped by {@link #close()}.
 */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong maxUsed = new AtomicLong();
    private final AtomicLong maxCommitted = new AtomicLong();
    private final Thread thread;

    HeapSampler() {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                maxUsed.accumulateAndGet(heap.getUsed(), Math::max);
                maxCommitted.accumulateAndGet(heap.getCommitted(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The most heap in use in any sample so far, in bytes. */
    long maxUsed() {
        return maxUsed.get();
    }

    /** The most heap committed in any sample so far, in bytes. */
    long maxCommitted() {
        return maxCommitted.get();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
