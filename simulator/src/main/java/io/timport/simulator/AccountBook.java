package io.timport.simulator;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's accounts. In the known-accounts mode only the accounts seeded from the configuration or created through
 * the account APIs exist, and the relationship-chain APIs answer 30003 for the others; otherwise every account
 * exists, and the account APIs still record what they import.
 */
final class AccountBook {

    /** The profile fields of an account; {@link #NONE} (shared) when it has none, to keep 2 M accounts small. */
    private record Profile(String nick, String faceUrl) {
        static final Profile NONE = new Profile(null, null);

        static Profile of(String nick, String faceUrl) {
            return nick == null && faceUrl == null ? NONE : new Profile(nick, faceUrl);
        }
    }

    private final boolean knownOnly;
    private final Set<String> seed;
    private final ConcurrentHashMap<String, Profile> accounts = new ConcurrentHashMap<>();

    AccountBook(Optional<Set<String>> seed) {
        this.knownOnly = seed.isPresent();
        this.seed = seed.orElse(Set.of());
        reset();
    }

    boolean knownOnly() {
        return knownOnly;
    }

    /** Whether {@code userId} exists: always outside the known-accounts mode. */
    boolean exists(String userId) {
        return !knownOnly || accounts.containsKey(userId);
    }

    /** Whether {@code userId} was seeded or imported (account_check's {@code Imported}); see {@link #exists}. */
    boolean imported(String userId) {
        return exists(userId);
    }

    /** Creates the account, or updates its profile fields (a re-import replaces Nick and FaceUrl). */
    void importAccount(String userId, String nick, String faceUrl) {
        accounts.put(userId, Profile.of(nick, faceUrl));
    }

    Optional<StoredAccount> get(String userId) {
        Profile p = accounts.get(userId);
        return p == null ? Optional.empty()
                : Optional.of(new StoredAccount(userId, Optional.ofNullable(p.nick()), Optional.ofNullable(p.faceUrl())));
    }

    /** The accounts seeded or imported (in the known-accounts mode, exactly the accounts that exist). */
    Set<String> ids() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(accounts.keySet()));
    }

    /** Back to the seeded accounts only. */
    void reset() {
        accounts.clear();
        for (String id : seed) {
            accounts.put(id, Profile.NONE);
        }
    }
}
