package com.kitesession.kite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LoginUrlsTest {
    @Test
    void withoutRedirectParams() {
        assertEquals("https://kite.zerodha.com/connect/login?v=3&api_key=abc123",
                LoginUrls.loginUrl(KiteHosts.LOGIN_BASE, "abc123", null));
        assertEquals("https://kite.zerodha.com/connect/login?v=3&api_key=abc123",
                LoginUrls.loginUrl(KiteHosts.LOGIN_BASE, "abc123", "  "));
    }

    @Test
    void trailingSlashOnBaseIsStripped() {
        assertEquals("http://127.0.0.1:8080/connect/login?v=3&api_key=abc123",
                LoginUrls.loginUrl("http://127.0.0.1:8080/", "abc123", ""));
    }

    @Test
    void redirectParamsAreEncodedAsOneValue() {
        assertEquals("https://kite.zerodha.com/connect/login?v=3&api_key=abc123"
                        + "&redirect_params=profile%3Dmain%26nonce%3Da%2Fb",
                LoginUrls.loginUrl(KiteHosts.LOGIN_BASE, "abc123", "profile=main&nonce=a/b"));
    }

    @Test
    void apiKeyIsEncoded() {
        assertEquals("https://kite.zerodha.com/connect/login?v=3&api_key=a%26b%3Dc",
                LoginUrls.loginUrl(KiteHosts.LOGIN_BASE, "a&b=c", null));
    }

    @Test
    void emptyApiKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LoginUrls.loginUrl(KiteHosts.LOGIN_BASE, " ", null));
        assertThrows(IllegalArgumentException.class, () -> LoginUrls.loginUrl(KiteHosts.LOGIN_BASE, null, null));
    }
}
