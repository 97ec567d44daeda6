package com.kitesession.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class InMemorySecretStoreTest extends SecretStoreContractTest {
    @Override
    SecretStore newStore() {
        return new InMemorySecretStore();
    }

    @Test
    void toStringShowsNoSecret() throws Exception {
        store.store(SecretNames.apiSecret(PROFILE), "api-secret-3f9a1c");
        assertFalse(store.toString().contains("api-secret-3f9a1c"));
    }
}
