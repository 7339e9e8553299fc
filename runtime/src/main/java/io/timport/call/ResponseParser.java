package io.timport.call;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code friend_import} answer with jackson-core's streaming parser.
 *
 * <p>Tolerant: unknown fields (with any nested content) are skipped, missing fields take defaults, a list field
 * of another type is ignored. Strict where a decision depends on it: the body must be one JSON object holding
 * {@code ActionStatus} or {@code ErrorCode}, and codes must be integers.
 */
final class ResponseParser {

    private ResponseParser() {}

    /** The answer, or an {@link IOException} saying why the body is not a Chat API answer. */
    static FriendImportResponse parse(JsonFactory json, byte[] body) throws IOException {
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
            List<ResultItem> results = List.of();
            List<String> failAccounts = List.of();
            List<String> invalidAccounts = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "ActionStatus":
                        actionStatus = text(p);
                        break;
                    case "ErrorCode":
                        errorCode = integer(p, "ErrorCode");
                        break;
                    case "ErrorInfo":
                        errorInfo = text(p);
                        break;
                    case "ErrorDisplay":
                        errorDisplay = text(p);
                        break;
                    case "ResultItem":
                        results = resultItems(p);
                        break;
                    case "Fail_Account":
                        failAccounts = strings(p);
                        break;
                    case "Invalid_Account":
                        invalidAccounts = strings(p);
                        break;
                    default:
                        p.skipChildren();
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
            return new FriendImportResponse(status, code, errorInfo, errorDisplay, results, failAccounts, invalidAccounts);
        }
    }

    private static List<ResultItem> resultItems(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<ResultItem> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String toAccount = "";
            Integer resultCode = null;
            String resultInfo = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "To_Account":
                        toAccount = text(p);
                        break;
                    case "ResultCode":
                        resultCode = integer(p, "ResultCode");
                        break;
                    case "ResultInfo":
                        resultInfo = text(p);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            items.add(new ResultItem(toAccount, resultCode == null ? -1 : resultCode, resultInfo));
        }
        return items;
    }

    private static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                values.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return values;
    }

    /** A scalar as text; {@code ""} for null or a structure (skipped). */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t.isStructStart()) {
            p.skipChildren();
            return "";
        }
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        return p.getText();
    }

    /** An integer code, given as a JSON integer or a numeric string; null for JSON null. */
    private static Integer integer(JsonParser p, String field) throws IOException {
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
}
