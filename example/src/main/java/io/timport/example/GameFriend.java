package io.timport.example;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/**
 * The custom friend fields of a game's friend lists, as created in the app's Chat console
 * (<i>App Configuration &gt; Feature Configuration &gt; Custom friend fields</i>):
 *
 * <table>
 *   <caption>Custom friend fields</caption>
 *   <tr><th>tag</th><th>console type</th><th>meaning</th></tr>
 *   <tr><td>{@code Tag_SNS_Custom_Level}</td><td>integer</td><td>the friend's player level when they became
 *       friends</td></tr>
 *   <tr><td>{@code Tag_SNS_Custom_Guild}</td><td>string</td><td>the guild the two players met in</td></tr>
 * </table>
 *
 * <p>At compile time the timport processor turns this interface into {@link GameFriendItem} (an immutable, validated
 * {@code AddFriendItem} with a builder and the exact wire JSON) and {@link GameFriendImporter} (the bulk importer
 * typed for it). Both fields are optional: a {@code null} value is not sent.
 */
@FriendFields
public interface GameFriend {

    /**
     * {@code Tag_SNS_Custom_Level}: the friend's player level, a 64-bit integer; null when unknown.
     *
     * @return the level (0 or more), or null when unknown
     */
    @CustomField("Level")
    Long level();

    /**
     * {@code Tag_SNS_Custom_Guild}: the guild the two players met in, at most 500 UTF-8 bytes; null for none.
     *
     * @return the guild's name, or null for none
     */
    @CustomField("Guild")
    String guild();
}
