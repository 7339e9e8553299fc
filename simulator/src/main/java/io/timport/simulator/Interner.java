package io.timport.simulator;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares the instances of strings that repeat across many relations (AddSource values, group names), up
 * to a bound so that a run of all-distinct values cannot grow it without limit.
 */
final class Interner {
    private static final int MAX_ENTRIES = 1 << 16;

    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

    String intern(String s) {
        String shared = strings.get(s);
        if (shared != null) {
            return shared;
        }
        if (strings.size() >= MAX_ENTRIES) {
            return s;
        }
        shared = strings.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }
}
