package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.session.RedirectUrlCheck;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The first own Kite app: Add opens the redirect-URL help with a live check of the address as it
 * is typed, in the same field the profile editor saves; Done goes on to the editor.
 */
class RedirectHelpFirstRunTest extends DemoWindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }


    @Test
    void addingTheFirstAppExplainsAndChecksTheRedirectUrl(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the demo profile");
        robot.clickOn("#add-profile");
        waitUntil(() -> visible(robot, "#redirect-help"), "the redirect-URL help page");
        assertTrue(text(robot, "#redirect-check").startsWith("\u2714 The app will catch " + RedirectUrlCheck.SUGGESTED + "?request_token="),
                text(robot, "#redirect-check"));

        setUrl(robot, "http://127.0.0.1:1/kite-redirect");
        assertTrue(text(robot, "#redirect-check").startsWith("\u2716 Port 1 is on the browsers' list of unsafe ports"),
                text(robot, "#redirect-check"));
        setUrl(robot, "https://example.com/cb");
        assertTrue(text(robot, "#redirect-check").startsWith("\u26A0 The app will catch https://example.com/cb?"),
                text(robot, "#redirect-check"));

        robot.clickOn("#use-suggested-redirect");
        assertEquals(RedirectUrlCheck.SUGGESTED, field(robot, "#redirect-help-url").getText());

        robot.clickOn("#redirect-help-done");
        waitUntil(() -> visible(robot, "#profile-editor"), "on to the new profile's editor");
        assertTrue(visible(robot, "#redirect-url"), "with the address in its field");
        assertEquals(RedirectUrlCheck.SUGGESTED, field(robot, "#redirect-url").getText(), "the help's address is the form's");
        assertTrue(!onFx(() -> robot.lookup("#redirect-url-check").query().isManaged()), "a good address needs no note in the form");

        // Back to the help from the form: what is typed there is the form's field, and the form shows the problem too.
        robot.clickOn("#redirect-help-link");
        waitUntil(() -> visible(robot, "#redirect-help"), "the help again");
        setUrl(robot, "http://127.0.0.1:1/kite-redirect");
        robot.clickOn("#redirect-help-done");
        waitUntil(() -> visible(robot, "#profile-editor"), "back in the editor");
        assertEquals("http://127.0.0.1:1/kite-redirect", field(robot, "#redirect-url").getText(), "the profile form's field");
        assertTrue(onFx(() -> robot.lookup("#redirect-url-check").query().isManaged()), "the form shows the problem too");
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private static void setUrl(FxRobot robot, String url) {
        onFx(() -> {
            field(robot, "#redirect-help-url").setText(url);
            return null;
        });
    }
}
