package io.timport.bulk;

import io.timport.wire.AddFriendItem;
import java.util.Map;

/**
 * One From_Account of an input and the relations expected in its friend list: for each To_Account, the last valid
 * record of the pair. What a verification checks with one user's {@code friend_get} pages.
 *
 * @param <T> the item type
 */
final class UserGroup<T extends AddFriendItem> {

    /** One relation expected: its position in the input, and the item imported. */
    record Expected<T>(long position, T item) {
    }

    /** The group's number, from 1 in From_Account order: the verification journal's position. */
    final long index;
    final String from;
    /** By To_Account; removed as friend_get returns them. */
    final Map<String, Expected<T>> expected;
    /** The relations of the group, as it was read. */
    final int size;

    UserGroup(long index, String from, Map<String, Expected<T>> expected) {
        this.index = index;
        this.from = from;
        this.expected = expected;
        this.size = expected.size();
    }

    @Override
    public String toString() {
        return "UserGroup{" + index + " " + from + ", " + size + " relations}";
    }
}
