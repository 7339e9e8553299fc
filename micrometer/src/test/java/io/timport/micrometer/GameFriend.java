package io.timport.micrometer;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/** A game's custom friend fields: the processor generates {@code GameFriendItem} and {@code GameFriendImporter}. */
@FriendFields
public interface GameFriend {
    @CustomField("Level")
    Long level();
}
