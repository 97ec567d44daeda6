package com.kitesession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteHosts;
import com.kitesession.kite.LoginState;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.RedirectUrlCheck;
import com.kitesession.session.TokenExpiry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Log in with my browser, then paste the address: every kind of redirect, pasted the way people
 * paste, goes where the same redirect from the login window goes; a paste that is no redirect of
 * this profile's is said in words, and the login goes on waiting.
 */
class LoginAttemptPasteTest {
    private static final String REDIRECT = RedirectUrlCheck.SUGGESTED;
    private static final String TOKEN = "Tk7QvX2mR9pL4sN8wC1eY6uB3hJ5dF0a";
    private static final LoginState STATE = LoginState.of("mYsTaTe-0123456789_abc");

    private final RecordingListener heard = new RecordingListener();
    private final List<String> events = heard.events;
    private final List<Explanation> explanations = heard.explanations;
    /** The exchange, held back: these tests are about what reaches it, not Kite. */
    private final List<Runnable> exchanges = new ArrayList<>();
    private final LoginAttempt attempt = new LoginAttempt(
            KiteProfile.forKite("mine", "k3yk3yk3y", REDIRECT, "AB1234"), "s3cr3t", new KiteClient(KiteHosts.API_BASE),
            TokenExpiry.documented(), Clock.systemUTC(), exchanges::add, Runnable::run, heard, STATE);

    /** The ways a paste goes wrong, each turning a clean address into what lands in the field. */
    static List<Arguments> sloppiness() {
        List<Arguments> ways = new ArrayList<>();
        ways.add(Arguments.of("as copied", (UnaryOperator<String>) url -> url));
        ways.add(Arguments.of("spaces and line breaks around", (UnaryOperator<String>) url -> "  \n" + url + " \r\n"));
        ways.add(Arguments.of("a line break inside", (UnaryOperator<String>) url -> url.substring(0, 30) + "\n"
                + url.substring(30)));
        ways.add(Arguments.of("double quotes", (UnaryOperator<String>) url -> "\"" + url + "\""));
        ways.add(Arguments.of("single quotes", (UnaryOperator<String>) url -> "'" + url + "'"));
        ways.add(Arguments.of("backticks", (UnaryOperator<String>) url -> "`" + url + "`"));
        ways.add(Arguments.of("angle brackets", (UnaryOperator<String>) url -> "<" + url + ">"));
        ways.add(Arguments.of("curly quotes", (UnaryOperator<String>) url -> "\u201c" + url + "\u201d"));
        ways.add(Arguments.of("a full stop", (UnaryOperator<String>) url -> url + "."));
        ways.add(Arguments.of("a comma", (UnaryOperator<String>) url -> url + ","));
        ways.add(Arguments.of("no scheme", (UnaryOperator<String>) url -> url.substring("http://".length())));
        ways.add(Arguments.of("non-breaking and zero-width spaces", (UnaryOperator<String>) url -> "\u00a0" + url
                .substring(0, 25) + "\u200b" + url.substring(25) + "\u202f"));
        return ways;
    }

    /** Every redirect the parser knows, times every sloppy way of pasting it. */
    static Stream<Arguments> pastes() {
        List<Arguments> all = new ArrayList<>();
        for (Arguments way : sloppiness()) {
            for (String[] kind : new String[][] {
                    {"success", "?action=login&type=login&status=success&request_token=" + TOKEN + "&ks_state=" + STATE.value()},
                    {"success without state", "?action=login&type=login&status=success&request_token=" + TOKEN},
                    {"another login's success", "?action=login&type=login&status=success&request_token=" + TOKEN
                            + "&ks_state=someoneElse"},
                    {"cancelled", "?status=cancelled"},
                    {"no status", "?action=login&type=login&request_token=" + TOKEN},
                    {"unknown status", "?action=login&type=login&status=pending&request_token=" + TOKEN},
                    {"no token", "?action=login&type=login&status=success"},
                    {"bad token", "?action=login&type=login&status=success&request_token=abc%3Cscript%3E"}}) {
                all.add(Arguments.of(kind[0], way.get()[0], way.get()[1], REDIRECT + kind[1]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("pastes")
    void eachRedirectPastedSloppilyGoesWhereTheBrowsersWould(String kind, String how, UnaryOperator<String> sloppy,
            String url) {
        assertEquals(Optional.empty(), attempt.offerPasted(sloppy.apply(url)), "a redirect of this profile's");
        switch (kind) {
            case "success", "success without state" -> {
                assertEquals(List.of("exchanging"), events);
                assertEquals(1, exchanges.size(), "the token goes to the exchange");
                assertTrue(attempt.isFinished());
            }
            case "another login's success" -> {
                assertEquals(List.of("refused"), events);
                assertEquals("This redirect belongs to another, older login", explanations.get(0).title());
                assertEquals(List.of(), exchanges, "never exchanged");
                assertFalse(attempt.isFinished(), "still waiting for its own");
            }
            case "cancelled" -> {
                assertEquals(List.of("failed"), events);
                assertEquals("The login was cancelled", explanations.get(0).title());
            }
            default -> {
                assertEquals(List.of("failed"), events);
                Explanation failed = explanations.get(0);
                assertEquals("Kite came back without a usable request_token", failed.title());
                String why = switch (kind) {
                    case "no status" -> "without saying whether the login worked";
                    case "unknown status" -> "status this app does not know (\"pending\")";
                    case "no token" -> "sent no request token";
                    default -> "does not look valid";
                };
                assertTrue(failed.why().contains(why), failed.why());
                assertEquals(List.of(), exchanges);
            }
        }
        explanations.forEach(e -> assertFalse(e.why().contains(TOKEN), "the token is not shown: " + e.why()));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\r\n", "\u00a0\u200b", "\"\"", "\u201c \u201d."})
    void anEmptyPasteSaysNothingWasPasted(String pasted) {
        String said = attempt.offerPasted(pasted).orElseThrow();
        assertTrue(said.startsWith("Nothing was pasted."), said);
        assertTrue(said.contains(REDIRECT), "says what to copy: " + said);
        assertEquals(List.of(), events);
        assertFalse(attempt.isFinished());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://kite.zerodha.com/connect/login?v=3&api_key=k3yk3yk3y&redirect_params=ks_state%3Dx",
            " \"https://kite.zerodha.com/connect/login?v=3&api_key=k3yk3yk3y\". ",
            "kite.zerodha.com/connect/login?v=3&api_key=k3yk3yk3y",
            "https://kite.zerodha.com/connect/finish?api_key=k3yk3yk3y&sess_id=abc&status=success",
            "https://kite.zerodha.com/"})
    void kitesOwnLoginPageIsNamedAsSuch(String pasted) {
        String said = attempt.offerPasted(pasted).orElseThrow();
        assertTrue(said.startsWith("This is Kite's login page"), said);
        assertTrue(said.contains(REDIRECT), said);
        assertEquals(List.of(), events);
        assertFalse(attempt.isFinished(), "the login goes on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/callback?action=login&status=success&request_token=" + TOKEN,
            "http://127.0.0.1/kite-redirect?status=success&request_token=" + TOKEN,
            "https://127.0.0.1:5483/kite-redirect?status=cancelled", "http://127.0.0.1:5483/kite-redirec?status=cancelled",
            "https://example.com/", "just some words", "localhost:5483/kite-redirect?status=cancelled"})
    void anotherAddressNamesThisProfilesRedirect(String pasted) {
        String said = attempt.offerPasted(pasted).orElseThrow();
        assertTrue(said.startsWith("This is not this profile's redirect address (it starts with " + REDIRECT + ")"), said);
        assertFalse(said.contains(TOKEN), said);
        assertEquals(List.of(), events, "not exchanged, not explained as a failed login");
        assertFalse(attempt.isFinished());
    }

    @Test
    void afterAWrongPasteTheRightOneStillLogsIn() {
        assertTrue(attempt.offerPasted("https://kite.zerodha.com/connect/login?v=3&api_key=k3yk3yk3y").isPresent());
        assertEquals(Optional.empty(), attempt.offerPasted(REDIRECT + "?status=success&request_token=" + TOKEN
                + "&ks_state=anotherOne"));
        assertEquals(List.of("refused"), events);
        assertEquals(Optional.empty(), attempt.offerPasted("  '" + REDIRECT.substring(7) + "?action=login&type=login"
                + "&status=success&request_token=" + TOKEN + "&ks_state=" + STATE.value() + "'.\n"));
        assertEquals(List.of("refused", "exchanging"), events);
        assertEquals(1, exchanges.size());
    }
}
