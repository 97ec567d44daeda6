package com.kitesession.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.LoginRejection.Kind;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The login page's three refusals: each in the login layer, with why, fixes and a button, never a secret. */
class LoginRejectionExplanationTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 9, 10, 11, 0, ZoneId.of("UTC"));
    private final ErrorExplainer explainer = new ErrorExplainer();

    private Explanation explain(String pageText) {
        return explainer.explainLoginRejection(LoginRejection.detect(pageText).orElseThrow(), NOW, Optional.empty());
    }

    private static String all(Explanation e) {
        return e.toPlainText();
    }

    @Test
    void aWrongCodeWarnsOfTheBlockAndSaysTheAppNeverRefillsIt() {
        Explanation e = explain("Invalid TOTP. 4 attempts remain.");
        assertEquals(ErrorLayer.LOGIN, e.layer());
        assertTrue(e.title().contains("clock"), e.title());
        String last = e.fixes().get(e.fixes().size() - 1);
        assertTrue(last.contains("blocks the account after five wrong codes; 4 attempts remain."), last);
        assertTrue(last.contains("never re-fills a rejected code"), last);
        assertEquals("Invalid TOTP. 4 attempts remain.", e.kiteMessage());
        assertEquals(FixAction.NONE, e.action(), "the person types the next code in the page");
    }

    @Test
    void aWrongCodeWithoutACountStillWarnsOfTheBlock() {
        String last = explain("Invalid App Code").fixes().get(explain("Invalid App Code").fixes().size() - 1);
        assertTrue(last.contains("blocks the account after five wrong codes."), last);
        assertFalse(last.contains("remain"), last);
    }

    @Test
    void aWrongPasswordPointsAtTheStoredPasswordNotTheClock() {
        Explanation e = explain("Invalid account credentials. 1 attempt remains.");
        assertEquals(ErrorLayer.LOGIN, e.layer());
        assertEquals("Kite refused the user ID or password", e.title());
        assertTrue(e.why().contains("not the 2FA code and not the API key"), e.why());
        assertTrue(e.why().contains("five wrong passwords; 1 attempt remains."), e.why());
        assertTrue(e.fixes().get(0).contains("stored in the profile"));
        assertTrue(e.fixes().stream().anyMatch(f -> f.contains("by hand")));
        assertTrue(e.fixes().stream().anyMatch(f -> f.contains("Forgot user ID or password?")));
        assertFalse(all(e).contains("Android"), "no clock steps for a password");
        assertEquals(FixAction.CHECK_LOGIN_DETAILS, e.action());
        assertEquals("Invalid account credentials. 1 attempt remains.", e.kiteMessage());
    }

    @Test
    void aBlockedAccountNeedsKitesResetWhichEndsEverySession() {
        Explanation e = explain("Your account is blocked after too many failed login attempts. Reset your password to unblock it.");
        assertEquals(ErrorLayer.LOGIN, e.layer());
        assertTrue(e.title().contains("blocked"), e.title());
        assertTrue(e.why().contains("Five wrong passwords or five wrong 2FA codes"), e.why());
        assertTrue(e.fixes().get(0).contains("Forgot user ID or password?") && e.fixes().get(0).contains("PAN"));
        assertTrue(e.fixes().get(0).contains(LoginRejection.KITE_RESET_PAGE));
        assertTrue(e.fixes().get(1).contains("logs out every Kite session"), e.fixes().get(1));
        assertTrue(e.fixes().get(1).contains("each profile here must log in again"), e.fixes().get(1));
        assertEquals(FixAction.OPEN_KITE_RESET, e.action());
        assertEquals("Your account is blocked after too many failed login attempts", e.kiteMessage());
    }

    @Test
    void noAttemptLeftIsExplainedAsTheBlockNotTheClock() {
        for (Kind kind : new Kind[] {Kind.CODE, Kind.CREDENTIALS}) {
            Explanation e = explainer.explainLoginRejection(new LoginRejection(kind, "Invalid App Code", OptionalInt.of(0)),
                    NOW, Optional.empty());
            assertEquals(FixAction.OPEN_KITE_RESET, e.action(), kind.name());
            assertFalse(e.title().contains("clock"), e.title());
        }
    }

    @Test
    void everyExplanationQuotesOnlyThePageNeverWhatWasTyped() {
        // The explainer is never given a password or code; what it quotes is the page's own refusal.
        for (String page : new String[] {"Invalid TOTP. 3 attempts remain.", "Invalid account credentials.",
                "Account locked."}) {
            Explanation e = explain(page);
            assertFalse(e.why().isBlank());
            assertFalse(e.fixes().isEmpty());
            assertTrue(page.startsWith(e.kiteMessage()), e.kiteMessage());
        }
    }
}
