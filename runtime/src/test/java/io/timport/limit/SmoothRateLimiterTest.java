package io.timport.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.call.ChatApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SmoothRateLimiterTest {

    static final long SECOND = 1_000_000_000L;
    // Start near the top of the long range: nanoTime may be anywhere, and overflow must not matter.
    static final long START = Long.MAX_VALUE - 30 * SECOND;

    /** The most grant times that fall in any half-open window [t, t + 1 s). Sorted input. */
    static int maxInAnyOneSecondWindow(List<Long> grants) {
        int max = 0;
        int lo = 0;
        for (int hi = 0; hi < grants.size(); hi++) {
            while (grants.get(hi) - grants.get(lo) >= SECOND) {
                lo++;
            }
            max = Math.max(max, hi - lo + 1);
        }
        return max;
    }

    /** Takes {@code permits} permits one after another, adding the virtual time each was granted to {@code grants}. */
    static void acquire(SmoothRateLimiter limiter, VirtualNanoClock clock, int permits, List<Long> grants)
            throws InterruptedException {
        for (int i = 0; i < permits; i++) {
            limiter.acquire();
            grants.add(clock.nanoTime());
        }
    }

    @Test
    void thousandAcquisitionsAt200PerSecondNeverExceed200InAnyWindowIncludingABurstAfterIdle() throws Exception {
        VirtualNanoClock clock = new VirtualNanoClock(START);
        SmoothRateLimiter limiter = new SmoothRateLimiter(200, clock);
        List<Long> grants = new ArrayList<>();

        acquire(limiter, clock, 400, grants); // a busy stretch
        clock.advance(60 * SECOND); // a long idle: nothing may be stored for a burst
        acquire(limiter, clock, 300, grants); // the burst after the idle
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) { // irregular callers, sometimes idle for a while
            clock.advance(random.nextInt(4) == 0 ? (long) (random.nextDouble() * 2 * SECOND) : random.nextInt(3_000_000));
            limiter.acquire();
            grants.add(clock.nanoTime());
        }

        assertEquals(1000, grants.size());
        assertEquals(200, maxInAnyOneSecondWindow(grants), "full rate when busy, never more");
        for (int i = 1; i < grants.size(); i++) {
            assertTrue(grants.get(i) - grants.get(i - 1) >= 2_500_000L, "permit " + i + " came early");
        }
        // The first permit after the idle is granted at once; the idle stored at most 100 ms of permits, which come
        // at twice the rate (2.5 ms apart: 40 of them in 100 ms, not 20), then every 5 ms again.
        assertEquals(grants.get(399) + 60 * SECOND, grants.get(400) - 0, "no wait after the idle");
        assertEquals(2_500_000L, grants.get(401) - grants.get(400));
        assertEquals(100_000_000L, grants.get(440) - grants.get(400), "the catch-up is bounded");
        assertEquals(5_000_000L, grants.get(441) - grants.get(440), "then the rate again");
        assertEquals(200, maxInAnyOneSecondWindow(grants.subList(400, 700)));
        // The busy stretch ran at exactly the rate in virtual time: 399 intervals of 5 ms.
        assertEquals(399 * 5_000_000L, grants.get(399) - grants.get(0));
    }

    @Test
    void aLateCallerLosesNothingTheScheduleIsKept() throws Exception {
        // The caller comes 12 ms late every 50th permit (a collection, a busy core): the permits it missed come
        // sooner afterwards, so that 1000 permits take 999 intervals, as if it had never been late.
        VirtualNanoClock clock = new VirtualNanoClock(START);
        SmoothRateLimiter limiter = new SmoothRateLimiter(200, clock);
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            if (i % 50 == 10) {
                clock.advance(12_000_000L);
            }
            limiter.acquire();
            grants.add(clock.nanoTime());
        }
        assertEquals(999 * 5_000_000L, grants.get(999) - grants.get(0), "no late moment lost");
        assertEquals(200, maxInAnyOneSecondWindow(grants));
        for (int i = 1; i < grants.size(); i++) {
            assertTrue(grants.get(i) - grants.get(i - 1) >= 2_500_000L, "permit " + i + " came too close");
        }
    }

    @Test
    void theCatchUpNeverPutsMoreThanTheRateInAnySecond() throws Exception {
        // A full second on schedule, then 100 ms late: the schedule owes 20 permits, but the second that ends when
        // they would be made up already holds its 200; the limiter waits for the old permits to leave it.
        VirtualNanoClock clock = new VirtualNanoClock(START);
        SmoothRateLimiter limiter = new SmoothRateLimiter(200, clock);
        List<Long> grants = new ArrayList<>();
        acquire(limiter, clock, 200, grants);
        clock.advance(105_000_000L);
        acquire(limiter, clock, 400, grants);
        assertEquals(200, maxInAnyOneSecondWindow(grants));
        // Without the second's rule the 20 owed permits would fit in [1.1 s, 2.1 s) with 200 others.
        long inThatSecond = grants.stream().filter(g -> g - START >= 1_100_000_000L && g - START < 2_100_000_000L)
                .count();
        assertEquals(200, inThatSecond);
    }

    @Test
    void neverMoreThanCeilOfTheRateInAnySecondWhateverTheCallers() throws Exception {
        Random random = new Random(7);
        for (double rate : new double[] {196, 200, 98.5, 3, 1000}) {
            VirtualNanoClock clock = new VirtualNanoClock(START);
            SmoothRateLimiter limiter = new SmoothRateLimiter(rate, clock);
            long interval = limiter.intervalNanos();
            List<Long> grants = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    clock.advance((long) (random.nextDouble() * 300_000_000L)); // late, or a short idle
                } else if (kind == 1) {
                    clock.advance((long) (random.nextDouble() * interval)); // a little late
                }
                if (random.nextInt(5) == 0) {
                    if (!limiter.tryAcquire(Duration.ofNanos((long) (random.nextDouble() * 2 * interval)))) {
                        continue;
                    }
                } else {
                    limiter.acquire();
                }
                grants.add(clock.nanoTime());
            }
            int ceil = (int) Math.ceil(rate);
            assertTrue(maxInAnyOneSecondWindow(grants) <= ceil, rate + "/s: " + maxInAnyOneSecondWindow(grants));
            for (int i = 1; i < grants.size(); i++) {
                assertTrue(grants.get(i) - grants.get(i - 1) >= interval / 2, rate + "/s: permit " + i);
            }
        }
    }

    @Test
    void aRateChangeKeepsTheSecondsRule() throws Exception {
        VirtualNanoClock clock = new VirtualNanoClock(START);
        SmoothRateLimiter limiter = new SmoothRateLimiter(200, clock);
        List<Long> grants = new ArrayList<>();
        acquire(limiter, clock, 150, grants);
        limiter.setPermitsPerSecond(100);
        acquire(limiter, clock, 300, grants);
        // After the change no second holds more than 100 permits, counting the ones granted at 200/s.
        List<Long> after = grants.stream().filter(g -> g - grants.get(150) >= 0).toList();
        assertEquals(100, maxInAnyOneSecondWindow(after));
        assertEquals(1_250_000_000L, grants.get(150) - START,
                "the permits of the last second at 200/s count: the 100th newest (at 250 ms) must leave it first");
    }

    @Test
    void concurrentAcquirersShareTheRate() throws Exception {
        VirtualNanoClock clock = new VirtualNanoClock(START);
        SmoothRateLimiter limiter = new SmoothRateLimiter(200, clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 250; i++) {
                        limiter.acquire();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // Virtual time only moves when the limiter sleeps: 1000 permits took exactly 999 intervals, so none came
        // early and none was lost.
        assertEquals(999 * 5_000_000L, clock.nanoTime() - START);
    }

    @Test
    void tryAcquireTakesNothingWhenThePermitIsTooFarAway() throws Exception {
        VirtualNanoClock clock = new VirtualNanoClock(START);
        SmoothRateLimiter limiter = new SmoothRateLimiter(10, clock); // 100 ms apart
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire(), "the next permit is 100 ms away");
        assertFalse(limiter.tryAcquire(Duration.ofMillis(99)));
        assertEquals(START, clock.nanoTime(), "refusals do not wait");
        assertTrue(limiter.tryAcquire(Duration.ofMillis(100)));
        assertEquals(START + 100_000_000L, clock.nanoTime(), "waited exactly for the permit");
        clock.advance(100_000_000L);
        assertTrue(limiter.tryAcquire());
    }

    @Test
    void anInterruptedWaiterTakesNoPermit() throws Exception {
        SmoothRateLimiter limiter = new SmoothRateLimiter(1.0 / 60); // real clock, one permit a minute
        limiter.acquire();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                limiter.acquire();
                outcome.set(new AssertionError("acquired without waiting"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        waiter.start();
        Thread.sleep(50);
        waiter.interrupt();
        waiter.join(2000);
        assertFalse(waiter.isAlive());
        assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
        assertFalse(limiter.tryAcquire(), "still within the minute of the first permit: nothing was taken or freed");
    }

    @Test
    void anInterruptedAcquireLeavesTheScheduleAsItWas() throws Exception {
        VirtualNanoClock clock = new VirtualNanoClock(START);
        SmoothRateLimiter limiter = new SmoothRateLimiter(200, clock);
        limiter.acquire();
        Thread.currentThread().interrupt(); // interrupted before waiting
        assertThrows(InterruptedException.class, limiter::acquire);
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt was consumed by the exception");
        clock.interruptNextSleep(); // interrupted while waiting
        assertThrows(InterruptedException.class, limiter::acquire);
        assertEquals(START, clock.nanoTime());
        limiter.acquire();
        assertEquals(START + 5_000_000L, clock.nanoTime(), "the next permit is the one the interrupted call did not take");
    }

    @Test
    void realClockKeepsTheSpacing() throws Exception {
        SmoothRateLimiter limiter = new SmoothRateLimiter(1000);
        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            limiter.acquire();
        }
        assertTrue(System.nanoTime() - start >= 20 * 1_000_000L, "21 permits at 1000/s take at least 20 ms");
    }

    @Test
    void rejectsNonsenseRates() {
        assertThrows(IllegalArgumentException.class, () -> new SmoothRateLimiter(0));
        assertThrows(IllegalArgumentException.class, () -> new SmoothRateLimiter(-5));
        assertThrows(IllegalArgumentException.class, () -> new SmoothRateLimiter(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new SmoothRateLimiter(Double.POSITIVE_INFINITY));
        assertEquals(5_000_000L, new SmoothRateLimiter(200).intervalNanos());
        assertEquals(333_333_334L, new SmoothRateLimiter(3).intervalNanos(), "rounded up, never early");
    }

    @Test
    void registrySharesOneLimiterPerSdkAppId() {
        RateLimiterRegistry registry = new RateLimiterRegistry(new VirtualNanoClock(0));
        RateLimiter a = registry.forSdkAppId(1400000000L);
        assertSame(a, registry.forSdkAppId(1400000000L));
        assertEquals(196.0, a.permitsPerSecond(), "2 % under the documented 200 calls/s");
        assertEquals(RateLimiterRegistry.DEFAULT_PACE, a.permitsPerSecond());
        assertNotSame(a, registry.forSdkAppId(1400000001L));
        assertSame(RateLimiterRegistry.global(), RateLimiterRegistry.global());
        assertSame(RateLimiterRegistry.global().forSdkAppId(4000000001L), RateLimiterRegistry.global().forSdkAppId(4000000001L));
    }

    @Test
    void anExplicitRateReplacesTheDefaultButTwoExplicitRatesMustAgree() {
        RateLimiterRegistry registry = new RateLimiterRegistry(new VirtualNanoClock(0));
        RateLimiter byDefault = registry.forSdkAppId(1400000000L);
        assertSame(byDefault, registry.forSdkAppId(1400000000L, 150));
        assertEquals(150.0, byDefault.permitsPerSecond(), "the default gives way; every sharer now runs at 150/s");
        assertSame(byDefault, registry.forSdkAppId(1400000000L, 150));
        assertSame(byDefault, registry.forSdkAppId(1400000000L));
        assertEquals(150.0, registry.forSdkAppId(1400000000L).permitsPerSecond());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.forSdkAppId(1400000000L, 100));
        assertEquals("SDKAppID 1400000000 already has a shared rate limiter at 150.0 calls/s for friend_import; asked for "
                + "100.0 calls/s. All users of one app's API in a JVM must agree on its rate.", e.getMessage());

        RateLimiter explicitFirst = registry.forSdkAppId(7L, 50);
        assertEquals(50.0, registry.forSdkAppId(7L).permitsPerSecond(), "the default takes what is there");
        assertSame(explicitFirst, registry.forSdkAppId(7L));
        assertThrows(IllegalArgumentException.class, () -> registry.forSdkAppId(7L, 200));
        assertThrows(IllegalArgumentException.class, () -> registry.forSdkAppId(8L, 0));
    }

    @Test
    void aRateChangeSpacesTheNextPermitByTheNewInterval() throws Exception {
        VirtualNanoClock clock = new VirtualNanoClock(START);
        SmoothRateLimiter limiter = new SmoothRateLimiter(200, clock);
        limiter.acquire();
        limiter.acquire();
        assertEquals(5_000_000L, clock.nanoTime() - START);
        limiter.setPermitsPerSecond(100);
        limiter.acquire();
        assertEquals(15_000_000L, clock.nanoTime() - START);
        assertEquals(10_000_000L, limiter.intervalNanos());
    }

    @Test
    void sharedLimiterPacesTwoUsersTogether() throws Exception {
        VirtualNanoClock clock = new VirtualNanoClock(START);
        RateLimiterRegistry registry = new RateLimiterRegistry(clock);
        RateLimiter first = registry.forSdkAppId(7, 200);
        RateLimiter second = registry.forSdkAppId(7);
        for (int i = 0; i < 100; i++) {
            first.acquire();
            second.acquire();
        }
        assertEquals(199 * 5_000_000L, clock.nanoTime() - START, "200 permits, one schedule");
    }

    @Test
    void eachApiOfAnAppHasItsOwnSharedLimiterAtItsOwnDocumentedLimit() {
        RateLimiterRegistry registry = new RateLimiterRegistry(new VirtualNanoClock(0));
        Map<ChatApi, Double> expected = Map.of(ChatApi.FRIEND_IMPORT, 196.0, ChatApi.ACCOUNT_CHECK, 98.0,
                ChatApi.MULTIACCOUNT_IMPORT, 98.0, ChatApi.ACCOUNT_IMPORT, 196.0, ChatApi.FRIEND_GET, 196.0,
                ChatApi.FRIEND_CHECK, 196.0);
        Set<RateLimiter> distinct = new HashSet<>();
        for (ChatApi api : ChatApi.values()) {
            RateLimiter limiter = registry.forApi(9L, api);
            assertEquals(expected.get(api), limiter.permitsPerSecond(), 1e-9, api.apiName());
            assertEquals(RateLimiterRegistry.defaultPace(api), limiter.permitsPerSecond(), api.apiName());
            assertSame(limiter, registry.forApi(9L, api), "shared per app and API");
            distinct.add(limiter);
        }
        assertEquals(ChatApi.values().length, distinct.size(), "one limiter per API");
        assertSame(registry.forSdkAppId(9L), registry.forApi(9L, ChatApi.FRIEND_IMPORT), "forSdkAppId is friend_import's");
        // An explicit rate for one API leaves the others alone; a contradiction names the API.
        registry.forApi(9L, ChatApi.ACCOUNT_CHECK, 50);
        assertEquals(196.0, registry.forApi(9L, ChatApi.FRIEND_GET).permitsPerSecond(), 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.forApi(9L, ChatApi.ACCOUNT_CHECK, 60));
        assertTrue(e.getMessage().contains("for account_check"), e.getMessage());
        assertNotSame(registry.forApi(9L, ChatApi.ACCOUNT_CHECK), registry.forApi(10L, ChatApi.ACCOUNT_CHECK),
                "and per app");
        assertEquals(200.0, RateLimiterRegistry.DEFAULT_CALLS_PER_SECOND);
        assertEquals(196.0, RateLimiterRegistry.DEFAULT_PACE, 1e-9);
    }
}
