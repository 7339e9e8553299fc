package io.timport.simulator;

/** The error codes the simulator answers with (docs/simulator.md has the table of what triggers each). */
final class Codes {
    static final int OK = 0;

    // relationship-chain codes (friend_import, friend_get, friend_check)
    static final int BAD_PARAMETER = 30001;
    static final int ACCOUNT_NOT_FOUND = 30003;
    static final int INTERNAL_ERROR = 30006;
    static final int TIMEOUT = 30007;
    static final int WRITE_CONFLICT = 30008;
    static final int FRIEND_LIMIT = 30010;
    static final int GROUP_LIMIT = 30011;

    // account codes (account_import, multiaccount_import, account_check)
    static final int PROFILE_FIELD_TOO_LONG = 40601;
    static final int ACCOUNT_BATCH_COUNT = 70206;
    static final int ACCOUNT_BAD_PARAMETER = 70402;

    // public REST codes
    static final int HTTP_PARSE_ERROR = 60002;
    static final int JSON_PARSE_ERROR = 60003;
    static final int BAD_RESOURCE = 60009;
    static final int NOT_ADMIN = 60010;
    static final int SDKAPPID_REQUIRED = 60012;
    static final int ACCOUNT_NOT_STRING = 60015;

    // UserSig codes
    static final int SIG_EXPIRED = 70001;
    static final int SIG_EMPTY = 70002;
    static final int SIG_UNPARSABLE = 70003;
    static final int SIG_WRONG_KEY = 70009;
    static final int SIG_IDENTIFIER_MISMATCH = 70013;
    static final int SIG_SDKAPPID_MISMATCH = 70014;
    static final int SDKAPPID_NOT_FOUND = 70020;
    static final int SIG_LOCKED_OUT = 70050;

    // Tencent's own texts, used only where a source shows them.
    /** The {@code ResultInfo} of 30010 in friend_import's documented batch answer. */
    static final String FRIEND_LIMIT_INFO = "Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold";
    /** The request-level {@code ErrorInfo} of 30003 for a {@code From_Account} that was never imported. */
    static final String INVALID_ACCOUNT_INFO = "Err_Sns_Invalid_Account";
    /** The {@code ResultInfo} of an item 30006 in friend_check's documented answer. */
    static final String FRIEND_CHECK_FAILED_INFO = "Err_SNS_FriendCheck_Check_Relation_Exec_Task_Fail";

    private Codes() {
    }
}
