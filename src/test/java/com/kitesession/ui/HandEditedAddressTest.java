package com.kitesession.ui;

import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A profile whose API address was hand-edited in settings.json to plain http on another machine:
 * Log in says why in the profile's message line instead of throwing on the window's thread.
 */
class HandEditedAddressTest extends WindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        // ".invalid" never resolves: nothing leaves this computer.
        sessions.saveProfile(new KiteProfile("edited", "Hand-edited", account().apiKey(), account().redirectUrl(), null,
                simulator.baseUrl(), "http://kite-api.invalid"), account().apiSecret());
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedInWords(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        robot.clickOn("#login");
        waitUntil(() -> text(robot, "#notice").contains("unencrypted"), "the reason, in words");
        assertFalse(visible(robot, "#login-webview"), "no login page for an address the app will not use");
    }
}
