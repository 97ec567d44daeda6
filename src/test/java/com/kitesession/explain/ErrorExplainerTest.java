package com.kitesession.explain;

import static com.kitesession.kite.KiteTime.IST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.clock.ClockOffset;
import com.kitesession.kite.KiteApiException;
import com.kitesession.kite.KiteConnectionException;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.KiteTimeoutException;
import com.kitesession.kite.KiteUnexpectedResponseException;
import com.kitesession.kite.LoginRedirect;
import com.kitesession.secrets.SecretStoreException;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Duration;
import java.util.List;
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
    void permissionRefusalEndsTheSessionOnlyWhenItIsAboutTheToken() {
        Explanation aboutToken = explainer.explainApiCall(kite(403, "PermissionException", "Invalid `access_token`."),
                expiry, expiry.minusHours(1));
        assertEquals("The session was ended early", aboutToken.title());
        Explanation other = explainer.explainApiCall(kite(403, "PermissionException", "No permission."), expiry,
                expiry.minusHours(1));
        assertEquals("Kite reported an error (PermissionException)", other.title());
        assertEquals(FixAction.RETRY, other.action());
    }

    @Test
    void cancelledAndBrokenRedirectsAreTheLoginLayer() {
        assertEquals(ErrorLayer.LOGIN, explainer.explainCancelled().layer());
        Explanation failed = explainer.explainFailedRedirect(new LoginRedirect.Failed("success", "No request_token in the redirect."));
        assertEquals(ErrorLayer.LOGIN, failed.layer());
        assertEquals("No request_token in the redirect.", failed.why());
    }

    @Test
    void loginPageNotLoadedShowsTheAddressWithoutItsQuery() {
        Explanation e = explainer.explainLoginPageNotLoaded("https://kite.zerodha.com/connect/login?v=3&api_key=kitedemo#top");
        assertEquals(ErrorLayer.LOGIN, e.layer());
        assertEquals("The Kite login page did not load", e.title());
        assertEquals("The embedded browser could not open https://kite.zerodha.com/connect/login. This computer may be"
                + " offline, or a firewall or proxy blocks kite.zerodha.com.", e.why());
        assertEquals(List.of("Check that this computer is online.", "Try again."), e.fixes());
        assertEquals(FixAction.RELOGIN, e.action());
        assertNull(e.kiteMessage());
        assertTrue(explainer.explainLoginPageNotLoaded(null).why().startsWith("The embedded browser could not open the login page."));
    }

    @Test
    void logoutFailureKeepsTheTokenAndOffersToForgetItHere() {
        Explanation offline = explainer.explainExchange(new KiteConnectionException("api.kite.trade", "refused"));
        Explanation e = explainer.explainLogoutFailed(offline);
        assertEquals(offline.layer(), e.layer());
        assertEquals("Could not log out on Kite: cannot reach Kite at api.kite.trade", e.title());
        assertEquals(offline.why() + " The token is kept until you decide.", e.why());
        assertEquals(offline.fixes(), e.fixes().subList(0, offline.fixes().size()));
        assertEquals("Or forget the token on this computer only; Kite keeps it valid until its expiry.",
                e.fixes().get(e.fixes().size() - 1));
        assertEquals(offline.fixes().size() + 1, e.fixes().size());
        assertEquals(FixAction.FORGET_LOCALLY, e.action());

        Explanation saidByKite = new Explanation(ErrorLayer.API, "Kite did not answer in time", "Why.", List.of(),
                FixAction.RETRY, "Kite's words");
        Explanation late = explainer.explainLogoutFailed(saidByKite);
        assertEquals("Could not log out on Kite: Kite did not answer in time", late.title(), "Kite stays a name");
        assertEquals("Kite's words", late.kiteMessage());
    }

    @Test
    void settingsProblemIsThisComputer() {
        String problem = "The settings file settings.json was damaged and could not be read (bad JSON).";
        Explanation e = explainer.explainSettingsProblem(problem);
        assertEquals(ErrorLayer.LOCAL, e.layer());
        assertEquals("A problem with the settings file", e.title());
        assertEquals(problem, e.why());
        assertEquals(List.of("Check the profiles in the list and Preferences; re-enter what is missing or was reset."), e.fixes());
        assertEquals(FixAction.NONE, e.action());
        assertNull(e.kiteMessage());
    }

    @Test
    void localFailureShowsOnlyMessagesWrittenToBeRead() {
        Explanation disk = explainer.explainLocalFailure(new IOException("No space left on device"));
        assertEquals(ErrorLayer.LOCAL, disk.layer());
        assertEquals("Could not read or save this computer's data", disk.title());
        assertEquals("No space left on device", disk.why());
        assertEquals(List.of("Check the disk has space and the app's folder is writable.", "Try again."), disk.fixes());
        assertEquals(FixAction.NONE, disk.action());
        assertNull(disk.kiteMessage());
        assertEquals("The keychain is locked.",
                explainer.explainLocalFailure(new SecretStoreException("The keychain is locked.")).why());

        String token = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";
        Explanation bug = explainer.explainLocalFailure(new IllegalStateException("token " + token));
        assertEquals("An unexpected IllegalStateException happened.", bug.why());
        String quoted = explainer.explainLocalFailure(new IOException("GET /session/token?access_token=" + token)).why();
        assertFalse(quoted.contains(token), quoted);
        assertEquals("An unexpected IOException happened.", explainer.explainLocalFailure(new IOException()).why());
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
