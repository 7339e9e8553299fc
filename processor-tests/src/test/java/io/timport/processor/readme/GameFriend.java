// The interface of docs/custom-fields.md, verbatim between the snippet markers (checked by docs-tests).
package io.timport.processor.readme;

// --- snippet: game-friend
import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

@FriendFields
public interface GameFriend {
    enum Channel { LOBBY, GUILD_CHAT, ARENA }

    @CustomField("Level") long level();          // Tag_SNS_Custom_Level: integer, required
    @CustomField("Guild") String guild();        // Tag_SNS_Custom_Guild: string, optional
    @CustomField("Channel") Channel channel();   // Tag_SNS_Custom_Channel: sent as the constant's name, optional
}
// --- end
