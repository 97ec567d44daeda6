package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.KiteClient;
import com.kitesession.kite.UserProfile;
import com.kitesession.otp.Totp;
import com.kitesession.session.ActiveSession;
import com.kitesession.testing.WebPage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole flow as a trader does it: the real window, the real WebView, the built-in Kite
 * simulator on 127.0.0.1, and the simulator's clock shared with the app so the countdown can
 * be checked to the second.
 */
class LoginEndToEndTest extends WindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }


    /** Waits for the demo profile, presses Login, types user id and password like a person. */
    private WebPage loginUpToTwoFactor(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the simulator profile");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        page.type("#userid", account().userId());
        page.type("#password", account().password());
        page.click("button[type=submit]");
        page.waitFor(CODE_FIELD);
        return page;
    }

    @Test
    void loginWithTheSimulatorShowsTheTokenCountdownAndCopies(FxRobot robot) throws Exception {
        WebPage page = loginUpToTwoFactor(robot);
        page.type(CODE_FIELD, Totp.code(account().totpSecretBase32(), clock.instant()));

        waitUntil(() -> visible(robot, "#token-view"), "the token view");
        ActiveSession session = onFx(() -> robot.lookup("#token-view").queryAs(TokenView.class).session());
        // The token is the simulator's: the simulator accepts it for this user.
        UserProfile profile = new KiteClient(simulator.baseUrl()).getProfile(account().apiKey(), session.accessToken());
        assertEquals(account().userId(), profile.userId());
        assertEquals(account().userId() + " \u00b7 " + account().userName(), text(robot, "#token-user"));
        assertFalse(text(robot, "#token-value").contains(session.accessToken()), "masked until revealed");

        // Logged in at 10:00 IST on the simulator's clock: 20 hours to 06:00 IST.
        // In hours and minutes while hours are left (the minute rounded up), as the list and the title say it.
        assertEquals("20 h 00 m", text(robot, "#countdown"));
        clock.advance(Duration.ofHours(1).plusMinutes(30).plusSeconds(5));
        waitUntil(() -> text(robot, "#countdown").equals("18 h 30 m"), "the countdown to follow the clock");
        assertEquals("active, 18:30 left", text(robot, "#profile-list .row-state"));
        // In the last hour the countdown ticks each second; the list's row stays in minutes.
        clock.setInstant(session.expiresAt().toInstant().minus(Duration.ofMinutes(50)).minusSeconds(5));
        // (The jump brings a liveness check. Its Date header, good to a second, may move Kite's clock as
        // measured by a second; a check still out during the jump is not read at all: TimedCall.)
        String[] shown = {""};
        try {
            waitUntil(() -> (shown[0] = text(robot, "#countdown")).matches("00:50:0[4-6]"), "the last hour, to the second");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (the countdown showed " + shown[0] + ")", e);
        }
        String before = text(robot, "#countdown");
        clock.advance(Duration.ofSeconds(2));
        waitUntil(() -> text(robot, "#countdown").matches("00:50:0[1-4]") && !text(robot, "#countdown").equals(before),
                "the countdown to tick with the clock");
        assertEquals("active, 00:51 left", text(robot, "#profile-list .row-state"));

        robot.clickOn("#token-reveal");
        assertEquals(session.accessToken(), text(robot, "#token-value"));
        robot.clickOn("#copy-token");
        assertEquals(session.accessToken(), onFx(() -> Clipboard.getSystemClipboard().getString()));

        // Past 06:00 IST the simulator refuses the token; Verify explains the API layer.
        clock.setInstant(session.expiresAt().toInstant().minusSeconds(2));
        robot.clickOn("#verify-session");
        waitUntil(() -> text(robot, "#token-status").startsWith("Session is live"), "a live verify");
        clock.setInstant(session.expiresAt().toInstant().plusSeconds(5));
        waitUntil(() -> visible(robot, "#explanation"), "the expiry explanation");
        assertEquals("Kite Connect API (your program's session)", text(robot, "#explanation-layer"));
        assertEquals("The session expired at 06:00 IST", text(robot, "#explanation-title"));
        robot.clickOn("#explanation-dismiss");
        robot.clickOn("#verify-session");
        // Kite's own words mark Verify's 403 explanation: the liveness round may have shown the refusal first.
        waitUntil(() -> visible(robot, "#explanation") && text(robot, "#token-status").startsWith("Kite refused")
                && !robot.lookup(".kite-message").queryAll().isEmpty(), "the 403 explanation");
        assertEquals("The session expired at 06:00 IST", text(robot, "#explanation-title"));
        assertTrue(robot.lookup(".kite-message").queryAs(Label.class).getText().contains("Incorrect `api_key` or `access_token`."));
    }

    @Test
    void aWrongTwoFactorCodeShowsTheLoginLayerExplanation(FxRobot robot) {
        WebPage page = loginUpToTwoFactor(robot);
        String right = Totp.code(account().totpSecretBase32(), clock.instant());
        String wrong = String.format("%06d", (Integer.parseInt(right) + 500_000) % 1_000_000);
        page.type(CODE_FIELD, wrong);
        page.waitForText("Invalid TOTP");

        waitUntil(() -> visible(robot, "#explanation"), "the 2FA explanation");
        assertEquals("Kite login (you, in the browser)", text(robot, "#explanation-layer"));
        assertTrue(text(robot, "#explanation-title").contains("clock out of sync"));
        assertTrue(text(robot, "#explanation-why").contains("not your password and not the API key"));
        // The clock was measured against the simulator before the 2FA step (same clock here: in step).
        assertTrue(text(robot, "#explanation-why").contains("Measured: "), text(robot, "#explanation-why"));
        assertTrue(visible(robot, "#login-webview"), "the login page stays open for the next code");

        // The right code then logs in, and the 2FA explanation does not linger over the token.
        page.type(CODE_FIELD, right);
        waitUntil(() -> visible(robot, "#token-view"), "the token view after the right code");
        assertFalse(visible(robot, "#explanation"));
    }

    @Test
    void aWrongSecretShowsTheChecksumExplanation(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the simulator profile");
        // The login reads the api_secret as saved, like a person's edit saved in the profile editor.
        sessions().saveProfile(sessions().profile("sim").orElseThrow(), "not-the-secret");
        WebPage page = loginUpToTwoFactor(robot);
        page.type(CODE_FIELD, Totp.code(account().totpSecretBase32(), clock.instant()));

        waitUntil(() -> visible(robot, "#explanation"), "the checksum explanation");
        assertEquals("Kite Connect API (your program's session)", text(robot, "#explanation-layer"));
        assertEquals("The api_secret does not match this Kite app", text(robot, "#explanation-title"));
        assertFalse(visible(robot, "#token-view"));
    }

    @Test
    void enterInTheKitePageDoesNotRestartTheLogin(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the simulator profile");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        page.type("#userid", account().userId());
        robot.type(KeyCode.ENTER);
        // Were Login the window's default button, Enter would reload the page and wipe the field.
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertEquals(account().userId(), page.script("document.getElementById('userid').value"));
    }

    @Test
    void anUnreachableLoginPageIsExplainedNotABlankPage(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the simulator profile");
        simulator.close(); // Kite unreachable: offline, or a firewall
        robot.clickOn("#login");
        waitUntil(() -> visible(robot, "#explanation"), "the load-failure explanation");
        assertEquals("Kite login (you, in the browser)", text(robot, "#explanation-layer"));
        assertEquals("The Kite login page did not load", text(robot, "#explanation-title"));
        assertFalse(visible(robot, "#login-webview"));
    }

    @Test
    void cancellingTheLoginIsExplainedAndNothingIsLost(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the simulator profile");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        page.waitFor("#cancel");
        page.click("#cancel");
        waitUntil(() -> visible(robot, "#explanation"), "the cancel explanation");
        assertEquals("The login was cancelled", text(robot, "#explanation-title"));
        robot.clickOn("#edit-profile");
        waitUntil(() -> visible(robot, "#profile-editor"), "the profile's editor");
        assertEquals(account().apiKey(), onFx(() -> robot.lookup("#api-key").queryAs(TextField.class).getText()));
    }
}
