package io.timport.simulator;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One stored relation in compact form (about a third of a {@link StoredFriend}'s footprint, which matters
 * when a demo imports millions of relations); made into a {@link StoredFriend} only when asked for.
 */
final class Relation {
    /** Marks an absent time: valid times are 0..4294967295. */
    static final long ABSENT = -1;

    final String toAccount;
    final String addSource;
    final String remark;
    final long remarkTime;
    final String[] groupNames;
    final String addWording;
    final long addTime;
    /** Tag, value, tag, value, ... in the order sent. */
    final Object[] custom;

    Relation(String toAccount, String addSource, String remark, long remarkTime, String[] groupNames,
            String addWording, long addTime, Object[] custom) {
        this.toAccount = toAccount;
        this.addSource = addSource;
        this.remark = remark;
        this.remarkTime = remarkTime;
        this.groupNames = groupNames;
        this.addWording = addWording;
        this.addTime = addTime;
        this.custom = custom;
    }

    List<String> groups() {
        return Arrays.asList(groupNames);
    }

    StoredFriend toStoredFriend(String fromAccount) {
        Map<String, Object> customItems = new LinkedHashMap<>();
        for (int i = 0; i < custom.length; i += 2) {
            customItems.put((String) custom[i], custom[i + 1]);
        }
        return new StoredFriend(fromAccount, toAccount, addSource, Optional.ofNullable(remark),
                remarkTime == ABSENT ? OptionalLong.empty() : OptionalLong.of(remarkTime),
                List.of(groupNames), Optional.ofNullable(addWording),
                addTime == ABSENT ? OptionalLong.empty() : OptionalLong.of(addTime), customItems);
    }
}
