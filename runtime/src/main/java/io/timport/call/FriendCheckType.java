package io.timport.call;

/** What {@code friend_check} checks: {@code CheckType}. */
public enum FriendCheckType {
    /** {@code CheckResult_Type_Single}: only whether To_Account is in From_Account's list. */
    SINGLE("CheckResult_Type_Single"),
    /** {@code CheckResult_Type_Both}: both directions. */
    BOTH("CheckResult_Type_Both");

    private final String wireName;

    FriendCheckType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value as the API spells it.
     *
     * @return the wire value, such as {@code "CheckResult_Type_Both"}
     */
    public String wireName() {
        return wireName;
    }
}
