package io.timport.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.call.FriendImportResponse;
import io.timport.call.ResultItem;
import io.timport.testing.TestItem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The production driver ({@link ImportRun}) on real threads, with a sender in memory instead of HTTP: its waking,
 * its ending, and what it does when the journal or the caller's thread fails. The decisions are {@link EngineTest}'s;
 * the HTTP wiring is the integration tests'.
 */
@Timeout(30)
class ImportRunTest {

    private final ExecutorService answers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopAnswering() {
        answers.shutdownNow();
    }

    /** Answers every item OK on another thread (or on the sending one), and fails on two calls of one account. */
    private class InstantSender implements RelationSender<TestItem> {
        final Set<String> inFlight = ConcurrentHashMap.newKeySet();
        final AtomicInteger calls = new AtomicInteger();
        final List<String> overlaps = new CopyOnWriteArrayList<>();
        final boolean sameThread;

        InstantSender(boolean sameThread) {
            this.sameThread = sameThread;
        }

        @Override
        public CompletableFuture<FriendImportResponse> send(String fromAccount, List<TestItem> items) {
            calls.incrementAndGet();
            if (!inFlight.add(fromAccount)) {
                overlaps.add(fromAccount);
            }
            List<ResultItem> results = new ArrayList<>(items.size());
            for (TestItem item : items) {
                results.add(new ResultItem(item.toAccount(), 0, ""));
            }
            FriendImportResponse ok = new FriendImportResponse("OK", 0, "", "", results, List.of(), List.of());
            if (sameThread) {
                inFlight.remove(fromAccount);
                return CompletableFuture.completedFuture(ok);
            }
            return CompletableFuture.supplyAsync(() -> {
                inFlight.remove(fromAccount);
                return ok;
            }, answers);
        }

        @Override
        public void renewSignature() {
        }

        @Override
        public double pace() {
            return 1_000_000;
        }
    }

    @Test
    void aLargeUnsortedImportEndsWithEveryRelationSettledOnce() throws Exception {
        for (boolean sameThread : new boolean[] {false, true}) {
            InstantSender sender = new InstantSender(sameThread);
            MemoryJournal journal = new MemoryJournal(); // fails on a position recorded twice
            VirtualRun.Settings settings = new VirtualRun.Settings();
            settings.maxBufferedItems(2_000).batchSize(100).linger(Duration.ofHours(1));
            List<ImportRecord<TestItem>> input = VirtualRun.interleaved(400, 50);

            ImportReport report = BulkImporter.run(settings.settings(), sender, journal, input.size(), input.iterator());

            assertEquals(20_000, report.imported(), report.summary(3));
            assertEquals(20_000, journal.done().size());
            assertEquals(List.of(), sender.overlaps, "never two calls for one account at once");
            assertEquals(sender.calls.get(), report.calls());
        }
    }

    @Test
    void listenersHearTheRunFromStartToEnd() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        List<ImportProgress> progress = new CopyOnWriteArrayList<>();
        VirtualRun.Settings settings = new VirtualRun.Settings();
        settings.progressInterval(Duration.ofMillis(1)).progress(progress::add).listener(new ImportListener() {
            @Override
            public void phaseStarted(String phase, long total) {
                heard.add("started " + phase + " " + total);
            }

            @Override
            public void pace(String api, double callsPerSecond) {
                heard.add("pace " + api + " " + callsPerSecond);
            }

            @Override
            public void phaseEnded(String phase, ImportProgress last, boolean stopped) {
                heard.add("ended " + phase + " " + last.imported() + " " + stopped);
            }
        });
        List<ImportRecord<TestItem>> input = VirtualRun.grouped(10, 10);

        BulkImporter.run(settings.settings(), new InstantSender(false), new MemoryJournal(), 100, input.iterator());

        assertEquals(List.of("started relations 100", "pace friend_import 1000000.0", "ended relations 100 false"),
                heard);
        ImportProgress last = progress.get(progress.size() - 1);
        assertTrue(last.finished());
        assertEquals(100, last.imported());
        assertEquals(100, last.total());
    }

    @Test
    void anInputThatCannotBeReadToItsEndImportsWhatWasReadThenStops() {
        VirtualRun.Settings settings = new VirtualRun.Settings();
        settings.batchSize(10).linger(Duration.ofHours(1));
        InstantSender sender = new InstantSender(false);
        Iterator<ImportRecord<TestItem>> records = VirtualRun.grouped(25, 10).iterator(); // 250 records
        Iterator<ImportRecord<TestItem>> failing = new Iterator<>() {
            int read;

            @Override
            public boolean hasNext() {
                if (read == 95) {
                    throw new java.io.UncheckedIOException("in.jsonl:96 holds a NUL byte", new IOException("NUL"));
                }
                return records.hasNext();
            }

            @Override
            public ImportRecord<TestItem> next() {
                read++;
                return records.next();
            }
        };

        ImportAbortedException e = assertThrows(ImportAbortedException.class,
                () -> BulkImporter.run(settings.settings(), sender, new MemoryJournal(), -1, failing));

        assertEquals("the input could not be read past record 95: in.jsonl:96 holds a NUL byte", e.getMessage());
        assertEquals(95, e.report().records());
        assertEquals(95, e.report().imported(), "what was read is imported, the partial batch included");
        assertEquals(0, e.report().notDone());
    }

    @Test
    void aJournalThatCannotBeWrittenStopsTheImport() {
        MemoryJournal broken = new MemoryJournal() {
            @Override
            public void flush() throws IOException {
                throw new IOException("cannot append to the import journal j: No space left on device");
            }
        };
        VirtualRun.Settings settings = new VirtualRun.Settings();
        settings.batchSize(10);
        InstantSender sender = new InstantSender(false);
        List<ImportRecord<TestItem>> input = VirtualRun.grouped(100, 10);

        ImportAbortedException e = assertThrows(ImportAbortedException.class,
                () -> BulkImporter.run(settings.settings(), sender, broken, -1, input.iterator()));

        assertEquals("cannot append to the import journal j: No space left on device", e.getMessage());
        assertTrue(e.getCause() instanceof IOException);
        assertTrue(e.report().notDone() > 0, e.report().summary(0));
        assertTrue(sender.calls.get() < 100, "it stopped sending: " + sender.calls.get() + " calls");
    }

    @Test
    void anInterruptedCallerGetsAnInterruptedExceptionAndTheJournalIsClosed() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch sent = new CountDownLatch(1);
        Iterator<ImportRecord<TestItem>> endless = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ImportRecord<TestItem> next() {
                reading.countDown();
                return VirtualRun.relation("u" + next % 100, "f" + next++);
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicInteger closes = new AtomicInteger();
        MemoryJournal journal = new MemoryJournal() {
            @Override
            public void close() {
                closes.incrementAndGet();
                super.close();
            }
        };
        List<String> heard = new CopyOnWriteArrayList<>();
        List<ImportProgress> progress = new CopyOnWriteArrayList<>();
        VirtualRun.Settings settings = new VirtualRun.Settings();
        settings.maxBufferedItems(1_000).linger(Duration.ofHours(1)).progress(progress::add)
                .listener(new ImportListener() {
                    @Override
                    public void phaseStarted(String phase, long total) {
                        heard.add("started " + phase);
                    }

                    @Override
                    public void phaseEnded(String phase, ImportProgress last, boolean stopped) {
                        heard.add("ended " + phase + " stopped=" + stopped + " inFlight=" + last.inFlight());
                    }
                });
        RelationSender<TestItem> never = new InstantSender(false) {
            @Override
            public CompletableFuture<FriendImportResponse> send(String fromAccount, List<TestItem> items) {
                sent.countDown();
                return new CompletableFuture<>(); // the server never answers
            }
        };
        Thread caller = new Thread(() -> {
            try {
                BulkImporter.run(settings.settings(), never, journal, -1, endless);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        assertTrue(sent.await(10, TimeUnit.SECONDS), "a call is in flight"); // however busy the machine
        Thread.sleep(50); // the buffer fills, the reader waits
        caller.interrupt();
        caller.join(10_000);

        assertFalse(caller.isAlive());
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertEquals(1, closes.get());
        // the listeners hear the end: stopped, with the calls the server never answered still in flight
        assertEquals(List.of("started relations", "ended relations stopped=true inFlight=1"), heard);
        assertTrue(progress.get(progress.size() - 1).finished());
    }

    @Test
    void theFinalSnapshotComesAfterEveryOther() throws Exception {
        CountDownLatch snapshotTaken = new CountDownLatch(1);
        CountDownLatch slowOneHeard = new CountDownLatch(1);
        AtomicInteger slow = new AtomicInteger();
        List<String> heard = new CopyOnWriteArrayList<>();
        VirtualRun.Settings settings = new VirtualRun.Settings();
        settings.batchSize(10).progressInterval(Duration.ofMillis(1)).progress(p -> {
            if (!p.finished() && slow.getAndIncrement() == 0) {
                snapshotTaken.countDown();
                // delivered slowly, and deaf to interrupts: the import ends meanwhile
                long until = System.nanoTime() + 200_000_000L;
                while (System.nanoTime() - until < 0) {
                    Thread.onSpinWait();
                }
            }
            heard.add(p.finished() ? "final snapshot" : "snapshot");
        }).listener(new ImportListener() {
            @Override
            public void phaseProgress(String phase, ImportProgress progress) {
                heard.add("phaseProgress");
                slowOneHeard.countDown(); // the first one is the slow snapshot's
            }

            @Override
            public void phaseEnded(String phase, ImportProgress last, boolean stopped) {
                heard.add("phaseEnded");
            }
        });
        InstantSender sender = new InstantSender(false) {
            @Override
            public CompletableFuture<FriendImportResponse> send(String fromAccount, List<TestItem> items) {
                CompletableFuture<FriendImportResponse> answer = super.send(fromAccount, items);
                return answer.thenApplyAsync(a -> {
                    try {
                        snapshotTaken.await(); // the first answer waits for the slow snapshot
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return a;
                }, answers);
            }
        };

        BulkImporter.run(settings.settings(), sender, new MemoryJournal(), 100, VirtualRun.grouped(10, 10).iterator());
        assertTrue(slowOneHeard.await(10, TimeUnit.SECONDS));

        assertEquals(List.of("final snapshot", "phaseEnded"), heard.subList(heard.size() - 2, heard.size()),
                heard.toString());
        assertEquals(1, heard.stream().filter(h -> h.equals("phaseEnded")).count());
    }
}
