package io.timport.benchmarks;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/**
 * The custom friend fields of the benchmarks' app, generated into {@code BenchFriendItem} and
 * {@code BenchFriendImporter} by the real processor: an integer, a string and an enum, as a game would have.
 */
@FriendFields
public interface BenchFriend {

    /** Where two players met. */
    enum Channel { LOBBY, GUILD_CHAT, ARENA }

    /** {@code Tag_SNS_Custom_Level}: the friend's level when the friendship was made. */
    @CustomField("Level")
    Long level();

    /** {@code Tag_SNS_Custom_Guild}: the guild they share, if any. */
    @CustomField("Guild")
    String guild();

    /** {@code Tag_SNS_Custom_Channel}: where they met. */
    @CustomField("Channel")
    Channel channel();
}
