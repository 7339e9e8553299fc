package io.timport.processor.generated;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/** Optional custom fields only: CustomItem is sent only when one is present. */
@FriendFields
public interface NoteFriend {
    @CustomField("Note") String note();

    @CustomField("Stars") Integer stars();
}
