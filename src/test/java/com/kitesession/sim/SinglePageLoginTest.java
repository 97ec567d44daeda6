package com.kitesession.sim;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.kitesession.otp.Totp;
import com.kitesession.testing.SimClient;
import com.kitesession.testing.SimClient.Reply;
import java.time.Instant;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The single-page login over HTTP: the document per style and its two XHR endpoints. */
class SinglePageLoginTest {
    private static final Instant NOW = Instant.parse("2026-11-23T04:30:10Z");
    private final SimulatorClock clock = SimulatorClock.fixedAt(NOW);
    private KiteSimulator sim = LoginEndpointsTest.start(SimulatorConfig.builder().clock(clock).loginPage(LoginPageStyle.SPA));
    private SimClient client = new SimClient(sim);
    private final DemoAccount demo = sim.account();

    @AfterEach
    void stop() {
        sim.close();
    }

    private Reply page(LoginPageStyle style) {
        sim.close();
        sim = LoginEndpointsTest.start(SimulatorConfig.builder().clock(clock).loginPage(style));
        client = new SimClient(sim);
        return client.openLogin(demo, null);
    }

    @Test
    void spaPageIsOneDocumentWithKitesFieldsAndAScript() {
        Reply r = client.openLogin(demo, null);
        assertEquals("text/html; charset=utf-8", r.contentType());
        String body = r.body();
        assertTrue(body.contains("<form class=\"login-form\">"), body);
        assertTrue(body.contains("<input id=\"userid\" name=\"user_id\" type=\"text\" autocomplete=\"username\""), body);
        assertTrue(body.contains("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\">"), body);
        assertTrue(body.contains("<button type=\"submit\">Login</button>"));
        assertTrue(body.contains("<form class=\"twofa-form\" data-autosubmit=\"6\">"), "step two's markup, for the script");
        assertTrue(body.contains("<input type=\"number\" class=\"su-input\" label=\"External TOTP\" minlength=\"6\" maxlength=\"6\""
                + " placeholder=\"••••••\" autocomplete=\"off\">"), body);
        assertTrue(body.contains("<h1>External TOTP</h1>"));
        assertTrue(body.contains("XMLHttpRequest") && body.contains("'/api/login'") && body.contains("'/api/twofa'"));
        assertFalse(body.contains("method=\"post\""), "no form posts: the script does it");
        assertFalse(body.contains("id=\"totp\""));
        assertTrue(body.contains("<a id=\"cancel\" href=\"/connect/cancel?api_key=" + demo.apiKey()));
        assertTrue(body.contains("Kite simulator — not Zerodha"));
        var cookie = client.cookies.cookies.get(0);
        assertEquals(LoginEndpoints.COOKIE, cookie.name());
        assertTrue(cookie.httpOnly());
    }

    @Test
    void spaUseridPutsIdUseridOnTheCodeField() {
        String body = page(LoginPageStyle.SPA_USERID).body();
        assertTrue(body.contains("<input type=\"number\" id=\"userid\" class=\"su-input\" label=\"External TOTP\""), body);
        assertTrue(body.contains("<input id=\"userid\" name=\"user_id\""), "step one unchanged");
    }

    @Test
    void renamedPageHasNothingAutofillCouldRecognise() {
        String body = page(LoginPageStyle.RENAMED).body();
        assertTrue(body.contains("<form class=\"signin\">"), body);
        assertTrue(body.contains("<input id=\"login-handle\" name=\"handle\" type=\"text\">"));
        assertTrue(body.contains("<input id=\"login-secret\" name=\"secret\" type=\"password\">"));
        assertTrue(body.contains("<button type=\"submit\">Sign in</button>"));
        assertTrue(body.contains("<form class=\"verify-form\">"));
        assertTrue(body.contains("<input id=\"verify-code\" name=\"code\" type=\"text\" placeholder=\"Code\">"));
        for (String kite : new String[] {"id=\"userid\"", "id=\"password\"", "name=\"user_id\"", "name=\"password\"",
            "autocomplete", "maxlength", "inputmode", " label=\"", "class=\"su-input", "twofa-form", "login-form", "data-autosubmit=", "TOTP"}) {
            assertFalse(body.contains(kite), kite);
        }
    }

    @Test
    void kitesSinglePageLoginIsTheDefault() {
        assertEquals(LoginPageStyle.SPA, SimulatorConfig.builder().build().loginPage());
        assertTrue(page(LoginPageStyle.CLASSIC).body().contains("<form method=\"post\" action=\"/connect/login\">"));
    }

    @Test
    void apiLoginAnswersRequestIdAndTwofaType() {
        client.openLogin(demo, null);
        Reply r = client.apiLogin(demo.userId().toLowerCase(), demo.password());
        assertEquals(200, r.code(), r.body());
        assertEquals("application/json", r.contentType());
        JsonObject json = r.json();
        assertEquals("success", json.get("status").getAsString());
        JsonObject data = json.getAsJsonObject("data");
        assertEquals(demo.userId(), data.get("user_id").getAsString());
        assertTrue(data.get("request_id").getAsString().matches("[A-Za-z0-9]{32}"), data.toString());
        assertEquals("totp", data.get("twofa_type").getAsString());
        assertEquals("active", data.get("twofa_status").getAsString());
    }

    @Test
    void fullLoginThroughFinishEchoesRedirectParams() {
        HttpUrl redirect = HttpUrl.get(client.spaLogin(demo, "client=desk 1&from=a"));
        assertTrue(redirect.toString().startsWith(demo.redirectUrl() + "?"), redirect.toString());
        assertEquals("success", redirect.queryParameter("status"));
        assertTrue(redirect.queryParameter("request_token").matches("[A-Za-z0-9]{32}"));
        assertEquals("desk 1", redirect.queryParameter("client"));
        assertEquals("a", redirect.queryParameter("from"));
        assertNull(redirect.queryParameter("redirect_params"));
    }

    @Test
    void wrongPasswordsCountDownThenTheFifthBlocks() {
        client.openLogin(demo, null);
        String[] left = {"4 attempts remain.", "3 attempts remain.", "2 attempts remain.", "1 attempt remains."};
        for (String n : left) assertError(client.apiLogin(demo.userId(), "wrong"), 400, "InputException", "Invalid account credentials. " + n);
        assertBlocked(client.apiLogin(demo.userId(), "wrong"));
        assertBlocked(client.apiLogin(demo.userId(), demo.password()));
    }

    @Test
    void wrongCodesCountDownThenTheFifthBlocksAndTheBlockOutlivesTheSession() {
        String requestId = passwordOk();
        String[] left = {"4 attempts remain.", "3 attempts remain.", "2 attempts remain.", "1 attempt remains."};
        for (String n : left) assertError(client.apiTwofa(demo.userId(), requestId, wrongCode()), 400, "InputException", "Invalid TOTP. " + n);
        assertBlocked(client.apiTwofa(demo.userId(), requestId, wrongCode()));
        assertBlocked(client.apiTwofa(demo.userId(), requestId, client.code(demo)));

        SimClient fresh = new SimClient(sim); // another browser, another login session
        fresh.openLogin(demo, null);
        assertBlocked(fresh.apiLogin(demo.userId(), demo.password()));
    }

    @Test
    void aRightPasswordClearsTheWrongPasswordsButNotTheBlock() {
        client.openLogin(demo, null);
        for (int i = 0; i < 4; i++) client.apiLogin(demo.userId(), "wrong");
        assertEquals(200, client.apiLogin(demo.userId(), demo.password()).code());
        assertError(client.apiLogin(demo.userId(), "wrong"), 400, "InputException", "Invalid account credentials. 4 attempts remain.");
    }

    @Test
    void resetAccountUnblocksAndLogsOutEverySession() {
        String requestToken = HttpUrl.get(client.spaLogin(demo, null)).queryParameter("request_token");
        String accessToken = client.exchange(demo, requestToken).json().getAsJsonObject("data").get("access_token").getAsString();
        client.openLogin(demo, null);
        for (int i = 0; i < 5; i++) client.apiLogin(demo.userId(), "wrong");
        assertBlocked(client.apiLogin(demo.userId(), demo.password()));
        assertEquals(200, client.profile(demo.apiKey(), accessToken).code(), "a block alone logs no one out");

        sim.resetAccount(demo.userId().toLowerCase());
        assertEquals(403, client.profile(demo.apiKey(), accessToken).code());
        assertNotNull(HttpUrl.get(client.spaLogin(demo, null)).queryParameter("request_token"));
    }

    @Test
    void bothCallsNeedTheCookie() {
        client.openLogin(demo, null);
        String requestId = client.apiLogin(demo.userId(), demo.password()).json().getAsJsonObject("data").get("request_id").getAsString();
        client.cookies.cookies.clear();
        String disabled = "Cookies are disabled in your browser. Please enable cookies and try logging in again.";
        assertError(client.apiLogin(demo.userId(), demo.password()), 400, "InputException", disabled);
        assertError(client.apiTwofa(demo.userId(), requestId, client.code(demo)), 400, "InputException", disabled);
    }

    @Test
    void codeBeforePasswordOrWithAnotherRequestIdOrUserGetsNowhere() {
        Reply page = client.openLogin(demo, null);
        String refused = "Invalid `request_id`. Please start the login again.";
        assertError(client.apiTwofa(demo.userId(), "", client.code(demo)), 400, "InputException", refused);
        String requestId = passwordOk();
        assertError(client.apiTwofa(demo.userId(), requestId + "x", client.code(demo)), 400, "InputException", refused);
        assertError(client.apiTwofa("ZX9876", requestId, client.code(demo)), 400, "InputException", refused);
        assertEquals(400, client.get(SimClient.finishPath(page)).code(), "no token without an accepted code");
        // None of that counted as a wrong code.
        assertError(client.apiTwofa(demo.userId(), requestId, wrongCode()), 400, "InputException", "Invalid TOTP. 4 attempts remain.");
    }

    @Test
    void classicPagesShareTheCountAndTheBlock() {
        Reply classic = page(LoginPageStyle.CLASSIC);
        String sessId = classic.input("sess_id");
        for (int i = 0; i < 3; i++) client.post("/connect/login", Map.of("sess_id", sessId, "user_id", demo.userId(), "password", "wrong"));
        assertError(client.apiLogin(demo.userId(), "wrong"), 400, "InputException", "Invalid account credentials. 1 attempt remains.");
        Reply blocked = client.post("/connect/login", Map.of("sess_id", sessId, "user_id", demo.userId(), "password", "wrong"));
        assertTrue(blocked.body().contains("<div class=\"error\" id=\"error\">" + SimulatorConfig.builder().build().blockedMessage()), blocked.body());
        assertBlocked(client.apiLogin(demo.userId(), demo.password()));
    }

    @Test
    void wordingsAreSettings() {
        sim.close();
        sim = LoginEndpointsTest.start(SimulatorConfig.builder().clock(clock).loginPage(LoginPageStyle.SPA)
                .wrongPasswordMessage("Wrong password, {0} left").blockedMessage("Locked."));
        client = new SimClient(sim);
        client.openLogin(demo, null);
        assertError(client.apiLogin(demo.userId(), "x"), 400, "InputException", "Wrong password, 4 left");
        for (int i = 0; i < 4; i++) client.apiLogin(demo.userId(), "x");
        assertBlocked(client.apiLogin(demo.userId(), "x"), "Locked.");
        assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().wrongCodeMessage("{0"));
    }

    private String passwordOk() {
        client.openLogin(demo, null);
        Reply r = client.apiLogin(demo.userId(), demo.password());
        assertEquals(200, r.code(), r.body());
        return r.json().getAsJsonObject("data").get("request_id").getAsString();
    }

    private static String wrongCode() {
        return Totp.code("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", NOW.plusSeconds(3600)); // another secret, another hour
    }

    private static void assertError(Reply r, int status, String errorType, String message) {
        assertEquals(status, r.code(), r.body());
        assertEquals("application/json", r.contentType());
        JsonObject json = r.json();
        assertEquals("error", json.get("status").getAsString());
        assertEquals(message, json.get("message").getAsString());
        assertEquals(errorType, json.get("error_type").getAsString());
        assertTrue(json.has("data") && json.get("data").isJsonNull(), r.body());
    }

    private static void assertBlocked(Reply r) {
        assertBlocked(r, "Your account is blocked after too many failed login attempts. Reset your password to unblock it.");
    }

    private static void assertBlocked(Reply r, String message) {
        assertError(r, 403, "UserException", message);
    }
}
