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

    static final Reply DROP = new Reply(0, null, null);
    static final Reply BAD_GATEWAY = new Reply(502, "text/html",
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\n"
                    .getBytes(StandardCharsets.US_ASCII));

    private static final String JSON = "application/json; charset=utf-8";

    final int status;
    final String contentType;
    final byte[] body;

    private Reply(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    /** One item's outcome: {@code failure} null for success. */
    record ItemResult(String toAccount, Failure failure) {
    }

    /** A request-level failure: {@code ActionStatus} FAIL and the code. */
    static Reply error(Failure failure) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("ActionStatus", "FAIL");
            g.writeNumberField("ErrorCode", failure.code());
            g.writeStringField("ErrorInfo", failure.info());
            g.writeStringField("ErrorDisplay", "");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reply(200, JSON, out.toByteArray());
    }

    /** {@code ActionStatus} OK with one {@code ResultItem} per item and {@code Fail_Account} when any failed. */
    static Reply ok(List<ItemResult> results) {
        ByteArrayBuilder out = new ByteArrayBuilder(64 + results.size() * 64);
        Set<String> failed = null;
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(out)) {
            g.writeStartObject();
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
            g.writeStringField("ActionStatus", "OK");
            g.writeNumberField("ErrorCode", 0);
            g.writeStringField("ErrorInfo", "");
            g.writeStringField("ErrorDisplay", "");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reply(200, JSON, out.toByteArray());
    }

    /** A bug in the simulator itself: HTTP 500, so that it is never mistaken for a documented answer. */
    static Reply internal(Throwable t) {
        return new Reply(500, "text/plain; charset=utf-8",
                ("timport simulator internal error: " + t).getBytes(StandardCharsets.UTF_8));
    }
}
