package com.example.strict;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/** Every kind of custom field, compiled with -Xlint:all -Werror. */
@FriendFields
public interface StrictFriend {
    /** A channel. */
    enum Channel { LOBBY, ARENA }

    @CustomField("Level") long level();
    @CustomField("Rank") int rank();
    @CustomField("Score") Long score();
    @CustomField("Wins") Integer wins();
    @CustomField("Guild") String guild();
    @CustomField("Channel") Channel channel();
}
