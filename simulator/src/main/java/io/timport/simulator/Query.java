package io.timport.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The checked query of a REST call: {@code sdkappid}, {@code identifier}, {@code usersig}, {@code random},
 * {@code contenttype}. Names and values are case-sensitive; other names are ignored.
 */
record Query(long sdkAppId, String identifier, String userSig, long random) {

    static final long MAX_RANDOM = 4294967295L;

    /**
     * A checked query, or the refusal: 60012 for sdkappid, 70002 for a missing or empty usersig, 60002 for every
     * other problem.
     */
    static Checked<Query> parse(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                } catch (IllegalArgumentException e) {
                    return Checked.refused(Codes.HTTP_PARSE_ERROR,
                            "the URL query has a malformed percent-encoding");
                }
                if (params.putIfAbsent(name, value) != null) {
                    return Checked.refused(Codes.HTTP_PARSE_ERROR,
                            "the query parameter '" + name + "' appears more than once");
                }
            }
        }
        String sdkAppId = params.get("sdkappid");
        if (sdkAppId == null || sdkAppId.isEmpty()) {
            return Checked.refused(Codes.SDKAPPID_REQUIRED,
                    "the query parameter 'sdkappid' is missing (names are case-sensitive)");
        }
        long appId = unsigned(sdkAppId, Long.MAX_VALUE);
        if (appId <= 0) {
            return Checked.refused(Codes.SDKAPPID_REQUIRED,
                    "the query parameter 'sdkappid' must be a positive decimal integer");
        }
        String identifier = params.get("identifier");
        if (identifier == null || identifier.isEmpty()) {
            return missing("identifier");
        }
        String userSig = params.get("usersig");
        if (userSig == null || userSig.isEmpty()) {
            return Checked.refused(Codes.SIG_EMPTY,
                    "the UserSig is empty: the query parameter 'usersig' is missing or has no value");
        }
        String random = params.get("random");
        if (random == null || random.isEmpty()) {
            return missing("random");
        }
        long r = unsigned(random, MAX_RANDOM);
        if (r < 0) {
            return Checked.refused(Codes.HTTP_PARSE_ERROR,
                    "the query parameter 'random' must be an unsigned 32-bit decimal integer (0 to 4294967295)");
        }
        String contentType = params.get("contenttype");
        if (contentType == null) {
            return missing("contenttype");
        }
        if (!contentType.equals("json")) {
            return Checked.refused(Codes.HTTP_PARSE_ERROR,
                    "the query parameter 'contenttype' must be json (lower case)");
        }
        return Checked.valid(new Query(appId, identifier, userSig, r));
    }

    private static Checked<Query> missing(String name) {
        return Checked.refused(Codes.HTTP_PARSE_ERROR,
                "the query parameter '" + name + "' is missing or empty (names are case-sensitive)");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The value of 1..19 ASCII digits if within 0..max, else -1. */
    private static long unsigned(String s, long max) {
        if (s.isEmpty() || s.length() > 19) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v < 0) {
                return -1;
            }
        }
        return v <= max ? v : -1;
    }

    /** Never shows the UserSig. */
    @Override
    public String toString() {
        return "Query{sdkappid=" + sdkAppId + ", identifier=" + identifier + ", usersig=***, random=" + random + '}';
    }
}
