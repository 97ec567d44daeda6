package com.kitesession.secrets;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shared contract, against an unlocked encrypted file. */
class EncryptedFileContractTest extends SecretStoreContractTest {
    @TempDir
    Path folder;

    @Override
    SecretStore newStore() throws Exception {
        EncryptedFileSecretStore file = new EncryptedFileSecretStore(folder.resolve("secrets.enc"), EncryptedFileSecretStoreTest.FAST);
        file.unlock("contract passphrase".toCharArray());
        return file;
    }
}
