package com.kitesession.secrets;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Secrets held only for this run, in a thread-safe map: for tests and the demo. */
public final class InMemorySecretStore implements SecretStore {
    private final ConcurrentMap<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public void store(String name, String secret) {
        secrets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(secret, "secret"));
    }

    @Override
    public Optional<String> load(String name) {
        return Optional.ofNullable(secrets.get(Objects.requireNonNull(name, "name")));
    }

    @Override
    public void delete(String name) {
        secrets.remove(Objects.requireNonNull(name, "name"));
    }

    @Override
    public String describe() {
        return "memory (forgotten when the program ends)";
    }

    @Override
    public String toString() {
        return "InMemorySecretStore[" + secrets.size() + " secrets]";
    }
}
