package io.timport.processor.generated;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/**
 * Tags that differ only in case, and a method named like the constant the processor would pick for a tag: the
 * generated pre-encoded tag constants must still be distinct and right.
 */
@FriendFields
public interface CaseFriend {
    @CustomField("Level") long level();

    @CustomField("LEVEL") Long upperLevel();

    @CustomField("Rank") Integer LEVEL_TAG();
}
