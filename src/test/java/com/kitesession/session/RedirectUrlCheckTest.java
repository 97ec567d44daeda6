package com.kitesession.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.LoginRedirect;
import com.kitesession.kite.RedirectParser;
import com.kitesession.session.RedirectUrlCheck.Result;
import com.kitesession.session.RedirectUrlCheck.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUrlCheckTest {
    @Test
    void theSuggestedUrlIsFineAndIsWhatTheAppMatches() {
        Result result = RedirectUrlCheck.check(RedirectUrlCheck.SUGGESTED);
        assertEquals(Verdict.OK, result.verdict());
        assertEquals("http://127.0.0.1:5483/kite-redirect", result.matches());
        assertEquals(Optional.empty(), RedirectUrlCheck.browserRoadProblem(RedirectUrlCheck.SUGGESTED), "one address, both roads");
    }

    /** An address without a port (port 80) logs in in the window, but the browser road cannot listen there. */
    @Test
    void anAddressWithoutAPortIsFlaggedForTheBrowserRoad() {
        Result result = RedirectUrlCheck.check("http://127.0.0.1/kite-redirect");
        assertEquals(Verdict.WARN, result.verdict());
        assertEquals("http://127.0.0.1/kite-redirect", result.matches(), "still caught in the window");
        assertTrue(result.notes().get(0).contains("port 80 (the port of an address that names none) needs the administrator"),
                result.notes().toString());
        assertTrue(result.notes().get(0).contains(RedirectUrlCheck.SUGGESTED));
    }

    @Test
    void theBrowserRoadSaysWhyItCannotCatchAnAddress() {
        assertTrue(RedirectUrlCheck.browserRoadProblem("https://example.com/cb").orElseThrow().contains("paste the address"));
        assertTrue(RedirectUrlCheck.browserRoadProblem("https://127.0.0.1:5483/cb").orElseThrow().contains("certificate"));
        assertTrue(RedirectUrlCheck.browserRoadProblem("http://localhost:443/cb").orElseThrow().contains("port 443 needs"));
        assertEquals(Optional.empty(), RedirectUrlCheck.browserRoadProblem("http://[::1]:8080/cb"));
        assertTrue(RedirectUrlCheck.browserRoadProblem("not an address").isPresent());
    }

    /** What the check says it matches is what the redirect parser then catches, Kite's parameters added. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/kite-redirect", "http://127.0.0.1:5010/cb", "https://localhost/x/",
            "http://[::1]:8080/kite", "https://example.com/kite/callback"})
    void theMatchedAddressIsCaughtByTheRedirectParser(String registered) {
        Result result = RedirectUrlCheck.check(registered);
        LoginRedirect redirect = new RedirectParser(registered)
                .parse(result.matches() + "?action=login&type=login&status=success&request_token=abc123");
        assertTrue(redirect instanceof LoginRedirect.Success, registered + " -> " + result.matches());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 22, 6666, 10080})
    void refusesPortsTheLoginBrowserWillNotLoad(int port) {
        Result result = RedirectUrlCheck.check("http://127.0.0.1:" + port + "/kite-redirect");
        assertEquals(Verdict.ERROR, result.verdict());
        assertNull(result.matches());
        assertTrue(result.notes().get(0).contains("Port " + port), result.notes().toString());
        // The way out is an address with a port that serves both roads, not "none" (port 80, no browser road).
        assertTrue(result.notes().get(0).endsWith("Use another port, e.g. " + RedirectUrlCheck.SUGGESTED + "."),
                result.notes().toString());
        assertEquals(Verdict.OK, RedirectUrlCheck.check(RedirectUrlCheck.SUGGESTED).verdict(), "and that one is fine");
    }

    @Test
    void explainsAMissingScheme() {
        Result result = RedirectUrlCheck.check("127.0.0.1/kite-redirect");
        assertEquals(Verdict.ERROR, result.verdict());
        assertTrue(result.notes().get(0).contains("http://127.0.0.1/kite-redirect"), result.notes().toString());
        assertEquals(Verdict.ERROR, RedirectUrlCheck.check("ftp://127.0.0.1/x").verdict());
        assertEquals(Verdict.ERROR, RedirectUrlCheck.check("  ").verdict());
        assertEquals(Verdict.ERROR, RedirectUrlCheck.check(null).verdict());
    }

    @Test
    void warnsWhenTheTokenWouldLeaveThisComputer() {
        Result result = RedirectUrlCheck.check("https://example.com/kite/callback");
        assertEquals(Verdict.WARN, result.verdict());
        assertTrue(result.notes().get(0).contains("example.com is not this computer"), result.notes().toString());
    }

    @Test
    void warnsThatAQueryIsIgnored() {
        Result result = RedirectUrlCheck.check("http://127.0.0.1/kite-redirect?app=1");
        assertEquals(Verdict.WARN, result.verdict());
        assertEquals("http://127.0.0.1/kite-redirect", result.matches());
    }

    @Test
    void showsANonDefaultPortAndIgnoresSurroundingSpaces() {
        Result result = RedirectUrlCheck.check(" http://127.0.0.1:5010/cb ");
        assertEquals(Verdict.OK, result.verdict());
        assertEquals("http://127.0.0.1:5010/cb", result.matches());
    }
}
