package io.timport.example;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.bulk.ImportRecord;
import io.timport.wire.InvalidItemException;
import io.timport.wire.WireWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One row of the game's own friend table, as an export from its database gives it: the data the import starts
 * from. Any field may be missing or wrong, as in real exports; {@link #toRecord()} turns a row into what the importer
 * takes, and a row that breaks a rule of {@code friend_import} into an invalid record that is reported, never sent.
 *
 * @param userId the player whose friend list holds the friend ({@code From_Account})
 * @param friendId the friend ({@code To_Account}); null when the export lost it
 * @param platform where the friendship was made: {@code Game}, {@code Android} or {@code iOS}
 *     ({@code AddSource_Type_<platform>})
 * @param nickname the nickname the player gave the friend ({@code Remark}), or null
 * @param nicknameSetAt when the nickname was set, in Unix seconds ({@code RemarkTime}), or null
 * @param groups the player's friend groups holding the friend ({@code GroupName}); empty for none
 * @param greeting the message sent with the friend request ({@code AddWording}), or null
 * @param friendsSince when they became friends, in Unix seconds ({@code AddTime}), or null
 * @param level the friend's player level ({@code Tag_SNS_Custom_Level}), or null when unknown
 * @param guild the guild the two met in ({@code Tag_SNS_Custom_Guild}), or null
 */
public record FriendRow(
        String userId,
        String friendId,
        String platform,
        String nickname,
        Long nicknameSetAt,
        List<String> groups,
        String greeting,
        Long friendsSince,
        Long level,
        String guild) {

    private static final JsonFactory JSON = WireWriter.jsonFactory();

    /**
     * Copies {@code groups}; null becomes empty.
     *
     * @param userId the player whose friend list holds the friend ({@code From_Account})
     * @param friendId the friend ({@code To_Account}); null when the export lost it
     * @param platform where the friendship was made: {@code Game}, {@code Android} or {@code iOS} ({@code
     *     AddSource_Type_<platform>})
     * @param nickname the nickname the player gave the friend ({@code Remark}), or null
     * @param nicknameSetAt when the nickname was set, in Unix seconds ({@code RemarkTime}), or null
     * @param groups the player's friend groups holding the friend ({@code GroupName}); empty for none
     * @param greeting the message sent with the friend request ({@code AddWording}), or null
     * @param friendsSince when they became friends, in Unix seconds ({@code AddTime}), or null
     * @param level the friend's player level ({@code Tag_SNS_Custom_Level}), or null when unknown
     * @param guild the guild the two met in ({@code Tag_SNS_Custom_Guild}), or null
     */
    public FriendRow {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * The row as a relation to import, built with the generated {@link GameFriendItem} builder, whose {@code build()}
     * checks every rule of {@code friend_import}. A row that breaks one becomes an invalid record: the import reports
     * it with the builder's message (which names every field, rule and problem at once), never sends it, and writes
     * the row to the failures file, so that it can be fixed and imported again with {@code --input}.
     *
     * @return a valid record, or an invalid one carrying the builder's message
     */
    public ImportRecord<GameFriendItem> toRecord() {
        GameFriendItem.Builder item = GameFriendItem.builder()
                .remark(nickname)                         // optional fields: null means "not sent"
                .remarkTime(nicknameSetAt)
                .groupNames(groups)
                .addWording(greeting)
                .addTime(friendsSince)
                .level(level)                             // Tag_SNS_Custom_Level
                .guild(guild);                            // Tag_SNS_Custom_Guild
        // The setters of required fields reject null at once; left unset, build() reports them with every other problem.
        if (friendId != null) {
            item.toAccount(friendId);
        }
        if (platform != null) {
            item.addSource("AddSource_Type_" + platform);
        }
        try {
            return GameFriendImporter.record(userId, item.build());
        } catch (InvalidItemException e) {
            return ImportRecord.invalid(userId, e.toAccount(), e.getMessage(), null, toJsonl());
        }
    }

    /**
     * The row as one line of the importer's JSONL input: {@code From_Account} and the item's fields as the API spells
     * them, missing values left out. What {@code --write-sample} writes and {@code --input} reads.
     *
     * @return one line of JSON, without a line separator
     */
    public String toJsonl() {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("From_Account", userId);
            if (friendId != null) {
                g.writeStringField("To_Account", friendId);
            }
            if (platform != null) {
                g.writeStringField("AddSource", "AddSource_Type_" + platform);
            }
            if (nickname != null) {
                g.writeStringField("Remark", nickname);
            }
            if (nicknameSetAt != null) {
                g.writeNumberField("RemarkTime", nicknameSetAt);
            }
            if (!groups.isEmpty()) {
                WireWriter.writeStringArrayField(g, "GroupName", groups);
            }
            if (greeting != null) {
                g.writeStringField("AddWording", greeting);
            }
            if (friendsSince != null) {
                g.writeNumberField("AddTime", friendsSince);
            }
            if (level != null || guild != null) {
                g.writeArrayFieldStart("CustomItem");
                if (level != null) {
                    WireWriter.writeCustomItem(g, "Tag_SNS_Custom_Level", level);
                }
                if (guild != null) {
                    WireWriter.writeCustomItem(g, "Tag_SNS_Custom_Guild", guild);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }
}
