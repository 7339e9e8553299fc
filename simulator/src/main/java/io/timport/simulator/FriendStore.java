package io.timport.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one-way relations: per {@code From_Account}, its friends (in first-import order) and the friend
 * groups it holds. Groups are created by imports and are never removed by them (as in Chat, where groups
 * are deleted by their own API), so the group limit counts every group a user ever received.
 *
 * <p>The store can be bounded ({@code maxRelations}): once full, a new relation is refused (overwriting an
 * existing one still succeeds), so that a long run cannot exhaust the heap.
 */
final class FriendStore {

    private static final class User {
        final Map<String, Relation> friends = new LinkedHashMap<>();
        final Set<String> groups = new LinkedHashSet<>();
        /** Counts the stores of this user's relations, as friend_get's {@code StandardSequence}. */
        long standardSequence;
        /** Counts the stores that set or cleared custom fields, as friend_get's {@code CustomSequence}. */
        long customSequence;
    }

    /** One page of a user's friends, for friend_get. */
    record Page(List<Relation> friends, int friendNum, long standardSequence, long customSequence) {
    }

    private final ConcurrentHashMap<String, User> users = new ConcurrentHashMap<>();
    private final AtomicLong relations = new AtomicLong();
    private final int maxFriends;
    private final int maxGroups;
    private final long maxRelations;

    FriendStore(int maxFriends, int maxGroups, long maxRelations) {
        this.maxFriends = maxFriends;
        this.maxGroups = maxGroups;
        this.maxRelations = maxRelations;
    }

    /** Stores (or overwrites) one relation; null on success, else a 30010, 30011 or store-full {@link Failure}. */
    Failure put(String fromAccount, Relation friend) {
        User user = users.computeIfAbsent(fromAccount, k -> new User());
        synchronized (user) {
            Relation previous = user.friends.get(friend.toAccount);
            boolean isNew = previous == null;
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
            if (isNew && relations.incrementAndGet() > maxRelations) {
                relations.decrementAndGet();
                return new Failure(Codes.BAD_PARAMETER, "the simulator's store is full: it holds its maximum of "
                        + maxRelations + " relations (maxStoredRelations); a new relation is not stored, "
                        + "an existing one can still be overwritten");
            }
            user.groups.addAll(friend.groups());
            user.friends.put(friend.toAccount, friend);
            user.standardSequence++;
            if (friend.custom.length > 0 || (previous != null && previous.custom.length > 0)) {
                user.customSequence++;
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

    /** The friends of {@code fromAccount} from index {@code start} (first-import order), at most {@code size}. */
    Page page(String fromAccount, long start, int size) {
        User user = users.get(fromAccount);
        if (user == null) {
            return new Page(List.of(), 0, 0, 0);
        }
        synchronized (user) {
            List<Relation> out = new ArrayList<>(Math.min(size, user.friends.size()));
            if (start < user.friends.size()) {
                Iterator<Relation> it = user.friends.values().iterator();
                for (long i = 0; i < start; i++) {
                    it.next();
                }
                while (it.hasNext() && out.size() < size) {
                    out.add(it.next());
                }
            }
            return new Page(out, user.friends.size(), user.standardSequence, user.customSequence);
        }
    }

    /** Whether {@code toAccount} is in {@code fromAccount}'s list. */
    boolean holds(String fromAccount, String toAccount) {
        User user = users.get(fromAccount);
        if (user == null) {
            return false;
        }
        synchronized (user) {
            return user.friends.containsKey(toAccount);
        }
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
