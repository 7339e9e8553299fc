package io.timport.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account APIs of {@code v4/im_open_login_svc}: {@code account_import} (one account), {@code
 * multiaccount_import} (up to 100, in the new {@code AccountList} form or the old {@code Accounts} form) and
 * {@code account_check} (up to 100). Their answers carry {@code ActionStatus}, {@code ErrorCode} and {@code
 * ErrorInfo} (no {@code ErrorDisplay}, as Tencent's pages show them). Codes: 70402 for a body of the wrong shape or
 * a bad UserID, 70206 for a batch that is empty or over 100, 40601 for a Nick or FaceUrl over 500 bytes.
 */
final class AccountApis {

    static final int MAX_PER_CALL = 100;
    static final int PROFILE_FIELD_MAX_BYTES = 500;

    private final SimulatorConfig config;
    private final Stats stats;
    private final AccountBook accounts;
    private final AtomicLong calls = new AtomicLong();

    AccountApis(SimulatorConfig config, Stats stats, AccountBook accounts) {
        this.config = config;
        this.stats = stats;
        this.accounts = accounts;
    }

    ApiHandler accountImport() {
        return handler(this::accountImport);
    }

    ApiHandler multiaccountImport() {
        return handler(this::multiaccountImport);
    }

    ApiHandler accountCheck() {
        return handler(this::accountCheck);
    }

    private interface Body {
        Reply answer(Object body);
    }

    private ApiHandler handler(Body body) {
        return new ApiHandler() {
            @Override
            public Reply handle(Call call) throws InterruptedException {
                long latency = CallDraws.latencyNanos(config, call.api().path(), calls.incrementAndGet());
                if (latency > 0) {
                    Thread.sleep(latency / 1_000_000, (int) (latency % 1_000_000));
                }
                return body.answer(call.body());
            }

            @Override
            public void reset() {
                calls.set(0);
            }
        };
    }

    /** A profile account: its UserID and optional profile fields, checked. */
    private record Account(String userId, String nick, String faceUrl) {
    }

    private Reply accountImport(Object body) {
        if (!(body instanceof Map<?, ?> top)) {
            return bad("the request body must be a JSON object, got " + JsonTree.describe(body));
        }
        Checked<Account> account = account(top, "");
        if (account instanceof Checked.Refused<Account> refused) {
            return Reply.error(refused.failure(), false);
        }
        Account a = account.value();
        accounts.importAccount(a.userId, a.nick, a.faceUrl);
        return Reply.success(64, g -> Reply.ok(g, false));
    }

    private Reply multiaccountImport(Object body) {
        if (!(body instanceof Map<?, ?> top)) {
            return bad("the request body must be a JSON object, got " + JsonTree.describe(body));
        }
        Object list = top.get("AccountList");
        Object old = top.get("Accounts");
        for (Object name : top.keySet()) {
            if (!name.equals("AccountList") && !name.equals("Accounts")) {
                return bad("unknown field '" + name + "' in the request body (names are case-sensitive: AccountList, "
                        + "or Accounts in the old form)");
            }
        }
        if ((list == null) == (old == null)) {
            return bad("give exactly one of AccountList (objects with UserID, Nick, FaceUrl) or Accounts "
                    + "(UserID strings, the old form)");
        }
        String field = list != null ? "AccountList" : "Accounts";
        Object value = list != null ? list : old;
        if (!(value instanceof List<?> entries)) {
            return bad(field + " must be an array, got " + JsonTree.describe(value));
        }
        Reply count = batchCount(field, entries.size());
        if (count != null) {
            return count;
        }
        List<Account> valid = new ArrayList<>(entries.size());
        Set<String> failed = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Object e = entries.get(i);
            String name = field + "[" + i + "]";
            Checked<Account> account;
            if (list != null) {
                if (!(e instanceof Map<?, ?> m)) {
                    return bad(name + " must be an object with UserID, Nick, FaceUrl, got " + JsonTree.describe(e));
                }
                account = account(m, name + ".");
            } else {
                if (!(e instanceof String s)) {
                    return bad(name + " must be a string (a UserID), got " + JsonTree.describe(e));
                }
                Checked<String> checked = userId(name, s);
                account = checked instanceof Checked.Refused<String> r ? Checked.refused(r.failure())
                        : Checked.valid(new Account(s, null, null));
            }
            if (account instanceof Checked.Refused<Account> refused) {
                if (refused.failure().code() != Codes.ACCOUNT_BAD_PARAMETER
                        && refused.failure().code() != Codes.PROFILE_FIELD_TOO_LONG) {
                    return Reply.error(refused.failure(), false);
                }
                Object id = e instanceof Map<?, ?> m ? m.get("UserID") : e;
                if (!(id instanceof String)) {
                    return Reply.error(refused.failure(), false); // a UserID that is not a string cannot be listed
                }
                failed.add((String) id);
                stats.itemFailed(RestApi.MULTIACCOUNT_IMPORT, refused.failure().code());
            } else {
                valid.add(account.value());
            }
        }
        for (Account a : valid) {
            accounts.importAccount(a.userId, a.nick, a.faceUrl);
        }
        return Reply.success(64 + failed.size() * 40, g -> {
            Reply.ok(g, false);
            if (!failed.isEmpty()) {
                g.writeArrayFieldStart("FailAccounts");
                for (String id : failed) {
                    g.writeString(id);
                }
                g.writeEndArray();
            }
        });
    }

    private Reply accountCheck(Object body) {
        if (!(body instanceof Map<?, ?> top)) {
            return bad("the request body must be a JSON object, got " + JsonTree.describe(body));
        }
        for (Object name : top.keySet()) {
            if (!name.equals("CheckItem")) {
                return bad("unknown field '" + name + "' in the request body (names are case-sensitive: CheckItem)");
            }
        }
        Object items = top.get("CheckItem");
        if (items == null) {
            return bad("CheckItem is missing");
        }
        if (!(items instanceof List<?> entries)) {
            return bad("CheckItem must be an array, got " + JsonTree.describe(items));
        }
        Reply count = batchCount("CheckItem", entries.size());
        if (count != null) {
            return count;
        }
        List<String> ids = new ArrayList<>(entries.size());
        List<Failure> problems = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String name = "CheckItem[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> m)) {
                return bad(name + " must be an object with UserID, got " + JsonTree.describe(entries.get(i)));
            }
            for (Object k : m.keySet()) {
                if (!k.equals("UserID")) {
                    return bad(name + " has an unknown field '" + k + "' (only UserID)");
                }
            }
            Object id = m.get("UserID");
            if (!(id instanceof String s)) {
                return bad(name + ".UserID must be a string, got " + (id == null ? "nothing" : JsonTree.describe(id)));
            }
            ids.add(s);
            Checked<String> checked = userId(name + ".UserID", s);
            problems.add(checked instanceof Checked.Refused<String> r ? r.failure() : null);
            if (problems.get(i) != null) {
                stats.itemFailed(RestApi.ACCOUNT_CHECK, problems.get(i).code());
            }
        }
        return Reply.success(64 + ids.size() * 80, g -> {
            Reply.ok(g, false);
            g.writeArrayFieldStart("ResultItem");
            for (int i = 0; i < ids.size(); i++) {
                Failure p = problems.get(i);
                g.writeStartObject();
                g.writeStringField("UserID", ids.get(i));
                g.writeNumberField("ResultCode", p == null ? 0 : p.code());
                g.writeStringField("ResultInfo", p == null ? "" : p.info());
                g.writeStringField("AccountStatus", p == null && accounts.imported(ids.get(i)) ? "Imported"
                        : "NotImported");
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** UserID (required), Nick and FaceUrl (optional strings of at most 500 bytes) of one account object. */
    private static Checked<Account> account(Map<?, ?> fields, String prefix) {
        for (Object name : fields.keySet()) {
            if (!name.equals("UserID") && !name.equals("Nick") && !name.equals("FaceUrl")) {
                return Checked.refused(Codes.ACCOUNT_BAD_PARAMETER, prefix + "unknown field '" + name
                        + "' (names are case-sensitive: UserID, Nick, FaceUrl)");
            }
        }
        Object id = fields.get("UserID");
        if (id == null) {
            return Checked.refused(Codes.ACCOUNT_BAD_PARAMETER, prefix + "UserID is missing");
        }
        if (!(id instanceof String userId)) {
            return Checked.refused(Codes.ACCOUNT_BAD_PARAMETER, prefix + "UserID must be a string, got "
                    + JsonTree.describe(id));
        }
        Checked<String> checked = userId(prefix + "UserID", userId);
        if (checked instanceof Checked.Refused<String> refused) {
            return Checked.refused(refused.failure());
        }
        Checked<String> nick = profileField(prefix + "Nick", fields.get("Nick"));
        if (nick instanceof Checked.Refused<String> refused) {
            return Checked.refused(refused.failure());
        }
        Checked<String> face = profileField(prefix + "FaceUrl", fields.get("FaceUrl"));
        if (face instanceof Checked.Refused<String> refused) {
            return Checked.refused(refused.failure());
        }
        return Checked.valid(new Account(userId, nick.value(), face.value()));
    }

    /** A UserID of 1 to 32 bytes, else 70402. */
    private static Checked<String> userId(String field, String value) {
        String problem = ItemRules.userIdProblem(field, value);
        return problem == null ? Checked.valid(value) : Checked.refused(Codes.ACCOUNT_BAD_PARAMETER, problem);
    }

    /** Absent (null value), or a string of at most 500 bytes (else 40601); another type is 70402. */
    private static Checked<String> profileField(String field, Object value) {
        if (value == null) {
            return Checked.valid(null);
        }
        if (!(value instanceof String s)) {
            return Checked.refused(Codes.ACCOUNT_BAD_PARAMETER, field + " must be a string, got "
                    + JsonTree.describe(value));
        }
        int bytes = Utf8.length(s);
        if (bytes < 0) {
            return Checked.refused(Codes.ACCOUNT_BAD_PARAMETER, field
                    + " holds an unpaired UTF-16 surrogate and cannot be encoded as UTF-8");
        }
        if (bytes > PROFILE_FIELD_MAX_BYTES) {
            return Checked.refused(Codes.PROFILE_FIELD_TOO_LONG, field + " is " + bytes + " bytes of UTF-8; a profile "
                    + "field has at most " + PROFILE_FIELD_MAX_BYTES + " bytes");
        }
        return Checked.valid(s);
    }

    private static Reply batchCount(String field, int size) {
        if (size == 0 || size > MAX_PER_CALL) {
            return Reply.error(new Failure(Codes.ACCOUNT_BATCH_COUNT, field + " has " + size + " entries; a call carries "
                    + "1 to " + MAX_PER_CALL + " accounts"), false);
        }
        return null;
    }

    private static Reply bad(String info) {
        return Reply.error(new Failure(Codes.ACCOUNT_BAD_PARAMETER, info), false);
    }
}
