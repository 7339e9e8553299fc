package io.timport.processor.generated;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/** The example, plus one of each other supported type. */
@FriendFields
public interface GameFriend {
    /** How a friend met the player. */
    enum Channel { LOBBY, GUILD_CHAT, ARENA }

    @CustomField("Level") long level();

    @CustomField("Guild") String guild();

    @CustomField("Tag_SNS_Custom_Rank") int rank();

    @CustomField("Score") Long score();

    @CustomField("Wins") Integer wins();

    @CustomField("Channel") Channel channel();

    /** Ignored by the processor. */
    default String describe() {
        return "level " + level();
    }

    /** Ignored by the processor. */
    static String kind() {
        return "game";
    }
}
