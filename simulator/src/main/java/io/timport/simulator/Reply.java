package io.timport.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What to send back: an HTTP status and body, or nothing at all (a dropped connection). */
final class Reply {

    static final Reply DROP = new Reply(0, null, null, false, false, null);
    static final Reply BAD_GATEWAY = new Reply(502, "text/html",
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\n"
                    .getBytes(StandardCharsets.US_ASCII), false, false, null);
    /**
     * A body over the cap: HTTP 413, as a front-end server answers (no Tencent source documents an answer or a
     * size), then the connection is closed, since the rest of the body is never read.
     */
    static final Reply TOO_LARGE = new Reply(413, "text/html",
            ("<html><head><title>413 Request Entity Too Large</title></head><body><center>"
                    + "<h1>413 Request Entity Too Large</h1></center></body></html>\n").getBytes(StandardCharsets.US_ASCII),
            true, false, null);

    private static final String JSON = "application/json; charset=utf-8";

    final int status;
    final String contentType;
    final byte[] body;
    /** Whether to close the connection after this answer. */
    final boolean close;
    /** Whether this is an {@code ErrorCode} 0 answer. */
    final boolean succeeded;
    /** The request-level failure this answer carries, if any. */
    final Failure failure;

    private Reply(int status, String contentType, byte[] body, boolean close, boolean succeeded, Failure failure) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.close = close;
        this.succeeded = succeeded;
        this.failure = failure;
    }

    /** Writes the fields of a JSON answer between its braces. */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    /** An HTTP 200 {@code ErrorCode} 0 answer: a JSON object with these fields (the envelope among them). */
    static Reply success(int sizeHint, Fields fields) {
        return new Reply(200, JSON, bytes(sizeHint, fields), false, true, null);
    }

    private static byte[] bytes(int sizeHint, Fields fields) {
        ByteArrayBuilder out = new ByteArrayBuilder(sizeHint);
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One item's outcome: {@code failure} null for success. */
    record ItemResult(String toAccount, Failure failure) {
    }

    /** A request-level failure: {@code ActionStatus} FAIL, the code, {@code ErrorInfo} and {@code ErrorDisplay}. */
    static Reply error(Failure failure) {
        return error(failure, true);
    }

    /**
     * A request-level failure; {@code display} false leaves out {@code ErrorDisplay}, as Tencent's account API
     * pages show their answers.
     */
    static Reply error(Failure failure, boolean display) {
        return new Reply(200, JSON, bytes(256, g -> {
            g.writeStringField("ActionStatus", "FAIL");
            g.writeNumberField("ErrorCode", failure.code());
            g.writeStringField("ErrorInfo", failure.info());
            if (display) {
                g.writeStringField("ErrorDisplay", "");
            }
        }), false, false, failure);
    }

    /** The envelope of a call that succeeded: {@code ActionStatus} OK, {@code ErrorCode} 0. */
    static void ok(JsonGenerator g, boolean display) throws IOException {
        g.writeStringField("ActionStatus", "OK");
        g.writeNumberField("ErrorCode", 0);
        g.writeStringField("ErrorInfo", "");
        if (display) {
            g.writeStringField("ErrorDisplay", "");
        }
    }

    /**
     * friend_import's answer: {@code ActionStatus} OK with one {@code ResultItem} per item and {@code Fail_Account}
     * when any failed.
     */
    static Reply ok(List<ItemResult> results) {
        return success(64 + results.size() * 64, g -> {
            Set<String> failed = null;
            g.writeArrayFieldStart("ResultItem");
            for (ItemResult r : results) {
                g.writeStartObject();
                g.writeStringField("To_Account", r.toAccount());
                if (r.failure() == null) {
                    g.writeNumberField("ResultCode", 0);
                    g.writeStringField("ResultInfo", "");
                } else {
                    g.writeNumberField("ResultCode", r.failure().code());
                    g.writeStringField("ResultInfo", r.failure().info());
                    if (failed == null) {
                        failed = new LinkedHashSet<>();
                    }
                    failed.add(r.toAccount());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (failed != null) {
                g.writeArrayFieldStart("Fail_Account");
                for (String account : failed) {
                    g.writeString(account);
                }
                g.writeEndArray();
            }
            ok(g, true);
        });
    }

    /** A bug in the simulator itself: HTTP 500, so that it is never mistaken for a documented answer. */
    static Reply internal(Throwable t) {
        return new Reply(500, "text/plain; charset=utf-8",
                ("timport simulator internal error: " + t).getBytes(StandardCharsets.UTF_8), false, false, null);
    }
}
