package com.kitesession.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.logging.LogRedactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store's contract holds through the wrapper, and the logs mask exactly what the store holds. */
class MaskingSecretStoreTest extends SecretStoreContractTest {
    private final InMemorySecretStore inside = new InMemorySecretStore();
    private final List<String> names = new ArrayList<>(oneOfEachKind().keySet());

    @Override
    SecretStore newStore() {
        return new MaskingSecretStore(inside);
    }

    /** The logs' list of secrets lasts the JVM: leave nothing of this test's in it. */
    @AfterEach
    void forgetEverything() throws Exception {
        names.addAll(List.of(SecretNames.accessToken("AB0001"), SecretNames.accessToken("CD0002")));
        for (String name : names) store.delete(name);
    }

    /** Masked while registered; a letter after it keeps a 32-character token from looking like one. */
    private static boolean masked(String secret) {
        return !LogRedactor.redact("saw " + secret + "x").contains(secret);
    }

    @Test
    void whatIsStoredIsMaskedUntilItIsDeleted() throws Exception {
        String name = SecretNames.password("MS0001");
        names.add(name);
        store.store(name, "kite-password-stored-1");
        assertTrue(masked("kite-password-stored-1"));
        store.delete(name);
        assertFalse(masked("kite-password-stored-1"));
    }

    @Test
    void whatIsLoadedIsMaskedTooAsASecretStoredByAnotherRunIs() throws Exception {
        String name = SecretNames.apiSecret("MS0002");
        names.add(name);
        inside.store(name, "api-secret-from-yesterday");
        assertFalse(masked("api-secret-from-yesterday"), "nothing has read it yet");
        assertEquals("api-secret-from-yesterday", store.load(name).orElseThrow());
        assertTrue(masked("api-secret-from-yesterday"));
    }

    @Test
    void aValueStaysMaskedWhileAnotherNameHoldsIt() throws Exception {
        String first = SecretNames.apiSecret("MS0003");
        String second = SecretNames.apiSecret("MS0004");
        names.addAll(List.of(first, second));
        store.store(first, "shared-api-secret-34");
        store.store(second, "shared-api-secret-34");
        store.delete(first);
        assertTrue(masked("shared-api-secret-34"), "the other profile still has it");
        store.delete(second);
        assertFalse(masked("shared-api-secret-34"));
    }

    @Test
    void aSecretIsMaskedBeforeAWriteThatFailsAndStaysMaskedWhenADeleteFails() {
        SecretStore failing = new MaskingSecretStore(new Unwritable());
        String name = SecretNames.accessToken("MS0005");
        names.add(name);
        assertThrows(SecretStoreException.class, () -> failing.store(name, "token-of-a-failed-write"));
        assertTrue(masked("token-of-a-failed-write"), "a failure's message might have carried it");
        assertThrows(SecretStoreException.class, () -> failing.delete(name));
        assertTrue(masked("token-of-a-failed-write"));
    }

    @Test
    void saysWhatItWraps() {
        assertEquals(inside.describe(), store.describe());
        assertFalse(store.toString().contains("api-secret-3f9a1c"));
    }

    /** A keychain that answers reads but refuses every change. */
    private static final class Unwritable implements SecretStore {
        @Override
        public boolean isSupported() {
            return true;
        }

        @Override
        public void store(String name, String secret) throws SecretStoreException {
            throw new SecretStoreException("the keychain refused the change");
        }

        @Override
        public Optional<String> load(String name) {
            return Optional.empty();
        }

        @Override
        public void delete(String name) throws SecretStoreException {
            throw new SecretStoreException("the keychain refused the change");
        }

        @Override
        public String describe() {
            return "a keychain that refuses changes";
        }
    }
}
