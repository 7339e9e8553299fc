package io.timport.call;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.wire.AddFriendItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** Writes a {@code friend_import} request body with jackson-core, straight to UTF-8 bytes. */
final class RequestWriter {

    private RequestWriter() {}

    /**
     * {@code {"From_Account":…,"AddFriendItem":[item,…]}}.
     *
     * @throws IllegalArgumentException naming the item's index and To_Account when an item fails to write itself
     */
    static byte[] body(JsonFactory json, String fromAccount, List<? extends AddFriendItem> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 128 * items.size());
        int index = 0;
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("From_Account", fromAccount);
            g.writeFieldName("AddFriendItem");
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
