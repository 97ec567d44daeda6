package com.kitesession.kite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the client refuses before any byte travels, and what it makes of any HTTP client it is given. */
class KiteClientHardeningTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://api.kite.trade", "http://10.0.0.5:8080", "http://128.0.0.1", "http://localhost.evil.com",
        "http://127.0.0.1.evil.com", "HTTP://API.KITE.TRADE/"})
    void plainHttpBeyondThisComputerIsRefused(String base) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KiteClient(base));
        assertTrue(e.getMessage().contains("unencrypted") && e.getMessage().contains("https://"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.8.9.10", "http://localhost:1", "http://LOCALHOST",
        "http://[::1]:9000", "https://api.kite.trade", "https://10.0.0.5"})
    void httpsAnywhereAndPlainHttpOnThisComputerAreAllowed(String base) {
        assertEquals(base, new KiteClient(base).apiBase());
    }

    @Test
    void anyClientGivenNeverFollowsRedirectsAndHasADeadline() {
        OkHttpClient given = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();
        OkHttpClient used = new KiteClient("https://api.kite.trade", given).http();
        assertFalse(used.followRedirects());
        assertFalse(used.followSslRedirects());
        assertEquals(20_000, used.callTimeoutMillis());

        OkHttpClient shortDeadline = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(3)).build();
        assertEquals(3_000, new KiteClient("https://api.kite.trade", shortDeadline).http().callTimeoutMillis());
        assertFalse(KiteClient.defaultHttpClient().callTimeoutMillis() == 0);
    }
}
