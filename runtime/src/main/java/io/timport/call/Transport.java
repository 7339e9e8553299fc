package io.timport.call;

import com.fasterxml.jackson.core.JsonFactory;
import io.timport.auth.UserSigCache;
import io.timport.call.UrlSigner.SignedUrl;
import io.timport.config.AppConfig;
import io.timport.config.Timeouts;
import io.timport.limit.RateLimiter;
import io.timport.wire.WireWriter;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * The signed transport every API shares: for each call, a permit from the API's own rate limiter, a signed URL
 * ({@link UrlSigner}), the HTTP exchange ({@link HttpPost}), and the answer read into the API's type
 * ({@link AnswerParser}); anything that is not a usable answer becomes a {@link TransportException} whose message,
 * excerpt and causes are redacted ({@link Redaction}).
 *
 * <p>One per {@link ChatClient}: one UserSig cache, one HTTP client, one limiter per API. Thread-safe.
 */
final class Transport implements AutoCloseable {

    /** Writes supplementary characters (emoji) as raw UTF-8, as the server stores them; see {@link WireWriter}. */
    static final JsonFactory JSON = WireWriter.jsonFactory();

    private final AppConfig app;
    private final Timeouts timeouts;
    private final UrlSigner signer;
    private final HttpPost post;
    private final Map<ChatApi, RateLimiter> limiters;
    private volatile boolean closed;

    Transport(AppConfig app, Timeouts timeouts, UserSigCache userSigs, HttpPost post, Map<ChatApi, RateLimiter> limiters) {
        this.app = app;
        this.timeouts = timeouts;
        this.signer = new UrlSigner(app, userSigs);
        this.post = post;
        this.limiters = Map.copyOf(limiters);
    }

    AppConfig app() {
        return app;
    }

    Timeouts timeouts() {
        return timeouts;
    }

    RateLimiter rateLimiter(ChatApi api) {
        return limiters.get(api);
    }

    long maxAnswerBytes() {
        return post.maxAnswerBytes();
    }

    long maxBufferedAnswerBytes() {
        return post.maxBufferedAnswerBytes();
    }

    void renewUserSig() {
        signer.renew();
    }

    boolean isClosed() {
        return closed;
    }

    /** Throws when closed: a call checks before it writes its body, and again after its permit. */
    void ensureOpen(String client) {
        if (closed) {
            throw new IllegalStateException("this " + client + " is closed");
        }
    }

    /**
     * One call, returning at once with the answer to come: the permit is taken on the calling thread (so a loop of
     * calls is paced), then the body is sent. The future completes with the answer (also a request-level failure),
     * or exceptionally with a {@link TransportException}; cancelling it abandons the exchange.
     *
     * @param what a few words on the call for the DEBUG log, e.g. {@code 1000 items, From_Account alice}; made only
     *     when DEBUG is on
     * @throws InterruptedException when interrupted while waiting for the permit (nothing was sent)
     */
    <A> CompletableFuture<A> send(ChatApi api, String client, byte[] body, AnswerParser.Reader<A> reader, Logger log,
            Supplier<String> what) throws InterruptedException {
        ensureOpen(client);
        limiters.get(api).acquire();
        ensureOpen(client);
        SignedUrl url = signer.sign(api);
        log.log(Level.DEBUG, () -> "POST " + url.logUrl() + " (" + what.get() + ", " + body.length + " bytes)");
        long start = System.nanoTime();
        CompletableFuture<HttpPost.Raw> exchange = post.post(url, body);
        CompletableFuture<A> result = new CompletableFuture<>();
        exchange.whenComplete((raw, error) -> {
            if (error != null) {
                if (!result.isDone()) {
                    result.completeExceptionally(failure(url, unwrap(error), log));
                }
                return;
            }
            // The answer's bytes go back to the budget before the caller hears of it: a caller's next call then
            // finds the budget as it left it.
            A answer = null;
            Exception failed = null;
            try {
                answer = interpret(url, raw, reader, log, start);
            } catch (TransportException | RuntimeException e) {
                failed = e;
            } finally {
                raw.release();
            }
            if (failed != null) {
                result.completeExceptionally(failed);
            } else {
                result.complete(answer);
            }
        });
        result.whenComplete((answer, error) -> {
            if (result.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    /**
     * {@link #send}, waiting for the answer on the calling thread (which also reads it), as the synchronous methods
     * of the typed clients do.
     *
     * @throws TransportException when no usable answer arrived within the deadline
     * @throws InterruptedException when interrupted while waiting for the permit or the answer
     */
    <A> A call(ChatApi api, String client, byte[] body, AnswerParser.Reader<A> reader, Logger log,
            Supplier<String> what) throws TransportException, InterruptedException {
        ensureOpen(client);
        limiters.get(api).acquire();
        ensureOpen(client);
        SignedUrl url = signer.sign(api);
        log.log(Level.DEBUG, () -> "POST " + url.logUrl() + " (" + what.get() + ", " + body.length + " bytes)");
        long start = System.nanoTime();
        HttpPost.Raw raw;
        try {
            raw = post.send(url, body);
        } catch (IOException e) {
            throw failure(url, unwrap(e), log);
        }
        try {
            return interpret(url, raw, reader, log, start);
        } finally {
            raw.release();
        }
    }

    /** The answer of {@code future} (a call {@link #send} made), or its {@link TransportException} thrown. */
    static <A> A await(CompletableFuture<A> future) throws TransportException, InterruptedException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TransportException t) {
                throw t;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    private <A> A interpret(SignedUrl url, HttpPost.Raw raw, AnswerParser.Reader<A> reader, Logger log, long start)
            throws TransportException {
        byte[] body = raw.body();
        int status = raw.status();
        String name = url.api().apiName();
        String secret = url.redactor().secret();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (status != 200) {
            String excerpt = Redaction.excerpt(body, secret);
            log.log(Level.DEBUG, () -> "POST " + url.logUrl() + " answered HTTP " + status + " in " + millis + " ms");
            throw new TransportException(TransportException.Kind.HTTP_STATUS, name + " POST " + url.logUrl()
                    + " answered HTTP status " + status + (excerpt.isEmpty() ? " with no body" : "; body: " + excerpt),
                    status, excerpt, url.random(), null);
        }
        A answer;
        try {
            answer = AnswerParser.parse(JSON, body, reader, url.redactor(), url.random());
        } catch (IOException e) {
            String excerpt = Redaction.excerpt(body, secret);
            String reason = io.timport.internal.Printable.escape(Redaction.redact(e.getMessage(), secret));
            log.log(Level.DEBUG, () -> "POST " + url.logUrl() + " answered a malformed body in " + millis + " ms: " + reason);
            throw new TransportException(TransportException.Kind.MALFORMED_BODY, name + " POST " + url.logUrl()
                    + " answered HTTP 200 with a body that is not a Chat API answer (" + reason + "); body: "
                    + (excerpt.isEmpty() ? "<empty>" : excerpt), status, excerpt, url.random(),
                    Redaction.sanitize(e, secret));
        }
        A logged = answer;
        log.log(Level.DEBUG, () -> "POST " + url.logUrl() + " answered in " + millis + " ms: " + reader.summary(logged));
        return answer;
    }

    private TransportException failure(SignedUrl url, Throwable error, Logger log) {
        String secret = url.redactor().secret();
        String name = url.api().apiName();
        if (error instanceof BoundedAnswer.TooLargeException big) {
            String excerpt = Redaction.excerpt(big.head(), secret);
            String reason = Redaction.redact(big.getMessage(), secret);
            int status = big.status();
            log.log(Level.DEBUG, () -> "POST " + url.logUrl() + " answered too much: " + reason);
            return new TransportException(TransportException.Kind.MALFORMED_BODY, name + " POST " + url.logUrl()
                    + " answered HTTP " + status + " with a body that is not a Chat API answer (" + reason + ")"
                    + (excerpt.isEmpty() ? "" : "; body began: " + excerpt), status, excerpt, url.random(), null);
        }
        TransportException.Kind kind = kindOf(error);
        String detail = Redaction.redact(String.valueOf(error), secret);
        String what;
        switch (kind) {
            case TIMEOUT:
                if (error instanceof HttpPost.BodyTimeoutException slow) {
                    what = "answered HTTP " + slow.status + " but its body did not finish within the request timeout of "
                            + timeouts.request() + " (" + slow.received + " bytes had arrived)";
                } else {
                    what = "got no answer within the request timeout of " + timeouts.request();
                }
                break;
            case CONNECT:
                // A request timeout that runs out while connecting is reported by the JDK as a connect timeout too.
                what = "could not connect (connect timeout " + timeouts.connect() + ", request timeout "
                        + timeouts.request() + ")";
                break;
            case TLS:
                what = "failed the TLS handshake (certificates are always verified)";
                break;
            default:
                what = "failed with an I/O error";
        }
        log.log(Level.DEBUG, () -> "POST " + url.logUrl() + " " + what + ": " + detail);
        int status = error instanceof HttpPost.BodyTimeoutException slow ? slow.status : -1;
        return new TransportException(kind, name + " POST " + url.logUrl() + " " + what + ": " + detail, status, "",
                url.random(), Redaction.sanitize(error, secret));
    }

    static TransportException.Kind kindOf(Throwable error) {
        if (error instanceof HttpConnectTimeoutException) {
            return TransportException.Kind.CONNECT;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return TransportException.Kind.CONNECT;
            }
            if (t instanceof HttpTimeoutException) {
                return TransportException.Kind.TIMEOUT;
            }
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
                return TransportException.Kind.CONNECT;
            }
            if (t instanceof SSLException) {
                return TransportException.Kind.TLS;
            }
        }
        return TransportException.Kind.IO;
    }

    /** The cause the JDK wrapped, the first of its kind a decision depends on. */
    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        // The JDK may wrap what the body subscriber failed with in an IOException of its own.
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BoundedAnswer.TooLargeException || c instanceof HttpPost.BodyTimeoutException) {
                return c;
            }
        }
        return t;
    }

    /** Refuses further calls and closes the HTTP client (see {@link HttpPost#close()}). */
    @Override
    public void close() {
        closed = true;
        post.close();
    }
}
