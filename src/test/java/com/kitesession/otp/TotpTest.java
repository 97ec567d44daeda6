package com.kitesession.otp;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** ASCII "12345678901234567890", the RFC 6238 SHA-1 test key. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void rfc6238Sha1VectorsLastSixDigits() {
        assertEquals("287082", Totp.code(RFC_SECRET, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
        assertEquals("050471", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111111)));
        assertEquals("005924", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1234567890)));
        assertEquals("279037", Totp.code(RFC_SECRET, Instant.ofEpochSecond(2000000000)));
    }

    @Test
    void secretToleratesLowercaseSpacesAndPadding() {
        Instant at = Instant.ofEpochSecond(59);
        assertEquals("287082", Totp.code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", at));
        assertEquals("287082", Totp.code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====", at));
        // "1234567890" is 16 base32 chars; with padding stripped it must still decode.
        assertEquals(Totp.code("GEZDGNBVGY3TQOJQ", at), Totp.code("gezdgnbvgy3tqojq", at));
    }

    @Test
    void rejectsSecretsThatAreNotBase32() {
        assertThrows(IllegalArgumentException.class, () -> Totp.code("not-base32!1", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> Totp.code("   ", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> Totp.code(null, Instant.EPOCH));
    }

    @Test
    void verifyAcceptsWithinToleranceOnly() {
        Instant at = Instant.ofEpochSecond(1234567890);
        String now = Totp.code(RFC_SECRET, at);
        String oneEarly = Totp.code(RFC_SECRET, at.minusSeconds(30));
        String oneLate = Totp.code(RFC_SECRET, at.plusSeconds(30));
        String twoLate = Totp.code(RFC_SECRET, at.plusSeconds(60));
        String twoEarly = Totp.code(RFC_SECRET, at.minusSeconds(60));
        assertTrue(Totp.verify(RFC_SECRET, now, at, 0));
        assertFalse(Totp.verify(RFC_SECRET, oneLate, at, 0));
        assertTrue(Totp.verify(RFC_SECRET, oneEarly, at, 1));
        assertTrue(Totp.verify(RFC_SECRET, oneLate, at, 1));
        assertFalse(Totp.verify(RFC_SECRET, twoLate, at, 1));
        assertFalse(Totp.verify(RFC_SECRET, twoEarly, at, 1));
        assertTrue(Totp.verify(RFC_SECRET, twoLate, at, 2));
    }

    @Test
    void verifyRejectsMalformedCodes() {
        Instant at = Instant.ofEpochSecond(59);
        assertTrue(Totp.verify(RFC_SECRET, " 287082 ", at, 0));
        assertFalse(Totp.verify(RFC_SECRET, "28708", at, 0));
        assertFalse(Totp.verify(RFC_SECRET, "2870821", at, 0));
        assertFalse(Totp.verify(RFC_SECRET, "28708a", at, 0));
        assertFalse(Totp.verify(RFC_SECRET, null, at, 0));
    }

    @Test
    void randomSecretIs32Base32CharsAndUsable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String secret = Totp.randomSecret();
            assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
            assertEquals(20, Totp.decode(secret).length);
            assertTrue(Totp.code(secret, Instant.now()).matches("[0-9]{6}"));
            seen.add(secret);
        }
        assertEquals(20, seen.size());
    }
}
