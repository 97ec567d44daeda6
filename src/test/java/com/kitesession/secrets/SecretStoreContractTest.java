package com.kitesession.secrets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every SecretStore must do; one subclass per implementation. */
abstract class SecretStoreContractTest {
    static final String PROFILE = "ZX1234";

    SecretStore store;

    /** A fresh, empty store that is ready for use (unlocked where that applies). */
    abstract SecretStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    static Map<String, String> oneOfEachKind() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(SecretNames.apiSecret(PROFILE), "api-secret-3f9a1c");
        secrets.put(SecretNames.accessToken(PROFILE), "access-token-77bd02");
        secrets.put(SecretNames.password(PROFILE), "hunter2-password");
        secrets.put(SecretNames.totpSecret(PROFILE), "JBSWY3DPEHPK3PXP");
        return secrets;
    }

    @Test
    void isSupported() {
        assertTrue(store.isSupported());
    }

    @Test
    void storesLoadsAndDeletesEveryKindOfSecret() throws Exception {
        Map<String, String> secrets = oneOfEachKind();
        for (var e : secrets.entrySet()) store.store(e.getKey(), e.getValue());
        for (var e : secrets.entrySet()) assertEquals(Optional.of(e.getValue()), store.load(e.getKey()), e.getKey());

        store.delete(SecretNames.password(PROFILE));
        assertEquals(Optional.empty(), store.load(SecretNames.password(PROFILE)));
        // the others stay
        assertEquals(Optional.of("api-secret-3f9a1c"), store.load(SecretNames.apiSecret(PROFILE)));
        assertEquals(Optional.of("JBSWY3DPEHPK3PXP"), store.load(SecretNames.totpSecret(PROFILE)));

        for (String name : secrets.keySet()) store.delete(name);
        for (String name : secrets.keySet()) assertEquals(Optional.empty(), store.load(name), name);
    }

    @Test
    void profilesDoNotShareSecrets() throws Exception {
        store.store(SecretNames.accessToken("AB0001"), "token-of-ab");
        store.store(SecretNames.accessToken("CD0002"), "token-of-cd");
        assertEquals(Optional.of("token-of-ab"), store.load(SecretNames.accessToken("AB0001")));
        assertEquals(Optional.of("token-of-cd"), store.load(SecretNames.accessToken("CD0002")));
    }

    @Test
    void overwriteKeepsTheNewValue() throws Exception {
        String name = SecretNames.accessToken(PROFILE);
        store.store(name, "monday-token");
        store.store(name, "tuesday-token");
        assertEquals(Optional.of("tuesday-token"), store.load(name));
    }

    @Test
    void missingNameLoadsEmpty() throws Exception {
        assertEquals(Optional.empty(), store.load(SecretNames.apiSecret("NEVER1")));
    }

    @Test
    void deletingAMissingNameIsFine() throws Exception {
        assertDoesNotThrow(() -> store.delete(SecretNames.apiSecret("NEVER1")));
        assertEquals(Optional.empty(), store.load(SecretNames.apiSecret("NEVER1")));
    }

    @Test
    void unicodeAndJsonSpecialCharactersSurvive() throws Exception {
        String secret = "पासवर्ड-秘密-🔑-ñ \"quoted\" back\\slash\nnew line\t\u0000end";
        store.store(SecretNames.password(PROFILE), secret);
        assertEquals(Optional.of(secret), store.load(SecretNames.password(PROFILE)));
    }

    @Test
    void emptySecretIsStoredAsEmpty() throws Exception {
        store.store(SecretNames.password(PROFILE), "");
        assertEquals(Optional.of(""), store.load(SecretNames.password(PROFILE)));
    }
}
