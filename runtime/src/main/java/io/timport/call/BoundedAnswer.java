package io.timport.call;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one answer's body into memory, but never more than a cap: the body subscriber of every call.
 *
 * <p>Two bounds: the answer itself ({@code maxAnswerBytes}, checked against {@code Content-Length} before a byte is
 * read and against the bytes as they arrive, for chunked bodies), and every answer the transport is reading at once
 * (a shared {@link Budget}), so that many calls in flight against a server that sends huge answers cannot add up to
 * an {@link OutOfMemoryError} either. An answer over a bound fails with {@link TooLargeException} and the subscription
 * is cancelled, which closes the connection: the rest of the body is never read.
 *
 * <p>{@link #abort} ends the reading from outside (the call's deadline, a cancelled call).
 */
final class BoundedAnswer implements HttpResponse.BodySubscriber<byte[]> {

    /** How many bytes of a refused answer are kept to show in the error. */
    static final int HEAD_BYTES = 2048;
    private static final int FIRST_BUFFER = 8192;

    /** The bytes of every answer being read at once, against a maximum; shared by a transport's calls. */
    static final class Budget {
        private final long max;
        private final AtomicLong used = new AtomicLong();

        Budget(long max) {
            this.max = max;
        }

        boolean reserve(long bytes) {
            if (used.addAndGet(bytes) > max) {
                used.addAndGet(-bytes);
                return false;
            }
            return true;
        }

        void release(long bytes) {
            used.addAndGet(-bytes);
        }

        long max() {
            return max;
        }

        long used() {
            return used.get();
        }
    }

    /** An answer over a bound: the call fails as {@link TransportException.Kind#MALFORMED_BODY}. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient byte[] head;
        private final int status;

        TooLargeException(String message, int status, byte[] head) {
            super(message);
            this.status = status;
            this.head = head;
        }

        /** The HTTP status of the refused answer. */
        int status() {
            return status;
        }

        /** The first bytes that arrived (at most {@value #HEAD_BYTES}), for the error's excerpt. */
        byte[] head() {
            return head;
        }
    }

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final int statusCode;
    private final long contentLength;
    private final long maxBytes;
    private final Budget budget;
    private volatile Flow.Subscription subscription;
    /** Written by onNext only (serial by the Flow rules), read after completion. */
    private byte[] buffer;
    private int size;
    private long reserved;
    private boolean released;

    /**
     * @param contentLength the answer's {@code Content-Length}, or -1 when it has none (chunked)
     */
    BoundedAnswer(int statusCode, long contentLength, long maxBytes, Budget budget) {
        this.statusCode = statusCode;
        this.contentLength = contentLength;
        this.maxBytes = maxBytes;
        this.budget = budget;
    }

    /** The answer's HTTP status. */
    int statusCode() {
        return statusCode;
    }

    /** How many bytes of the body arrived so far. */
    synchronized long received() {
        return size;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (subscription != null) {
            s.cancel();
            return;
        }
        subscription = s;
        if (body.isDone()) { // aborted before the body began
            s.cancel();
            return;
        }
        if (contentLength > maxBytes) {
            fail(new TooLargeException("the answer is larger than the cap of " + maxBytes + " bytes (its Content-Length is "
                    + contentLength + "); nothing of it was read", statusCode, new byte[0]));
            return;
        }
        // Demand everything: onNext copies each buffer at once, so nothing piles up inside the HTTP client.
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        int arriving = 0;
        for (ByteBuffer b : buffers) {
            arriving += b.remaining();
        }
        synchronized (this) {
            if (released) {
                return;
            }
            long total = (long) size + arriving;
            if (total > maxBytes) {
                failLocked("the answer is larger than the cap of " + maxBytes + " bytes (more than " + size
                        + " bytes had arrived" + (contentLength >= 0 ? "; its Content-Length is " + contentLength : "")
                        + ")", buffers);
                return;
            }
            if (!budget.reserve(arriving)) {
                failLocked("the answers being read at once would exceed their budget of " + budget.max() + " bytes ("
                        + size + " bytes of this one had arrived)", buffers);
                return;
            }
            reserved += arriving;
            ensureCapacity((int) total);
            for (ByteBuffer b : buffers) {
                int n = b.remaining();
                b.get(buffer, size, n);
                size += n;
            }
        }
    }

    private void ensureCapacity(int needed) {
        if (buffer == null) {
            int first = contentLength >= 0 ? (int) contentLength : FIRST_BUFFER;
            buffer = new byte[Math.max(needed, first)];
        } else if (needed > buffer.length) {
            long grown = Math.max(needed, Math.min((long) buffer.length * 2, maxBytes));
            buffer = Arrays.copyOf(buffer, (int) grown);
        }
    }

    /** Fails with the head of the body so far; lock held. */
    private void failLocked(String message, List<ByteBuffer> arriving) {
        byte[] head = Arrays.copyOf(buffer == null ? new byte[0] : buffer, Math.min(size, HEAD_BYTES));
        if (head.length < HEAD_BYTES) {
            int room = HEAD_BYTES - head.length;
            byte[] more = new byte[room];
            int got = 0;
            for (ByteBuffer b : arriving) {
                int n = Math.min(room - got, b.remaining());
                b.get(more, got, n);
                got += n;
            }
            byte[] joined = Arrays.copyOf(head, head.length + got);
            System.arraycopy(more, 0, joined, head.length, got);
            head = joined;
        }
        releaseLocked();
        fail(new TooLargeException(message, statusCode, head));
    }

    private void fail(Throwable t) {
        body.completeExceptionally(t);
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** Ends the reading with {@code t} (a deadline, a cancelled call); nothing if the body is already complete. */
    void abort(Throwable t) {
        if (!body.isDone()) {
            synchronized (this) {
                releaseLocked();
            }
            fail(t);
        }
    }

    @Override
    public void onError(Throwable t) {
        synchronized (this) {
            releaseLocked();
        }
        body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        byte[] bytes;
        synchronized (this) {
            if (released) {
                return;
            }
            bytes = buffer == null ? new byte[0] : buffer.length == size ? buffer : Arrays.copyOf(buffer, size);
            buffer = null;
        }
        body.complete(bytes);
    }

    /** Gives this answer's bytes back to the budget: once the answer was read (or failed). Idempotent. */
    void release() {
        synchronized (this) {
            releaseLocked();
        }
    }

    private void releaseLocked() {
        if (!released) {
            released = true;
            budget.release(reserved);
            reserved = 0;
            buffer = null;
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}
