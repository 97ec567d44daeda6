package com.kitesession.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OsKeychainSecretStoreTest {
    /** This machine and CI: Linux without a D-Bus session, so no Secret Service answers. */
    static boolean noKeychainHere() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getenv("DBUS_SESSION_BUS_ADDRESS") == null;
    }

    @Test
    void withoutASecretServiceIsSupportedAnswersFalseQuickly() {
        assumeTrue(noKeychainHere());
        OsKeychainSecretStore store = new OsKeychainSecretStore();
        long start = System.nanoTime();
        assertFalse(store.isSupported());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
        assertEquals("Linux Secret Service", store.describe());
    }

    @Test
    void aKeychainThatHangsCountsAsUnsupportedAfterTheProbeTime() {
        OsKeychainSecretStore store = new OsKeychainSecretStore(() -> {
            Thread.sleep(60_000);
            throw new IllegalStateException("never reached");
        }, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertFalse(store.isSupported());
        long firstMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(firstMillis >= 250 && firstMillis < 5_000, firstMillis + " ms");
        start = System.nanoTime();
        assertFalse(store.isSupported()); // remembered: no second wait
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 100);
    }

    @Test
    void aMissingBackendCountsAsUnsupportedAndOperationsSaySoPlainly() {
        OsKeychainSecretStore store = new OsKeychainSecretStore(() -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        }, Duration.ofSeconds(3));
        assertFalse(store.isSupported());
        SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.store("name", "the-secret-value"));
        assertFalse(e.getMessage().contains("the-secret-value"));
        assertTrue(e.getMessage().contains("does not answer"), e.getMessage());
        assertThrows(SecretStoreException.class, () -> store.load("name"));
        assertThrows(SecretStoreException.class, () -> store.delete("name"));
    }

    @Test
    void recognisesTheLibrarysWordsForAMissingEntry() {
        for (String missing : new String[] {
                "No stored credentials match kite-session account: profile.X.api_secret", // Secret Service, macOS
                "Password not Found", "Error code 1168", // Windows
                "Password is not in wallet", "Password cannot be deleted, it is not in wallet"}) { // KWallet
            assertTrue(OsKeychainSecretStore.isNotFound(new PasswordAccessException(missing)), missing);
        }
        for (String refused : new String[] {"Error code 5", "Failed to get credential. User canceled", "Error connecting to dbus"}) {
            assertFalse(OsKeychainSecretStore.isNotFound(new PasswordAccessException(refused)), refused);
        }
    }
}
