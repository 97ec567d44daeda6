package com.kitesession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.ErrorLayer;
import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.LoginState;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.TokenExpiry;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.testing.LogCapture;
import com.kitesession.testing.SimClient;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The state value on every login, against the simulator: sent in redirect_params, echoed by Kite
 * on success; another login's redirect is refused and never exchanged, and the login goes on.
 */
class LoginAttemptStateTest {
    private static final Executor SAME_THREAD = Runnable::run;
    private final SimulatorClock clock = SimulatorClock.fixedAt(Instant.parse("2026-11-23T04:30:00Z"));
    private KiteSimulator sim;
    private DemoAccount account;
    private final RecordingListener heard = new RecordingListener();
    private final List<String> events = heard.events;
    private final List<Explanation> explanations = heard.explanations;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).build());
        account = sim.account();
        log = LogCapture.of(LoginAttempt.class);
    }

    @AfterEach
    void stop() {
        log.close();
        sim.close();
    }

    private LoginAttempt flow(LoginState state) {
        KiteProfile profile = new KiteProfile(KiteProfile.DEMO_ID, "demo", account.apiKey(), account.redirectUrl(),
                account.userId(), sim.baseUrl(), sim.baseUrl());
        return new LoginAttempt(profile, account.apiSecret(), new KiteClient(sim.baseUrl()), TokenExpiry.documented(),
                clock, SAME_THREAD, SAME_THREAD, heard, state);
    }

    /** The whole login in the simulator from this attempt's own login URL; the redirect Kite sends back. */
    private String logInThrough(LoginAttempt attempt) {
        String redirectParams = HttpUrl.get(attempt.loginUrl()).queryParameter("redirect_params");
        return new SimClient(sim).login(account, redirectParams);
    }

    private static String token(String redirect) {
        return HttpUrl.get(redirect).queryParameter("request_token");
    }

    @Test
    void theLoginUrlCarriesTheStateKiteEchoesItAndTheMatchingRedirectIsExchanged() {
        LoginAttempt attempt = flow(LoginState.fresh());
        String state = attempt.state().value();
        assertTrue(attempt.loginUrl().contains("&redirect_params=ks_state%3D" + state), attempt.loginUrl());

        String redirect = logInThrough(attempt);
        assertEquals(state, HttpUrl.get(redirect).queryParameter(LoginState.PARAM), "echoed as its own parameter: " + redirect);
        assertTrue(attempt.onNavigation(redirect));
        assertEquals(List.of("exchanging", "loggedIn"), events);
        assertEquals(account.userId(), heard.session.userId());
        assertTrue(attempt.isFinished());
    }

    @Test
    void anotherLoginsRedirectIsRefusedNotExchangedAndTheLoginStillWaitsForItsOwn() {
        LoginAttempt older = flow(LoginState.fresh());
        String oldRedirect = logInThrough(older);
        LoginAttempt attempt = flow(LoginState.fresh());
        String ownRedirect = logInThrough(attempt);

        assertTrue(attempt.onNavigation(oldRedirect), "the browser stops on it: it is our redirect URL");
        assertEquals(List.of("refused"), events, "refused, never exchanged");
        Explanation refusal = explanations.get(0);
        assertEquals("This redirect belongs to another, older login", refusal.title());
        assertEquals(ErrorLayer.LOGIN, refusal.layer());
        assertFalse(refusal.why().contains(token(oldRedirect)), "the token is not shown");
        assertFalse(attempt.isFinished(), "the attempt goes on waiting for its own redirect");
        assertTrue(log.messages().stream().anyMatch(line -> line.contains("another login's state was refused")), log.messages().toString());
        assertTrue(log.messages().stream().noneMatch(line -> line.contains(token(oldRedirect))), log.messages().toString());

        assertTrue(attempt.onNavigation(ownRedirect));
        assertEquals(List.of("refused", "exchanging", "loggedIn"), events);
        assertTrue(attempt.isFinished());

        // The refused token was never sent to /session/token: it is still good for one exchange.
        SimClient.Reply unused = new SimClient(sim).exchange(account, token(oldRedirect));
        assertEquals(200, unused.code(), unused.body());
    }

    @Test
    void anotherLoginsRedirectAfterTheLoginEndedIsIgnored() {
        LoginAttempt older = flow(LoginState.fresh());
        String oldRedirect = logInThrough(older);
        LoginAttempt attempt = flow(LoginState.fresh());
        attempt.onNavigation(logInThrough(attempt));
        assertEquals(List.of("exchanging", "loggedIn"), events);
        assertTrue(attempt.onNavigation(oldRedirect));
        assertEquals(List.of("exchanging", "loggedIn"), events, "nothing more said once logged in");
    }

    @Test
    void aRedirectWithoutStateIsAcceptedAndTheLogSaysSoWithoutTheToken() {
        LoginAttempt attempt = flow(LoginState.fresh());
        String redirect = new SimClient(sim).login(account, null);
        assertNull(HttpUrl.get(redirect).queryParameter(LoginState.PARAM));
        assertTrue(attempt.onNavigation(redirect));
        assertEquals(List.of("exchanging", "loggedIn"), events);
        assertTrue(log.messages().stream().anyMatch(line -> line.contains("carried no state; accepted")), log.messages().toString());
        assertTrue(log.messages().stream().noneMatch(line -> line.contains(token(redirect))), log.messages().toString());
    }

    /** Kite echoes redirect_params on success only: a cancel carries no state and is this login's. */
    @Test
    void aCancelCarriesNoStateAndIsExplainedAsCancelled() {
        LoginAttempt attempt = flow(LoginState.fresh());
        SimClient browser = new SimClient(sim);
        browser.openLogin(account, attempt.state().redirectParams());
        SimClient.Reply back = browser.get("/connect/cancel?api_key=" + account.apiKey());
        assertEquals(302, back.code(), back.body());
        assertNull(HttpUrl.get(back.location()).queryParameter(LoginState.PARAM), back.location());

        assertTrue(attempt.onNavigation(back.location()));
        assertEquals(List.of("failed"), events);
        assertEquals("The login was cancelled", explanations.get(0).title());
        assertTrue(attempt.isFinished());
    }

    @Test
    void freshStatesAre22UrlSafeCharactersAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String value = LoginState.fresh().value();
            assertEquals(22, value.length(), value);
            assertTrue(value.matches("[A-Za-z0-9_-]{22}"), value);
            // 128 bits in 22 characters of 6 bits: the last one carries 2 bits and 4 of padding.
            assertTrue("AQgw".indexOf(value.charAt(21)) >= 0, "exactly 16 random bytes: " + value);
            assertTrue(seen.add(value), "drawn twice: " + value);
        }
        String all = String.join("", seen);
        assertTrue(all.contains("-") && all.contains("_"), "the URL-safe characters, not + and /");
    }

    @Test
    void aStateSaysItselfAsItsParameterAndMatchesOnlyItsOwnValue() {
        LoginState state = LoginState.of("abc-DEF_123");
        assertEquals("ks_state=abc-DEF_123", state.toString());
        assertEquals("ks_state=abc-DEF_123", state.redirectParams());
        assertTrue(state.matches("abc-DEF_123"));
        assertFalse(state.matches("abc-def_123"));
        assertFalse(state.matches(null));
        assertFalse(state.matches(""));
        assertNotEquals(LoginState.fresh().value(), LoginState.fresh().value());
        assertThrows(IllegalArgumentException.class, () -> LoginState.of(" "));
        assertThrows(IllegalArgumentException.class, () -> LoginState.of(null));
    }
}
