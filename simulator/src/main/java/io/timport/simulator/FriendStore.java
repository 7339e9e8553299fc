package io.timport.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one-way relations: per {@code From_Account}, its friends (in first-import order) and the friend
 * groups it holds. Groups are created by imports and are never removed by them (as in Chat, where groups
 * are deleted by their own API), so the group limit counts every group a user ever received.
 */
final class FriendStore {

    private static final class User {
        final Map<String, Relation> friends = new LinkedHashMap<>();
        final Set<String> groups = new LinkedHashSet<>();
    }

    private final ConcurrentHashMap<String, User> users = new ConcurrentHashMap<>();
    private final AtomicLong relations = new AtomicLong();
    private final int maxFriends;
    private final int maxGroups;

    FriendStore(int maxFriends, int maxGroups) {
        this.maxFriends = maxFriends;
        this.maxGroups = maxGroups;
    }

    /** Stores (or overwrites) one relation; null on success, else a 30010 or 30011 {@link Failure}. */
    Failure put(String fromAccount, Relation friend) {
        User user = users.computeIfAbsent(fromAccount, k -> new User());
        synchronized (user) {
            boolean isNew = !user.friends.containsKey(friend.toAccount);
            if (isNew && user.friends.size() >= maxFriends) {
                return new Failure(Codes.FRIEND_LIMIT, Codes.FRIEND_LIMIT_INFO);
            }
            int newGroups = 0;
            String firstNew = null;
            for (String g : friend.groupNames) {
                if (!user.groups.contains(g)) {
                    if (firstNew == null) {
                        firstNew = g;
                    }
                    newGroups++;
                }
            }
            if (user.groups.size() + newGroups > maxGroups) {
                return new Failure(Codes.GROUP_LIMIT, "From_Account already holds " + user.groups.size()
                        + " friend groups; adding \"" + firstNew + "\"" + (newGroups > 1 ? " and " + (newGroups - 1)
                        + " more" : "") + " would exceed the limit of " + maxGroups);
            }
            user.groups.addAll(friend.groups());
            user.friends.put(friend.toAccount, friend);
            if (isNew) {
                relations.incrementAndGet();
            }
            return null;
        }
    }

    Map<String, StoredFriend> friendsOf(String fromAccount) {
        User user = users.get(fromAccount);
        if (user == null) {
            return Map.of();
        }
        Map<String, StoredFriend> copy = new LinkedHashMap<>();
        synchronized (user) {
            user.friends.forEach((to, relation) -> copy.put(to, relation.toStoredFriend(fromAccount)));
        }
        return Collections.unmodifiableMap(copy);
    }

    Set<String> groupsOf(String fromAccount) {
        User user = users.get(fromAccount);
        if (user == null) {
            return Set.of();
        }
        synchronized (user) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(user.groups));
        }
    }

    /** Every From_Account holding at least one friend. */
    Set<String> fromAccounts() {
        Set<String> out = new LinkedHashSet<>();
        users.forEach((id, user) -> {
            synchronized (user) {
                if (!user.friends.isEmpty()) {
                    out.add(id);
                }
            }
        });
        return Collections.unmodifiableSet(out);
    }

    long relationCount() {
        return relations.get();
    }

    void clear() {
        users.clear();
        relations.set(0);
    }
}
