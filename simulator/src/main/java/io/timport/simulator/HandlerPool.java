package io.timport.simulator;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server threads: an idle thread takes a request if there is one; otherwise a new thread is made, up to
 * {@code threads}; past that, requests wait in a queue of {@code 4 × threads}; past that, the executor refuses them
 * and the JDK's dispatcher closes the connection. Threads idle for 30 s end. (A plain {@link ThreadPoolExecutor} with
 * a queue makes a thread per request until its core size is reached, even while others are idle: 256 threads for a
 * client that sends one call at a time.)
 */
final class HandlerPool extends ThreadPoolExecutor {

    /** Hands a request to an idle thread, or refuses it (so that the executor makes a thread) while it may grow. */
    private static final class Queue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        private final AtomicInteger idle = new AtomicInteger();
        private transient HandlerPool pool;

        Queue(int capacity) {
            super(capacity);
        }

        @Override
        public boolean offer(Runnable task) {
            // The JDK's dispatcher is the only thread that submits, so these counts do not race with other offers.
            if (idle.get() <= size() && pool.getPoolSize() < pool.getMaximumPoolSize()) {
                return false; // no idle thread for it: let the executor make one
            }
            return super.offer(task);
        }

        @Override
        public Runnable take() throws InterruptedException {
            idle.incrementAndGet();
            try {
                return super.take();
            } finally {
                idle.decrementAndGet();
            }
        }

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            idle.incrementAndGet();
            try {
                return super.poll(timeout, unit);
            } finally {
                idle.decrementAndGet();
            }
        }
    }

    private HandlerPool(int threads, Queue queue, ThreadFactory factory) {
        super(0, threads, 30, TimeUnit.SECONDS, queue, factory);
    }

    static HandlerPool create(int threads, ThreadFactory factory) {
        Queue queue = new Queue(4 * threads);
        HandlerPool pool = new HandlerPool(threads, queue, factory);
        queue.pool = pool;
        return pool;
    }
}
