package com.kitesession.explain;

import static com.kitesession.kite.KiteTime.IST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.clock.ClockOffset;
import com.kitesession.kite.KiteApiException;
import com.kitesession.kite.KiteConnectionException;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.KiteTimeoutException;
import com.kitesession.kite.KiteUnexpectedResponseException;
import com.kitesession.kite.LoginRedirect;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every failure names its layer, says why, and offers a fix; Kite's words are kept verbatim. */
class ErrorExplainerTest {
    private final ErrorExplainer explainer = new ErrorExplainer();
    private final ZonedDateTime expiry = ZonedDateTime.of(2026, 11, 24, 6, 0, 0, 0, IST);

    private static KiteException kite(int status, String type, String message) {
        return KiteApiException.of(status, type, message);
    }

    @Test
    void wrongSecretIsTheChecksumExplanation() {
        Explanation e = explainer.explainExchange(kite(403, "TokenException", "Invalid `checksum`."));
        assertEquals(ErrorLayer.API, e.layer());
        assertTrue(e.title().contains("api_secret"));
        assertEquals(FixAction.EDIT_SECRET, e.action());
        assertEquals("Invalid `checksum`.", e.kiteMessage());
    }

    @Test
    void reusedOrStaleRequestTokenAsksForANewLogin() {
        Explanation e = explainer.explainExchange(kite(403, "TokenException", "Token is invalid or has expired."));
        assertTrue(e.title().contains("request_token"));
        assertEquals(FixAction.RELOGIN, e.action());
    }

    @Test
    void unknownApiKeyPointsAtTheProfile() {
        Explanation e = explainer.explainExchange(kite(403, "TokenException", "Invalid `api_key`."));
        assertEquals(FixAction.EDIT_PROFILE, e.action());
    }

    @Test
    void expiredSessionAfterSixIsTheDailyExpiry() {
        Explanation e = explainer.explainApiCall(kite(403, "TokenException", "Incorrect `api_key` or `access_token`."),
                expiry, expiry.plusMinutes(1));
        assertEquals(ErrorLayer.API, e.layer());
        assertEquals("The session expired at 06:00 IST", e.title());
        assertTrue(e.why().contains("06:00:00 on Tue 24 Nov"));
        assertEquals(FixAction.RELOGIN, e.action());
        assertEquals("Incorrect `api_key` or `access_token`.", e.kiteMessage());
    }

    @Test
    void sessionRefusedBeforeSixListsTheEarlyCauses() {
        Explanation e = explainer.explainApiCall(kite(403, "TokenException", "Incorrect `api_key` or `access_token`."),
                expiry, expiry.minusHours(3));
        assertEquals("The session was ended early", e.title());
        for (String cause : new String[] {"logout", "master logout", "another", "api_secret", "subscription"}) {
            assertTrue(e.why().contains(cause), cause);
        }
        assertEquals(FixAction.RELOGIN, e.action());
    }

    @Test
    void transportFailuresEachHaveTheirOwnMessage() {
        Explanation timeout = explainer.explainExchange(new KiteTimeoutException("timed out"));
        Explanation offline = explainer.explainExchange(new KiteConnectionException("refused"));
        Explanation html = explainer.explainExchange(new KiteUnexpectedResponseException(502, "text/html", "gateway"));
        assertTrue(timeout.title().contains("in time"));
        assertTrue(offline.title().contains("Cannot reach"));
        assertTrue(html.title().contains("page instead of data"));
        assertTrue(html.why().contains("502"));
        for (Explanation e : new Explanation[] {timeout, offline, html}) {
            assertEquals(FixAction.RETRY, e.action());
            assertNull(e.kiteMessage());
        }
    }

    @Test
    void rateLimitAndUnknownTypesStillExplained() {
        assertTrue(explainer.explainExchange(kite(429, "NetworkException", "Too many requests")).title().contains("Too many"));
        Explanation unknown = explainer.explainApiCall(kite(500, "FancyNewException", "Something odd"), expiry, expiry.minusHours(1));
        assertTrue(unknown.title().contains("FancyNewException"));
        assertEquals("Something odd", unknown.kiteMessage());
    }

    @Test
    void cancelledAndBrokenRedirectsAreTheLoginLayer() {
        assertEquals(ErrorLayer.LOGIN, explainer.explainCancelled().layer());
        Explanation failed = explainer.explainFailedRedirect(new LoginRedirect.Failed("success", "No request_token in the redirect."));
        assertEquals(ErrorLayer.LOGIN, failed.layer());
        assertEquals("No request_token in the redirect.", failed.why());
    }

    @Test
    void twoFactorRejectionIsAClockProblemNotAPasswordOne() {
        LoginRejection rejection = LoginRejection.detect("Invalid TOTP").orElseThrow();
        Explanation e = explainer.explainLoginRejection(rejection, ZonedDateTime.of(2026, 11, 23, 9, 10, 11, 0, ZoneId.of("UTC")),
                Optional.empty());
        assertEquals(ErrorLayer.LOGIN, e.layer());
        assertTrue(e.title().contains("clock"));
        assertTrue(e.why().contains("not your password and not the API key"));
        assertTrue(e.why().contains("could not be measured"));
        assertTrue(e.why().contains("09:10:11"));
        assertTrue(e.fixes().stream().anyMatch(f -> f.startsWith("Android")));
        assertTrue(e.fixes().stream().anyMatch(f -> f.startsWith("iPhone")));
        assertTrue(e.fixes().stream().anyMatch(f -> f.startsWith("Windows") && f.contains("Sync now")));
        assertEquals("Invalid TOTP", e.kiteMessage());
    }

    @Test
    void aMeasuredOffsetIsShownAndJudged() {
        LoginRejection rejection = LoginRejection.detect("Invalid TOTP").orElseThrow();
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 23, 9, 10, 11, 0, ZoneId.of("UTC"));
        ClockOffset ahead = new ClockOffset(Duration.ofSeconds(-47), Duration.ofSeconds(1), "Kite's clock (HTTP Date header)",
                now.toInstant());
        Explanation off = explainer.explainLoginRejection(rejection, now, Optional.of(ahead));
        assertTrue(off.why().contains(ahead.describe()), off.why());
        assertTrue(off.why().contains("makes codes computed here wrong"));
        ClockOffset fine = new ClockOffset(Duration.ofSeconds(1), Duration.ofSeconds(1), "Kite's clock (HTTP Date header)",
                now.toInstant());
        assertTrue(explainer.explainLoginRejection(rejection, now, Optional.of(fine)).why().contains("check the phone's clock"));
    }

    @Test
    void plainTextHasLayerKiteMessageAndNumberedFixes() {
        String text = explainer.explainExchange(kite(403, "TokenException", "Invalid `checksum`.")).toPlainText();
        assertTrue(text.startsWith("Kite Connect API (your program's session): "));
        assertTrue(text.contains("Kite said: Invalid `checksum`."));
        assertTrue(text.contains("  1. "));
    }
}
