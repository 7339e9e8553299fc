package io.timport.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Hand-written jackson-core streaming serializers of a {@code friend_import} request, the ceiling that generated code
 * is held to in {@link SerializeRequest}. Both write into the same sink as the client's own request writer (a
 * {@link ByteArrayBuilder}, then {@code toByteArray()}), so that only the serializing code differs.
 */
final class HandWritten {

    private static final SerializedString FROM_ACCOUNT = new SerializedString("From_Account");
    private static final SerializedString ADD_FRIEND_ITEM = new SerializedString("AddFriendItem");
    private static final SerializedString TO_ACCOUNT = new SerializedString("To_Account");
    private static final SerializedString REMARK = new SerializedString("Remark");
    private static final SerializedString REMARK_TIME = new SerializedString("RemarkTime");
    private static final SerializedString GROUP_NAME = new SerializedString("GroupName");
    private static final SerializedString ADD_SOURCE = new SerializedString("AddSource");
    private static final SerializedString ADD_WORDING = new SerializedString("AddWording");
    private static final SerializedString ADD_TIME = new SerializedString("AddTime");
    private static final SerializedString CUSTOM_ITEM = new SerializedString("CustomItem");
    private static final SerializedString TAG = new SerializedString("Tag");
    private static final SerializedString VALUE = new SerializedString("Value");

    private HandWritten() {
    }

    /** (b) The plain way: field names as Strings, {@code writeStringField} and friends. */
    static byte[] plain(JsonFactory json, Pojos.Request request) {
        List<Pojos.Friend> items = request.getAddFriendItem();
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("From_Account", request.getFromAccount());
            g.writeArrayFieldStart("AddFriendItem");
            for (Pojos.Friend f : items) {
                g.writeStartObject();
                g.writeStringField("To_Account", f.getToAccount());
                if (f.getRemark() != null) {
                    g.writeStringField("Remark", f.getRemark());
                }
                if (f.getRemarkTime() != null) {
                    g.writeNumberField("RemarkTime", f.getRemarkTime().longValue());
                }
                List<String> groups = f.getGroupName();
                if (groups != null && !groups.isEmpty()) {
                    g.writeArrayFieldStart("GroupName");
                    for (String name : groups) {
                        g.writeString(name);
                    }
                    g.writeEndArray();
                }
                g.writeStringField("AddSource", f.getAddSource());
                if (f.getAddWording() != null) {
                    g.writeStringField("AddWording", f.getAddWording());
                }
                if (f.getAddTime() != null) {
                    g.writeNumberField("AddTime", f.getAddTime().longValue());
                }
                List<Pojos.Custom> custom = f.getCustomItem();
                if (custom != null && !custom.isEmpty()) {
                    g.writeArrayFieldStart("CustomItem");
                    for (Pojos.Custom c : custom) {
                        g.writeStartObject();
                        g.writeStringField("Tag", c.getTag());
                        Object value = c.getValue();
                        if (value instanceof Long) {
                            g.writeNumberField("Value", ((Long) value).longValue());
                        } else {
                            g.writeStringField("Value", (String) value);
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** (b′) The expert way: field names pre-encoded once as {@link SerializedString}s. */
    static byte[] preEncoded(JsonFactory json, Pojos.Request request) {
        List<Pojos.Friend> items = request.getAddFriendItem();
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeFieldName(FROM_ACCOUNT);
            g.writeString(request.getFromAccount());
            g.writeFieldName(ADD_FRIEND_ITEM);
            g.writeStartArray();
            for (Pojos.Friend f : items) {
                g.writeStartObject();
                g.writeFieldName(TO_ACCOUNT);
                g.writeString(f.getToAccount());
                if (f.getRemark() != null) {
                    g.writeFieldName(REMARK);
                    g.writeString(f.getRemark());
                }
                if (f.getRemarkTime() != null) {
                    g.writeFieldName(REMARK_TIME);
                    g.writeNumber(f.getRemarkTime().longValue());
                }
                List<String> groups = f.getGroupName();
                if (groups != null && !groups.isEmpty()) {
                    g.writeFieldName(GROUP_NAME);
                    g.writeStartArray();
                    for (String name : groups) {
                        g.writeString(name);
                    }
                    g.writeEndArray();
                }
                g.writeFieldName(ADD_SOURCE);
                g.writeString(f.getAddSource());
                if (f.getAddWording() != null) {
                    g.writeFieldName(ADD_WORDING);
                    g.writeString(f.getAddWording());
                }
                if (f.getAddTime() != null) {
                    g.writeFieldName(ADD_TIME);
                    g.writeNumber(f.getAddTime().longValue());
                }
                List<Pojos.Custom> custom = f.getCustomItem();
                if (custom != null && !custom.isEmpty()) {
                    g.writeFieldName(CUSTOM_ITEM);
                    g.writeStartArray();
                    for (Pojos.Custom c : custom) {
                        g.writeStartObject();
                        g.writeFieldName(TAG);
                        g.writeString(c.getTag());
                        g.writeFieldName(VALUE);
                        Object value = c.getValue();
                        if (value instanceof Long) {
                            g.writeNumber(((Long) value).longValue());
                        } else {
                            g.writeString((String) value);
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
