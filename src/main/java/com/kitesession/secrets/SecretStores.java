package com.kitesession.secrets;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Picks where this machine keeps secrets: the OS keychain when it answers (see
 * {@link OsKeychainSecretStore#isSupported()}), else the passphrase-encrypted file
 * {@code configFolder/secrets.enc}, which the caller must {@link EncryptedFileSecretStore#unlock}
 * before use.
 *
 * <p>The system property {@code kite.session.secrets} overrides the choice: {@code file} forces the
 * encrypted file (e.g. a keychain that answers but should not be used), {@code memory} an in-memory
 * store that forgets everything at exit (demos, tests), {@code auto} or unset chooses as above.
 */
public final class SecretStores {
    public static final String PROPERTY = "kite.session.secrets";
    public static final String FILE_NAME = "secrets.enc";

    private SecretStores() {}

    public static SecretStore chooseForThisMachine(Path configFolder) {
        String forced = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "memory":
                return new InMemorySecretStore();
            case "file":
                return new EncryptedFileSecretStore(configFolder.resolve(FILE_NAME));
            case "auto":
            case "":
                OsKeychainSecretStore keychain = new OsKeychainSecretStore();
                return keychain.isSupported() ? keychain : new EncryptedFileSecretStore(configFolder.resolve(FILE_NAME));
            default:
                throw new IllegalArgumentException(
                        "-D" + PROPERTY + "=" + forced + " is not known: use file, memory or auto.");
        }
    }
}
