package io.timport.wire;

import io.timport.internal.Describe;
import io.timport.internal.ItemBuilding;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * The rules {@code friend_import} sets on one {@code AddFriendItem}, as constants and as checks.
 *
 * <p>Generated {@code build()} methods call the {@code check…} methods, each of which adds what it finds to a
 * {@link Violations} collector, so that one exception can list every problem of an item. The checks allocate
 * nothing for a valid value. All lengths are counted in UTF-8 bytes, as the server counts them ({@link #utf8Length}).
 *
 * <p>Where the server's own documentation is silent or inconsistent, the stance taken here is the safer one and is
 * stated on the constant.
 */
public final class FriendImportRules {

    /** A UserID ({@code To_Account}, {@code From_Account}) has 1 to 32 bytes. */
    public static final int USER_ID_MAX_BYTES = 32;
    /** {@code AddSource} is this prefix followed by 1 to {@value #KEYWORD_MAX_LETTERS} English letters. */
    public static final String ADD_SOURCE_PREFIX = "AddSource_Type_";
    /** A custom friend field's tag is this prefix followed by a keyword of 1 to 8 English letters. */
    public static final String CUSTOM_TAG_PREFIX = "Tag_SNS_Custom_";
    /** The most letters in an {@code AddSource} suffix or a custom field keyword. */
    public static final int KEYWORD_MAX_LETTERS = 8;
    /** {@code Remark} has at most 96 bytes. */
    public static final int REMARK_MAX_BYTES = 96;
    /** {@code GroupName} has at most 32 groups (a user has at most 32 groups in all). */
    public static final int GROUP_NAMES_MAX = 32;
    /** Each group name has 1 to 30 bytes. */
    public static final int GROUP_NAME_MAX_BYTES = 30;
    /** {@code AddWording} has at most 256 bytes. */
    public static final int ADD_WORDING_MAX_BYTES = 256;
    /** A string custom value has at most 500 bytes. */
    public static final int CUSTOM_STRING_MAX_BYTES = 500;
    /**
     * The largest {@code RemarkTime} and {@code AddTime}: Unix seconds fit an unsigned 32-bit integer (until 2106).
     * The API page only says "Integer"; timport takes the unsigned 32-bit range that Chat's time fields use, which
     * also catches the common mistake of passing milliseconds.
     */
    public static final long UNIX_SECONDS_MAX = 4_294_967_295L;

    private FriendImportRules() {
    }

    /**
     * The length of {@code text} in UTF-8, without encoding it: 1 byte per ASCII character, 2 up to U+07FF,
     * 3 for the rest of the Basic Multilingual Plane, 4 for a surrogate pair (one supplementary code point,
     * such as most emoji). An unpaired surrogate, which has no UTF-8 form, counts 3 bytes; the checks below
     * reject it separately.
     *
     * @param text the text to measure (not null)
     * @return the number of UTF-8 bytes, 0 or more
     */
    public static int utf8Length(CharSequence text) {
        int length = text.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 2; // 2 chars, 4 bytes
                i++;
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /**
     * The index of the first surrogate that is not part of a pair, or -1 when {@code text} is well-formed.
     *
     * @param text the text to examine (not null)
     * @return the char index of the first unpaired surrogate, or -1
     */
    public static int firstUnpairedSurrogate(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether {@code text} is 1 to {@value #KEYWORD_MAX_LETTERS} English letters ({@code A-Z}, {@code a-z}).
     *
     * @param text the text to examine (not null)
     * @return true for a keyword such as {@code "Guild"}
     */
    public static boolean isKeyword(CharSequence text) {
        return isLetters(text, 0);
    }

    /**
     * Whether {@code text} is a valid {@code AddSource}: {@code AddSource_Type_} and 1 to 8 English letters.
     *
     * @param text the text to examine (not null)
     * @return true for a value such as {@code "AddSource_Type_Android"}
     */
    public static boolean isAddSource(CharSequence text) {
        return startsWith(text, ADD_SOURCE_PREFIX) && isLetters(text, ADD_SOURCE_PREFIX.length());
    }

    /**
     * Whether {@code text} is a valid custom tag: {@code Tag_SNS_Custom_} and 1 to 8 English letters.
     *
     * @param text the text to examine (not null)
     * @return true for a tag such as {@code "Tag_SNS_Custom_Guild"}
     */
    public static boolean isCustomTag(CharSequence text) {
        return startsWith(text, CUSTOM_TAG_PREFIX) && isLetters(text, CUSTOM_TAG_PREFIX.length());
    }

    /**
     * {@code To_Account}: required, a UserID of 1 to 32 bytes.
     *
     * @param violations where a broken rule is recorded (not null)
     * @param toAccount the value to check, possibly null
     */
    public static void checkToAccount(Violations violations, String toAccount) {
        checkUserId(violations, "To_Account", toAccount);
    }

    /**
     * {@code From_Account}: required, a UserID of 1 to 32 bytes. It is a request's field, not an item's: the bulk
     * importer checks it for every input record.
     *
     * @param violations where a broken rule is recorded (not null)
     * @param fromAccount the value to check, possibly null
     */
    public static void checkFromAccount(Violations violations, String fromAccount) {
        checkUserId(violations, "From_Account", fromAccount);
    }

    /**
     * A UserID in any field ({@code From_Account}, {@code To_Account}, an account API's {@code UserID}): required,
     * 1 to {@value #USER_ID_MAX_BYTES} UTF-8 bytes, well-formed Unicode. The one home of the UserID rule: the
     * generated builders, the client, the engine and the phases all check UserIDs here.
     *
     * @param field the field's name as the wire format spells it, used in the violation
     * @param violations where a broken rule is recorded (not null)
     * @param userId the value to check, possibly null
     */
    public static void checkUserId(Violations violations, String field, String userId) {
        if (userId == null) {
            violations.add(field, "is required", "missing");
        } else {
            checkText(violations, field, -1, userId, 1, USER_ID_MAX_BYTES);
        }
    }

    /**
     * What is wrong with {@code userId} as {@code field}, as one sentence naming the field, the rule and the value
     * (quoted, cut when long), for example {@code From_Account must be 1 to 32 UTF-8 bytes, was 33 bytes
     * ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")}; or null when it is a valid UserID. Allocates nothing for a valid one.
     *
     * @param field the field's name as the wire format spells it, such as {@code "From_Account"}
     * @param userId the value to check, possibly null
     * @return the problem as a sentence, or null for a valid UserID
     */
    public static String userIdProblem(String field, String userId) {
        if (userId != null) {
            int bytes = utf8Length(userId);
            if (bytes >= 1 && bytes <= USER_ID_MAX_BYTES && firstUnpairedSurrogate(userId) < 0) {
                return null;
            }
        }
        Violations violations = new Violations();
        checkUserId(violations, field, userId);
        if (violations.isEmpty()) {
            return null;
        }
        StringBuilder problem = new StringBuilder();
        for (Violation v : violations.list()) {
            if (problem.length() > 0) {
                problem.append("; ");
            }
            problem.append(v.message());
        }
        if (userId != null) {
            problem.append(" (").append(Describe.quoted(userId)).append(')');
        }
        return problem.toString();
    }

    /**
     * {@code AddSource}: required, {@code AddSource_Type_} followed by 1 to 8 English letters.
     *
     * @param violations where a broken rule is recorded (not null)
     * @param addSource the value to check, possibly null
     */
    public static void checkAddSource(Violations violations, String addSource) {
        if (addSource == null) {
            violations.add("AddSource", "is required", "missing");
        } else if (!isAddSource(addSource)) {
            violations.add("AddSource", "must be " + ADD_SOURCE_PREFIX + " followed by 1 to " + KEYWORD_MAX_LETTERS
                    + " English letters (e.g. AddSource_Type_Android)", Describe.quoted(addSource));
        }
    }

    /**
     * {@code Remark}: optional (null), at most 96 bytes.
     *
     * @param violations where a broken rule is recorded (not null)
     * @param remark the value to check, or null when absent
     */
    public static void checkRemark(Violations violations, String remark) {
        if (remark != null) {
            checkText(violations, "Remark", -1, remark, 0, REMARK_MAX_BYTES);
        }
    }

    /**
     * {@code RemarkTime}: optional (null), Unix seconds, 0 to {@value #UNIX_SECONDS_MAX}.
     *
     * @param violations where a broken rule is recorded (not null)
     * @param remarkTime the value to check in Unix seconds, or null when absent
     */
    public static void checkRemarkTime(Violations violations, Long remarkTime) {
        checkUnixSeconds(violations, "RemarkTime", remarkTime);
    }

    /**
     * {@code GroupName}: at most 32 groups, each 1 to 30 bytes. The list and its elements are not null. Groups are a
     * set: the limit counts distinct names (generated builders keep each name once, see
     * {@link io.timport.internal.ItemBuilding#copyGroupNames}).
     *
     * @param violations where a broken rule is recorded (not null)
     * @param groupNames the names to check (not null; no null elements)
     */
    public static void checkGroupNames(Violations violations, List<String> groupNames) {
        int count = groupNames.size();
        if (count > GROUP_NAMES_MAX) {
            count = new HashSet<>(groupNames).size();
        }
        if (count > GROUP_NAMES_MAX) {
            violations.add("GroupName", "must have at most " + GROUP_NAMES_MAX + " groups", count + " groups");
        }
        for (int i = 0; i < count; i++) {
            checkText(violations, "GroupName", i, groupNames.get(i), 1, GROUP_NAME_MAX_BYTES);
        }
    }

    /**
     * What a builder stores for {@code GroupName}: an unmodifiable copy in which each name appears once, at its first
     * occurrence; empty for null.
     *
     * @param groupNames the names as given, or null
     * @return an unmodifiable list of distinct names in first-occurrence order
     * @throws NullPointerException naming the index of a null group name, e.g. {@code Null groupNames[2]}
     * @deprecated support for generated builders, now {@link io.timport.internal.ItemBuilding#copyGroupNames} (not
     *     API); this method forwards to it and will be removed
     */
    @Deprecated(since = "0.1.0")
    public static List<String> copyGroupNames(Collection<String> groupNames) {
        return ItemBuilding.copyGroupNames(groupNames);
    }

    /**
     * {@code AddWording}: optional (null), at most 256 bytes.
     *
     * @param violations where a broken rule is recorded (not null)
     * @param addWording the value to check, or null when absent
     */
    public static void checkAddWording(Violations violations, String addWording) {
        if (addWording != null) {
            checkText(violations, "AddWording", -1, addWording, 0, ADD_WORDING_MAX_BYTES);
        }
    }

    /**
     * {@code AddTime}: optional (null), Unix seconds, 0 to {@value #UNIX_SECONDS_MAX}.
     *
     * @param violations where a broken rule is recorded (not null)
     * @param addTime the value to check in Unix seconds, or null when absent
     */
    public static void checkAddTime(Violations violations, Long addTime) {
        checkUnixSeconds(violations, "AddTime", addTime);
    }

    /**
     * A required custom field (one with a primitive type): its value must be present.
     *
     * @param violations where a broken rule is recorded (not null)
     * @param tag the field's full tag, used in the violation
     * @param value the field's value, or null when absent
     * @deprecated generated builders now call {@link io.timport.internal.ItemBuilding#requiredInteger}, which also
     *     checks the value ({@link #checkCustomInteger}); this method will be removed
     */
    @Deprecated(since = "0.1.0")
    public static void checkRequired(Violations violations, String tag, Object value) {
        if (value == null) {
            violations.add(tag, "is required", "missing");
        }
    }

    /**
     * A string custom field's value: optional (null), at most 500 bytes.
     *
     * @param violations where a broken rule is recorded (not null)
     * @param tag the field's full tag, used in the violation
     * @param value the value to check, or null when absent
     */
    public static void checkCustomString(Violations violations, String tag, String value) {
        if (value != null) {
            checkText(violations, tag, -1, value, 0, CUSTOM_STRING_MAX_BYTES);
        }
    }

    /**
     * An integer custom field's value: not negative. Tencent's field types make custom integers {@code uint64_t};
     * timport's Java types hold 0 to 2147483647 ({@code int}, {@code Integer}) and 0 to 9223372036854775807
     * ({@code long}, {@code Long}) of that range.
     *
     * @param violations where a broken rule is recorded (not null)
     * @param tag the field's full tag, used in the violation
     * @param value the value to check
     */
    public static void checkCustomInteger(Violations violations, String tag, long value) {
        if (value < 0) {
            violations.add(tag, "must not be negative (custom integers are unsigned, uint64_t)", Long.toString(value));
        }
    }

    private static void checkUnixSeconds(Violations violations, String field, Long seconds) {
        if (seconds != null && (seconds < 0 || seconds > UNIX_SECONDS_MAX)) {
            violations.add(field, "must be Unix seconds from 0 to " + UNIX_SECONDS_MAX,
                    seconds > UNIX_SECONDS_MAX && seconds / 1000 <= UNIX_SECONDS_MAX
                            ? seconds + " (milliseconds?)" : seconds.toString());
        }
    }

    /** Checks a text's length and form; {@code index} &ge; 0 names an element of a list field, as {@code field[index]}. */
    private static void checkText(Violations violations, String field, int index, String text, int minBytes, int maxBytes) {
        int bytes = utf8Length(text);
        if (bytes < minBytes || bytes > maxBytes) {
            String rule = minBytes > 0
                    ? "must be " + minBytes + " to " + maxBytes + " UTF-8 bytes"
                    : "must be at most " + maxBytes + " UTF-8 bytes";
            violations.add(name(field, index), rule, bytes == 1 ? "1 byte" : bytes + " bytes");
        }
        int unpaired = firstUnpairedSurrogate(text);
        if (unpaired >= 0) {
            violations.add(name(field, index), "must be well-formed Unicode",
                    String.format("a string with an unpaired surrogate U+%04X at index %d", (int) text.charAt(unpaired), unpaired));
        }
    }

    private static String name(String field, int index) {
        return index < 0 ? field : field + "[" + index + "]";
    }

    private static boolean startsWith(CharSequence text, String prefix) {
        int n = prefix.length();
        if (text.length() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetters(CharSequence text, int from) {
        int letters = text.length() - from;
        if (letters < 1 || letters > KEYWORD_MAX_LETTERS) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
