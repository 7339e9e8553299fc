package io.timport.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into plain values: {@link Map} (insertion-ordered), {@link List}, {@link String},
 * {@link Long} or {@link BigInteger} for integers, {@link Double} for numbers with a fraction or exponent,
 * {@link Boolean} and {@link #NULL}. A repeated key within one object is a syntax error.
 */
final class JsonTree {

    /** JSON {@code null}, kept apart from an absent key. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Thrown for bytes that are not one well-formed UTF-8 JSON value; the message completes "the body is ". */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    private JsonTree() {
    }

    static Object parse(byte[] body) throws SyntaxException {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SyntaxException("empty; it must be a JSON object");
            }
            Object value = read(p, first);
            if (p.nextToken() != null) {
                throw new SyntaxException("not valid JSON: unexpected content after the JSON value at "
                        + where(p));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new SyntaxException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new SyntaxException("not valid JSON: " + e.getMessage());
        }
    }

    private static String where(JsonParser p) {
        var loc = p.currentTokenLocation();
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(p, next));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IOException("unexpected token " + t);
        }
    }

    /** "a string", "an integer", … for messages about a value of the wrong type. */
    static String describe(Object value) {
        if (value instanceof String) {
            return "a string";
        } else if (value instanceof Long || value instanceof BigInteger) {
            return "an integer";
        } else if (value instanceof Double) {
            return "a number with a fraction or exponent";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List) {
            return "an array";
        } else {
            return "null";
        }
    }
}
