package io.timport.processor.docs;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/** The interface of docs/generated-code.md; the processor generates GuildFriendItem and GuildFriendImporter. */
// --- snippet: interface
@FriendFields
public interface GuildFriend {
    enum Role { MEMBER, OFFICER, LEADER }

    @CustomField("Level") long level();     // Tag_SNS_Custom_Level: an integer, required
    @CustomField("Guild") String guild();   // Tag_SNS_Custom_Guild: a string, optional
    @CustomField("Role") Role role();       // Tag_SNS_Custom_Role: sent as the constant's name, optional
}
// --- end
