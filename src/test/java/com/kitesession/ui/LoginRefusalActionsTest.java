package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.LoginRejection;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The login page's refusals reach the window and their buttons act. The simulator on this branch
 * does not refuse with these words yet, so the test writes Kite's refusal into the page itself,
 * as Kite does (in the page, without a navigation).
 */
class LoginRefusalActionsTest extends WindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void aBlockedAccountOffersKitesResetPageInTheSystemBrowser(FxRobot robot) {
        openLoginShowing(robot, "Your account is blocked after too many failed login attempts."
                + " Reset your password to unblock it.");
        waitUntil(() -> visible(robot, "#explanation") && text(robot, "#explanation-title").contains("blocked"),
                "the blocked-account explanation");
        assertEquals("Kite login (you, in the browser)", text(robot, "#explanation-layer"));
        pressFix(robot);
        waitUntil(() -> desktop.requests.contains("browse " + LoginRejection.KITE_RESET_PAGE), "Kite's reset page opened");
    }

    @Test
    void aWrongPasswordLeadsToTheStoredLoginDetails(FxRobot robot) {
        openLoginShowing(robot, "Invalid account credentials. 4 attempts remain.");
        waitUntil(() -> visible(robot, "#explanation")
                && text(robot, "#explanation-title").equals("Kite refused the user ID or password"), "the explanation");
        assertTrue(text(robot, "#explanation-why").contains("4 attempts remain"));
        pressFix(robot);
        // One-click login is off for this profile: the user ID is what the person can check.
        // The scene's focus owner, not isFocused(): that also needs the window to have the OS focus.
        waitUntil(() -> onFx(() -> {
            Node userId = robot.lookup("#kite-user-id").query();
            return userId.getScene().getFocusOwner() == userId;
        }), "the profile's user ID field");
    }
}
