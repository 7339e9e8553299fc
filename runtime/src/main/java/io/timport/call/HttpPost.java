package io.timport.call;

import io.timport.call.UrlSigner.SignedUrl;
import io.timport.config.Timeouts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The HTTP exchange of every call: one {@link HttpClient} (HTTP/1.1 with keep-alive connections, certificates
 * verified by the JVM's trust store, redirects not followed), a bounded answer ({@link BoundedAnswer}) and a deadline.
 *
 * <p><b>The deadline</b> is the request timeout, counted from sending, and it covers connecting, the headers
 * <em>and</em> the body. The JDK's own request timeout ends when the headers arrive; a server that then sends its
 * body one byte a second would hold the call for ever. So each call also has a timer that, at the deadline, ends a
 * body still being read (the call fails with a {@link BodyTimeoutException}) and, for an asynchronous call, should the
 * JDK's timeout not have fired a second later, the whole exchange.
 *
 * <p>{@link #post} returns a future that completes with the answer's status and body, or exceptionally with the cause
 * as the JDK reports it (a {@link BoundedAnswer.TooLargeException} for an answer over a bound); cancelling it abandons
 * the exchange. Completions run on the HTTP client's executor, never on the timer's thread. {@link #send} waits on
 * the calling thread.
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
    /** Where a deadline's work runs (ending a body, failing a call), so that it never runs on the timer's thread. */
    private static final ExecutorService DEADLINE_WORK = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1,
            TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), daemonThreads("timport-call-expiry-"));

    private final HttpClient http;
    /** Where a deadline's work runs: the client's executor when one was given, else a pool of the class. */
    private final Executor executor;
    private final Timeouts timeouts;
    private final long maxAnswerBytes;
    private final BoundedAnswer.Budget budget;

    /**
     * @param plainHttp true when every call goes to a plain {@code http} endpoint (a loopback simulator): the client
     *     then never speaks TLS, and is given an SSL context without trust material instead of the JVM's default,
     *     whose first use reads and parses the whole default trust store (about 0.15 s of CPU on each JVM's first
     *     client, measured on two cores, 2026-12-02). An {@code https} endpoint always gets the JVM's default.
     */
    HttpPost(Timeouts timeouts, Executor executor, long maxAnswerBytes, long maxBufferedAnswerBytes, boolean plainHttp) {
        this.timeouts = timeouts;
        this.maxAnswerBytes = maxAnswerBytes;
        this.budget = new BoundedAnswer.Budget(maxBufferedAnswerBytes);
        // HTTP/1.1 with the JDK's keep-alive pool: what the API documents. HTTP_2 would send an h2c Upgrade on
        // plain-http loopback and multiplex every call on one connection, which nothing in Tencent's pages covers.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (executor != null) {
            builder.executor(executor);
        }
        if (plainHttp) {
            builder.sslContext(NoTls.CONTEXT);
        }
        // The JDK's default executor is kept when none is given, as before the transport existed. Deadlines hand
        // their (rare) work to a small pool of their own rather than to the HTTP client's threads or the timer's.
        this.executor = executor != null ? executor : DEADLINE_WORK;
        this.http = builder.build();
    }

    /** For a client that only ever calls {@code http}: no keys, no trusted certificates, never used. */
    private static final class NoTls {
        static final SSLContext CONTEXT = create();

        private static SSLContext create() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(new KeyManager[0], new TrustManager[0], null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no TLS context", e);
            }
        }
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("timport-call-deadline-"));
        timer.setRemoveOnCancelPolicy(true); // a call that ends in time takes its timer task with it
        // Its thread ends a second after the last call ended, so that a program (or `mvn exec:java`, which waits
        // for daemon threads) is not held by an idle timer; the next call starts one again.
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
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

    private HttpRequest request(SignedUrl url, byte[] body) {
        return HttpRequest.newBuilder(url.uri())
                .timeout(timeouts.request())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** POSTs {@code body} to the signed URL, returning at once with the answer to come. */
    CompletableFuture<Raw> post(SignedUrl url, byte[] body) {
        return new Exchange(request(url, body), true).start();
    }

    /**
     * POSTs {@code body} to the signed URL and waits for the answer on the calling thread. (Not {@code post(…).get()}:
     * the JDK's asynchronous form hands every answer over to the common pool once more, which costs a synchronous
     * caller CPU and a thread switch per call for nothing.)
     *
     * @throws IOException as the JDK reports a failure, a {@link BodyTimeoutException} for a body the deadline ended
     * @throws InterruptedException when interrupted while waiting; the exchange is abandoned
     */
    Raw send(SignedUrl url, byte[] body) throws IOException, InterruptedException {
        return new Exchange(request(url, body), false).run();
    }

    /** One exchange and its deadline. */
    private final class Exchange {
        private final HttpRequest request;
        private final boolean async;
        private final CompletableFuture<Raw> result = new CompletableFuture<>();
        private volatile boolean finished;
        private volatile BoundedAnswer reader;
        private volatile BodyTimeoutException expired;
        private volatile CompletableFuture<HttpResponse<byte[]>> sent;

        Exchange(HttpRequest request, boolean async) {
            this.request = request;
            this.async = async;
        }

        private boolean isDone() {
            return async ? result.isDone() : finished;
        }

        /** The body subscriber, made when the headers have come. */
        private BoundedAnswer reader(HttpResponse.ResponseInfo info) {
            BoundedAnswer r = new BoundedAnswer(info.statusCode(),
                    info.headers().firstValueAsLong("Content-Length").orElse(-1), maxAnswerBytes, budget);
            reader = r;
            if (isDone()) {
                r.abort(new java.util.concurrent.CancellationException("the call was cancelled"));
            }
            return r;
        }

        private ScheduledFuture<?> deadline() {
            return DEADLINES.schedule(() -> executor.execute(this::expire), saturatedNanos(timeouts.request()),
                    TimeUnit.NANOSECONDS);
        }

        Raw run() throws IOException, InterruptedException {
            ScheduledFuture<?> deadline = deadline();
            boolean answered = false;
            try {
                HttpResponse<byte[]> response = http.send(request, this::reader);
                answered = true;
                return new Raw(response.statusCode(), response.body(), reader);
            } catch (IOException e) {
                BodyTimeoutException late = expired;
                if (late != null) { // the JDK passes on the deadline's exception without its cause: give it back
                    late.addSuppressed(e);
                    throw late;
                }
                throw e;
            } finally {
                finished = true;
                deadline.cancel(false);
                BoundedAnswer r = reader;
                if (!answered && r != null) {
                    r.abort(new java.util.concurrent.CancellationException("the call ended"));
                    r.release();
                }
            }
        }

        CompletableFuture<Raw> start() {
            CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, this::reader);
            sent = exchange;
            ScheduledFuture<?> deadline = deadline();
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

        /**
         * At the deadline: end a body still being read. Before the headers the JDK's own request timeout ends the
         * call; an asynchronous call is ended here too should that not have happened a grace later.
         */
        private void expire() {
            if (isDone()) {
                return;
            }
            BoundedAnswer r = reader;
            if (r != null) {
                BodyTimeoutException late = new BodyTimeoutException(r.statusCode(), r.received());
                expired = late;
                r.abort(late);
                return;
            }
            if (async) {
                DEADLINES.schedule(() -> executor.execute(this::expireHard), GRACE_NANOS, TimeUnit.NANOSECONDS);
            }
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
     * connections are released when it is garbage-collected.
     */
    @Override
    public void close() {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(HttpPost.class.getName()).log(System.Logger.Level.DEBUG, "closing the HTTP client failed", e);
            }
        }
    }
}
