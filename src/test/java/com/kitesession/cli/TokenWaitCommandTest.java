package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.desktop.LoginRequest;
import com.kitesession.desktop.SingleInstance;
import com.kitesession.session.KiteProfile;
import com.kitesession.storage.LoginOutcomes;
import com.kitesession.testing.Loopback;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code token --wait}: a token Kite confirms is printed at once; otherwise the window (here its
 * single-instance listener, the test doing what the window does) is asked to log in, and the
 * fresh token it stores is printed. A cancel in the window ends the wait with 3, the timeout with 6.
 */
class TokenWaitCommandTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private LoginFixture f;
    private KiteProfile profile;
    private final List<List<String>> handed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        f = new LoginFixture(dir, "http://127.0.0.1:" + Loopback.freePort() + "/kite-redirect");
        profile = f.saveProfile("p1", "Live", f.account.redirectUrl());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private String windowLogsIn(KiteProfile who) throws Exception {
        return f.windowLogsIn(who);
    }

    /** A running window that only notes the requests handed to it, then does {@code then}. */
    private SingleInstance.Primary window(Consumer<String> then) throws Exception {
        return (SingleInstance.Primary) SingleInstance.acquire(f.windowFolder, List.of(), args -> {
            handed.add(args);
            LoginRequest.profileIn(args).ifPresent(then);
        });
    }

    @Test
    void aLiveTokenIsPrintedAtOnceWithoutAskingTheWindow() throws Exception {
        String token = windowLogsIn(profile);
        try (SingleInstance.Primary running = window(id -> { })) {
            LoginFixture.Running wait = f.startToken("--wait", "--profile", "Live");
            assertEquals(0, wait.exitCode(QUICKLY), wait.err.text());
            assertEquals(token + System.lineSeparator(), wait.out.text());
            assertTrue(handed.isEmpty(), "the window was not asked");
            assertTrue(f.startedWindows.isEmpty());
            wait.assertNoSecretsShown(token);
        }
    }

    @Test
    void aTokenKiteRefusedIsReplacedByTheWindowsFreshLogin() throws Exception {
        String old = windowLogsIn(profile);
        f.sim.invalidateAccessTokens(f.account.userId());
        try (SingleInstance.Primary running = window(id -> { })) {
            LoginFixture.Running wait = f.startToken("--wait", "--timeout", "30s");
            wait.awaitErr("waiting up to 30 seconds");
            String fresh = windowLogsIn(profile);
            assertEquals(0, wait.exitCode(QUICKLY), wait.err.text());
            assertEquals(List.of(List.of("--login-profile", "p1")), handed);
            assertEquals(fresh + System.lineSeparator(), wait.out.text());
            assertTrue(!fresh.equals(old));
            assertTrue(wait.err.text().startsWith("Kite refused the stored session for 'Live': a fresh login is needed."),
                    wait.err.text());
            wait.assertNoSecretsShown(fresh);
            wait.assertNoSecretsShown(old);
        }
    }

    @Test
    void twoWaitingCommandsBothGetTheOneLogin() throws Exception {
        try (SingleInstance.Primary running = window(id -> { })) {
            LoginFixture.Running first = f.startToken("--wait");
            LoginFixture.Running second = f.startToken("--wait", "--profile", "p1");
            first.awaitErr("waiting up to 15 minutes");
            second.awaitErr("waiting up to 15 minutes");
            String token = windowLogsIn(profile);
            assertEquals(0, first.exitCode(QUICKLY), first.err.text());
            assertEquals(0, second.exitCode(QUICKLY), second.err.text());
            assertEquals(token, first.out.text().strip());
            assertEquals(token, second.out.text().strip());
            assertEquals(2, handed.size(), "both asked; the window keeps one login open for both");
        }
    }

    @Test
    void aLoginCancelledInTheWindowEndsTheWaitWith3() throws Exception {
        LoginOutcomes outcomes = new LoginOutcomes(f.windowFolder);
        outcomes.record("p1", LoginOutcomes.Kind.CANCELLED, f.clock.instant().minusSeconds(60)); // an older cancel
        try (SingleInstance.Primary running = window(id -> { })) {
            LoginFixture.Running wait = f.startToken("--wait");
            wait.awaitErr("waiting up to");
            outcomes.record("p1", LoginOutcomes.Kind.CANCELLED, f.clock.instant());
            assertEquals(3, wait.exitCode(QUICKLY), wait.err.text());
            assertEquals("", wait.out.text());
            assertTrue(wait.err.text().contains("The login for 'Live' was cancelled in the window, so no token was printed."
                    + " Run the command again to log in."), wait.err.text());
        }
    }

    @Test
    void noLoginInTimeIs6() throws Exception {
        try (SingleInstance.Primary running = window(id -> { })) {
            LoginFixture.Running wait = f.startToken("--wait", "--timeout", "1s");
            assertEquals(6, wait.exitCode(QUICKLY), wait.err.text());
            assertEquals("", wait.out.text());
            assertTrue(wait.err.text().contains("No login for 'Live' came back from the window within 1 second."),
                    wait.err.text());
        }
    }

    @Test
    void withNoWindowRunningOneIsStartedWhereADisplayExists() throws Exception {
        f.env.put("DISPLAY", ":0");
        LoginFixture.Running wait = f.startToken("--wait");
        wait.awaitErr("Started Kite Session Manager: log in to 'Live' in its window");
        assertEquals(List.of(List.of("--login-profile", "p1")), f.startedWindows);
        String token = windowLogsIn(profile);
        assertEquals(0, wait.exitCode(QUICKLY), wait.err.text());
        assertEquals(token, wait.out.text().strip());
    }

    @Test
    void withNoWindowAndNoDisplayTheCommandPointsAtLoginBrowser() throws Exception {
        LoginFixture.Running wait = f.startToken("--wait");
        assertEquals(2, wait.exitCode(QUICKLY), wait.err.text());
        assertTrue(wait.err.text().contains("Use `kite-session login --browser`"), wait.err.text());
        assertEquals("", wait.out.text());
        assertTrue(f.startedWindows.isEmpty());
    }

    @Test
    void aLockedStoreIs5() throws Exception {
        windowLogsIn(profile);
        f.lockSecrets();
        LoginFixture.Running wait = f.startToken("--wait");
        assertEquals(5, wait.exitCode(QUICKLY), wait.err.text());
        assertEquals("", wait.out.text());
        assertTrue(wait.err.text().contains("could not be read"), wait.err.text());
    }

    @Test
    void timeoutWithoutWaitIsAUsageError() throws Exception {
        LoginFixture.Running wait = f.startToken("--timeout", "1m");
        assertEquals(2, wait.exitCode(QUICKLY), wait.err.text());
        assertTrue(wait.err.text().contains("--timeout goes with --wait"), wait.err.text());
    }
}
