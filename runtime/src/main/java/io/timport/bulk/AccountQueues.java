package io.timport.bulk;

import static io.timport.bulk.EngineCore.WAKE_DISPATCHER;
import static io.timport.bulk.EngineCore.WAKE_READER;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.wire.AddFriendItem;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relations waiting to be sent, one queue per From_Account, and which queue goes next.
 *
 * <ul>
 *   <li><b>Batches</b>: a call takes at most the batch size of one account's items, in input order, never the same
 *       To_Account twice (a queue is keyed by To_Account: a later record of a pair replaces a waiting one, which
 *       is <em>superseded</em>).</li>
 *   <li><b>One call per account</b>: an account is <em>busy</em> from the moment its batch is taken until its
 *       answer is settled (including a retry's backoff), so the server never sees two writes to one friend list at
 *       once, and later records never overtake earlier ones.</li>
 *   <li><b>Order</b>: accounts with a full batch, retries, and accounts the input has moved on from go first
 *       ({@code full}); partial batches wait ({@code waiting}, oldest first) until they have lingered, the buffer is
 *       under pressure, or the input has ended.</li>
 *   <li><b>Grouped input</b>: when the input looks grouped by From_Account (runs of records, accounts hardly ever
 *       coming back while they still have records here), the account the reader leaves is complete and goes at
 *       once, and the reader stays at most {@value #READY_AHEAD} ready accounts ahead of the calls.</li>
 *   <li><b>The buffer bound</b>: at most {@code maxBuffered} items are held, waiting or in flight.</li>
 *   <li><b>The body cap</b>: a batch ends before the item that would make its request body larger than
 *       {@code maxBodyBytes} (each item's size is measured once, when first batched; an item larger than the cap on
 *       its own goes alone). The rest of the account goes next, as a full batch would.</li>
 *   <li><b>Split batches</b> ({@link Decision.Split}): the parts of a split batch go back to the front of their
 *       queue, each taken as a call of its own.</li>
 * </ul>
 *
 * <p>No threads, no locks, no clock of its own: the engine calls it under its lock, and it reads the injected
 * {@link Ticker} only when an account starts to wait. It tells the driver whom to wake through {@link #takeWakes()}.
 *
 * @param <T> the item type
 */
final class AccountQueues<T extends AddFriendItem> {

    /** In grouped input, how many accounts ready to send the reader may be ahead of the calls. */
    static final int READY_AHEAD = 16;

    /** One From_Account's queue. */
    static final class Account<T extends AddFriendItem> {
        final String from;
        LinkedHashMap<String, Pending<T>> pending = new LinkedHashMap<>();
        /** A call for it is in flight, or its retry is waiting out its backoff. */
        boolean busy;
        boolean inFull;
        boolean inWaiting;
        /** It has items to retry: they go before anything else. */
        boolean retryFirst;
        /** The reader moved on from it in input that looks grouped: send it now. */
        boolean complete;
        /** Its last batch was cut by the body cap: the rest goes next. */
        boolean cut;
        long waitingSince;

        Account(String from) {
            this.from = from;
        }
    }

    private final int batchSize;
    private final int maxBuffered;
    private final long pressure;
    private final long lingerNanos;
    private final Ticker ticker;
    private final int maxBodyBytes;
    private final Sizer sizer = new Sizer();

    private final Map<String, Account<T>> accounts = new HashMap<>();
    private final ArrayDeque<Account<T>> full = new ArrayDeque<>();
    private final ArrayDeque<Account<T>> waiting = new ArrayDeque<>();
    private long held; // items waiting or in flight
    private boolean inputEnded;
    private int wakes;

    // Is the input grouped by From_Account? Valid records added, changes of From_Account from one record to the next,
    // and changes to an account that still has records waiting or in flight.
    private String lastFrom;
    private long added;
    private long switches;
    private long reopens;

    AccountQueues(int batchSize, int maxBuffered, long pressure, long lingerNanos, Ticker ticker) {
        this(batchSize, maxBuffered, pressure, lingerNanos, ticker, Integer.MAX_VALUE);
    }

    /** @param maxBodyBytes the largest request body a batch may make, in bytes */
    AccountQueues(int batchSize, int maxBuffered, long pressure, long lingerNanos, Ticker ticker, int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.batchSize = batchSize;
        this.maxBuffered = maxBuffered;
        this.pressure = pressure;
        this.lingerNanos = lingerNanos;
        this.ticker = ticker;
    }

    /**
     * Whether the reader must wait before adding an item: the buffer is full (the dispatcher is woken to send
     * partial batches), or grouped input is far enough ahead of the calls (reading on would only fill memory).
     */
    boolean mustWait() {
        if (held >= maxBuffered) {
            wakes |= WAKE_DISPATCHER;
            return true;
        }
        return full.size() >= READY_AHEAD && grouped();
    }

    /**
     * Adds an item at the back of {@code from}'s queue, replacing a waiting item of the same To_Account.
     *
     * @return the item it replaced (now superseded), or null
     */
    Pending<T> add(String from, Pending<T> item) {
        if (!from.equals(lastFrom)) {
            movedOn(from);
        }
        Account<T> account = accounts.computeIfAbsent(from, Account::new);
        Pending<T> replaced = account.pending.put(item.item.toAccount(), item);
        added++;
        if (replaced == null) {
            held++;
            if (held == pressure) {
                wakes |= WAKE_DISPATCHER; // waiting accounts may go now
            }
        }
        if (!account.busy) {
            markReady(account);
        }
        return replaced;
    }

    /** The input has ended: every partial batch may go. */
    void inputEnded() {
        inputEnded = true;
        wakes |= WAKE_DISPATCHER;
    }

    /** Items waiting or in flight. */
    long held() {
        return held;
    }

    /**
     * The next call to send at {@code now}, or null: an account from {@code full}, else the oldest waiting one when
     * it has lingered, the buffer is under pressure or the input has ended. Its items leave its queue, and the
     * account is busy until {@link #release} or {@link #requeueFront}.
     */
    RelationCall<T> take(long now) {
        Account<T> account = pollFull();
        if (account == null) {
            account = pollWaiting(now, inputEnded || held >= pressure);
        }
        if (account == null) {
            return null;
        }
        Iterator<Pending<T>> it = account.pending.values().iterator();
        Pending<T> head = it.next();
        boolean part = head.segment > 0; // a part of a split batch: exactly that part
        int limit = part ? Math.min(batchSize, head.segment) : batchSize;
        head.segment = 0;
        List<Pending<T>> items = new ArrayList<>(Math.min(limit, account.pending.size()));
        long bytes = envelopeBytes(account.from);
        boolean cut = false;
        Pending<T> p = head;
        while (true) {
            if (maxBodyBytes != Integer.MAX_VALUE) {
                if (p.wireBytes == 0) {
                    p.wireBytes = sizer.measure(p.item);
                }
                long more = p.wireBytes + (items.isEmpty() ? 0 : 1); // and its comma
                if (!items.isEmpty() && bytes + more > maxBodyBytes) {
                    cut = true;
                    break;
                }
                bytes += more;
            }
            items.add(p);
            it.remove();
            if (items.size() >= limit || !it.hasNext()) {
                break;
            }
            p = it.next();
            if (p.segment > 0) {
                break; // the next part of a split batch
            }
        }
        account.busy = true;
        account.retryFirst = false;
        account.cut = cut;
        return new RelationCall<>(account, items, part);
    }

    /**
     * The bytes of a request body around its items, at most: <code>{"From_Account":"…","AddFriendItem":[]}</code>,
     * each character of the From_Account counted as an escape.
     */
    private static long envelopeBytes(String from) {
        return 40 + 6L * from.length();
    }

    /**
     * Puts the items of a split batch back at the front of the account's queue, as two parts that go as calls of
     * their own ({@link Decision.Split}), and releases the account.
     *
     * @return the items a later record of their pair superseded meanwhile; they have left the buffer
     */
    List<Pending<T>> requeueSplit(Account<T> account, List<Pending<T>> items) {
        int half = items.size() / 2;
        items.get(0).segment = half;
        items.get(half).segment = items.size() - half;
        return requeueFront(account, items);
    }

    /** Takes every item waiting in the account's queue: they leave the buffer. */
    List<Pending<T>> drain(Account<T> account) {
        if (account.pending.isEmpty()) {
            return List.of();
        }
        List<Pending<T>> drained = new ArrayList<>(account.pending.values());
        account.pending.clear();
        held -= drained.size();
        wakes |= WAKE_READER;
        return drained;
    }

    /** Measures an item's size in a request body: the bytes its JSON takes, and one more. Under the lock only. */
    private static final class Sizer extends OutputStream {
        private static final JsonFactory JSON = new JsonFactory();
        private long count;
        private JsonGenerator json;

        int measure(AddFriendItem item) {
            try {
                if (json == null) {
                    json = JSON.createGenerator(this, JsonEncoding.UTF8);
                    json.writeStartArray(); // items are written as the elements of one endless array
                }
                long before = count;
                item.writeJson(json);
                json.flush();
                return (int) Math.min(Integer.MAX_VALUE, Math.max(1, count - before));
            } catch (IOException | RuntimeException e) {
                json = null; // the client will say what is wrong with the item when it writes it
                return 1;
            }
        }

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** When the oldest waiting account will have lingered, or {@link EngineCore#NEVER} when none waits. */
    long lingerDeadline() {
        Account<T> head = waiting.peek();
        return head == null ? EngineCore.NEVER : head.waitingSince + lingerNanos;
    }

    /** {@code count} items of calls left the buffer for good (done, failed, or dropped when the run stopped). */
    void settled(int count) {
        held -= count;
        wakes |= WAKE_READER;
    }

    /** The account's call is over and nothing of it is to be retried: it may be sent again. */
    void release(Account<T> account) {
        account.busy = false;
        if (account.pending.isEmpty()) {
            forgetIfIdle(account);
        } else {
            markReady(account);
        }
        wakes |= WAKE_DISPATCHER | WAKE_READER;
    }

    /**
     * Puts {@code retry} back at the front of the account's queue, in their order, and releases the account. An item
     * whose pair has a later record waiting now is dropped: the later record wins.
     *
     * @return the dropped (superseded) items; they have left the buffer
     */
    List<Pending<T>> requeueFront(Account<T> account, List<Pending<T>> retry) {
        List<Pending<T>> superseded = List.of();
        LinkedHashMap<String, Pending<T>> front = new LinkedHashMap<>();
        for (Pending<T> p : retry) {
            String to = p.item.toAccount();
            if (account.pending.containsKey(to)) {
                if (superseded.isEmpty()) {
                    superseded = new ArrayList<>();
                }
                superseded.add(p);
                held--;
            } else {
                front.put(to, p);
            }
        }
        front.putAll(account.pending);
        account.pending = front;
        account.retryFirst = true;
        release(account);
        return superseded;
    }

    /** Who should be woken since the last call, as {@link EngineCore#WAKE_DISPATCHER} and {@link EngineCore#WAKE_READER} bits. */
    int takeWakes() {
        int w = wakes;
        wakes = 0;
        return w;
    }

    /**
     * Whether the input so far looks grouped by From_Account: runs of two records or more on average, and accounts
     * hardly ever coming back while they still have records waiting or in flight.
     */
    boolean grouped() {
        return switches > 0 && added >= 2 * switches && reopens * 50 <= switches;
    }

    /**
     * The reader moves on from one From_Account to another. In input {@linkplain #grouped() grouped} by From_Account
     * the account it leaves is complete: it is sent now rather than when the buffer fills or it has lingered.
     */
    private void movedOn(String next) {
        if (lastFrom != null) {
            switches++;
            Account<T> back = accounts.get(next);
            if (back != null) {
                reopens++;
                back.complete = false; // it has more records after all
            }
            Account<T> left = accounts.get(lastFrom);
            if (left != null && grouped()) {
                left.complete = true;
                if (!left.busy && !left.pending.isEmpty()) {
                    markReady(left);
                }
            }
        }
        lastFrom = next;
    }

    private Account<T> pollFull() {
        Account<T> a;
        while ((a = full.poll()) != null) {
            a.inFull = false;
            if (full.size() < READY_AHEAD) {
                wakes |= WAKE_READER; // the reader of grouped input may go on
            }
            if (!a.busy && !a.pending.isEmpty()) {
                return a;
            }
            forgetIfIdle(a);
        }
        return null;
    }

    private Account<T> pollWaiting(long now, boolean flush) {
        Account<T> a;
        while ((a = waiting.peek()) != null) {
            if (a.busy || a.pending.isEmpty()) {
                waiting.poll().inWaiting = false; // stale: it was sent from the full queue
                forgetIfIdle(a);
                continue;
            }
            if (flush || now - a.waitingSince >= lingerNanos) {
                waiting.poll().inWaiting = false;
                return a;
            }
            return null;
        }
        return null;
    }

    /**
     * Queues an idle account that has pending items, waking the dispatcher only when there is something new for
     * it: a full batch, or a first waiting account (whose linger it must time).
     */
    private void markReady(Account<T> a) {
        if ((a.retryFirst || a.complete || a.cut || a.pending.size() >= batchSize) && !a.inFull) {
            full.add(a);
            a.inFull = true;
            wakes |= WAKE_DISPATCHER;
        }
        if (!a.inWaiting) {
            if (waiting.isEmpty()) {
                wakes |= WAKE_DISPATCHER;
            }
            waiting.add(a);
            a.inWaiting = true;
            a.waitingSince = ticker.nanoTime();
        }
    }

    /** Drops an account that has nothing to do (it is created again if records arrive). */
    private void forgetIfIdle(Account<T> a) {
        if (!a.busy && a.pending.isEmpty() && !a.inFull && !a.inWaiting) {
            accounts.remove(a.from, a);
        }
    }
}
