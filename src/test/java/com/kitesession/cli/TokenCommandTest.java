package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import com.kitesession.testing.SimClient;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import com.kitesession.secrets.SecretNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {
    @TempDir
    Path dir;
    private CliFixture f;
    private KiteProfile app;

    @BeforeEach
    void start() throws Exception {
        f = new CliFixture(dir);
        app = f.profile("p1", "My app");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private SessionRecord record() {
        return f.store.load().settings().sessions.get(app.id());
    }

    /** Whatever happened, a person never sees a stack trace. */
    private void assertNoStackTrace() {
        assertFalse(f.err().contains("\tat ") || f.err().contains("Exception:"), f.err());
    }

    @Test
    void printsOnlyTheLiveToken() throws Exception {
        String token = f.loggedIn(app);
        assertEquals(0, f.token(), f.err());
        assertEquals(token + System.lineSeparator(), f.out());
        assertEquals("", f.err());
    }

    @Test
    void checkAsksKiteThenPrintsTheTokenAndRecordsTheVerdict() throws Exception {
        String token = f.loggedIn(app);
        f.clock.advance(Duration.ofMinutes(5));
        assertEquals(0, f.token("--check"), f.err());
        assertEquals(token, f.out().strip());
        assertEquals(LivenessVerdict.LIVE, record().lastVerdict());
        assertEquals(f.clock.instant(), record().checkedAt());
    }

    @Test
    void pastSixInTheMorningIstTheTokenIsExpired() throws Exception {
        String token = f.loggedIn(app);
        f.clock.setInstant(Instant.parse("2026-11-24T00:30:01Z")); // 06:00:01 IST: simulator and CLI alike
        assertEquals(403, new SimClient(f.sim).profile(f.account.apiKey(), token).code(), "Kite agrees it is dead");

        assertEquals(3, f.token());
        assertEquals("", f.out());
        assertEquals("The session for 'My app' expired at 06:00 IST on Tue 24 Nov. Log in again in Kite Session Manager."
                + System.lineSeparator(), f.err());
        assertEquals(3, f.token("--check"), "no need to ask Kite about an expired token");
        assertEquals("", f.out());
    }

    @Test
    void checkAfterALogoutElsewhereExitsThreeAndMarksTheSessionRefused() throws Exception {
        f.loggedIn(app);
        f.sim.invalidateAccessTokens(f.account.userId());

        assertEquals(3, f.token("--check"));
        assertEquals("", f.out());
        assertTrue(f.err().contains("Kite refused the session for 'My app'"), f.err());
        assertNoStackTrace();
        assertEquals(LivenessVerdict.REFUSED, record().lastVerdict(), "the window will show it as invalidated early");

        // Without --check it is now known to be dead.
        assertEquals(3, f.token());
        assertTrue(f.err().contains("ended before its daily expiry"), f.err());
    }

    @Test
    void checkWithKiteUnreachableExitsFourAndPrintsNoToken() throws Exception {
        String token = f.loggedIn(app);
        f.sim.close();

        assertEquals(4, f.token("--check"));
        assertEquals("", f.out());
        assertTrue(f.err().contains("the token was not checked"), f.err());
        assertFalse(f.err().contains(token), "never the token on stderr");
        assertNoStackTrace();
        // Recorded as the window records it: unknown (offline), the token kept, never "refused".
        assertEquals(SessionRecord.LivenessVerdict.OFFLINE, record().lastVerdict());
        assertTrue(f.secrets.load(SecretNames.accessToken(app.id())).isPresent());
    }

    @Test
    void checkWhileScriptsUseUpKitesRateExitsFourSaysWhyAndKeepsTheLastVerdict() throws Exception {
        String token = f.loggedIn(app);
        assertEquals(0, f.token("--check"), f.err());
        SimClient scripts = new SimClient(f.sim);
        for (int i = 0; i < 12; i++) scripts.profile(f.account.apiKey(), token); // a script polling hard

        assertEquals(4, f.token("--check"));
        assertTrue(f.err().startsWith("Kite was too busy (too many requests) to check the session for 'My app'"), f.err());
        assertTrue(f.err().contains("Too many requests to Kite"), f.err());
        assertFalse(f.err().contains(token), "never the token on stderr");
        assertEquals(LivenessVerdict.LIVE, record().lastVerdict(), "not checked: the last verdict stands");
    }

    @Test
    void aRefusalIsNotPinnedOnANewerSession() throws Exception {
        f.loggedIn(app);
        f.sim.invalidateAccessTokens(f.account.userId());
        // The window logs in again while the CLI's check is on its way to Kite.
        SessionRecord newer = new SessionRecord("DM1234", "Demo Trader", CliFixture.LOGIN.plusSeconds(60),
                Instant.parse("2026-11-24T00:30:00Z"), null, null);
        OkHttpClient racing = new OkHttpClient.Builder().addInterceptor(chain -> {
            f.settings(s -> s.sessions.put(app.id(), newer));
            return chain.proceed(chain.request());
        }).build();
        CliContext context = new CliContext(f.store, f.secrets, f.clock, racing);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

        assertEquals(3, TokenCommand.run(new String[] {"--check"}, context, quiet, quiet));
        assertEquals(newer, record(), "the old token's refusal does not mark the new session");
    }

    @Test
    void notLoggedInExitsThree() throws Exception {
        f.remember(app, null, null);
        assertEquals(3, f.token());
        assertEquals("'My app' is not logged in. Log in in Kite Session Manager." + System.lineSeparator(), f.err());
    }

    @Test
    void profilesAreFoundByNameInAnyCaseOrById() throws Exception {
        String first = f.loggedIn(app);
        String second = f.loggedIn(f.profile("p2", "Other app"));

        assertEquals(2, f.token(), "two profiles and no default");
        assertTrue(f.err().contains("--profile"), f.err());

        assertEquals(0, f.token("--profile", "my APP"), f.err());
        assertEquals(first, f.out().strip());
        assertEquals(0, f.token("--profile", "p2"), f.err());
        assertEquals(second, f.out().strip());

        f.settings(s -> s.defaultProfileId = "p2");
        assertEquals(0, f.token(), f.err());
        assertEquals(second, f.out().strip());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        f.loggedIn(app);
        assertEquals(2, f.token("--profile", "Nobody"));
        assertTrue(f.err().contains("no profile is called 'Nobody'"), f.err());
        assertEquals(2, f.token("--profile"));
        assertEquals(2, f.token("--verbose"));
        assertEquals("", f.out());
    }

    @Test
    void noProfilesIsAUsageError() {
        assertEquals(2, f.token());
        assertTrue(f.err().contains("no profiles"), f.err());
    }

    @Test
    void anUnreadableSecretStoreIsExplained() throws Exception {
        f.loggedIn(app);
        f.lockSecrets();
        assertEquals(5, f.token());
        assertEquals("", f.out());
        assertTrue(f.err().contains("The encrypted secrets file is locked"), f.err());
    }

    @Test
    void aDamagedSettingsFileIsMentionedButTheBackupStillServes() throws Exception {
        String token = f.loggedIn(app);
        f.settings(s -> s.livenessMinutes = 9); // so the backup holds the logged-in session
        Files.writeString(f.store.file(), "{\"version\":2,\"pro");
        assertEquals(0, f.token(), f.err());
        assertEquals(token, f.out().strip());
        assertTrue(f.err().startsWith("Note: The settings file"), f.err());
    }
}
