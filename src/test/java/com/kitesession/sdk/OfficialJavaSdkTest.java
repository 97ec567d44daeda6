package com.kitesession.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.testing.OfficialSdkRoutes;
import com.kitesession.testing.SimClient;
import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.TokenException;
import com.zerodhatech.models.Profile;
import com.zerodhatech.models.User;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zerodha's official Java SDK (javakiteconnect 3.5.1) against the real KiteSimulator: if the SDK can log in,
 * read the profile, log out and notice an expired session, the simulator speaks Kite as Kite's own client expects.
 */
class OfficialJavaSdkTest {
    private static final Instant TEN_AM_IST = OffsetDateTime.parse("2026-11-23T10:00:00+05:30").toInstant();

    private final SimulatorClock clock = SimulatorClock.fixedAt(TEN_AM_IST);
    private KiteSimulator sim;
    private SimClient browser;
    private DemoAccount demo;
    private OfficialSdkRoutes routes;

    @BeforeEach
    void start() throws Exception {
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).rateLimitPerSecond(1000).build());
        browser = new SimClient(sim);
        demo = sim.account();
        // The SDK has no setter for its API root: set by reflection (OfficialSdkRoutes), restored after.
        routes = OfficialSdkRoutes.pointAt(sim.baseUrl());
    }

    @AfterEach
    void stop() throws Exception {
        routes.close(); // the SDK's API root back, and its static expiry hook cleared
        sim.close();
    }

    private KiteConnect sdk() {
        KiteConnect kite = new KiteConnect(demo.apiKey());
        kite.setUserId(demo.userId());
        return kite;
    }

    /** generateSession, as a script does it with the request_token from the redirect. */
    private User login(KiteConnect kite) throws Throwable {
        User user = kite.generateSession(browser.requestToken(demo), demo.apiSecret());
        kite.setAccessToken(user.accessToken);
        kite.setPublicToken(user.publicToken);
        return user;
    }

    @Test
    void loginUrlPointsAtTheSimulator() {
        String url = sdk().getLoginURL();
        assertTrue(url.startsWith(sim.baseUrl() + "/connect/login?"), url);
        assertTrue(url.contains("api_key=" + demo.apiKey()) && url.contains("v=3"), url);
        assertEquals(200, browser.get(url.substring(sim.baseUrl().length())).code());
    }

    @Test
    void generateSessionExchangesTheRequestToken() throws Throwable {
        KiteConnect kite = sdk();
        User user = login(kite);
        assertEquals(demo.userId(), user.userId);
        assertEquals(demo.userName(), user.userName);
        assertEquals(demo.email(), user.email);
        assertTrue(user.accessToken.matches("[A-Za-z0-9]{32}"), user.accessToken);
        assertNotEquals(user.accessToken, user.publicToken);
        assertEquals(200, browser.profile(demo.apiKey(), user.accessToken).code()); // the token is live for others too
    }

    @Test
    void getProfileReadsTheAccount() throws Throwable {
        KiteConnect kite = sdk();
        login(kite);
        Profile profile = kite.getProfile();
        assertEquals(demo.userName(), profile.userName);
        assertEquals(demo.userShortname(), profile.userShortname);
        assertEquals(demo.email(), profile.email);
    }

    @Test
    void invalidateAccessTokenLogsOut() throws Throwable {
        KiteConnect kite = sdk();
        User user = login(kite);
        kite.invalidateAccessToken();
        assertEquals(403, browser.profile(demo.apiKey(), user.accessToken).code());
        assertThrows(TokenException.class, kite::getProfile);
    }

    @Test
    void wrongSecretIsRefused() throws Throwable {
        KiteConnect kite = sdk();
        KiteException e = assertThrows(TokenException.class, () -> kite.generateSession(browser.requestToken(demo), "wrong"));
        assertEquals(403, e.code);
    }

    @Test
    void sessionExpiryHookFiresAfterSixAndAFreshLoginCarriesOn() throws Throwable {
        KiteConnect kite = sdk();
        User first = login(kite);
        List<String> fresh = new ArrayList<>();
        // A script's hook: get a fresh token and hand it to the SDK. Here the SDK's own generateSession after a
        // fresh login over HTTP; ui/OfficialSdkTokenWaitTest runs `kite-session token --wait` in it, as the
        // recipes in docs/examples do, with the person logging in in the window.
        kite.setSessionExpiryHook(() -> {
            try {
                fresh.add(login(kite).accessToken);
            } catch (Throwable e) { // KiteException is a Throwable, not an Exception
                throw new IllegalStateException(e);
            }
        });
        kite.getProfile();
        assertTrue(fresh.isEmpty(), "the hook ran while the session was alive");

        clock.setInstant(OffsetDateTime.parse("2026-11-24T05:59:59+05:30").toInstant());
        kite.getProfile();
        assertTrue(fresh.isEmpty(), "the hook ran before 06:00 IST");

        clock.advance(Duration.ofSeconds(1)); // 06:00 IST: the session is over
        assertThrows(TokenException.class, kite::getProfile); // the SDK calls the hook, then still throws
        assertEquals(1, fresh.size(), "the hook did not run once");
        assertNotEquals(first.accessToken, fresh.get(0));

        Profile again = kite.getProfile(); // the retry, on the fresh token
        assertEquals(demo.userName(), again.userName);
        assertEquals(1, fresh.size());
    }
}
