package io.timport.internal;

import io.timport.wire.FriendImportRules;
import io.timport.wire.Violations;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What generated builders call besides the rules of {@link FriendImportRules}: how {@code GroupName} is stored, and
 * the checks of custom integer fields, whose builder fields are boxed ({@code null} = not set).
 *
 * <p><b>Not API</b> (see {@link io.timport.internal}).
 */
public final class ItemBuilding {

    private ItemBuilding() {
    }

    /**
     * What a builder stores for {@code GroupName}: an unmodifiable copy in which each name appears once, at its first
     * occurrence (groups are a set: a repeat carries no information); empty for null.
     *
     * @param groupNames the names as given, or null
     * @return an unmodifiable list of distinct names in first-occurrence order
     * @throws NullPointerException naming the index of a null name in {@code groupNames}, e.g.
     *                              {@code Null groupNames[2]}
     */
    public static List<String> copyGroupNames(Collection<String> groupNames) {
        if (groupNames == null) {
            return List.of();
        }
        String[] copy = groupNames.toArray(new String[0]);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new NullPointerException("Null groupNames[" + i + "]");
            }
        }
        if (copy.length < 2) {
            return List.of(copy);
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(copy)));
    }

    /**
     * A required custom integer field (one with a primitive {@code int} or {@code long} type): present, and not
     * negative ({@link FriendImportRules#checkCustomInteger}).
     *
     * @param value the builder's field: an {@link Integer} or a {@link Long}, null when not set
     * @param violations where a broken rule is recorded (not null)
     * @param tag the field's full tag, used in the violation
     */
    public static void requiredInteger(Violations violations, String tag, Number value) {
        if (value == null) {
            violations.add(tag, "is required", "missing");
        } else {
            FriendImportRules.checkCustomInteger(violations, tag, value.longValue());
        }
    }

    /**
     * An optional custom integer field ({@code Integer}, {@code Long}): absent, or not negative
     * ({@link FriendImportRules#checkCustomInteger}).
     *
     * @param value the builder's field: an {@link Integer} or a {@link Long}, null when absent
     * @param violations where a broken rule is recorded (not null)
     * @param tag the field's full tag, used in the violation
     */
    public static void optionalInteger(Violations violations, String tag, Number value) {
        if (value != null) {
            FriendImportRules.checkCustomInteger(violations, tag, value.longValue());
        }
    }
}
