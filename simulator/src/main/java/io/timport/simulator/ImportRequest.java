package io.timport.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code friend_import} body that passed the request-level checks: a JSON object with exactly
 * {@code From_Account} (a UserID) and {@code AddFriendItem} (1..max objects, each with a string
 * {@code To_Account}). Everything else about an item is checked per item by {@link ItemRules}.
 */
final class ImportRequest {

    final String fromAccount;
    final List<Map<String, Object>> items;

    private ImportRequest(String fromAccount, List<Map<String, Object>> items) {
        this.fromAccount = fromAccount;
        this.items = items;
    }

    /**
     * An {@link ImportRequest}, or the request-level refusal: 60015 for an account field that is not a JSON string,
     * 30001 for any other problem.
     */
    @SuppressWarnings("unchecked")
    static Checked<ImportRequest> check(Object body, int maxItems) {
        if (!(body instanceof Map)) {
            return bad("the request body must be a JSON object, got " + JsonTree.describe(body));
        }
        Map<String, Object> top = (Map<String, Object>) body;
        for (String name : top.keySet()) {
            if (!name.equals("From_Account") && !name.equals("AddFriendItem")) {
                return bad("unknown field '" + name + "' in the request body"
                        + " (names are case-sensitive: From_Account, AddFriendItem)");
            }
        }
        Checked<String> from = AccountField.check("From_Account", top.get("From_Account"));
        if (from instanceof Checked.Refused<String> refused) {
            return Checked.refused(refused.failure());
        }
        Object list = top.get("AddFriendItem");
        if (list == null) {
            return bad("AddFriendItem is missing");
        }
        if (!(list instanceof List)) {
            return bad("AddFriendItem must be an array, got " + JsonTree.describe(list));
        }
        List<Object> raw = (List<Object>) list;
        if (raw.isEmpty()) {
            return bad("AddFriendItem is empty; a request carries 1 to " + maxItems + " items");
        }
        if (raw.size() > maxItems) {
            return bad("AddFriendItem has " + raw.size() + " items; at most " + maxItems
                    + " are allowed per request");
        }
        List<Map<String, Object>> items = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Object item = raw.get(i);
            if (!(item instanceof Map)) {
                return bad("AddFriendItem[" + i + "] must be an object, got " + JsonTree.describe(item));
            }
            Map<String, Object> fields = (Map<String, Object>) item;
            Object to = fields.get("To_Account");
            if (to == null) {
                return bad("AddFriendItem[" + i + "].To_Account is missing");
            }
            if (!(to instanceof String)) {
                return Checked.refused(AccountField.notString("AddFriendItem[" + i + "].To_Account", to));
            }
            items.add(fields);
        }
        return Checked.valid(new ImportRequest(from.value(), items));
    }

    private static Checked<ImportRequest> bad(String info) {
        return Checked.refused(Codes.BAD_PARAMETER, info);
    }
}
