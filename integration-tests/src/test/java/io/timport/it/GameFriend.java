package io.timport.it;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/**
 * The custom friend fields the integration tests import ({@code Tag_SNS_Custom_Level}, an integer, and
 * {@code Tag_SNS_Custom_Guild}, a string: the fields of the test app's simulator, {@code TestApp}). The real processor
 * turns it into {@link GameFriendItem} and {@link GameFriendImporter} when this module's tests compile, as in a
 * user's build; the same shape as the example's {@code GameFriend}, declared here so that this module does not wait
 * for the example's build and tests.
 */
@FriendFields
public interface GameFriend {

    /** {@code Tag_SNS_Custom_Level}: a 64-bit integer; null when unknown. */
    @CustomField("Level")
    Long level();

    /** {@code Tag_SNS_Custom_Guild}: at most 500 UTF-8 bytes; null for none. */
    @CustomField("Guild")
    String guild();
}
