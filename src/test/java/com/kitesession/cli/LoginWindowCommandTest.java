package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.desktop.LoginRequest;
import com.kitesession.desktop.SingleInstance;
import com.kitesession.session.KiteProfile;
import com.kitesession.testing.Loopback;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code login} without {@code --browser}: the window logs in. A running window (here its
 * single-instance listener, with the test doing what the window does) gets the request; with
 * none, a window is started where a display exists; without a display the command says to use
 * {@code --browser}. The command prints the token the window stores, and nothing else.
 */
class LoginWindowCommandTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private LoginFixture f;
    private KiteProfile profile;

    @BeforeEach
    void start() throws Exception {
        f = new LoginFixture(dir, "http://127.0.0.1:" + Loopback.freePort() + "/kite-redirect");
        profile = f.saveProfile("p1", "Live", f.account.redirectUrl());
        f.saveProfile("p2", "Paper", f.account.redirectUrl());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private String windowLogsIn(KiteProfile who) throws Exception {
        return f.windowLogsIn(who);
    }

    @Test
    void aRunningWindowIsAskedToLogInAndTheTokenItStoresIsPrinted() throws Exception {
        List<List<String>> handed = new CopyOnWriteArrayList<>();
        List<String> tokens = new CopyOnWriteArrayList<>();
        try (SingleInstance.Primary window = (SingleInstance.Primary) SingleInstance.acquire(f.windowFolder, List.of(),
                args -> {
                    handed.add(args);
                    LoginRequest.profileIn(args).ifPresent(id -> {
                        try {
                            tokens.add(windowLogsIn(f.context.sessionService().profile(id).orElseThrow()));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                })) {
            LoginFixture.Running login = f.start("--profile", "LIVE", "--timeout", "30s");
            assertEquals(0, login.exitCode(QUICKLY), login.err.text());
            assertEquals(List.of(List.of("--login-profile", "p1")), handed);
            assertEquals(tokens.get(0) + System.lineSeparator(), login.out.text(), "nothing but the token");
            assertTrue(login.err.text().contains("Kite Session Manager is running: its window now shows the Kite login"
                    + " for 'Live'. Log in there; waiting up to 30 seconds."), login.err.text());
            assertTrue(f.startedWindows.isEmpty(), "no second window");
            login.assertNoSecretsShown(tokens.get(0));
        }
    }

    @Test
    void withNoWindowRunningOneIsStartedWithTheRequestWhereADisplayExists() throws Exception {
        f.env.put("DISPLAY", ":0");
        LoginFixture.Running login = f.start("--profile", "p2");
        login.awaitErr("Started Kite Session Manager: log in to 'Paper' in its window; waiting up to 10 minutes.");
        assertEquals(List.of(List.of("--login-profile", "p2")), f.startedWindows);
        String token = windowLogsIn(f.context.sessionService().profile("p2").orElseThrow());
        assertEquals(0, login.exitCode(QUICKLY), login.err.text());
        assertEquals(token, login.out.text().strip());
        login.assertNoSecretsShown(token);
    }

    @Test
    void withNoWindowAndNoDisplayTheCommandPointsAtBrowser() throws Exception {
        LoginFixture.Running login = f.start("--profile", "Live");
        assertEquals(2, login.exitCode(QUICKLY), login.err.text());
        assertEquals("No Kite Session Manager window runs here, and this session has no display to open one (neither"
                + " DISPLAY nor WAYLAND_DISPLAY is set, as over SSH). Use `kite-session login --browser`: it prints an"
                + " address to open in a browser on any computer, and takes the address the browser lands on when you"
                + " paste it back." + System.lineSeparator(), login.err.text());
        assertEquals("", login.out.text());
        assertTrue(f.startedWindows.isEmpty());
    }

    @Test
    void theSessionFromBeforeTheRequestIsNotTakenForTheNewOne() throws Exception {
        windowLogsIn(profile);
        try (SingleInstance.Primary window = (SingleInstance.Primary) SingleInstance.acquire(f.windowFolder, List.of(),
                args -> { })) {
            LoginFixture.Running login = f.start("--profile", "p1", "--timeout", "1s");
            assertEquals(6, login.exitCode(QUICKLY), login.err.text());
            assertEquals("", login.out.text());
            assertTrue(login.err.text().contains("No login for 'Live' came back from the window within 1 second."),
                    login.err.text());
        }
    }
}
