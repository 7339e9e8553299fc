package io.timport.simulator;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The per-item rules of {@code friend_import}: field names, types, formats and UTF-8 byte lengths, and the
 * registered custom fields. A broken item gets a 30001 {@link Failure} naming the first problem found, in
 * field order; a sound one becomes a {@link Relation}.
 *
 * <p>Two rules are decided with the runtime (docs/simulator.md says why): repeated names in {@code GroupName} are
 * accepted and the group is stored once (groups are a set; the 32-name limit counts distinct names), and a custom
 * integer must not be negative (Tencent types integers as {@code uint64_t}).
 */
final class ItemRules {

    static final int USER_ID_MAX_BYTES = 32;
    static final int REMARK_MAX_BYTES = 96;
    static final int GROUP_NAMES_MAX = 32;
    static final int GROUP_NAME_MAX_BYTES = 30;
    static final int ADD_WORDING_MAX_BYTES = 256;
    static final int CUSTOM_STRING_MAX_BYTES = 500;
    static final long TIME_MAX = 4294967295L;
    static final String TAG_PREFIX = "Tag_SNS_Custom_";

    private static final Pattern ADD_SOURCE = Pattern.compile("AddSource_Type_[A-Za-z]{1,8}");
    private static final Pattern TAG = Pattern.compile("Tag_SNS_Custom_[A-Za-z]{1,8}");
    private static final String[] NO_GROUPS = {};
    private static final Object[] NO_CUSTOM = {};
    private static final Set<String> FIELDS = Set.of("To_Account", "AddSource", "Remark", "RemarkTime",
            "GroupName", "AddWording", "AddTime", "CustomItem");
    private static final String FIELD_LIST =
            "To_Account, AddSource, Remark, RemarkTime, GroupName, AddWording, AddTime, CustomItem";

    private final Map<String, CustomFieldType> tags = new LinkedHashMap<>();
    private final String registered;
    private final Interner interner = new Interner();

    private final Map<String, String> canonicalTags = new java.util.HashMap<>();

    ItemRules(Map<String, CustomFieldType> customFields) {
        customFields.forEach((keyword, type) -> tags.put(TAG_PREFIX + keyword, type));
        tags.keySet().forEach(t -> canonicalTags.put(t, t));
        registered = tags.isEmpty() ? "none are registered" : "registered: " + String.join(", ", tags.keySet());
    }

    /** Why {@code value} is not a UserID (1..32 bytes of UTF-8), or null. */
    static String userIdProblem(String field, String value) {
        int bytes = Utf8.length(value);
        if (bytes < 0) {
            return unpaired(field);
        }
        if (bytes == 0) {
            return field + " is empty; a UserID has 1 to " + USER_ID_MAX_BYTES + " bytes";
        }
        if (bytes > USER_ID_MAX_BYTES) {
            return field + " is " + bytes + " bytes of UTF-8; a UserID has 1 to " + USER_ID_MAX_BYTES + " bytes";
        }
        return null;
    }

    /** A {@link Relation} for {@code fromAccount}, or a 30001 refusal. */
    @SuppressWarnings("unchecked")
    Checked<Relation> check(String fromAccount, Map<String, Object> item) {
        for (String name : item.keySet()) {
            if (!FIELDS.contains(name)) {
                return bad("unknown field '" + name + "' (names are case-sensitive: " + FIELD_LIST + ")");
            }
        }
        String toAccount = (String) item.get("To_Account");
        String problem = userIdProblem("To_Account", toAccount);
        if (problem != null) {
            return bad(problem);
        }
        if (toAccount.equals(fromAccount)) {
            return bad("To_Account equals From_Account; a user cannot be imported as their own friend");
        }

        Object addSource = item.get("AddSource");
        if (addSource == null) {
            return bad("AddSource is missing; it is required");
        }
        if (!(addSource instanceof String)) {
            return bad("AddSource must be a string, got " + JsonTree.describe(addSource));
        }
        if (!ADD_SOURCE.matcher((String) addSource).matches()) {
            return bad("AddSource \"" + abbreviate((String) addSource)
                    + "\" must be AddSource_Type_ followed by 1 to 8 English letters");
        }

        Object remark = item.get("Remark");
        if (remark != null && (problem = stringProblem("Remark", remark, REMARK_MAX_BYTES)) != null) {
            return bad(problem);
        }
        Object remarkTime = item.get("RemarkTime");
        if (remarkTime != null && (problem = timeProblem("RemarkTime", remarkTime)) != null) {
            return bad(problem);
        }

        String[] groups = NO_GROUPS;
        Object groupName = item.get("GroupName");
        if (groupName != null) {
            if (!(groupName instanceof List)) {
                return bad("GroupName must be an array of strings, got " + JsonTree.describe(groupName));
            }
            List<Object> names = (List<Object>) groupName;
            String[] checked = new String[names.size()];
            int distinct = 0;
            for (int i = 0; i < names.size(); i++) {
                Object n = names.get(i);
                String field = "GroupName[" + i + "]";
                if (!(n instanceof String)) {
                    return bad(field + " must be a string, got " + JsonTree.describe(n));
                }
                int bytes = Utf8.length((String) n);
                if (bytes < 0) {
                    return bad(unpaired(field));
                }
                if (bytes == 0) {
                    return bad(field + " is empty; a group name has 1 to " + GROUP_NAME_MAX_BYTES + " bytes");
                }
                if (bytes > GROUP_NAME_MAX_BYTES) {
                    return bad(field + " is " + bytes + " bytes of UTF-8; a group name has 1 to "
                            + GROUP_NAME_MAX_BYTES + " bytes");
                }
                boolean repeat = false;
                for (int j = 0; j < distinct; j++) {
                    if (checked[j].equals(n)) {
                        repeat = true; // groups are a set: a repeat carries no information and is stored once
                        break;
                    }
                }
                if (!repeat) {
                    if (distinct == GROUP_NAMES_MAX) {
                        return bad("GroupName has more than " + GROUP_NAMES_MAX + " distinct names; at most "
                                + GROUP_NAMES_MAX + " are allowed");
                    }
                    checked[distinct++] = interner.intern((String) n);
                }
            }
            groups = distinct == checked.length ? checked : java.util.Arrays.copyOf(checked, distinct);
        }

        Object addWording = item.get("AddWording");
        if (addWording != null && (problem = stringProblem("AddWording", addWording, ADD_WORDING_MAX_BYTES)) != null) {
            return bad(problem);
        }
        Object addTime = item.get("AddTime");
        if (addTime != null && (problem = timeProblem("AddTime", addTime)) != null) {
            return bad(problem);
        }

        Object[] custom = NO_CUSTOM;
        Object customItem = item.get("CustomItem");
        if (customItem != null) {
            if (!(customItem instanceof List)) {
                return bad("CustomItem must be an array of {Tag, Value} objects, got "
                        + JsonTree.describe(customItem));
            }
            List<Object> entries = (List<Object>) customItem;
            custom = new Object[entries.size() * 2];
            for (int i = 0; i < entries.size(); i++) {
                Object e = entries.get(i);
                String field = "CustomItem[" + i + "]";
                if (!(e instanceof Map)) {
                    return bad(field + " must be an object with Tag and Value, got " + JsonTree.describe(e));
                }
                Map<String, Object> entry = (Map<String, Object>) e;
                for (String name : entry.keySet()) {
                    if (!name.equals("Tag") && !name.equals("Value")) {
                        return bad(field + " has an unknown field '" + name + "' (only Tag and Value)");
                    }
                }
                Object tag = entry.get("Tag");
                if (tag == null) {
                    return bad(field + ".Tag is missing");
                }
                if (!(tag instanceof String)) {
                    return bad(field + ".Tag must be a string, got " + JsonTree.describe(tag));
                }
                String t = (String) tag;
                if (!TAG.matcher(t).matches()) {
                    return bad(field + ".Tag \"" + abbreviate(t)
                            + "\" must be Tag_SNS_Custom_ followed by 1 to 8 English letters");
                }
                CustomFieldType type = tags.get(t);
                if (type == null) {
                    return bad(field + ".Tag " + t + " is not a registered custom friend field (" + registered + ")");
                }
                for (int j = 0; j < i; j++) {
                    if (custom[2 * j].equals(t)) {
                        return bad(field + ".Tag " + t + " repeats CustomItem[" + j + "]");
                    }
                }
                Object value = entry.get("Value");
                if (value == null) {
                    return bad(field + ".Value of " + t + " is missing");
                }
                if (type == CustomFieldType.INTEGER) {
                    if (value instanceof BigInteger) {
                        return bad(field + ".Value of " + t + " is outside the signed 64-bit integer range");
                    }
                    if (!(value instanceof Long)) {
                        return bad(field + ".Value of " + t + " must be an integer (the field is of type Integer), got "
                                + JsonTree.describe(value));
                    }
                    if ((Long) value < 0) {
                        return bad(field + ".Value of " + t + " is " + value
                                + "; a custom integer must not be negative (Tencent's type is uint64_t)");
                    }
                } else {
                    if (!(value instanceof String)) {
                        return bad(field + ".Value of " + t + " must be a string (the field is of type String), got "
                                + JsonTree.describe(value));
                    }
                    int bytes = Utf8.length((String) value);
                    if (bytes < 0) {
                        return bad(unpaired(field + ".Value of " + t));
                    }
                    if (bytes > CUSTOM_STRING_MAX_BYTES) {
                        return bad(field + ".Value of " + t + " is " + bytes + " bytes of UTF-8; at most "
                                + CUSTOM_STRING_MAX_BYTES + " are allowed");
                    }
                }
                custom[2 * i] = canonicalTags.get(t);
                custom[2 * i + 1] = value;
            }
        }

        return Checked.valid(new Relation(toAccount, interner.intern((String) addSource), (String) remark,
                remarkTime == null ? Relation.ABSENT : (Long) remarkTime,
                groups,
                (String) addWording,
                addTime == null ? Relation.ABSENT : (Long) addTime,
                custom));
    }

    private static String stringProblem(String field, Object value, int maxBytes) {
        if (!(value instanceof String)) {
            return field + " must be a string, got " + JsonTree.describe(value);
        }
        int bytes = Utf8.length((String) value);
        if (bytes < 0) {
            return unpaired(field);
        }
        if (bytes > maxBytes) {
            return field + " is " + bytes + " bytes of UTF-8; at most " + maxBytes + " are allowed";
        }
        return null;
    }

    private static String timeProblem(String field, Object value) {
        if (value instanceof BigInteger) {
            return field + " is out of range; it must be within 0 to " + TIME_MAX + " (Unix seconds)";
        }
        if (!(value instanceof Long)) {
            return field + " must be an integer (Unix seconds), got " + JsonTree.describe(value);
        }
        long v = (Long) value;
        if (v < 0 || v > TIME_MAX) {
            return field + " is " + v + "; it must be within 0 to " + TIME_MAX + " (Unix seconds)";
        }
        return null;
    }

    private static String unpaired(String field) {
        return field + " holds an unpaired UTF-16 surrogate and cannot be encoded as UTF-8";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static Checked<Relation> bad(String info) {
        return Checked.refused(Codes.BAD_PARAMETER, info);
    }
}
