package io.timport.call;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.timport.wire.AddFriendItem;
import io.timport.wire.WireWriter;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@code friend_import} request body with jackson-core, straight to UTF-8 bytes. The sink is Jackson's
 * {@link ByteArrayBuilder}, which grows by adding segments rather than copying what it holds, as
 * {@code ObjectMapper.writeValueAsBytes} does: about half the allocation of a {@code ByteArrayOutputStream} that has
 * to guess the body's size.
 */
final class RequestWriter {

    private RequestWriter() {}

    /**
     * {@code {"From_Account":…,"AddFriendItem":[item,…]}}.
     *
     * @throws IllegalArgumentException naming the item's index and To_Account when an item fails to write itself
     */
    static byte[] body(JsonFactory json, String fromAccount, List<? extends AddFriendItem> items) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        int index = 0;
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            WireWriter.writeStringField(g, WireWriter.FROM_ACCOUNT, fromAccount);
            g.writeFieldName(WireWriter.ADD_FRIEND_ITEM);
            g.writeStartArray();
            for (AddFriendItem item : items) {
                item.writeJson(g);
                if (!g.getOutputContext().inArray()) {
                    throw new IOException("it left a JSON object open");
                }
                index++;
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException | RuntimeException e) {
            AddFriendItem item = index < items.size() ? items.get(index) : null;
            throw new IllegalArgumentException("AddFriendItem[" + index + "]"
                    + (item == null ? "" : " (To_Account " + item.toAccount() + ", " + item.getClass().getName() + ")")
                    + " could not be written as JSON: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
