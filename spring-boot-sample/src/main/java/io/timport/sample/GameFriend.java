package io.timport.sample;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/**
 * The game's custom friend fields, as created in the app's Chat console: the processor generates
 * {@link GameFriendItem} and {@link GameFriendImporter}.
 */
@FriendFields
public interface GameFriend {

    /** {@code Tag_SNS_Custom_Level}: the friend's level when they became friends. */
    @CustomField("Level")
    Long level();

    /** {@code Tag_SNS_Custom_Guild}: the guild they met in. */
    @CustomField("Guild")
    String guild();
}
