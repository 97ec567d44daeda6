package com.kitesession.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileInputTest {
    @Test
    void acceptsACompleteProfile() {
        assertEquals(Optional.empty(), ProfileInput.problem("abc123", "s3cret", "http://127.0.0.1/kite-redirect"));
    }

    @Test
    void namesTheMissingOrMalformedField() {
        assertTrue(ProfileInput.problem("", "s", "http://127.0.0.1/").orElseThrow().contains("api_key"));
        assertTrue(ProfileInput.problem("ab c", "s", "http://127.0.0.1/").orElseThrow().contains("spaces"));
        assertTrue(ProfileInput.problem("abc", " ", "http://127.0.0.1/").orElseThrow().contains("api_secret"));
        assertTrue(ProfileInput.problem("abc", "s ", "http://127.0.0.1/").orElseThrow().contains("spaces"));
        assertTrue(ProfileInput.problem("abc", "s", "").orElseThrow().contains("redirect URL"));
        assertTrue(ProfileInput.problem("abc", "s", "127.0.0.1/kite").orElseThrow().contains("http://"));
        assertTrue(ProfileInput.problem("abc", "s", "http://127.0.0.1:1/kite").orElseThrow().contains("Port 1"));
        assertTrue(ProfileInput.problem("ab\tc", "s", "http://127.0.0.1/").orElseThrow().startsWith("The api_key has a tab"));
        assertTrue(ProfileInput.problem("abc", "s\u200bt", "http://127.0.0.1/").orElseThrow().startsWith("The api_secret has a tab"),
                "a zero-width space is as invisible as a tab");
        assertTrue(ProfileInput.problem("abc", "s\nt", "http://127.0.0.1/").orElseThrow().startsWith("The api_secret has a tab"));
    }
}
