package io.timport.call;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.timport.call.Redaction.Redactor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Chat API answer with jackson-core's streaming parser: the fields every answer has ({@code ActionStatus},
 * {@code ErrorCode}, {@code ErrorInfo}, {@code ErrorDisplay}) here, the API's own fields through its {@link Reader}.
 *
 * <p>Tolerant: unknown fields (with any nested content) are skipped, missing fields take defaults, a list field of
 * another type is ignored. Strict where a decision depends on it: the body must be one JSON object holding
 * {@code ActionStatus} or {@code ErrorCode}, and codes must be integers. Every string read from the answer goes
 * through the call's {@link Redactor}, so that a server echoing the UserSig cannot carry it into an answer.
 */
final class AnswerParser {

    private AnswerParser() {}

    /** The common fields of an answer. */
    record Envelope(String actionStatus, int errorCode, String errorInfo, String errorDisplay) {}

    /** The API-specific part of reading one answer: a fresh instance per answer. */
    interface Reader<A> {
        /**
         * Reads the value of the field {@code name}, on which the parser stands, if it is one of the API's fields;
         * returns false (having read nothing) to have it skipped.
         */
        boolean field(String name, JsonParser p, Redactor redactor) throws IOException;

        /** The answer, once the whole object was read. */
        A answer(Envelope envelope, long random);

        /** A few words for the DEBUG log line of the answer, e.g. {@code 1000 results, 2 failed}. */
        String summary(A answer);
    }

    /** The answer, or an {@link IOException} saying why the body is not a Chat API answer. */
    static <A> A parse(JsonFactory json, byte[] body, Reader<A> reader, Redactor redactor, long random)
            throws IOException {
        try (JsonParser p = json.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IOException("the body is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IOException("the body is not a JSON object (starts with " + first + ")");
            }
            String actionStatus = null;
            Integer errorCode = null;
            String errorInfo = "";
            String errorDisplay = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "ActionStatus":
                        actionStatus = text(p, redactor);
                        break;
                    case "ErrorCode":
                        errorCode = integer(p, "ErrorCode");
                        break;
                    case "ErrorInfo":
                        errorInfo = text(p, redactor);
                        break;
                    case "ErrorDisplay":
                        errorDisplay = text(p, redactor);
                        break;
                    default:
                        if (!reader.field(name, p, redactor)) {
                            p.skipChildren();
                        }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("the JSON object is not complete");
            }
            if (p.nextToken() != null) {
                throw new IOException("unexpected content after the JSON object");
            }
            if (actionStatus == null && errorCode == null) {
                throw new IOException("the JSON object has neither ActionStatus nor ErrorCode");
            }
            String status = actionStatus == null ? "" : actionStatus;
            int code = errorCode != null ? errorCode : ("OK".equals(actionStatus) ? 0 : -1);
            return reader.answer(new Envelope(status, code, errorInfo, errorDisplay), random);
        }
    }

    /** An array of strings, redacted; empty for another type (skipped); non-string elements are skipped. */
    static List<String> strings(JsonParser p, Redactor redactor) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                values.add(redactor.redact(p.getText()));
            } else {
                p.skipChildren();
            }
        }
        return values;
    }

    /** A scalar as text, redacted; {@code ""} for null or a structure (skipped). */
    static String text(JsonParser p, Redactor redactor) throws IOException {
        JsonToken t = p.currentToken();
        if (t.isStructStart()) {
            p.skipChildren();
            return "";
        }
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        return redactor.redact(p.getText());
    }

    /** An integer code, given as a JSON integer or a numeric string; null for JSON null. */
    static Integer integer(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Integer.valueOf(p.getText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IOException(field + " is not an integer (" + t + ")");
    }

    /**
     * A non-negative integer that fits a {@code long} (a sequence, an index, a count), given as a JSON integer or a
     * numeric string; null for JSON null.
     */
    static Long count(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        Long value = null;
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            value = p.getLongValue();
        } else if (t == JsonToken.VALUE_STRING) {
            try {
                value = Long.valueOf(p.getText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        if (value == null || value < 0) {
            throw new IOException(field + " is not a non-negative integer (" + t + ")");
        }
        return value;
    }
}
