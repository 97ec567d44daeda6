package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kitesession.session.ActiveSession;
import com.kitesession.testing.WebPage;
import java.time.Clock;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The demo profile with one-click login, on a computer whose clock is 90 s behind Kite's (45 s would pass even uncorrected: the simulator,
 * like Kite, accepts one 30 s window either side):
 * the app measures the offset from the simulator's Date header and computes the 2FA code for
 * the corrected time. The person only confirms on the Kite page; nothing is typed.
 */
class DemoOneClickTest extends DemoWindowTestBase {
    private static final Duration BEHIND = Duration.ofSeconds(-90);

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }


    @Override
    Clock appClock() {
        return Clock.offset(clock, BEHIND);
    }

    @Test
    void oneClickReachesTheTokenViewWithNoTypingDespiteAClock90sBehind(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the demo profile");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        page.waitFor("#userid");
        waitUntil(() -> account().userId().equals(page.script("document.getElementById('userid').value"))
                && account().password().equals(page.script("document.getElementById('password').value")),
                "user id and password filled");

        page.click("button[type=submit]"); // the person's confirmation
        waitUntil(() -> visible(robot, "#token-view"), "the token view, with the 2FA code filled for the corrected time");

        ActiveSession session = onFx(() -> robot.lookup("#token-view").queryAs(TokenView.class).session());
        assertEquals(account().userId(), session.userId());
        // Beside the dashboard nobody types a code: the demo card's code drops its seconds and changes every 30 s.
        waitUntil(() -> text(robot, "#demo-code").matches("2FA code: \\d{6}"), "the demo's code without its seconds");
        // The Date header has 1 s resolution, so 90 s may read 89 to 91 s (the line says ±1 s).
        waitUntil(() -> text(robot, "#clock-offset").matches(".*\\b(89|90|91) s behind Kite's clock \\(±1 s.*"),
                "the measured offset in the status line");
    }
}
