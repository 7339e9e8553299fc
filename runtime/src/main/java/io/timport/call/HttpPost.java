package io.timport.call;

import io.timport.call.UrlSigner.SignedUrl;
import io.timport.config.Timeouts;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP exchange of every call: one {@link HttpClient} (HTTP/1.1 with keep-alive connections, certificates
 * verified by the JVM's trust store, redirects not followed), a bounded answer ({@link BoundedAnswer}) and a deadline.
 *
 * <p><b>The deadline</b> is the request timeout, counted from sending, and it covers connecting, the headers
 * <em>and</em> the body. The JDK's own request timeout ends when the headers arrive; a server that then sends its
 * body one byte a second would hold the call for ever. So each call also has a timer that, at the deadline, ends a
 * body still being read (the call fails with an {@link HttpTimeoutException}) and, should the JDK's timeout not have
 * fired a second later, the whole exchange.
 *
 * <p>The returned future completes with the answer's status and body, or exceptionally with the cause as the JDK
 * reports it (a {@link BoundedAnswer.TooLargeException} for an answer over a bound); cancelling it abandons the
 * exchange. Completions run on the client's executor, never on the timer's thread.
 */
final class HttpPost implements AutoCloseable {

    /** The status and body of an HTTP answer, holding its bytes in the transport's budget until released. */
    record Raw(int status, byte[] body, BoundedAnswer reader) {
        void release() {
            reader.release();
        }
    }

    /** A body that did not finish by the deadline. */
    static final class BodyTimeoutException extends HttpTimeoutException {
        private static final long serialVersionUID = 1L;
        final int status;
        final long received;

        BodyTimeoutException(int status, long received) {
            super("the answer's body did not finish within the request timeout");
            this.status = status;
            this.received = received;
        }
    }

    private static final String USER_AGENT = "timport";
    /** How long after the deadline a call whose headers never came is ended, if the JDK's timeout has not. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

    private final HttpClient http;
    private final Executor executor;
    private final ExecutorService ownExecutor;
    private final Timeouts timeouts;
    private final long maxAnswerBytes;
    private final BoundedAnswer.Budget budget;

    HttpPost(Timeouts timeouts, Executor executor, long maxAnswerBytes, long maxBufferedAnswerBytes) {
        this.timeouts = timeouts;
        this.maxAnswerBytes = maxAnswerBytes;
        this.budget = new BoundedAnswer.Budget(maxBufferedAnswerBytes);
        if (executor == null) {
            // As the JDK's own default (a cached pool), but ours: the deadline timer hands its work to it too.
            ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                    new java.util.concurrent.SynchronousQueue<>(), daemonThreads("timport-http-"));
            this.ownExecutor = pool;
            this.executor = pool;
        } else {
            this.ownExecutor = null;
            this.executor = executor;
        }
        // HTTP/1.1 with the JDK's keep-alive pool: what the API documents. HTTP_2 would send an h2c Upgrade on
        // plain-http loopback and multiplex every call on one connection, which nothing in Tencent's pages covers.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(this.executor)
                .build();
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("timport-call-deadline-"));
        timer.setRemoveOnCancelPolicy(true); // a call that ends in time takes its timer task with it
        return timer;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The most bytes one answer may have. */
    long maxAnswerBytes() {
        return maxAnswerBytes;
    }

    /** The most bytes of answers read at once, across calls. */
    long maxBufferedAnswerBytes() {
        return budget.max();
    }

    /** POSTs {@code body} to the signed URL. */
    CompletableFuture<Raw> post(SignedUrl url, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(url.uri())
                .timeout(timeouts.request())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return new Exchange(request).start();
    }

    /** One exchange and its deadline. */
    private final class Exchange {
        private final HttpRequest request;
        private final CompletableFuture<Raw> result = new CompletableFuture<>();
        private volatile BoundedAnswer reader;
        private volatile CompletableFuture<HttpResponse<byte[]>> sent;

        Exchange(HttpRequest request) {
            this.request = request;
        }

        CompletableFuture<Raw> start() {
            Duration timeout = timeouts.request();
            CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> {
                BoundedAnswer r = new BoundedAnswer(info.statusCode(),
                        info.headers().firstValueAsLong("Content-Length").orElse(-1), maxAnswerBytes, budget);
                reader = r;
                if (result.isDone()) {
                    r.abort(new java.util.concurrent.CancellationException("the call was cancelled"));
                }
                return r;
            });
            sent = exchange;
            var deadline = DEADLINES.schedule(() -> executor.execute(this::expire), saturatedNanos(timeout),
                    TimeUnit.NANOSECONDS);
            exchange.whenComplete((response, error) -> {
                if (error != null) {
                    BoundedAnswer r = reader;
                    if (r != null) {
                        r.release();
                    }
                    result.completeExceptionally(error);
                } else if (!result.complete(new Raw(response.statusCode(), response.body(), reader))) {
                    reader.release();
                }
            });
            result.whenComplete((raw, error) -> {
                deadline.cancel(false);
                if (result.isCancelled()) {
                    BoundedAnswer r = reader;
                    if (r != null) {
                        r.abort(new java.util.concurrent.CancellationException("the call was cancelled"));
                    }
                    exchange.cancel(true);
                }
            });
            return result;
        }

        /** At the deadline: end a body still being read; give the JDK's own timeout a grace before ending the rest. */
        private void expire() {
            if (result.isDone()) {
                return;
            }
            BoundedAnswer r = reader;
            if (r != null) {
                r.abort(new BodyTimeoutException(r.statusCode(), r.received()));
                return;
            }
            DEADLINES.schedule(() -> executor.execute(this::expireHard), GRACE_NANOS, TimeUnit.NANOSECONDS);
        }

        private void expireHard() {
            if (result.isDone()) {
                return;
            }
            BoundedAnswer r = reader;
            if (r != null) {
                r.abort(new BodyTimeoutException(r.statusCode(), r.received()));
                return;
            }
            result.completeExceptionally(new HttpTimeoutException("request timed out"));
            CompletableFuture<HttpResponse<byte[]>> s = sent;
            if (s != null) {
                s.cancel(true);
            }
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    /**
     * Closes the HTTP client. On JDK 21 and later that waits for the calls in flight; on JDK 17 the client's
     * connections are released when it is garbage-collected. The executor this made itself is shut down after.
     */
    @Override
    public void close() {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(HttpPost.class.getName()).log(System.Logger.Level.DEBUG, "closing the HTTP client failed", e);
            }
            if (ownExecutor != null) {
                ownExecutor.shutdown();
            }
        }
    }
}
