package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.perf.Milestones;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The build's training run (packaging/cds/train.sh) on the demo window: told the window is shown,
 * it presses Log in, confirms the filled Kite page, and asks to exit 0 once the token view shows.
 */
class CdsTrainingTest extends DemoWindowTestBase {
    private final List<Integer> exits = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @AfterEach
    void stopListening() {
        Milestones.install(null);
    }

    @Test
    void playsTheDemoLoginToTheTokenViewThenExitsZero(FxRobot robot) {
        CdsTraining training = new CdsTraining(exits::add);
        Milestones.install(training::onMark);
        onFx(() -> {
            Milestones.mark("app.stage-shown"); // what KiteSessionApp marks once its stage is shown
            return null;
        });

        waitUntil(() -> !exits.isEmpty(), "the training's exit");
        assertEquals(List.of(0), exits);
        assertTrue(visible(robot, "#token-view"), "the token view");
    }
}
