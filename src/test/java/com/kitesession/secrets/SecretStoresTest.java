package com.kitesession.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {
    @TempDir
    Path configFolder;

    @AfterEach
    void clearProperty() {
        System.clearProperty(SecretStores.PROPERTY);
    }

    @Test
    void withoutAKeychainTheEncryptedFileInTheConfigFolderIsChosen() {
        assumeTrue(OsKeychainSecretStoreTest.noKeychainHere());
        long start = System.nanoTime();
        SecretStore store = SecretStores.chooseForThisMachine(configFolder);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
        EncryptedFileSecretStore file = assertInstanceOf(EncryptedFileSecretStore.class, store);
        assertEquals(configFolder.resolve("secrets.enc").toAbsolutePath(), file.file());
        assertEquals(false, file.isUnlocked());
    }

    @Test
    void fileCanBeForced() {
        System.setProperty(SecretStores.PROPERTY, "file");
        SecretStore store = SecretStores.chooseForThisMachine(configFolder);
        assertEquals("encrypted file " + configFolder.resolve("secrets.enc").toAbsolutePath(), store.describe());
    }

    @Test
    void memoryCanBeForced() {
        System.setProperty(SecretStores.PROPERTY, "Memory");
        assertInstanceOf(InMemorySecretStore.class, SecretStores.chooseForThisMachine(configFolder));
    }

    @Test
    void anUnknownChoiceIsRefusedWithTheKnownOnes() {
        System.setProperty(SecretStores.PROPERTY, "vault");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretStores.chooseForThisMachine(configFolder));
        assertTrue(e.getMessage().contains("file, memory or auto"), e.getMessage());
    }
}
