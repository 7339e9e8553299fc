package io.timport.processor.generated;

import io.timport.annotation.FriendFields;

/** No custom fields at all: the standard fields only. */
@FriendFields
public interface PlainFriend {
}
