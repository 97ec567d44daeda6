package com.kitesession.secrets;

import java.util.Optional;

/**
 * Where secrets live: the api_secret, access tokens, and (opt-in) the Kite password and TOTP
 * secret. The OS keychain where one answers, else an encrypted file; in-memory for tests.
 * Implementations never put a secret into a message, a log line or toString().
 */
public interface SecretStore {
    /** Whether this store can be used on this machine now (a keychain that answers, a readable file). */
    boolean isSupported();

    void store(String name, String secret) throws SecretStoreException;

    Optional<String> load(String name) throws SecretStoreException;

    void delete(String name) throws SecretStoreException;

    /** For the person: "Linux Secret Service", "encrypted file /home/me/.config/kite-session/secrets.enc". */
    String describe();
}
