// --- snippet: interface
package com.example.friends;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

@FriendFields
public interface MyFriend {
    @CustomField("Level") Long level();     // Tag_SNS_Custom_Level: an integer, optional
    @CustomField("Guild") String guild();   // Tag_SNS_Custom_Guild: a string, optional
}
// --- end
