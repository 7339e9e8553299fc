package io.timport.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relationship-chain reads: {@code v4/sns/friend_get} (one user's friends, page by page, with their standard
 * and custom fields) and {@code v4/sns/friend_check} (up to 1000 relations, one way or both). Codes: 30001 for a
 * body of the wrong shape, 60015 for an account field that is not a string, 30003 (known-accounts mode) for a
 * {@code From_Account} that does not exist.
 */
final class FriendReadApis {

    static final int FRIEND_CHECK_MAX = 1000;
    static final String CHECK_SINGLE = "CheckResult_Type_Single";
    static final String CHECK_BOTH = "CheckResult_Type_Both";

    private final SimulatorConfig config;
    private final Stats stats;
    private final FriendStore store;
    private final AccountBook accounts;
    private final AtomicLong getCalls = new AtomicLong();
    private final AtomicLong checkCalls = new AtomicLong();

    FriendReadApis(SimulatorConfig config, Stats stats, FriendStore store, AccountBook accounts) {
        this.config = config;
        this.stats = stats;
        this.store = store;
        this.accounts = accounts;
    }

    ApiHandler friendGet() {
        return new ApiHandler() {
            @Override
            public Reply handle(Call call) throws InterruptedException {
                sleep(call.api(), getCalls.incrementAndGet());
                return friendGet(call.body());
            }

            @Override
            public void reset() {
                getCalls.set(0);
            }
        };
    }

    ApiHandler friendCheck() {
        return new ApiHandler() {
            @Override
            public Reply handle(Call call) throws InterruptedException {
                sleep(call.api(), checkCalls.incrementAndGet());
                return friendCheck(call.body());
            }

            @Override
            public void reset() {
                checkCalls.set(0);
            }
        };
    }

    private void sleep(RestApi api, long n) throws InterruptedException {
        long latency = CallDraws.latencyNanos(config, api.path(), n);
        if (latency > 0) {
            Thread.sleep(latency / 1_000_000, (int) (latency % 1_000_000));
        }
    }

    private Reply friendGet(Object body) {
        if (!(body instanceof Map<?, ?> top)) {
            return bad("the request body must be a JSON object, got " + JsonTree.describe(body));
        }
        for (Object name : top.keySet()) {
            if (!name.equals("From_Account") && !name.equals("StartIndex") && !name.equals("StandardSequence")
                    && !name.equals("CustomSequence")) {
                return bad("unknown field '" + name + "' in the request body (names are case-sensitive: From_Account, "
                        + "StartIndex, StandardSequence, CustomSequence)");
            }
        }
        Checked<String> from = AccountField.check("From_Account", top.get("From_Account"));
        if (from instanceof Checked.Refused<String> refused) {
            return Reply.error(refused.failure());
        }
        Object start = top.get("StartIndex");
        if (start == null) {
            return bad("StartIndex is missing; it is required (0 for the first page)");
        }
        String problem = counterProblem("StartIndex", start);
        if (problem == null) {
            problem = top.containsKey("StandardSequence") ? counterProblem("StandardSequence",
                    top.get("StandardSequence")) : null;
        }
        if (problem == null) {
            problem = top.containsKey("CustomSequence") ? counterProblem("CustomSequence",
                    top.get("CustomSequence")) : null;
        }
        if (problem != null) {
            return bad(problem);
        }
        if (!accounts.exists(from.value())) {
            return Reply.error(new Failure(Codes.ACCOUNT_NOT_FOUND, Codes.INVALID_ACCOUNT_INFO));
        }
        int size = config.friendGetPageSize();
        FriendStore.Page page = store.page(from.value(), (Long) start, size);
        long next = (Long) start + page.friends().size();
        boolean complete = next >= page.friendNum();
        boolean standard = !(page.standardSequence() != 0
                && Long.valueOf(page.standardSequence()).equals(top.get("StandardSequence")));
        boolean custom = !(page.customSequence() != 0
                && Long.valueOf(page.customSequence()).equals(top.get("CustomSequence")));
        boolean unset = config.friendGetReturnsUnsetFields();
        return Reply.success(128 + page.friends().size() * 200, g -> {
            g.writeArrayFieldStart("UserDataItem");
            for (Relation r : page.friends()) {
                g.writeStartObject();
                g.writeStringField("To_Account", r.toAccount);
                g.writeArrayFieldStart("ValueItem");
                if (standard) {
                    writeStandard(g, r, unset);
                }
                if (custom) {
                    writeCustom(g, r, unset);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("StandardSequence", page.standardSequence());
            g.writeNumberField("CustomSequence", page.customSequence());
            g.writeNumberField("FriendNum", page.friendNum());
            g.writeNumberField("CompleteFlag", complete ? 1 : 0);
            g.writeNumberField("NextStartIndex", complete ? 0 : next);
            Reply.ok(g, true);
        });
    }

    private static void writeStandard(JsonGenerator g, Relation r, boolean unset) throws IOException {
        tag(g, "Tag_SNS_IM_AddSource");
        g.writeStringField("Value", r.addSource);
        g.writeEndObject();
        if (r.remark != null || unset) {
            tag(g, "Tag_SNS_IM_Remark");
            g.writeStringField("Value", r.remark == null ? "" : r.remark);
            g.writeEndObject();
        }
        if (r.groupNames.length > 0 || unset) {
            tag(g, "Tag_SNS_IM_Group");
            g.writeArrayFieldStart("Value");
            for (String group : r.groupNames) {
                g.writeString(group);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (r.addWording != null || unset) {
            tag(g, "Tag_SNS_IM_AddWording");
            g.writeStringField("Value", r.addWording == null ? "" : r.addWording);
            g.writeEndObject();
        }
        if (r.addTime != Relation.ABSENT || unset) {
            tag(g, "Tag_SNS_IM_AddTime");
            g.writeNumberField("Value", r.addTime == Relation.ABSENT ? 0 : r.addTime);
            g.writeEndObject();
        }
    }

    private void writeCustom(JsonGenerator g, Relation r, boolean unset) throws IOException {
        if (!unset) {
            for (int i = 0; i < r.custom.length; i += 2) {
                writeCustomValue(g, (String) r.custom[i], r.custom[i + 1]);
            }
            return;
        }
        // Every registered field, in registration order: its value, or the type's zero value.
        for (Map.Entry<String, CustomFieldType> field : config.customFields().entrySet()) {
            String tag = ItemRules.TAG_PREFIX + field.getKey();
            Object value = null;
            for (int i = 0; i < r.custom.length; i += 2) {
                if (r.custom[i].equals(tag)) {
                    value = r.custom[i + 1];
                }
            }
            writeCustomValue(g, tag, value != null ? value : field.getValue() == CustomFieldType.INTEGER ? 0L : "");
        }
    }

    private static void writeCustomValue(JsonGenerator g, String tag, Object value) throws IOException {
        tag(g, tag);
        if (value instanceof Long l) {
            g.writeNumberField("Value", l);
        } else {
            g.writeStringField("Value", (String) value);
        }
        g.writeEndObject();
    }

    private static void tag(JsonGenerator g, String tag) throws IOException {
        g.writeStartObject();
        g.writeStringField("Tag", tag);
    }

    private Reply friendCheck(Object body) {
        if (!(body instanceof Map<?, ?> top)) {
            return bad("the request body must be a JSON object, got " + JsonTree.describe(body));
        }
        for (Object name : top.keySet()) {
            if (!name.equals("From_Account") && !name.equals("To_Account") && !name.equals("CheckType")) {
                return bad("unknown field '" + name + "' in the request body (names are case-sensitive: From_Account, "
                        + "To_Account, CheckType)");
            }
        }
        Checked<String> from = AccountField.check("From_Account", top.get("From_Account"));
        if (from instanceof Checked.Refused<String> refused) {
            return Reply.error(refused.failure());
        }
        Object list = top.get("To_Account");
        if (list == null) {
            return bad("To_Account is missing");
        }
        if (!(list instanceof List<?> raw)) {
            return bad("To_Account must be an array of UserIDs, got " + JsonTree.describe(list));
        }
        if (raw.isEmpty() || raw.size() > FRIEND_CHECK_MAX) {
            return bad("To_Account has " + raw.size() + " UserIDs; a call carries 1 to " + FRIEND_CHECK_MAX);
        }
        List<String> tos = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Checked<String> to = AccountField.check("To_Account[" + i + "]", raw.get(i));
            if (to instanceof Checked.Refused<String> refused) {
                return Reply.error(refused.failure());
            }
            tos.add(to.value());
        }
        Object type = top.get("CheckType");
        if (type == null) {
            return bad("CheckType is missing; it is " + CHECK_SINGLE + " or " + CHECK_BOTH);
        }
        if (!CHECK_SINGLE.equals(type) && !CHECK_BOTH.equals(type)) {
            return bad("CheckType must be " + CHECK_SINGLE + " or " + CHECK_BOTH + ", got "
                    + (type instanceof String s ? "\"" + s + "\"" : JsonTree.describe(type)));
        }
        if (!accounts.exists(from.value())) {
            return Reply.error(new Failure(Codes.ACCOUNT_NOT_FOUND, Codes.INVALID_ACCOUNT_INFO));
        }
        boolean both = CHECK_BOTH.equals(type);
        String a = from.value();
        List<String> failed = new ArrayList<>();
        List<String> relations = new ArrayList<>(tos.size());
        List<Failure> failures = new ArrayList<>(tos.size());
        for (String b : tos) {
            Failure failure = null;
            String relation;
            if (!accounts.exists(b)) {
                failure = new Failure(Codes.ACCOUNT_NOT_FOUND, "To_Account \"" + b + "\" does not exist in this app");
                relation = "CheckResult_Type_NoRelation";
            } else {
                boolean ab = store.holds(a, b);
                boolean ba = both && store.holds(b, a);
                relation = ab && ba ? "CheckResult_Type_BothWay" : ab ? "CheckResult_Type_AWithB"
                        : ba ? "CheckResult_Type_BWithA" : "CheckResult_Type_NoRelation";
            }
            if (failure != null) {
                failed.add(b);
                stats.itemFailed(RestApi.FRIEND_CHECK, failure.code());
            }
            relations.add(relation);
            failures.add(failure);
        }
        return Reply.success(64 + tos.size() * 100, g -> {
            g.writeArrayFieldStart("InfoItem");
            for (int i = 0; i < tos.size(); i++) {
                Failure f = failures.get(i);
                g.writeStartObject();
                g.writeStringField("To_Account", tos.get(i));
                g.writeStringField("Relation", relations.get(i));
                g.writeNumberField("ResultCode", f == null ? 0 : f.code());
                g.writeStringField("ResultInfo", f == null ? "" : f.info());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!failed.isEmpty()) {
                g.writeArrayFieldStart("Fail_Account");
                for (String b : failed) {
                    g.writeString(b);
                }
                g.writeEndArray();
            }
            Reply.ok(g, true);
        });
    }

    /** Why {@code value} is not a non-negative integer, or null. */
    private static String counterProblem(String field, Object value) {
        if (value instanceof BigInteger) {
            return field + " is out of range; it must be an integer within 0 to " + Long.MAX_VALUE;
        }
        if (!(value instanceof Long l)) {
            return field + " must be an integer, got " + JsonTree.describe(value);
        }
        if (l < 0) {
            return field + " is " + l + "; it must not be negative";
        }
        return null;
    }

    private static Reply bad(String info) {
        return Reply.error(new Failure(Codes.BAD_PARAMETER, info));
    }
}
