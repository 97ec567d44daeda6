package com.kitesession.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteClient;
import com.kitesession.login.LoginAttempt;
import com.kitesession.secrets.InMemorySecretStore;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import com.kitesession.session.TokenExpiry;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.testing.SimClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's own log lines, written through the real handler while the real code runs against
 * the simulator: they say what happened and carry no secret, not even one the redactor would
 * have masked (the file holds no mask at all).
 */
class AppLogLinesTest {
    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    Path temp;

    private final SimulatorClock clock = SimulatorClock.fixedAt(Instant.parse("2026-11-23T04:30:00Z"));
    private final List<String> secrets = new ArrayList<>();
    private KiteSimulator sim;
    private DemoAccount account;
    private Path logs;

    @BeforeEach
    void start() throws Exception {
        logs = AppLogs.install(temp.resolve("logs"));
        LogRedactor.clearRegisteredSecrets();
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).build());
        account = sim.account();
        secrets.addAll(List.of(account.apiSecret(), account.password(), account.totpSecretBase32()));
    }

    @AfterEach
    void stop() {
        sim.close();
        AppLogs.uninstall();
        LogRedactor.clearRegisteredSecrets();
    }

    @Test
    void loginsLivenessAndTheSimulatorAreLoggedWithoutSecrets() throws Exception {
        KiteProfile profile = new KiteProfile("p1", "Main", account.apiKey(), account.redirectUrl(), account.userId(),
                sim.baseUrl(), sim.baseUrl());
        // A good login, then the same request_token again (Kite refuses a used one), then a wrong secret.
        String redirect = new SimClient(sim).login(account, null);
        secrets.add(HttpUrl.get(redirect).queryParameter("request_token"));
        List<Object> outcomes = new ArrayList<>();
        flow(profile, account.apiSecret(), outcomes).onNavigation(redirect);
        flow(profile, account.apiSecret(), outcomes).onNavigation(redirect);
        String second = new SimClient(sim).login(account, null);
        secrets.add(HttpUrl.get(second).queryParameter("request_token"));
        flow(profile, "wrong-secret-0123456789", outcomes).onNavigation(second);
        ActiveSession session = (ActiveSession) outcomes.get(0);
        secrets.add(session.accessToken());
        assertTrue(outcomes.get(1) instanceof Explanation && outcomes.get(2) instanceof Explanation, outcomes.toString());

        SessionService service = new SessionService(new AppSettingsStore(temp.resolve("config")), new InMemorySecretStore(),
                KiteClient.defaultHttpClient(), clock);
        service.saveProfile(profile, account.apiSecret());
        service.recordLogin(profile, session);
        assertEquals(LivenessVerdict.LIVE, service.check(profile).verdict());
        sim.invalidateAccessTokens(account.userId());
        assertEquals(LivenessVerdict.REFUSED, service.check(profile).verdict());

        String written = Files.readString(logs.resolve("kite-session.0.log"));
        assertTrue(written.contains("INFO com.kitesession.sim.KiteSimulator: Kite simulator listening on " + sim.baseUrl()), written);
        assertTrue(written.contains("Login of profile p1 exchanged: session of " + account.userId() + " until "), written);
        assertTrue(written.contains("WARNING com.kitesession.login.LoginAttempt: Login of profile p1 failed at the exchange: TokenException"), written);
        assertTrue(written.contains("Liveness of profile p1: LIVE"), written);
        assertTrue(written.contains("Liveness of profile p1: REFUSED (TokenException, HTTP 403)"), written);
        for (String secret : secrets) assertFalse(written.contains(secret), () -> "leaked " + secret + ":\n" + written);
        assertFalse(written.contains(LogRedactor.MASK), () -> "a line needed masking:\n" + written);
    }

    @Test
    void recoveringDamagedSettingsIsLogged() throws Exception {
        Path config = temp.resolve("config");
        AppSettingsStore store = new AppSettingsStore(config);
        store.update(s -> s.livenessMinutes = 7);
        store.update(s -> s.livenessMinutes = 8);
        Files.writeString(config.resolve("settings.json"), "{\"version\":2,\"profiles\":[");
        assertEquals(7, new AppSettingsStore(config).load().settings().livenessMinutes);
        String written = Files.readString(logs.resolve("kite-session.0.log"));
        assertTrue(written.contains("WARNING com.kitesession.storage.AppSettingsStore: Damaged settings recovered"), written);
        assertTrue(written.contains("the backup settings.json.bak was restored"), written);
    }

    private LoginAttempt flow(KiteProfile profile, String secret, List<Object> outcomes) {
        return new LoginAttempt(profile, secret, new KiteClient(sim.baseUrl()), TokenExpiry.documented(), clock,
                SAME_THREAD, SAME_THREAD, new LoginAttempt.Listener() {
                    @Override
                    public void exchanging() {}

                    @Override
                    public void loggedIn(ActiveSession s) {
                        outcomes.add(s);
                    }

                    @Override
                    public void failed(Explanation e) {
                        outcomes.add(e);
                    }
                });
    }
}
