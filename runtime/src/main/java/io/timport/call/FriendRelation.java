package io.timport.call;

/**
 * The relation {@code friend_check} reports between {@code From_Account} (A) and one {@code To_Account} (B):
 * {@code Relation}. A {@link FriendCheckType#SINGLE} check answers only {@link #A_WITH_B} or {@link #NO_RELATION}.
 */
public enum FriendRelation {
    /** {@code CheckResult_Type_AWithB}: B is in A's friend list (with a both-ways check: and A is not in B's). */
    A_WITH_B("CheckResult_Type_AWithB"),
    /** {@code CheckResult_Type_BWithA}: A is in B's friend list, B is not in A's. */
    B_WITH_A("CheckResult_Type_BWithA"),
    /** {@code CheckResult_Type_BothWay}: each is in the other's friend list. */
    BOTH_WAY("CheckResult_Type_BothWay"),
    /** {@code CheckResult_Type_NoRelation}: B is not in A's friend list (with a both-ways check: nor A in B's). */
    NO_RELATION("CheckResult_Type_NoRelation"),
    /** Absent, or a value no source documents. */
    UNKNOWN("");

    private final String wireName;

    FriendRelation(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value as the API spells it ({@code ""} for {@link #UNKNOWN}).
     *
     * @return the wire value, such as {@code "CheckResult_Type_BothWay"}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * True when B is in A's friend list: {@link #A_WITH_B} or {@link #BOTH_WAY}.
     *
     * @return true when {@code To_Account} is in {@code From_Account}'s list
     */
    public boolean fromHasTo() {
        return this == A_WITH_B || this == BOTH_WAY;
    }

    static FriendRelation of(String wire) {
        for (FriendRelation r : values()) {
            if (r != UNKNOWN && r.wireName.equals(wire)) {
                return r;
            }
        }
        return UNKNOWN;
    }
}
