package com.kitesession.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.LoginRejection.Kind;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LoginRejectionTest {
    private static LoginRejection detect(String pageText) {
        return LoginRejection.detect(pageText).orElseThrow(() -> new AssertionError("no rejection in: " + pageText));
    }

    @Test
    void findsInvalidTotp() {
        LoginRejection r = detect("External TOTP\nInvalid TOTP\nContinue");
        assertEquals(Kind.CODE, r.kind());
        assertEquals("Invalid TOTP", r.pageMessage());
        assertEquals(OptionalInt.empty(), r.attemptsRemaining());
        assertFalse(r.attemptsExhausted());
    }

    @Test
    void findsTheSimulatorsWrongCodeWithAttempts() {
        LoginRejection r = detect("Login to Kite\nInvalid TOTP. 4 attempts remain.\n••••••");
        assertEquals(Kind.CODE, r.kind());
        assertEquals("Invalid TOTP. 4 attempts remain.", r.pageMessage());
        assertEquals(OptionalInt.of(4), r.attemptsRemaining());
        assertEquals("4 attempts remain", r.attemptsInWords().orElseThrow());
    }

    @Test
    void findsInvalidAppCodeWithAttemptsInAnyCase() {
        LoginRejection r = detect("invalid app code. 2 attempt(s) remain");
        assertEquals(Kind.CODE, r.kind());
        assertEquals(OptionalInt.of(2), r.attemptsRemaining());
        assertTrue(detect("Invalid App Code. 0 attempts left").attemptsExhausted());
        assertEquals(Kind.CODE, detect("Invalid 2FA code").kind());
        assertEquals(Kind.CODE, detect("invalid two-factor code").kind());
    }

    @Test
    void findsTheSimulatorsWrongPassword() {
        LoginRejection r = detect("User ID\nPassword\nInvalid account credentials. 4 attempts remain.\nLogin");
        assertEquals(Kind.CREDENTIALS, r.kind());
        assertEquals("Invalid account credentials. 4 attempts remain.", r.pageMessage());
        assertEquals(OptionalInt.of(4), r.attemptsRemaining());
    }

    @Test
    void oneAttemptRemainsIsParsedAndSaidInTheSingular() {
        LoginRejection r = detect("Invalid account credentials. 1 attempt remains.");
        assertEquals(OptionalInt.of(1), r.attemptsRemaining());
        assertEquals("1 attempt remains", r.attemptsInWords().orElseThrow());
    }

    @Test
    void olderAndOtherCredentialWordingsCount() {
        for (String page : new String[] {"Invalid user ID or password.", "Invalid userid or password", "Invalid username",
                "Incorrect password.", "Wrong password", "INVALID CREDENTIALS"}) {
            assertEquals(Kind.CREDENTIALS, detect(page).kind(), page);
        }
    }

    @Test
    void findsTheSimulatorsBlockedAccount() {
        LoginRejection r = detect("Your account is blocked after too many failed login attempts."
                + " Reset your password to unblock it.");
        assertEquals(Kind.BLOCKED, r.kind());
        assertEquals("Your account is blocked after too many failed login attempts", r.pageMessage());
    }

    @Test
    void blockedIsLooseAboutWordsAndOrder() {
        assertEquals(Kind.BLOCKED, detect("Account locked. Contact support.").kind());
        assertEquals(Kind.BLOCKED, detect("This user account has been temporarily locked").kind());
        assertEquals(Kind.BLOCKED, detect("Blocked account: reset your password").kind());
    }

    @Test
    void blockedWinsOverAWrongPasswordOrCodeBesideIt() {
        assertEquals(Kind.BLOCKED, detect("Invalid account credentials. 0 attempts remain.\nYour account is blocked.").kind());
        assertEquals(Kind.BLOCKED, detect("Invalid TOTP.\nAccount locked").kind());
    }

    @Test
    void blockedNeedsBothWordsInOneSentenceAndNoCondition() {
        assertTrue(LoginRejection.detect("Your account is fine. The door is locked.").isEmpty());
        assertTrue(LoginRejection.detect("Your account will be blocked after 5 failed attempts.").isEmpty());
        assertTrue(LoginRejection.detect("Account unlocked").isEmpty());
    }

    @Test
    void ignoresPagesWithoutARejection() {
        assertTrue(LoginRejection.detect("Login to Kite\nUser ID\nPassword\nForgot user ID or password?").isEmpty());
        assertTrue(LoginRejection.detect("External TOTP\n••••••\nContinue").isEmpty());
        assertTrue(LoginRejection.detect("").isEmpty());
        assertTrue(LoginRejection.detect(null).isEmpty());
    }

    @Test
    void aLongLineIsQuotedOnlyInPart() {
        LoginRejection r = detect("Invalid TOTP " + "x".repeat(10_000));
        assertTrue(r.pageMessage().length() <= 220, "quoted: " + r.pageMessage().length());
    }

    @Test
    void hostilePageTextIsReadFastAndOnlyItsStart() {
        String[] hostile = {
                "invalid ".repeat(200_000),
                "invalid \t \t ".repeat(100_000) + "totp",
                "account ".repeat(200_000) + "blocked",
                "1 1 1 attempts attempts ".repeat(100_000),
                " \t".repeat(500_000) + "Invalid TOTP"};
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String page : hostile) {
                for (int i = 0; i < 20; i++) LoginRejection.detect(page);
            }
        });
        // A refusal past the first few KB is not looked for.
        assertTrue(LoginRejection.detect("x".repeat(LoginRejection.MAX_SCANNED_CHARS) + "Invalid TOTP").isEmpty());
    }
}
