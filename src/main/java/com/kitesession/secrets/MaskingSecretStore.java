package com.kitesession.secrets;

import com.kitesession.logging.LogRedactor;
import java.util.Optional;

/**
 * A secret store that has the logs mask every secret passing through it: a value stored or
 * loaded is masked under its name from then on, and deleting the name lets the logs forget it
 * (unless another name holds the same value: two profiles may share an api_secret). Wrapping
 * the store, rather than registering at each call, means no read or write can forget to.
 */
public final class MaskingSecretStore implements SecretStore {
    private final SecretStore store;

    public MaskingSecretStore(SecretStore store) {
        this.store = store;
    }

    @Override
    public boolean isSupported() {
        return store.isSupported();
    }

    /** Masked before it is written: a failed write's message must not carry it in the clear. */
    @Override
    public void store(String name, String secret) throws SecretStoreException {
        LogRedactor.registerSecret(name, secret);
        store.store(name, secret);
    }

    @Override
    public Optional<String> load(String name) throws SecretStoreException {
        Optional<String> secret = store.load(name);
        secret.ifPresent(value -> LogRedactor.registerSecret(name, value));
        return secret;
    }

    /** Forgotten only once the delete succeeded: a secret still stored stays masked. */
    @Override
    public void delete(String name) throws SecretStoreException {
        store.delete(name);
        LogRedactor.forgetSecrets(name);
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public String toString() {
        return "MaskingSecretStore[" + store + "]";
    }
}
