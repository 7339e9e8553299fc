package io.timport.simulator;

/**
 * The account fields of the relationship-chain APIs ({@code From_Account}, {@code To_Account}): present (else 30001),
 * a JSON string (else 60015, as Tencent's public table says) and a UserID of 1 to 32 bytes (else 30001).
 */
final class AccountField {

    private AccountField() {
    }

    /** The UserID in {@code value} (the field named {@code field}), or the refusal. */
    static Checked<String> check(String field, Object value) {
        if (value == null) {
            return Checked.refused(Codes.BAD_PARAMETER, field + " is missing");
        }
        if (!(value instanceof String)) {
            return Checked.refused(notString(field, value));
        }
        String problem = ItemRules.userIdProblem(field, (String) value);
        if (problem != null) {
            return Checked.refused(Codes.BAD_PARAMETER, problem);
        }
        return Checked.valid((String) value);
    }

    /** 60015: an account field holds something other than a JSON string. */
    static Failure notString(String field, Object value) {
        return new Failure(Codes.ACCOUNT_NOT_STRING, field + " must be a string (an account field), got "
                + JsonTree.describe(value));
    }
}
