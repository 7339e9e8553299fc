package io.timport.processor.generated;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/** The two custom fields of the API page's "complete request" example. */
@FriendFields
interface ApiPageFriend {
    @CustomField("XXXX") String xxxx();

    @CustomField("Tag_SNS_Custom_YYYY") long yyyy();
}
