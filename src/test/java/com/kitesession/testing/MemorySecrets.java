package com.kitesession.testing;

import com.kitesession.secrets.SecretStore;
import com.kitesession.secrets.SecretStoreException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A map-backed SecretStore for tests; {@link #failing} makes every call fail as a locked store would. */
public final class MemorySecrets implements SecretStore {
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private volatile String failure;

    /** Every later call throws with this (plain, secret-free) message. */
    public MemorySecrets failing(String message) {
        failure = message;
        return this;
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public void store(String name, String secret) throws SecretStoreException {
        check();
        secrets.put(name, secret);
    }

    @Override
    public Optional<String> load(String name) throws SecretStoreException {
        check();
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public void delete(String name) throws SecretStoreException {
        check();
        secrets.remove(name);
    }

    @Override
    public String describe() {
        return "memory (tests)";
    }

    private void check() throws SecretStoreException {
        if (failure != null) throw new SecretStoreException(failure);
    }
}
