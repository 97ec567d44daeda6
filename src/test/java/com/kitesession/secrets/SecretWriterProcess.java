package com.kitesession.secrets;

import java.nio.file.Path;

/**
 * A second program on the same secrets file, as the CLI is next to the GUI: started by
 * EncryptedFileSecretStoreTest in its own JVM. Args: file, prefix, count; passphrase in the environment.
 */
public final class SecretWriterProcess {
    public static void main(String[] args) throws Exception {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(Path.of(args[0]), EncryptedFileSecretStoreTest.FAST);
        store.unlock(System.getenv("KITE_TEST_PASSPHRASE").toCharArray());
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) store.store(args[1] + i, "value-" + args[1] + i);
    }
}
