package com.kitesession.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteTime;
import com.kitesession.logging.LogRedactor;
import com.kitesession.secrets.InMemorySecretStore;
import com.kitesession.secrets.SecretNames;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import com.kitesession.session.SessionState;
import com.kitesession.session.TokenExpiry;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.storage.AppSettings;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.testing.SimClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions that last, against the simulator: states, liveness, logout, restart, export. */
class SessionServiceTest {
    private static final Instant TEN_AM_IST = ist("2026-11-23T10:00:00");

    @TempDir
    Path folder;

    private final SimulatorClock clock = SimulatorClock.fixedAt(TEN_AM_IST);
    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private KiteSimulator sim;
    private DemoAccount account;
    private SessionService service;
    private KiteProfile profile;

    private static Instant ist(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), KiteTime.IST).toInstant();
    }

    @BeforeEach
    void start() throws Exception {
        sim = KiteSimulator.start(SimulatorConfig.builder().clock(clock).build());
        account = sim.account();
        service = new SessionService(new AppSettingsStore(folder), secrets, KiteClient.defaultHttpClient(), clock);
        profile = new KiteProfile("p1", "Main account", account.apiKey(), account.redirectUrl(), account.userId(),
                sim.baseUrl(), sim.baseUrl());
        service.saveProfile(profile, account.apiSecret());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private ActiveSession login() throws Exception {
        return login(profile);
    }

    private ActiveSession login(KiteProfile into) throws Exception {
        String requestToken = new SimClient(sim).requestToken(account);
        var user = new KiteClient(sim.baseUrl()).generateSession(account.apiKey(), requestToken, account.apiSecret());
        ActiveSession session = ActiveSession.of(user, service.expiry(), clock);
        service.recordLogin(into, session);
        return session;
    }

    private SessionState state() throws Exception {
        return service.statuses().get(0).state(clock.instant());
    }

    @Test
    void aNewProfileIsNotLoggedInAndItsSecretIsInTheStoreNotTheSettings() throws Exception {
        assertEquals(SessionState.NOT_LOGGED_IN, state());
        assertEquals(account.apiSecret(), secrets.load(SecretNames.apiSecret("p1")).orElseThrow());
        assertFalse(Files.readString(folder.resolve("settings.json")).contains(account.apiSecret()));
    }

    @Test
    void aBlankStoredTokenIsNoToken() throws Exception {
        login();
        secrets.store(SecretNames.accessToken("p1"), "  ");
        assertEquals(SessionState.NOT_LOGGED_IN, state(), "the window and the token command agree");
        assertTrue(service.session(profile).isEmpty());
    }

    @Test
    void activeUntilSixIstThenExpiredWithoutACall() throws Exception {
        ActiveSession session = login();
        assertEquals(SessionState.ACTIVE, state());
        assertFalse(Files.readString(folder.resolve("settings.json")).contains(session.accessToken()));

        clock.setInstant(ist("2026-11-24T05:45:00"));
        assertEquals(SessionState.EXPIRING_SOON, state());
        clock.setInstant(ist("2026-11-24T05:59:59"));
        assertEquals(SessionState.EXPIRING_SOON, state());
        sim.close(); // no call is needed to know it expired
        clock.setInstant(ist("2026-11-24T06:00:00"));
        assertEquals(SessionState.EXPIRED, state());
    }

    @Test
    void logoutElsewhereIsInvalidatedEarlyWithTheExplanation() throws Exception {
        login();
        assertEquals(LivenessVerdict.LIVE, service.check(profile).verdict());
        sim.invalidateAccessTokens(account.userId());
        SessionService.CheckResult result = service.check(profile);
        assertEquals(LivenessVerdict.REFUSED, result.verdict());
        assertEquals("The session was ended early", result.explanation().title());
        assertEquals(SessionState.INVALIDATED, state());
    }

    @Test
    void simulatorDownIsUnknownOfflineAndTheTokenIsKept() throws Exception {
        ActiveSession session = login();
        sim.close();
        SessionService.CheckResult result = service.check(profile);
        assertEquals(LivenessVerdict.OFFLINE, result.verdict());
        assertEquals("Cannot reach Kite at 127.0.0.1", result.explanation().title());
        assertEquals(SessionState.UNKNOWN_OFFLINE, state());
        assertEquals(session.accessToken(), service.session(profile).orElseThrow().accessToken());
    }

    @Test
    void tooManyRequestsSaysNothingAboutTheTokenAndTheLastVerdictStands() throws Exception {
        ActiveSession session = login();
        assertEquals(LivenessVerdict.LIVE, service.check(profile).verdict());
        SimClient scripts = new SimClient(sim);
        for (int i = 0; i < 12; i++) scripts.profile(account.apiKey(), session.accessToken()); // a script polling hard
        SessionService.CheckResult result = service.check(profile);
        assertTrue(result.rateLimited(), "a 429: not checked");
        assertEquals("Too many requests to Kite", result.explanation().title());
        assertEquals(SessionState.ACTIVE, state(), "neither refused nor offline: live when last checked");
        assertEquals(LivenessVerdict.LIVE, service.statuses().get(0).record().lastVerdict());
        assertTrue(service.session(profile).isPresent());
    }

    @Test
    void logoutKillsTheTokenAtKiteAndWipesIt() throws Exception {
        ActiveSession session = login();
        assertTrue(service.logout(profile).done());
        assertEquals(SessionState.NOT_LOGGED_IN, state());
        assertTrue(secrets.load(SecretNames.accessToken("p1")).isEmpty());
        assertEquals(403, new SimClient(sim).profile(account.apiKey(), session.accessToken()).code());
    }

    @Test
    void logoutOfflineKeepsTheTokenUntilThePersonForgetsIt() throws Exception {
        login();
        sim.close();
        SessionService.LogoutResult result = service.logout(profile);
        assertFalse(result.done());
        assertEquals("Cannot reach Kite at 127.0.0.1", result.problem().title());
        assertTrue(service.session(profile).isPresent());
        service.forgetSession(profile);
        assertEquals(SessionState.NOT_LOGGED_IN, state());
    }

    @Test
    void aRestartFindsTheSessionAsItWas() throws Exception {
        ActiveSession session = login();
        SessionService restarted = new SessionService(new AppSettingsStore(folder), secrets, KiteClient.defaultHttpClient(), clock);
        ProfileStatus row = restarted.statuses().get(0);
        assertEquals("Main account", row.profile().name());
        assertEquals(SessionState.ACTIVE, row.state(clock.instant()));
        assertEquals(session, restarted.session(profile).orElseThrow());
    }

    @Test
    void eachLoginIsExportedForScripts() throws Exception {
        Path export = folder.resolve("out/kite-token.json");
        Files.createDirectories(export.getParent());
        service.setExport(profile, new AppSettings.TokenExport(export.toString(), AppSettings.ExportFormat.JSON));
        ActiveSession session = login();
        JsonObject json = JsonParser.parseString(Files.readString(export)).getAsJsonObject();
        assertEquals(session.accessToken(), json.get("access_token").getAsString());
        assertEquals("2026-11-24T06:00:00+05:30", json.get("expires_at").getAsString());
    }

    @Test
    void deletingAProfileRemovesItsSecrets() throws Exception {
        login();
        service.deleteProfile(profile);
        assertTrue(service.profiles().isEmpty());
        assertTrue(secrets.load(SecretNames.apiSecret("p1")).isEmpty());
        assertTrue(secrets.load(SecretNames.accessToken("p1")).isEmpty());
    }

    /** Log in asks {@link SessionService#expiry()} on the window's thread: a hand-edited "6am" used to throw there. */
    @Test
    void anExpiryTimeThatIsNoTimeGivesTheDocumentedExpiryAndANoteNotAnException() throws Exception {
        Path other = Files.createDirectory(folder.resolve("hand-edited"));
        Files.writeString(other.resolve("settings.json"), "{\"version\":2,\"expiryTime\":\"6am\"}");
        SessionService edited = new SessionService(new AppSettingsStore(other), secrets, KiteClient.defaultHttpClient(), clock);
        assertEquals(TokenExpiry.DOCUMENTED_EXPIRY, edited.expiry().expiryTime());
        assertEquals(ist("2026-11-24T06:00:00"), edited.expiry().expiresAt(TEN_AM_IST).toInstant());
        assertTrue(edited.loadProblem().orElseThrow().contains("expiryTime"));
        // Set in memory behind the loader's back, it still does not throw.
        edited.settings().expiryTime = "later";
        assertEquals(TokenExpiry.DOCUMENTED_EXPIRY, edited.expiry().expiryTime());
    }

    /** Masked while registered; a letter after it keeps a 32-character token from looking like one. */
    private static boolean masked(String secret) {
        return !LogRedactor.redact("saw " + secret + "x").contains(secret);
    }

    @Test
    void aLogoutLetsTheLogsForgetTheSessionsTokenAndADeletedProfileItsSecrets() throws Exception {
        String token = login().accessToken();
        assertTrue(masked(token));
        service.logout(profile);
        assertFalse(masked(token), "a dead token need not be remembered for the life of the process");

        String shared = "correct horse battery staple";
        KiteProfile twin = new KiteProfile("p2", "Twin", "twinkey", account.redirectUrl(), "AB0002", sim.baseUrl(), sim.baseUrl());
        KiteProfile third = new KiteProfile("p3", "Third", "thirdkey", account.redirectUrl(), "AB0003", sim.baseUrl(), sim.baseUrl());
        service.saveProfile(twin, shared);
        service.saveProfile(third, shared);
        service.saveLoginSecrets(twin, "twin-password-1", "");
        service.deleteProfile(twin);
        assertTrue(masked(shared), "the third profile still has the same api_secret");
        assertFalse(masked("twin-password-1"));
        service.deleteProfile(third);
        assertFalse(masked(shared));
    }

    @Test
    void theDemoLivesInThisRunsMemoryAndNeverWritesTheSettingsOrTheSecretStore() throws Exception {
        String settingsBefore = Files.readString(folder.resolve("settings.json"));
        KiteProfile demo = new KiteProfile(KiteProfile.DEMO_ID, "Demo", account.apiKey(), account.redirectUrl(),
                account.userId(), sim.baseUrl(), sim.baseUrl());
        service.setDemo(demo, account.apiSecret(), account.password(), account.totpSecretBase32());
        assertEquals(List.of(profile, demo), service.profiles());
        assertEquals("this run's memory (the demo keeps nothing on disk)", service.describeSecrets(demo));
        assertEquals(account.apiSecret(), service.apiSecret(demo).orElseThrow());
        assertEquals(account.password(), service.loginSecrets(demo).password().orElseThrow());

        String token = login(demo).accessToken();
        service.setDefault(demo);
        assertEquals(SessionState.ACTIVE, service.statuses().get(1).state(clock.instant()));
        assertFalse(service.statuses().get(1).isDefault());
        assertEquals(LivenessVerdict.LIVE, service.check(demo).verdict());
        assertTrue(masked(token));
        assertTrue(service.logout(demo).done());
        assertFalse(masked(token));
        service.deleteProfile(demo);

        assertEquals(List.of(profile), service.profiles());
        assertEquals(settingsBefore, Files.readString(folder.resolve("settings.json")));
        for (String name : SecretNames.all(KiteProfile.DEMO_ID)) assertTrue(secrets.load(name).isEmpty(), name);
    }
}
