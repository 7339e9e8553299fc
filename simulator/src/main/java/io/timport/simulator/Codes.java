package io.timport.simulator;

/** The error codes the simulator answers with (see the README section for what triggers each). */
final class Codes {
    static final int OK = 0;

    // friend_import's own codes
    static final int BAD_PARAMETER = 30001;
    static final int ACCOUNT_NOT_FOUND = 30003;
    static final int INTERNAL_ERROR = 30006;
    static final int TIMEOUT = 30007;
    static final int WRITE_CONFLICT = 30008;
    static final int FRIEND_LIMIT = 30010;
    static final int GROUP_LIMIT = 30011;

    // public REST codes
    static final int HTTP_PARSE_ERROR = 60002;
    static final int JSON_PARSE_ERROR = 60003;
    static final int BAD_RESOURCE = 60009;
    static final int NOT_ADMIN = 60010;
    static final int SDKAPPID_REQUIRED = 60012;

    // UserSig codes
    static final int SIG_EXPIRED = 70001;
    static final int SIG_UNPARSABLE = 70003;
    static final int SIG_WRONG_KEY = 70009;
    static final int SIG_IDENTIFIER_MISMATCH = 70013;
    static final int SIG_SDKAPPID_MISMATCH = 70014;
    static final int SDKAPPID_NOT_FOUND = 70020;
    static final int SIG_LOCKED_OUT = 70050;

    /** The {@code ResultInfo} the documented batch answer shows for 30010. */
    static final String FRIEND_LIMIT_INFO = "Err_SNS_FriendImport_My_Friend_Num_Exceed_Threshold";

    private Codes() {
    }
}
