package io.timport.call;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.timport.wire.AddFriendItem;
import io.timport.wire.WireWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes request bodies with jackson-core, straight to UTF-8 bytes. The sink is Jackson's {@link ByteArrayBuilder},
 * which grows by adding segments rather than copying what it holds, as {@code ObjectMapper.writeValueAsBytes} does:
 * about half the allocation of a {@code ByteArrayOutputStream} that has to guess the body's size.
 *
 * <p>The arguments were checked by the caller; these methods only write.
 */
final class RequestWriter {

    private static final SerializableString USER_ID = new SerializedString("UserID");
    private static final SerializableString NICK = new SerializedString("Nick");
    private static final SerializableString FACE_URL = new SerializedString("FaceUrl");
    private static final SerializableString CHECK_ITEM = new SerializedString("CheckItem");
    private static final SerializableString ACCOUNT_LIST = new SerializedString("AccountList");
    private static final SerializableString START_INDEX = new SerializedString("StartIndex");
    private static final SerializableString STANDARD_SEQUENCE = new SerializedString("StandardSequence");
    private static final SerializableString CUSTOM_SEQUENCE = new SerializedString("CustomSequence");
    private static final SerializableString CHECK_TYPE = new SerializedString("CheckType");

    private RequestWriter() {}

    /**
     * friend_import: {@code {"From_Account":…,"AddFriendItem":[item,…]}}.
     *
     * @throws IllegalArgumentException naming the item's index and To_Account when an item fails to write itself
     */
    static byte[] friendImport(JsonFactory json, String fromAccount, List<? extends AddFriendItem> items) {
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

    /** account_check: {@code {"CheckItem":[{"UserID":…},…]}}. */
    static byte[] accountCheck(JsonFactory json, List<String> userIds) {
        return write(json, g -> {
            g.writeStartObject();
            g.writeFieldName(CHECK_ITEM);
            g.writeStartArray();
            for (String userId : userIds) {
                g.writeStartObject();
                WireWriter.writeStringField(g, USER_ID, userId);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** multiaccount_import, the {@code AccountList} form: {@code {"AccountList":[{"UserID":…,"Nick":…,"FaceUrl":…}]}}. */
    static byte[] multiAccountImport(JsonFactory json, List<AccountItem> accounts) {
        return write(json, g -> {
            g.writeStartObject();
            g.writeFieldName(ACCOUNT_LIST);
            g.writeStartArray();
            for (AccountItem account : accounts) {
                g.writeStartObject();
                accountFields(g, account);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** account_import: {@code {"UserID":…,"Nick":…,"FaceUrl":…}}. */
    static byte[] accountImport(JsonFactory json, AccountItem account) {
        return write(json, g -> {
            g.writeStartObject();
            accountFields(g, account);
            g.writeEndObject();
        });
    }

    private static void accountFields(JsonGenerator g, AccountItem account) throws IOException {
        WireWriter.writeStringField(g, USER_ID, account.userId());
        if (account.nick() != null) {
            WireWriter.writeStringField(g, NICK, account.nick());
        }
        if (account.faceUrl() != null) {
            WireWriter.writeStringField(g, FACE_URL, account.faceUrl());
        }
    }

    /**
     * friend_get: {@code {"From_Account":…,"StartIndex":…}}, with {@code StandardSequence} and {@code CustomSequence}
     * only when not 0 (the server leaves out the data whose sequence it was given unchanged).
     */
    static byte[] friendGet(JsonFactory json, FriendGetRequest request) {
        return write(json, g -> {
            g.writeStartObject();
            WireWriter.writeStringField(g, WireWriter.FROM_ACCOUNT, request.fromAccount());
            WireWriter.writeNumberField(g, START_INDEX, request.startIndex());
            if (request.standardSequence() != 0) {
                WireWriter.writeNumberField(g, STANDARD_SEQUENCE, request.standardSequence());
            }
            if (request.customSequence() != 0) {
                WireWriter.writeNumberField(g, CUSTOM_SEQUENCE, request.customSequence());
            }
            g.writeEndObject();
        });
    }

    /** friend_check: {@code {"From_Account":…,"To_Account":[…],"CheckType":"CheckResult_Type_Both"}}. */
    static byte[] friendCheck(JsonFactory json, String fromAccount, List<String> toAccounts, FriendCheckType type) {
        return write(json, g -> {
            g.writeStartObject();
            WireWriter.writeStringField(g, WireWriter.FROM_ACCOUNT, fromAccount);
            WireWriter.writeStringArrayField(g, WireWriter.TO_ACCOUNT, toAccounts);
            WireWriter.writeStringField(g, CHECK_TYPE, type.wireName());
            g.writeEndObject();
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(JsonFactory json, Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a request body to memory failed", e);
        }
        return out.toByteArray();
    }
}
