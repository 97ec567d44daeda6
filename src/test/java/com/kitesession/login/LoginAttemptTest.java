package com.kitesession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.ErrorLayer;
import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteClient;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.TokenExpiry;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.testing.SimClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login flow without a window: navigation in, explanation or session out. */
class LoginAttemptTest {
    private static final Executor SAME_THREAD = Runnable::run;
    private final SimulatorClock clock = SimulatorClock.fixedAt(Instant.parse("2026-11-23T04:30:00Z"));
    private KiteSimulator sim;
    private DemoAccount account;
    private final RecordingListener heard = new RecordingListener();
    private final List<String> events = heard.events;

    @BeforeEach
    void start() throws Exception {
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).build());
        account = sim.account();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private LoginAttempt flow(String secret) {
        KiteProfile profile = new KiteProfile(KiteProfile.DEMO_ID, "demo", account.apiKey(), account.redirectUrl(),
                account.userId(), sim.baseUrl(), sim.baseUrl());
        return new LoginAttempt(profile, secret, new KiteClient(sim.baseUrl()), TokenExpiry.documented(), clock,
                SAME_THREAD, SAME_THREAD, heard);
    }

    /** The last explanation the view was given. */
    private Explanation explanation() {
        return heard.explanations.get(heard.explanations.size() - 1);
    }

    @Test
    void kitePagesAreIgnoredAndTheRedirectIsExchangedOnce() {
        LoginAttempt flow = flow(account.apiSecret());
        assertTrue(flow.loginUrl().startsWith(sim.baseUrl() + "/connect/login?v=3&api_key=" + account.apiKey()));
        assertFalse(flow.onNavigation(flow.loginUrl()));
        assertFalse(flow.onNavigation(sim.baseUrl() + "/connect/finish?api_key=x&sess_id=y"));

        String redirect = new SimClient(sim).login(account, null);
        assertTrue(flow.onNavigation(redirect));
        assertTrue(flow.onNavigation(redirect), "the failed load of the same URL is still ours");
        assertEquals(List.of("exchanging", "loggedIn"), events, "exchanged exactly once");
        assertEquals(account.userId(), heard.session.userId());
        assertEquals(Instant.parse("2026-11-24T00:30:00Z"), heard.session.expiresAt().toInstant());
    }

    @Test
    void wrongSecretExplainsTheChecksum() {
        LoginAttempt flow = flow("wrong-secret");
        flow.onNavigation(new SimClient(sim).login(account, null));
        assertEquals(List.of("exchanging", "failed"), events);
        assertEquals("The api_secret does not match this Kite app", explanation().title());
        assertNull(heard.session);
    }

    @Test
    void aReusedRequestTokenIsExplained() {
        String redirect = new SimClient(sim).login(account, null);
        flow(account.apiSecret()).onNavigation(redirect);
        flow(account.apiSecret()).onNavigation(redirect);
        assertEquals(List.of("exchanging", "loggedIn", "exchanging", "failed"), events);
        assertEquals("The request_token was already used or is too old", explanation().title());
        assertEquals("Token is invalid or has expired.", explanation().kiteMessage());
    }

    @Test
    void cancelAndAMissingTokenAreTheLoginLayer() {
        flow(account.apiSecret()).onNavigation(account.redirectUrl() + "?status=cancelled");
        assertEquals(ErrorLayer.LOGIN, explanation().layer());
        assertEquals("The login was cancelled", explanation().title());

        flow(account.apiSecret()).onNavigation(account.redirectUrl() + "?action=login&status=success");
        assertEquals(ErrorLayer.LOGIN, explanation().layer());
        assertEquals("Kite came back without a usable request_token", explanation().title());
        assertEquals(List.of("failed", "failed"), events);
    }

    @Test
    void aRedirectToAnotherRegisteredUrlIsExplainedNotExchanged() {
        LoginAttempt flow = flow(account.apiSecret());
        assertTrue(flow.onNavigation("http://127.0.0.1:8080/callback?action=login&type=login&status=success&request_token=abc123"));
        assertEquals(List.of("failed"), events, "explained, never exchanged");
        assertEquals("Kite sent the login to a different redirect URL", explanation().title());
        assertTrue(explanation().why().contains("http://127.0.0.1:8080/callback"));
        assertFalse(explanation().why().contains("abc123"), "the request_token is not shown");
        assertTrue(explanation().why().contains(account.redirectUrl()));
        // Ordinary pages elsewhere (a help link, a stylesheet) are not redirects.
        assertFalse(flow(account.apiSecret()).onNavigation("https://support.zerodha.com/category/trading?x=1"));
    }

    @Test
    void aDeadSimulatorIsANetworkExplanation() {
        String redirect = new SimClient(sim).login(account, null);
        sim.close();
        flow(account.apiSecret()).onNavigation(redirect);
        assertEquals("Cannot reach Kite at 127.0.0.1", explanation().title());
    }
}
