package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.sim.DemoAccount;
import com.kitesession.testing.Loopback;
import com.kitesession.testing.SimClient;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The second way in, end to end against the simulator: Log in with my browser opens the login
 * address in "the system browser" (the recording desktop; the test's HTTP client plays the
 * browser), the loopback listener catches the redirect, the token view follows and the listener
 * is gone. A pasted address does the same; a taken port is said in words and pasting still works.
 */
class BrowserRoadTest extends WindowTestBase {
    private final int port = Loopback.freePort();
    private final String redirectUrl = "http://127.0.0.1:" + port + "/kite-redirect";
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        open(stage);
    }

    @Override
    DemoAccount simulatorAccount() {
        return DemoAccount.standard().withRedirectUrl(redirectUrl);
    }

    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        sessions.saveProfile(new KiteProfile("sim", "Simulator", account().apiKey(), redirectUrl, null,
                simulator.baseUrl(), simulator.baseUrl()), account().apiSecret());
    }

    @Test
    void theSystemBrowsersRedirectIsCaughtAndTheListenerClosed(FxRobot robot) throws Exception {
        String loginUrl = openBrowserRoad(robot);
        assertTrue(text(robot, "#browser-login-waiting").contains("Waiting for Kite to send the browser back to "
                + redirectUrl), text(robot, "#browser-login-waiting"));
        DocsScreenshots.write(onFx(stage::getScene), "browser-road-waiting.png");

        // The browser logs in with the address the app opened, state and all, and Kite sends it back.
        String redirect = new SimClient(simulator).login(account(), HttpUrl.parse(loginUrl).queryParameter("redirect_params"));
        assertTrue(redirect.startsWith(redirectUrl + "?") && redirect.contains("ks_state="), redirect);
        String tab = Loopback.get(redirect);
        assertTrue(tab.contains("You can close this tab"), tab);
        assertFalse(tab.contains(HttpUrl.parse(redirect).queryParameter("request_token")), "the tab never echoes the token");

        waitUntil(() -> visible(robot, "#token-view"), "the token view");
        assertEquals(account().userId(), onFx(() -> robot.lookup("#token-view").queryAs(TokenView.class).session().userId()));
        waitUntil(() -> !Loopback.listening(port), "the listener closed after the capture");
        assertThrows(ConnectException.class, () -> Loopback.get(redirect), "a second request after the capture is refused");
    }

    @Test
    void aPastedAddressLogsInAndABadPasteIsSaidInWords(FxRobot robot) throws Exception {
        String loginUrl = openBrowserRoad(robot);
        paste(robot, "https://example.com/elsewhere");
        waitUntil(() -> text(robot, "#paste-notice").contains("not this profile's redirect address"), "the bad paste");
        String redirect = new SimClient(simulator).login(account(), HttpUrl.parse(loginUrl).queryParameter("redirect_params"));
        // As people paste it: quoted, with a line break, without the scheme.
        String sloppy = "\"" + redirect.replace("http://", "").replace("&", "\n&") + "\" ";
        paste(robot, sloppy);
        waitUntil(() -> visible(robot, "#token-view"), "the token view after the paste");
        waitUntil(() -> !Loopback.listening(port), "the listener closed once the login was done");
    }

    @Test
    void aTakenPortIsSaidInWordsAndPastingStillWorks(FxRobot robot) throws Exception {
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            openBrowserRoad(robot);
            waitUntil(() -> text(robot, "#browser-login-not-waiting").contains("is taken by another program"),
                    "the taken port, in words");
            assertFalse(visible(robot, "#browser-login-waiting"));
            assertTrue(visible(robot, "#paste-redirect"), "pasting is the way on");
        }
    }

    @Test
    void pasteRedirectAddressFromTheMenuOpensNoBrowser(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login-browser").queryButton().isDisabled(), "the profile");
        robot.clickOn("Session");
        waitUntil(() -> robot.lookup("#menu-paste-redirect").tryQuery().isPresent(), "the Session menu");
        robot.clickOn("#menu-paste-redirect");
        waitUntil(() -> visible(robot, "#paste-redirect"), "the paste field");
        assertEquals("Paste the redirect address", onFx(() -> robot.lookup(".browser-login .welcome-title")
                .queryAs(Label.class).getText()));
        assertFalse(visible(robot, "#browser-login-url"), "no browser was opened, so no address to open again");
        assertTrue(desktop.requests.stream().noneMatch(r -> r.startsWith("browse ")));
        assertFalse(Loopback.listening(port));
    }

    /** Presses Log in with my browser; returns the address the app asked the system browser to open. */
    private String openBrowserRoad(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login-browser").queryButton().isDisabled(), "the profile");
        robot.clickOn("#login-browser");
        waitUntil(() -> visible(robot, "#browser-login"), "the browser-road card");
        waitUntil(() -> desktop.requests.stream().anyMatch(r -> r.startsWith("browse ")), "the system browser asked");
        String loginUrl = desktop.requests.stream().filter(r -> r.startsWith("browse ")).reduce((a, b) -> b).orElseThrow()
                .substring("browse ".length());
        assertTrue(loginUrl.startsWith(simulator.baseUrl() + "/connect/login?v=3&api_key=" + account().apiKey()
                + "&redirect_params=ks_state%3D"), loginUrl);
        assertEquals(loginUrl, onFx(() -> robot.lookup("#browser-login-url").queryAs(TextField.class).getText()));
        return loginUrl;
    }

    private static void paste(FxRobot robot, String text) {
        onFx(() -> {
            robot.lookup("#paste-redirect").queryAs(TextField.class).setText(text);
            robot.lookup("#use-pasted-redirect").queryButton().fire();
            return null;
        });
    }
}
