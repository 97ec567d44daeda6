package com.kitesession.logging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values {@link LogRedactor} masks, each with the holders that registered it (a profile's
 * access token, its api_secret, ...). A value is forgotten only when its last holder lets go:
 * two profiles may share an api_secret, and deleting one must not unmask the other's.
 */
final class RegisteredSecrets {
    /** The holder of values kept for the life of the process. */
    static final String PROCESS = "";

    private final Map<String, Set<String>> holdersByValue = new HashMap<>();
    private final Map<String, Set<String>> valuesByHolder = new HashMap<>();
    /** Longest first, so that a secret containing another goes whole; rebuilt on change, read lock-free. */
    private volatile List<String> longestFirst = List.of();

    synchronized void add(String holder, String value) {
        valuesByHolder.computeIfAbsent(holder, h -> new HashSet<>()).add(value);
        if (holdersByValue.computeIfAbsent(value, v -> new HashSet<>()).add(holder)) refresh();
    }

    /** Drops the holder's claim on each of its values; values nobody else holds are forgotten. */
    synchronized void release(String holder) {
        Set<String> values = valuesByHolder.remove(holder);
        if (values == null) return;
        for (String value : values) {
            Set<String> holders = holdersByValue.get(value);
            holders.remove(holder);
            if (holders.isEmpty()) holdersByValue.remove(value);
        }
        refresh();
    }

    synchronized void clear() {
        holdersByValue.clear();
        valuesByHolder.clear();
        refresh();
    }

    List<String> longestFirst() {
        return longestFirst;
    }

    private void refresh() {
        List<String> values = new ArrayList<>(holdersByValue.keySet());
        values.sort(Comparator.comparingInt(String::length).reversed());
        longestFirst = List.copyOf(values);
    }
}
