package com.kitesession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoginNavigationTest {
    private final LoginNavigation kite = new LoginNavigation(LoginOrigin.of("https://kite.zerodha.com").orElseThrow());

    @Test
    void kitesOwnOriginStays() {
        for (String url : List.of("https://kite.zerodha.com/connect/login?v=3&api_key=k", "https://kite.zerodha.com/connect/finish",
                "https://KITE.zerodha.com:443/forgot", "about:blank", "")) {
            assertInstanceOf(LoginNavigation.Stay.class, kite.decide(url), url);
        }
    }

    @Test
    void everyOtherOriginIsStoppedAndOfferedToTheSystemBrowser() {
        for (String url : List.of("https://zerodha.com/open-account", "http://kite.zerodha.com/connect/login",
                "https://kite.zerodha.com:8443/", "https://kite.zerodha.com.evil.example/", "http://127.0.0.2:9000/phish?x=1")) {
            LoginNavigation.Stop stop = assertInstanceOf(LoginNavigation.Stop.class, kite.decide(url), url);
            assertTrue(stop.openable(), url);
            assertEquals(url, stop.url());
            assertFalse(stop.shown().contains("?"), "the query may carry tokens: " + stop.shown());
        }
    }

    @Test
    void filesDataAndScriptsAreRefusedOutright() {
        for (String url : List.of("file:///etc/passwd", "data:text/html,<h1>hi</h1>", "javascript:alert(1)", "ftp://x/y",
                "blob:https://kite.zerodha.com/123")) {
            LoginNavigation.Stop stop = assertInstanceOf(LoginNavigation.Stop.class, kite.decide(url), url);
            assertFalse(stop.openable(), url);
        }
        assertEquals("data:\u2026", LoginNavigation.shown("data:text/html,<script>steal()</script>"));
        assertTrue(LoginNavigation.shown("https://x.example/" + "a".repeat(500)).length() <= 121);
        assertEquals("https://evil.example/connect/login", LoginNavigation.shown("https://kite.zerodha.com@evil.example/connect/login?x=1"),
                "user info never makes another site read as Kite");
        assertFalse(new LoginNavigation.Stop("https://x/?request_token=abc", "https://x/", true).toString().contains("abc"));
    }

    @Test
    void originsCompareAsBrowsersDo() {
        assertEquals("https://kite.zerodha.com", LoginOrigin.of("https://Kite.Zerodha.com:443/a?b").orElseThrow().serialized());
        assertEquals("http://127.0.0.1:5000", LoginOrigin.of("http://127.0.0.1:5000/connect/login").orElseThrow().serialized());
        assertEquals("http://[::1]:8080", LoginOrigin.of("http://[::1]:8080/").orElseThrow().serialized());
        assertTrue(LoginOrigin.of("http://localhost:1/").orElseThrow().allowsAutofill());
        assertTrue(LoginOrigin.of("http://127.9.8.7/").orElseThrow().allowsAutofill());
        assertFalse(LoginOrigin.of("http://127.0.0.1.evil.example/").orElseThrow().allowsAutofill());
        assertFalse(LoginOrigin.of("http://192.168.1.2/").orElseThrow().allowsAutofill());
        assertTrue(LoginOrigin.of("https://192.168.1.2/").orElseThrow().allowsAutofill());
        assertTrue(LoginOrigin.of("https://kite.zerodha.com/connect/login?v=3&x=a|b^c{d}").isPresent(), "a valid address Kite may send");
        assertFalse(LoginOrigin.of("http://127.evil.example/").orElseThrow().isLoopback(), "a name, not this computer");
        for (String notWeb : List.of("file:///x", "about:blank", "not a url", "https://", "mailto:a@b.c")) {
            assertTrue(LoginOrigin.of(notWeb).isEmpty(), notWeb);
        }
    }
}
