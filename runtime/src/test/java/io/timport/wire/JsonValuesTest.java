package io.timport.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void plainValuesInOrder() throws IOException {
        try (JsonParser parser = JSON.createParser("{\"s\":\"x\",\"i\":1,\"big\":12345678901234567890,\"d\":1.5,"
                + "\"t\":true,\"f\":false,\"n\":null,\"a\":[1,\"b\",[]],\"o\":{\"k\":{}}}")) {
            Map<String, Object> object = JsonValues.readObject(parser);
            assertEquals(List.of("s", "i", "big", "d", "t", "f", "n", "a", "o"), new ArrayList<>(object.keySet()));
            assertEquals("x", object.get("s"));
            assertEquals(1L, object.get("i"));
            assertEquals(new BigInteger("12345678901234567890"), object.get("big"));
            assertEquals(1.5, object.get("d"));
            assertEquals(true, object.get("t"));
            assertEquals(false, object.get("f"));
            assertTrue(object.containsKey("n"));
            assertEquals(null, object.get("n"));
            assertEquals(Arrays.asList(1L, "b", List.of()), object.get("a"));
            assertEquals(Map.of("k", Map.of()), object.get("o"));
            assertEquals(JsonToken.END_OBJECT, parser.currentToken());
        }
    }

    @Test
    void oneObjectAfterAnotherAsInJsonLines() throws IOException {
        try (JsonParser parser = JSON.createParser("{\"a\":1}\n{\"b\":2}\n")) {
            assertEquals(Map.of("a", 1L), JsonValues.readObject(parser));
            assertEquals(Map.of("b", 2L), JsonValues.readObject(parser));
        }
    }

    @Test
    void aRepeatedFieldIsAnErrorNotSilentlyOverwritten() throws IOException {
        try (JsonParser parser = JSON.createParser("{\"a\":1,\"a\":2}")) {
            JsonParseException e = assertThrows(JsonParseException.class, () -> JsonValues.readObject(parser));
            assertTrue(e.getMessage().startsWith("duplicate field \"a\" in a JSON object"), e.getMessage());
        }
    }

    @Test
    void notAnObject() throws IOException {
        try (JsonParser parser = JSON.createParser("[1]")) {
            JsonParseException e = assertThrows(JsonParseException.class, () -> JsonValues.readObject(parser));
            assertTrue(e.getMessage().startsWith("expected a JSON object, found '['"), e.getMessage());
        }
        try (JsonParser parser = JSON.createParser("{\"a\":")) {
            assertThrows(IOException.class, () -> JsonValues.readObject(parser));
        }
    }
}
