package com.kitesession.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteTime;
import com.kitesession.secrets.InMemorySecretStore;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.testing.SimClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty live sessions against a simulator that, like Kite, answers 429 past 10 requests a second:
 * the paced round checks every one of them; the same round unpaced trips the limit.
 */
class LivenessRoundTest {
    private static final int PROFILES = 20;

    @TempDir
    Path folder;
    private final SimulatorClock clock = SimulatorClock.fixedAt(
            ZonedDateTime.of(LocalDateTime.parse("2026-11-23T10:00:00"), KiteTime.IST).toInstant());
    private KiteSimulator sim;
    private SessionService service;

    @BeforeEach
    void twentyLiveSessions() throws Exception {
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).build()); // Kite's 10 a second
        DemoAccount account = sim.account();
        service = new SessionService(new AppSettingsStore(folder), new InMemorySecretStore(), KiteClient.defaultHttpClient(),
                clock);
        String requestToken = new SimClient(sim).requestToken(account);
        ActiveSession session = ActiveSession.of(new KiteClient(sim.baseUrl()).generateSession(account.apiKey(), requestToken,
                account.apiSecret()), service.expiry(), clock);
        // One login shared by twenty profiles: twenty checks, and no logins to pace in the set-up.
        for (int i = 1; i <= PROFILES; i++) {
            KiteProfile profile = new KiteProfile("p" + i, "Account " + i, account.apiKey(), account.redirectUrl(),
                    account.userId(), sim.baseUrl(), sim.baseUrl());
            service.saveProfile(profile, account.apiSecret());
            service.recordLogin(profile, session);
        }
        Thread.sleep(1100); // the set-up's own requests out of the simulator's one-second window
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** How many sessions the round checked at {@code at}. */
    private long checkedAt(Instant at) throws Exception {
        return service.statuses().stream().filter(row -> at.equals(row.record().checkedAt())).count();
    }

    private List<LivenessVerdict> verdicts() throws Exception {
        List<LivenessVerdict> verdicts = new ArrayList<>();
        for (ProfileStatus row : service.statuses()) verdicts.add(row.record().lastVerdict());
        return verdicts;
    }

    @Test
    void pacedEverySessionIsCheckedWithinKitesLimit() throws Exception {
        clock.advance(Duration.ofMinutes(1)); // the round's checks apart from the logins'
        Map<String, ?> refused = new LivenessRound(service, Pacer.forKite()).run(clock.instant());
        assertEquals(Map.of(), refused);
        assertEquals(List.of(LivenessVerdict.LIVE), verdicts().stream().distinct().toList(), verdicts().toString());
        assertEquals(PROFILES, checkedAt(clock.instant()));
    }

    @Test
    void unpacedTheSameRoundTripsTheLimit() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        Pacer none = new Pacer(Duration.ZERO, duration -> { }, System::nanoTime);
        new LivenessRound(service, none).run(clock.instant());
        // Past the tenth, Kite's 429s leave sessions unchecked: their last verdict is the login's.
        assertTrue(checkedAt(clock.instant()) < PROFILES, "429s past the tenth: " + checkedAt(clock.instant()) + " checked");
    }
}
