package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.secrets.SecretNames;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.testing.Loopback;
import com.kitesession.testing.SimClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code login --browser} against the simulator, on a machine with no display: the command prints
 * the login address, the test plays the browser (logs in over HTTP with the address's
 * redirect_params), and the redirect comes back to the command's loopback listener or is pasted
 * on its standard input. Only the token reaches standard output; the secret never shows.
 */
class LoginBrowserCommandTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private final int port = Loopback.freePort();
    private final String loopback = "http://127.0.0.1:" + port + "/kite-redirect";
    private LoginFixture f;

    @AfterEach
    void stop() {
        if (f != null) f.close();
    }

    private LoginFixture fixture(String redirectUrl) throws IOException {
        f = new LoginFixture(dir, redirectUrl);
        return f;
    }

    /** The browser's part: logs in with the login address's state; returns where Kite sends the browser. */
    private String logInAsTheBrowser(String loginUrl) {
        return new SimClient(f.sim).login(f.account, HttpUrl.get(loginUrl).queryParameter("redirect_params"));
    }

    @Test
    void theLoopbackRedirectLogsInStoresTheSessionAndPrintsOnlyTheToken() throws Exception {
        KiteProfile profile = fixture(loopback).saveProfile("p1", "Live", loopback);
        LoginFixture.Running login = f.start("--browser", "--timeout", "1m");
        String loginUrl = login.loginUrl();
        assertTrue(loginUrl.startsWith(f.sim.baseUrl() + "/connect/login?v=3&api_key=" + f.account.apiKey()
                + "&redirect_params=ks_state%3D"), loginUrl);
        String said = login.awaitErr("Waiting for Kite to send the browser back to " + loopback);
        assertTrue(said.contains("No browser can open here"), said);
        assertTrue(said.contains("Open the address in any browser, on this computer or another one."), said);
        assertTrue(said.contains("Or paste here the address the browser lands on"), said);

        String redirect = logInAsTheBrowser(loginUrl);
        String tab = Loopback.get(redirect);
        assertTrue(tab.contains("You can close this tab"), tab);
        String requestToken = HttpUrl.get(redirect).queryParameter("request_token");
        assertFalse(tab.contains(requestToken), "the tab never echoes the request_token");

        assertEquals(0, login.exitCode(QUICKLY), login.err.text());
        ActiveSession stored = f.storedSession(profile).orElseThrow();
        assertEquals(stored.accessToken() + System.lineSeparator(), login.out.text(), "nothing but the token");
        assertEquals(f.account.userId(), stored.userId());
        assertEquals(LoginFixture.LOGIN, stored.loginTime());
        assertEquals(200, new SimClient(f.sim).profile(f.account.apiKey(), stored.accessToken()).code(), "Kite takes it");
        login.assertNoSecretsShown(stored.accessToken());
        assertFalse(login.err.text().contains(requestToken), login.err.text());
        assertClosedSoon("the listener is closed once the login is done");
    }

    /** The profile's Run after login command runs here too, as after a login in the window: the token on stdin. */
    @Test
    void theAfterLoginCommandGetsTheTokenOnStandardInputOnceItIsPrinted() throws Exception {
        KiteProfile profile = fixture(loopback).saveProfile("p1", "Live", loopback);
        Path received = dir.resolve("received.txt");
        Path script = dir.resolve("after.sh");
        Files.writeString(script, "read -r token\nprintf '%s %s' \"$KITE_USER_ID\" \"$token\" > \"$1\"\necho done\n");
        f.store.update(s -> s.afterLogin.put(profile.id(), "sh " + script + " " + received));
        LoginFixture.Running login = f.start("--browser", "--timeout", "1m");
        String loginUrl = login.loginUrl();
        login.awaitErr("Waiting for Kite to send the browser back to " + loopback);
        Loopback.get(logInAsTheBrowser(loginUrl));

        assertEquals(0, login.exitCode(QUICKLY), login.err.text());
        String token = f.storedSession(profile).orElseThrow().accessToken();
        assertEquals(token + System.lineSeparator(), login.out.text(), "still nothing but the token on stdout");
        assertEquals(f.account.userId() + " " + token, Files.readString(received), "the environment and stdin");
        assertTrue(login.err.text().contains("After login: sh " + script + " " + received + ": exit 0"), login.err.text());
        login.assertNoSecretsShown(token);
    }

    @Test
    void aSloppyPasteOnStandardInputLogsInWhereTheRedirectIsNotThisComputer() throws Exception {
        String elsewhere = "https://trader.example.com/kite-redirect";
        KiteProfile profile = fixture(elsewhere).saveProfile("p1", "Live", elsewhere);
        LoginFixture.Running login = f.start("--browser", "--profile", "live");
        String said = login.awaitErr("Paste here the address the browser lands on");
        assertTrue(said.contains("Not listening for the redirect: With your browser, the app cannot catch a redirect"
                + " to trader.example.com"), said);
        assertTrue(said.contains("Waiting up to 10 minutes."), said);

        String redirect = logInAsTheBrowser(login.loginUrl());
        // As people paste it: in quotes, with spaces where a long address wrapped.
        login.paste("  \"" + redirect.replace("&", " &") + "\"  ");

        assertEquals(0, login.exitCode(QUICKLY), login.err.text());
        String token = f.storedSession(profile).orElseThrow().accessToken();
        assertEquals(token + System.lineSeparator(), login.out.text());
        login.assertNoSecretsShown(token);
    }

    @Test
    void aBadPasteIsSaidInWordsAndTheNextLineIsRead() throws Exception {
        KiteProfile profile = fixture(loopback).saveProfile("p1", "Live", loopback);
        LoginFixture.Running login = f.start("--browser");
        String loginUrl = login.loginUrl();
        login.paste("https://example.com/elsewhere?request_token=abc");
        login.awaitErr("This is not this profile's redirect address (it starts with " + loopback + ")");
        login.paste(loginUrl);
        login.awaitErr("This is Kite's login page, not the address Kite sends the browser to after it.");
        login.paste("x".repeat(BrowserLogin.MAX_LINE_BYTES + 10));
        login.awaitErr("That line was longer than 8 KB");

        login.paste(logInAsTheBrowser(loginUrl));
        assertEquals(0, login.exitCode(QUICKLY), login.err.text());
        String token = f.storedSession(profile).orElseThrow().accessToken();
        assertEquals(token + System.lineSeparator(), login.out.text());
        login.assertNoSecretsShown(token);
        assertClosedSoon("the listener is closed after a pasted login too");
    }

    @Test
    void noLoginInTimeIsExitSixAndTheListenerIsClosed() throws Exception {
        fixture(loopback).saveProfile("p1", "Live", loopback);
        long started = System.nanoTime();
        LoginFixture.Running login = f.start("--browser", "--timeout", "2s");
        login.awaitErr("Waiting up to 2 seconds.");
        assertEquals(6, login.exitCode(QUICKLY), login.err.text());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0, "quickly");
        assertTrue(login.err.text().contains("No login came back within 2 seconds"), login.err.text());
        assertEquals("", login.out.text());
        assertClosedSoon("nothing listens after the timeout");
        login.assertNoSecretsShown(null);
    }

    @Test
    void withNothingListeningAnEndedInputEndsTheWaitAtOnce() throws Exception {
        String elsewhere = "https://trader.example.com/kite-redirect";
        fixture(elsewhere).saveProfile("p1", "Live", elsewhere);
        LoginFixture.Running login = f.start("--browser").withoutInput();
        assertEquals(6, login.exitCode(QUICKLY), login.err.text());
        assertTrue(login.err.text().contains("Standard input ended, and this command cannot catch the redirect itself"),
                login.err.text());
    }

    @Test
    void aCancelAtKiteIsExitThreeWithNoToken() throws Exception {
        KiteProfile profile = fixture(loopback).saveProfile("p1", "Live", loopback);
        LoginFixture.Running login = f.start("--browser");
        String loginUrl = login.loginUrl();
        SimClient browser = new SimClient(f.sim);
        SimClient.Reply page = browser.openLogin(f.account, HttpUrl.get(loginUrl).queryParameter("redirect_params"));
        Matcher cancel = Pattern.compile("href=\"(/connect/cancel[^\"]+)\"").matcher(page.body());
        assertTrue(cancel.find(), page.body());
        SimClient.Reply cancelled = browser.get(cancel.group(1).replace("&amp;", "&"));
        assertEquals(302, cancelled.code());
        Loopback.get(cancelled.location());

        assertEquals(3, login.exitCode(QUICKLY), login.err.text());
        assertTrue(login.err.text().contains("The login was cancelled."), login.err.text());
        assertTrue(login.err.text().contains("No token was made. Run the command again when you are ready."),
                login.err.text());
        assertEquals("", login.out.text());
        assertTrue(f.storedSession(profile).isEmpty());
        login.assertNoSecretsShown(null);
    }

    @Test
    void anotherLoginsRedirectIsRefusedAndThisLoginStillWorks() throws Exception {
        KiteProfile profile = fixture(loopback).saveProfile("p1", "Live", loopback);
        LoginFixture.Running login = f.start("--browser");
        String loginUrl = login.loginUrl();
        login.awaitErr("Waiting for Kite to send the browser back");
        String old = new SimClient(f.sim).login(f.account, "ks_state=an-older-login");
        assertTrue(Loopback.get(old).contains("another, older login"));
        login.awaitErr("This redirect belongs to another, older login.");

        assertTrue(Loopback.get(logInAsTheBrowser(loginUrl)).contains("You can close this tab"));
        assertEquals(0, login.exitCode(QUICKLY), login.err.text());
        assertEquals(f.storedSession(profile).orElseThrow().accessToken(), login.out.text().strip());
    }

    @Test
    void aWrongApiSecretIsKitesRefusalExitThreeWithTheFix() throws Exception {
        KiteProfile profile = fixture(loopback).saveProfile("p1", "Live", loopback);
        f.secrets.store(SecretNames.apiSecret("p1"), "not-the-apps-secret-0123456789ab");
        LoginFixture.Running login = f.start("--browser");
        Loopback.get(logInAsTheBrowser(login.loginUrl()));
        assertEquals(3, login.exitCode(QUICKLY), login.err.text());
        assertTrue(login.err.text().contains("The api_secret does not match this Kite app."), login.err.text());
        assertTrue(login.err.text().contains("copy the API secret again"), login.err.text());
        assertTrue(f.storedSession(profile).isEmpty());
        assertFalse(login.err.text().contains("not-the-apps-secret-0123456789ab"), login.err.text());
    }

    @Test
    void aTakenPortIsSaidAndPastingStillWorks() throws Exception {
        KiteProfile profile = fixture(loopback).saveProfile("p1", "Live", loopback);
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            LoginFixture.Running login = f.start("--browser");
            login.awaitErr("Not listening for the redirect: http://127.0.0.1:" + port + " is taken by another program");
            login.paste(logInAsTheBrowser(login.loginUrl()));
            assertEquals(0, login.exitCode(QUICKLY), login.err.text());
            assertEquals(f.storedSession(profile).orElseThrow().accessToken(), login.out.text().strip());
        }
    }

    @Test
    void usageProblemsAreExitTwo() throws Exception {
        fixture(loopback).saveProfile("p1", "Live", loopback);
        for (String[] args : new String[][] {{"--browser", "--timeout", "0s"}, {"--browser", "--timeout", "ten"},
                {"--browser", "--timeout", "25h"}, {"--browser", "--profile", "paper"}, {"--browser", "--browser"}}) {
            LoginFixture.Running login = f.start(args).withoutInput();
            assertEquals(2, login.exitCode(QUICKLY), String.join(" ", args));
            assertTrue(login.err.text().contains("usage: kite-session login [--profile NAME] [--browser] [--timeout 10m]"),
                    login.err.text());
        }
        f.secrets.delete(SecretNames.apiSecret("p1"));
        LoginFixture.Running login = f.start("--browser").withoutInput();
        assertEquals(2, login.exitCode(QUICKLY));
        assertTrue(login.err.text().contains("'Live' cannot log in as saved: Enter the app's api_secret"), login.err.text());
    }

    /** Closing a listener whose thread waits in accept() lets go of the port a moment later. */
    private void assertClosedSoon(String why) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Loopback.listening(port)) {
            assertTrue(System.nanoTime() < deadline, why);
            LoginFixture.sleep(20);
        }
    }
}
