package com.kitesession.kite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectParserTest {
    private static final String TOKEN = "Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56"; // 32 alphanumerics, like Kite's
    private final RedirectParser parser = new RedirectParser("http://127.0.0.1/kite-login");

    private LoginRedirect.Success success(String url) {
        return assertInstanceOf(LoginRedirect.Success.class, parser.parse(url));
    }

    private LoginRedirect.Failed failed(String url) {
        LoginRedirect.Failed f = assertInstanceOf(LoginRedirect.Failed.class, parser.parse(url));
        assertFalse(f.reason().isBlank());
        assertTrue(f.reason().endsWith("."), "a sentence: " + f.reason());
        return f;
    }

    @Test
    void successInKitesOrder() {
        var s = success("http://127.0.0.1/kite-login?action=login&type=login&status=success&request_token=" + TOKEN);
        assertEquals(TOKEN, s.requestToken());
        assertEquals(List.of("action", "type", "status", "request_token"), List.copyOf(s.params().keySet()));
        assertEquals("login", s.params().get("action"));
        assertEquals("success", s.params().get("status"));
    }

    @Test
    void successInAnotherOrderKeepsArrivalOrder() {
        var s = success("http://127.0.0.1/kite-login?request_token=" + TOKEN + "&status=success&type=login&action=login");
        assertEquals(TOKEN, s.requestToken());
        assertEquals(List.of("request_token", "status", "type", "action"), List.copyOf(s.params().keySet()));
    }

    @Test
    void echoedRedirectParamsAreDecoded() {
        var s = success("http://127.0.0.1/kite-login?action=login&type=login&status=success&request_token=" + TOKEN
                + "&profile=main%20account&nonce=a%2Fb%3Dc&plus=x+y");
        assertEquals("main account", s.params().get("profile"));
        assertEquals("a/b=c", s.params().get("nonce"));
        assertEquals("x y", s.params().get("plus"));
    }

    @Test
    void paramsAreUnmodifiable() {
        Map<String, String> params = success("http://127.0.0.1/kite-login?status=success&request_token=" + TOKEN).params();
        assertThrows(UnsupportedOperationException.class, () -> params.put("x", "y"));
    }

    @Test
    void firstOfARepeatedParamWins() {
        var s = success("http://127.0.0.1/kite-login?status=success&request_token=" + TOKEN + "&request_token=zzz");
        assertEquals(TOKEN, s.requestToken());
        assertEquals(TOKEN, s.params().get("request_token"));
    }

    @Test
    void toleratesOtherTokenLengths() {
        assertEquals("abc", success("http://127.0.0.1/kite-login?status=success&request_token=abc").requestToken());
    }

    @Test
    void successToStringHidesTheToken() {
        var s = success("http://127.0.0.1/kite-login?status=success&request_token=" + TOKEN);
        assertFalse(s.toString().contains(TOKEN), s.toString());
    }

    @Test
    void cancelled() {
        var c = assertInstanceOf(LoginRedirect.Cancelled.class, parser.parse("http://127.0.0.1/kite-login?status=cancelled"));
        assertEquals(Map.of("status", "cancelled"), c.params());
        assertInstanceOf(LoginRedirect.Cancelled.class,
                parser.parse("http://127.0.0.1/kite-login?action=login&status=cancelled&type=login"));
    }

    @Test
    void successWithoutToken() {
        assertEquals("success", failed("http://127.0.0.1/kite-login?action=login&status=success").status());
    }

    @Test
    void successWithBlankToken() {
        failed("http://127.0.0.1/kite-login?status=success&request_token=");
        failed("http://127.0.0.1/kite-login?status=success&request_token=%20%20");
        failed("http://127.0.0.1/kite-login?status=success&request_token");
    }

    @Test
    void successWithNonAlphanumericToken() {
        var f = failed("http://127.0.0.1/kite-login?status=success&request_token=abc%27%3Cscript%3E");
        assertFalse(f.reason().contains("script"), "the token is not repeated to the user");
        failed("http://127.0.0.1/kite-login?status=success&request_token=abc-def");
        failed("http://127.0.0.1/kite-login?status=success&request_token=t%C3%B6ken");
    }

    @Test
    void unknownStatus() {
        var f = failed("http://127.0.0.1/kite-login?status=pending&request_token=" + TOKEN);
        assertEquals("pending", f.status());
        assertTrue(f.reason().contains("pending"));
    }

    @Test
    void noStatusAtAll() {
        assertNull(failed("http://127.0.0.1/kite-login?request_token=" + TOKEN).status());
        assertNull(failed("http://127.0.0.1/kite-login").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://localhost/kite-login?status=success&request_token=abc",       // other host
            "http://127.0.0.2/kite-login?status=success&request_token=abc",
            "http://127.0.0.1:8080/kite-login?status=success&request_token=abc",  // other port
            "https://127.0.0.1/kite-login?status=success&request_token=abc",      // other scheme (and port)
            "http://127.0.0.1/other?status=success&request_token=abc",            // other path
            "http://127.0.0.1/kite-login/more?status=success&request_token=abc",
            "http://127.0.0.1/Kite-Login?status=success&request_token=abc",       // paths are case-sensitive
            "http://127.0.0.1/?status=success&request_token=abc",
            "https://kite.zerodha.com/connect/login?v=3&api_key=abc123",
            "https://kite.zerodha.com/connect/finish?api_key=abc123&sess_id=xyz",
            "about:blank",
            "file:///C:/kite-login?status=success&request_token=abc",
            "not a url at all",
            "http://",
            "",
            "http://[::1/kite-login?status=success",
    })
    @NullSource
    void notOurs(String url) {
        assertInstanceOf(LoginRedirect.NotOurs.class, parser.parse(url));
    }

    /** Registered URL, the URL the browser went to (a success query is appended), whether it is ours. */
    @ParameterizedTest(name = "{0} vs {1}: ours={2}")
    @CsvSource({
            "http://127.0.0.1/kite-login,      http://127.0.0.1/kite-login/,     true",  // trailing slash tolerated
            "http://127.0.0.1/kite-login/,     http://127.0.0.1/kite-login,      true",
            "https://MyApp.example.com/cb,     https://myapp.EXAMPLE.com/cb,     true",  // host case-insensitive
            "http://127.0.0.1/kite-login,      http://127.0.0.1:80/kite-login,   true",  // default ports
            "https://example.com:443/cb,       https://example.com/cb,           true",
            "http://127.0.0.1:5000/cb,         http://127.0.0.1:5000/cb,         true",
            "http://127.0.0.1:5000/cb,         http://127.0.0.1/cb,              false",
            "http://127.0.0.1,                 http://127.0.0.1/,                true",  // empty path == "/"
            "http://127.0.0.1,                 http://127.0.0.1,                 true",
            "http://127.0.0.1/,                http://127.0.0.1/x,               false",
            "http://127.0.0.1/kite-login?app=1, http://127.0.0.1/kite-login,    true",  // registered query ignored
    })
    void matching(String registered, String visited, boolean ours) {
        LoginRedirect r = new RedirectParser(registered).parse(visited + "?status=success&request_token=" + TOKEN);
        assertEquals(ours ? LoginRedirect.Success.class : LoginRedirect.NotOurs.class, r.getClass());
    }

    @Test
    void fragmentIsIgnored() {
        success("http://127.0.0.1/kite-login?status=success&request_token=" + TOKEN + "#top");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "127.0.0.1/kite-login", "/kite-login", "ftp://127.0.0.1/x", "kite-login"})
    @NullSource
    void registeredUrlMustBeAbsoluteHttp(String registered) {
        var e = assertThrows(IllegalArgumentException.class, () -> new RedirectParser(registered));
        assertTrue(e.getMessage().contains("http://"), e.getMessage());
    }
}
