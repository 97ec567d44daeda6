package com.kitesession.sim;

import com.kitesession.testing.SimClient;

import static org.junit.jupiter.api.Assertions.*;

import com.kitesession.otp.Totp;
import com.kitesession.testing.SimClient.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginEndpointsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T04:30:10Z");
    private final SimulatorClock clock = SimulatorClock.fixedAt(NOW);
    private final KiteSimulator sim = start(SimulatorConfig.builder().clock(clock).loginPage(LoginPageStyle.CLASSIC));
    private final SimClient client = new SimClient(sim);
    private final DemoAccount demo = sim.account();

    static KiteSimulator start(SimulatorConfig.Builder config) {
        try {
            return KiteSimulator.start(config.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void bindsToLoopbackOnly() {
        assertTrue(sim.address().getAddress().isLoopbackAddress(), sim.address().toString());
        assertEquals("http://127.0.0.1:" + sim.port(), sim.baseUrl());
        assertTrue(sim.port() > 0);
    }

    @Test
    void firstPageSetsHttpOnlyCookieAndShowsKiteLikeForm() {
        Reply r = client.get("/connect/login?v=3&api_key=" + demo.apiKey());
        assertEquals(200, r.code());
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertTrue(r.body().contains("<input id=\"userid\" name=\"user_id\""), r.body());
        assertTrue(r.body().contains("<input id=\"password\" type=\"password\" name=\"password\""), r.body());
        assertTrue(r.body().contains("<button type=\"submit\">Login</button>"));
        assertTrue(r.body().contains("<a id=\"cancel\" href=\"/connect/cancel?"));
        assertTrue(r.body().contains("Kite simulator — not Zerodha"));
        assertEquals(1, client.cookies.cookies.size());
        var cookie = client.cookies.cookies.get(0);
        assertEquals(LoginEndpoints.COOKIE, cookie.name());
        assertTrue(cookie.httpOnly());
        assertEquals("/", cookie.path());
    }

    @Test
    void fullLoginRedirectsWithTokenAndEchoedRedirectParams() {
        Reply twofa = client.passwordStep(demo, "client=desk 1&from=a&b");
        assertEquals("text/html; charset=utf-8", twofa.contentType());
        assertTrue(twofa.body().contains("External TOTP"));
        assertTrue(twofa.body().contains(
                "<input id=\"totp\" name=\"twofa_value\" type=\"text\" inputmode=\"numeric\" maxlength=\"6\""), twofa.body());
        assertTrue(twofa.body().contains("autocomplete=\"one-time-code\""));
        assertTrue(twofa.body().contains("<script>"), "auto-submit script");
        assertTrue(twofa.body().contains("id=\"cancel\""));

        String sessId = twofa.input("sess_id");
        Reply toFinish = client.post("/connect/twofa", Map.of("sess_id", sessId, "twofa_value", Totp.code(demo.totpSecretBase32(), NOW)));
        assertEquals(302, toFinish.code());
        assertEquals("text/html; charset=utf-8", toFinish.contentType());
        assertFalse(toFinish.body().isEmpty());
        assertEquals("/connect/finish?api_key=" + demo.apiKey() + "&sess_id=" + sessId, toFinish.location());

        Reply toApp = client.get(toFinish.location());
        assertEquals(302, toApp.code());
        assertEquals("text/html; charset=utf-8", toApp.contentType());
        HttpUrl redirect = HttpUrl.get(toApp.location());
        assertTrue(toApp.location().startsWith(demo.redirectUrl() + "?"), toApp.location());
        assertEquals("login", redirect.queryParameter("action"));
        assertEquals("login", redirect.queryParameter("type"));
        assertEquals("success", redirect.queryParameter("status"));
        assertTrue(redirect.queryParameter("request_token").matches("[A-Za-z0-9]{32}"));
        assertEquals("desk 1", redirect.queryParameter("client"));
        assertEquals("a", redirect.queryParameter("from"));
        assertEquals("", redirect.queryParameter("b"));
        assertNull(redirect.queryParameter("redirect_params"));

        // The session is spent: the same finish URL cannot mint a second token.
        assertEquals(400, client.get(toFinish.location()).code());
    }

    @Test
    void eachLoginMintsADifferentToken() {
        assertNotEquals(client.requestToken(demo), client.requestToken(demo));
    }

    @Test
    void userIdIsCaseInsensitiveButPasswordIsNot() {
        Reply start = client.get("/connect/login?v=3&api_key=" + demo.apiKey());
        Reply ok = client.post("/connect/login", Map.of("sess_id", start.input("sess_id"),
                "user_id", demo.userId().toLowerCase(), "password", demo.password()));
        assertTrue(ok.body().contains("id=\"totp\""));
        Reply start2 = client.get("/connect/login?v=3&api_key=" + demo.apiKey());
        Reply bad = client.post("/connect/login", Map.of("sess_id", start2.input("sess_id"),
                "user_id", demo.userId(), "password", demo.password().toUpperCase()));
        assertTrue(bad.body().contains("Invalid account credentials. 4 attempts remain."), bad.body());
    }

    @Test
    void wrongPasswordShowsStepOneAgainWithError() {
        Reply start = client.get("/connect/login?v=3&api_key=" + demo.apiKey());
        Reply r = client.post("/connect/login", Map.of("sess_id", start.input("sess_id"), "user_id", demo.userId(), "password", "nope"));
        assertEquals(200, r.code());
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertTrue(r.body().contains("<div class=\"error\" id=\"error\">Invalid account credentials. 4 attempts remain.</div>"), r.body());
        assertTrue(r.body().contains("id=\"password\""));
        assertFalse(r.body().contains("id=\"totp\""));
        Reply wrongUser = client.post("/connect/login", Map.of("sess_id", start.input("sess_id"), "user_id", "XX9999", "password", demo.password()));
        // Counted per user id as typed: XX9999's first failure, and DM1234's count does not move.
        assertTrue(wrongUser.body().contains("Invalid account credentials. 4 attempts remain."), wrongUser.body());
    }

    @Test
    void wrongTotpShowsInvalidTotpAndAllowsRetry() {
        Reply twofa = client.passwordStep(demo, null);
        String wrong = Totp.code(demo.totpSecretBase32(), NOW.plusSeconds(3600));
        Reply r = client.post("/connect/twofa", Map.of("sess_id", twofa.input("sess_id"), "twofa_value", wrong));
        assertEquals(200, r.code());
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertTrue(r.body().contains("<div class=\"error\" id=\"error\">Invalid TOTP. 4 attempts remain.</div>"), r.body());
        assertTrue(r.body().contains("id=\"totp\""));
        Reply ok = client.post("/connect/twofa", Map.of("sess_id", twofa.input("sess_id"), "twofa_value", Totp.code(demo.totpSecretBase32(), NOW)));
        assertEquals(302, ok.code());
    }

    @Test
    void totpOneWindowEarlyOrLateAcceptedTwoRejected() {
        assertEquals(302, twofaWithCodeAt(NOW.minusSeconds(30)).code());
        assertEquals(302, twofaWithCodeAt(NOW.plusSeconds(30)).code());
        assertTrue(twofaWithCodeAt(NOW.minusSeconds(60)).body().contains("Invalid TOTP"));
        assertTrue(twofaWithCodeAt(NOW.plusSeconds(60)).body().contains("Invalid TOTP"));
    }

    @Test
    void totpIsCheckedOnTheSimulatorClock() {
        Reply twofa = client.passwordStep(demo, null);
        String codeNow = Totp.code(demo.totpSecretBase32(), NOW);
        clock.advance(Duration.ofMinutes(5)); // the person's phone is now 5 minutes slow (the login lives 10)
        Reply r = client.post("/connect/twofa", Map.of("sess_id", twofa.input("sess_id"), "twofa_value", codeNow));
        assertTrue(r.body().contains("Invalid TOTP"));
    }

    private Reply twofaWithCodeAt(Instant phoneTime) {
        Reply twofa = client.passwordStep(demo, null);
        return client.post("/connect/twofa", Map.of("sess_id", twofa.input("sess_id"),
                "twofa_value", Totp.code(demo.totpSecretBase32(), phoneTime)));
    }

    @Test
    void twofaBeforePasswordShowsStepOne() {
        Reply start = client.get("/connect/login?v=3&api_key=" + demo.apiKey());
        Reply r = client.post("/connect/twofa", Map.of("sess_id", start.input("sess_id"), "twofa_value", Totp.code(demo.totpSecretBase32(), NOW)));
        assertEquals(200, r.code());
        assertTrue(r.body().contains("id=\"password\""));
    }

    @Test
    void cancelRedirectsWithStatusCancelledOnly() {
        Reply twofa = client.passwordStep(demo, "keep=me");
        String href = twofa.body().replaceAll("(?s).*<a id=\"cancel\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertTrue(href.startsWith("/connect/cancel?api_key=" + demo.apiKey()), href);
        Reply r = client.get(href);
        assertEquals(302, r.code());
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertEquals(demo.redirectUrl() + "?status=cancelled", r.location());
        // The login session is gone with it.
        Reply late = client.post("/connect/twofa", Map.of("sess_id", twofa.input("sess_id"), "twofa_value", Totp.code(demo.totpSecretBase32(), NOW)));
        assertEquals(400, late.code());
    }

    @Test
    void missingCookieShowsCookiesDisabledPage() {
        Reply start = client.get("/connect/login?v=3&api_key=" + demo.apiKey());
        client.cookies.cookies.clear();
        Reply r = client.post("/connect/login", Map.of("sess_id", start.input("sess_id"), "user_id", demo.userId(), "password", demo.password()));
        assertEquals(400, r.code());
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertTrue(r.body().contains("Cookies are disabled"), r.body());
        assertFalse(r.body().contains("id=\"totp\""));
    }

    @Test
    void unknownOrMissingApiKeyShowsErrorPage() {
        for (String q : new String[] {"?v=3&api_key=nosuchkey", "?v=3"}) {
            Reply r = client.get("/connect/login" + q);
            assertEquals(400, r.code());
            assertEquals("text/html; charset=utf-8", r.contentType());
            assertTrue(r.body().contains("Invalid `api_key`."), r.body());
            assertFalse(r.body().contains("id=\"userid\""));
        }
        assertTrue(client.cookies.cookies.isEmpty());
    }

    @Test
    void htmlEscapesWhatThePersonTyped() {
        Reply start = client.get("/connect/login?v=3&api_key=" + demo.apiKey());
        Reply r = client.post("/connect/login", Map.of("sess_id", start.input("sess_id"), "user_id", "<b>x\"", "password", "p"));
        assertTrue(r.body().contains("&lt;b&gt;x&quot;"));
        assertFalse(r.body().contains("<b>x"));
    }

    @Test
    void severalAppsEachRedirectToTheirOwnUrl() throws Exception {
        DemoAccount other = new DemoAccount("second_app", "0123456789abcdef0123456789ABCDEF", "http://127.0.0.1:9/cb?x=1",
                "ZX9876", "pw2", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "Second User", "Second", "second@example.com");
        try (KiteSimulator two = KiteSimulator.start(SimulatorConfig.builder().clock(clock).loginPage(LoginPageStyle.CLASSIC).addAccount(other).build())) {
            SimClient c = new SimClient(two);
            assertEquals(DemoAccount.standard(), two.account());
            String loc = c.login(other, null);
            assertTrue(loc.startsWith("http://127.0.0.1:9/cb?x=1&action=login"), loc);
            // The second app's user cannot log in through the first app.
            Reply start = c.get("/connect/login?v=3&api_key=" + demo.apiKey());
            Reply r = c.post("/connect/login", Map.of("sess_id", start.input("sess_id"), "user_id", other.userId(), "password", other.password()));
            assertTrue(r.body().contains("Invalid account credentials."), r.body());
        }
    }

    @Test
    void fifthWrongPasswordBlocksTheUserInEveryLaterSessionUntilReset() {
        String blocked = "<div class=\"error\" id=\"error\">Your account is blocked after too many failed login attempts."
                + " Reset your password to unblock it.</div>";
        Reply start = client.get("/connect/login?v=3&api_key=" + demo.apiKey());
        Map<String, String> wrong = Map.of("sess_id", start.input("sess_id"), "user_id", demo.userId(), "password", "nope");
        for (String n : new String[] {"4 attempts remain.", "3 attempts remain.", "2 attempts remain.", "1 attempt remains."}) {
            assertTrue(client.post("/connect/login", wrong).body().contains("Invalid account credentials. " + n));
        }
        assertTrue(client.post("/connect/login", wrong).body().contains(blocked));
        Reply again = client.get("/connect/login?v=3&api_key=" + demo.apiKey());
        Reply right = client.post("/connect/login", Map.of("sess_id", again.input("sess_id"), "user_id", demo.userId(), "password", demo.password()));
        assertTrue(right.body().contains(blocked), right.body());
        assertFalse(right.body().contains("id=\"totp\""));

        sim.resetAccount(demo.userId());
        assertTrue(client.login(demo, null).contains("request_token="));
    }

    @Test
    void fifthWrongCodeBlocksEvenTheRightCode() {
        String sessId = client.passwordStep(demo, null).input("sess_id");
        String wrong = Totp.code(demo.totpSecretBase32(), NOW.plusSeconds(3600));
        Reply r = null;
        for (int i = 0; i < 5; i++) r = client.post("/connect/twofa", Map.of("sess_id", sessId, "twofa_value", wrong));
        assertTrue(r.body().contains("Your account is blocked after too many failed login attempts."), r.body());
        Reply right = client.post("/connect/twofa", Map.of("sess_id", sessId, "twofa_value", Totp.code(demo.totpSecretBase32(), NOW)));
        assertEquals(200, right.code(), "no redirect to finish");
        assertTrue(right.body().contains("Your account is blocked"));
    }

    @Test
    void duplicateApiKeysAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorConfig.builder().addAccount(DemoAccount.standard()).build());
    }
}
