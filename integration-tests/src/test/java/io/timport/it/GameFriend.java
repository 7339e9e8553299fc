package io.timport.it;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/** The custom friend fields of the tests' app, generated into {@link GameFriendItem} by the real processor. */
@FriendFields
public interface GameFriend {

    /** {@code Tag_SNS_Custom_Level}. */
    @CustomField("Level")
    Long level();

    /** {@code Tag_SNS_Custom_Guild}. */
    @CustomField("Guild")
    String guild();
}
