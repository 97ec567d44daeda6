package com.kitesession.ui;

import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The demo logs in to the simulator: "Open Kite's reset page" says so and opens nothing real. */
class DemoBlockedAccountTest extends DemoWindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }


    @Test
    void theResetButtonOpensNothingForTheDemo(FxRobot robot) {
        openLoginShowing(robot, "Account locked.");
        waitUntil(() -> visible(robot, "#explanation") && text(robot, "#explanation-title").contains("blocked"),
                "the blocked-account explanation");
        pressFix(robot);
        waitUntil(() -> text(robot, "#notice").contains("not to Kite"), "the demo's note");
        assertTrue(desktop.requests.stream().noneMatch(r -> r.startsWith("browse ")), desktop.requests.toString());
    }
}
