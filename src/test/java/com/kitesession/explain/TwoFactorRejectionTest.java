package com.kitesession.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TwoFactorRejectionTest {
    @Test
    void findsInvalidTotp() {
        TwoFactorRejection r = TwoFactorRejection.detect("External TOTP\nInvalid TOTP\nContinue").orElseThrow();
        assertEquals("Invalid TOTP", r.pageMessage());
        assertEquals(OptionalInt.empty(), r.attemptsRemaining());
        assertFalse(r.attemptsExhausted());
    }

    @Test
    void findsInvalidAppCodeWithAttemptsInAnyCase() {
        TwoFactorRejection r = TwoFactorRejection.detect("invalid app code. 2 attempt(s) remain").orElseThrow();
        assertEquals(OptionalInt.of(2), r.attemptsRemaining());
        TwoFactorRejection none = TwoFactorRejection.detect("Invalid App Code. 0 attempts left").orElseThrow();
        assertTrue(none.attemptsExhausted());
    }

    @Test
    void ignoresPagesWithoutARejection() {
        assertTrue(TwoFactorRejection.detect("Login to Kite\nUser ID\nPassword").isEmpty());
        assertTrue(TwoFactorRejection.detect("Invalid user ID or password.").isEmpty());
        assertTrue(TwoFactorRejection.detect(null).isEmpty());
    }
}
