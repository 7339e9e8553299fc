package io.timport.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One stored one-way relation: {@code toAccount} in {@code fromAccount}'s friend list, with every field the
 * last successful import of it carried. Absent optional fields stay absent (an import replaces the whole
 * relation, so re-importing without {@code Remark} removes the remark).
 *
 * @param fromAccount the owner of the friend list
 * @param toAccount the friend
 * @param addSource {@code AddSource}, e.g. {@code AddSource_Type_Android}
 * @param remark {@code Remark}, if sent
 * @param remarkTime {@code RemarkTime} in Unix seconds, if sent
 * @param groupNames {@code GroupName}, in the order sent; empty if not sent
 * @param addWording {@code AddWording}, if sent
 * @param addTime {@code AddTime} in Unix seconds, if sent
 * @param customItems custom fields by full tag ({@code Tag_SNS_Custom_Level}), in the order sent;
 *     values are {@link String} or {@link Long}
 */
public record StoredFriend(
        String fromAccount,
        String toAccount,
        String addSource,
        Optional<String> remark,
        OptionalLong remarkTime,
        List<String> groupNames,
        Optional<String> addWording,
        OptionalLong addTime,
        Map<String, Object> customItems) {

    /**
     * Checks for nulls and makes the collections immutable (keeping the order of {@code customItems}).
     *
     * @param fromAccount the owner of the friend list
     * @param toAccount the friend
     * @param addSource {@code AddSource}, e.g. {@code AddSource_Type_Android}
     * @param remark {@code Remark}, if sent
     * @param remarkTime {@code RemarkTime} in Unix seconds, if sent
     * @param groupNames {@code GroupName}, in the order sent; empty if not sent
     * @param addWording {@code AddWording}, if sent
     * @param addTime {@code AddTime} in Unix seconds, if sent
     * @param customItems custom fields by full tag ({@code Tag_SNS_Custom_Level}), in the order sent; values are {@link
     *     String} or {@link Long}
     */
    public StoredFriend {
        Objects.requireNonNull(fromAccount, "fromAccount");
        Objects.requireNonNull(toAccount, "toAccount");
        Objects.requireNonNull(addSource, "addSource");
        Objects.requireNonNull(remark, "remark");
        Objects.requireNonNull(remarkTime, "remarkTime");
        groupNames = List.copyOf(groupNames);
        Objects.requireNonNull(addWording, "addWording");
        Objects.requireNonNull(addTime, "addTime");
        customItems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customItems));
    }

    /**
     * The value of the custom field with this full tag ({@code Tag_SNS_Custom_…}), if it was sent.
     *
     * @param tag the full tag, {@code Tag_SNS_Custom_…}
     * @return the value ({@link String} or {@link Long}), or empty when it was not sent
     */
    public Optional<Object> custom(String tag) {
        return Optional.ofNullable(customItems.get(tag));
    }
}
