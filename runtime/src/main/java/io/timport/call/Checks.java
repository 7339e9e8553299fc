package io.timport.call;

import io.timport.wire.FriendImportRules;
import java.util.List;
import java.util.Objects;

/** The argument checks of the typed clients, made before anything is sent; the rules live elsewhere. */
final class Checks {

    private Checks() {}

    /**
     * Checks a UserID by {@link FriendImportRules#checkUserId}, the one home of the rule.
     *
     * @throws NullPointerException naming the field when it is null
     * @throws IllegalArgumentException naming the field, the rule and the value when it breaks the rule
     */
    static void userId(String field, String userId) {
        Objects.requireNonNull(userId, field);
        String problem = FriendImportRules.userIdProblem(field, userId);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Checks that {@code list} has 1 to {@link ChatApi#maxItemsPerCall()} elements, none of them null.
     *
     * @param what the elements' name, e.g. {@code "UserID"}
     */
    static void items(ChatApi api, String what, List<?> list) {
        Objects.requireNonNull(list, what);
        if (list.isEmpty() || list.size() > api.maxItemsPerCall()) {
            throw new IllegalArgumentException("each " + api.apiName() + " call carries 1 to " + api.maxItemsPerCall()
                    + " " + what + "s, got " + list.size());
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new NullPointerException(what + "[" + i + "] is null");
            }
        }
    }
}
