package com.kitesession.ui;

import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A redirect to an address that is not the profile's is explained at capture time (both
 * addresses, never the token) instead of leaving the person on a page that never loads.
 */
class RedirectHelpUiTest extends WindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        // Registered with the simulator as account().redirectUrl(); this profile says otherwise.
        sessions.saveProfile(new KiteProfile("sim", "Simulator", account().apiKey(), "http://127.0.0.1/other-path",
                null, simulator.baseUrl(), simulator.baseUrl()), account().apiSecret());
    }

    @Test
    void aRedirectToAnotherAddressIsExplainedNotLeftBlank(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        robot.clickOn("#login");
        typeLogin(robot);

        waitUntil(() -> visible(robot, "#explanation"), "the mismatch explanation");
        String title = text(robot, "#explanation-title");
        assertEquals("Kite sent the login to a different redirect URL", title);
        String why = text(robot, "#explanation-why");
        assertTrue(why.contains(account().redirectUrl()) && why.contains("http://127.0.0.1/other-path"), why);
        assertFalse(why.contains("request_token="), "the token itself is never shown: " + why);
        assertFalse(visible(robot, "#login-webview"), "no blank page left behind");
    }
}
