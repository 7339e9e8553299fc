package io.timport.wire;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain Java values with jackson-core alone: objects become {@link LinkedHashMap}s (field order
 * kept), arrays {@link ArrayList}s, strings {@link String}s, integers {@link Long} (or {@link BigInteger} when they
 * do not fit), other numbers {@link Double}, booleans {@link Boolean}, and {@code null} null.
 *
 * <p>This is the input of a generated {@code fromWire(Map)}: for a JSONL file, read each line's object with
 * {@link #readObject} and hand the map over.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * Reads one JSON object. The parser is either on the object's <code>{</code> or before it (then the next token
     * must be <code>{</code>); afterwards it is on the matching <code>}</code>.
     *
     * @param parser the parser, on or before the object's <code>{</code> (not null)
     * @return field name to value, in document order
     * @throws JsonParseException if the next value is not an object, is malformed, or repeats a field name
     *                            (a repeated name is an error, not silently overwritten)
     */
    public static Map<String, Object> readObject(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            token = parser.nextToken();
        }
        if (token != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "expected a JSON object, found " + describe(token));
        }
        return object(parser);
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            Object value = value(parser);
            if (object.containsKey(name)) {
                throw new JsonParseException(parser, "duplicate field \"" + name + "\" in a JSON object");
            }
            object.put(name, value);
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "unexpected " + describe(token) + " in a JSON object");
        }
        return object;
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of input");
        }
        switch (token) {
            case START_OBJECT:
                return object(parser);
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT, LONG -> parser.getLongValue();
                    default -> parser.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(parser, "unexpected " + describe(token));
        }
    }

    private static String describe(JsonToken token) {
        return token == null ? "end of input" : token.asString() != null ? "'" + token.asString() + "'" : token.name();
    }
}
