package com.kitesession.kite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The parser sees every URL the login browser goes to, so anything at all: it must never throw,
 * and never take a token from a URL other than the registered one, however close it comes.
 */
class RedirectParserPropertiesTest {
    private static final String REGISTERED = "http://127.0.0.1:5000/kite/login";
    private static final String SUCCESS_QUERY = "?action=login&status=success&request_token=Ab12Cd34Ef56Gh78";
    private final RedirectParser parser = new RedirectParser(REGISTERED);

    @Property(tries = 300)
    void neverThrowsOnAnyString(@ForAll String anything) {
        parser.parse(anything);
    }

    /** Strings built from URL pieces, so many of them come close; only the registered URL may be ours. */
    @Property(tries = 500)
    void onlyTheRegisteredUrlIsEverOurs(@ForAll("urlLike") String url) {
        LoginRedirect result = parser.parse(url);
        if (!(result instanceof LoginRedirect.NotOurs)) {
            assertTrue(leadsToRegistered(url), "taken as ours: " + url);
        }
    }

    /**
     * An oracle independent of OkHttp: where a browser would go, by java.net.URI after the
     * browsers' own clean-ups (tabs and line breaks anywhere removed, as the URL standard says;
     * backslash as slash; any number of slashes after "http:"; %2e as a dot segment). Only the
     * registered URL, with or without its trailing slash, counts.
     */
    private static boolean leadsToRegistered(String url) {
        String s = url.strip().replaceAll("[\\t\\n\\r]", "");
        int end = s.length();
        for (char c : new char[] {'?', '#'}) if (s.indexOf(c) >= 0) end = Math.min(end, s.indexOf(c));
        String head = s.substring(0, end).replace('\\', '/').replaceAll("(?i)%2e", ".").replaceFirst("^http:/*", "http://");
        try {
            String normal = new URI(head).normalize().toString();
            return normal.equals(REGISTERED) || normal.equals(REGISTERED + "/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The registered URL with one or more of scheme, user info, host, port or path changed. */
    @Property(tries = 500)
    void nearMissesAreNeverOurs(@ForAll("nearMiss") String url) {
        assertInstanceOf(LoginRedirect.NotOurs.class, parser.parse(url), url);
    }

    @Property(tries = 200)
    void requestTokensAreOneToSixtyFourCharacters(@ForAll @IntRange(min = 1, max = 400) int length) {
        String token = "a1B2".repeat(100).substring(0, length);
        LoginRedirect result = parser.parse(REGISTERED + "?status=success&request_token=" + token);
        if (length <= RedirectParser.MAX_TOKEN_LENGTH) {
            assertEquals(token, assertInstanceOf(LoginRedirect.Success.class, result).requestToken());
        } else {
            LoginRedirect.Failed failed = assertInstanceOf(LoginRedirect.Failed.class, result);
            assertFalse(failed.reason().contains(token));
        }
    }

    @Example
    void cancelledShowsParameterNamesOnly() {
        LoginRedirect.Cancelled cancelled = new LoginRedirect.Cancelled(Map.of("status", "cancelled", "request_token",
                "Ab12Cd34Ef56Gh78"));
        assertFalse(cancelled.toString().contains("Ab12Cd34Ef56Gh78"), cancelled.toString());
        assertFalse(cancelled.toString().contains("=cancelled"), cancelled.toString());
        assertTrue(cancelled.toString().contains("request_token"), cancelled.toString());
    }

    @Provide
    Arbitrary<String> urlLike() {
        Arbitrary<String> piece = Arbitraries.of("http://", "https://", "http:", "//", "127.0.0.1", "127.0.0.1.", "localhost",
                "evil.com", ":5000", ":500", ":80", "/kite/login", "/kite", "/login", "/", "@", ":", "%2F", "%40", "%2e",
                "\\", "?", "#", "&", "status=success", "request_token=Ab12", "status=cancelled", " ", "\t", "%00",
                "[::1]", "user:pass", "KITE", "5000");
        Arbitrary<String> url = piece.list().ofMinSize(1).ofMaxSize(10).map(pieces -> String.join("", pieces));
        // Half of them start like the registered URL, so the interesting cases are not rare.
        return Arbitraries.oneOf(url, url.map(u -> "http://127.0.0.1:5000" + u), url.map(u -> REGISTERED + u));
    }

    @Provide
    Arbitrary<String> nearMiss() {
        Arbitrary<String> scheme = Arbitraries.of("http", "https", "ftp", "ws");
        Arbitrary<String> userInfo = Arbitraries.of("", "evil@", "127.0.0.1@", "127.0.0.1:5000@", "user:pass@", "%40@");
        Arbitrary<String> host = Arbitraries.of("127.0.0.1", "127.0.0.2", "localhost", "127.0.0.1.evil.com", "evil.com",
                "0.0.0.0", "[::1]", "2130706433", "127.1");
        Arbitrary<String> port = Arbitraries.of(":5000", "", ":80", ":5001", ":50000", ":500");
        Arbitrary<String> path = Arbitraries.of("/kite/login", "/kite/login2", "/Kite/Login", "/kite", "/kite/login/x",
                "/kite%2Flogin", "/kite/logi%6E", "/evil/kite/login", "/kite/login;x", "", "/kite//login");
        return Combinators.combine(List.of(scheme, userInfo, host, port, path)).as(parts -> parts)
                .filter(parts -> !parts.equals(List.of("http", "", "127.0.0.1", ":5000", "/kite/login")))
                .map(parts -> parts.get(0) + "://" + parts.get(1) + parts.get(2) + parts.get(3) + parts.get(4)
                        + SUCCESS_QUERY);
    }

}
