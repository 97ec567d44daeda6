package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kitesession.service.ProfileStatus;
import com.kitesession.service.SessionService;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A window started by {@code kite-session login} (no window was running): the request comes with
 * the launch, before the list has loaded; the login opens once it has, for the profile asked.
 */
class CommandLineLoginAtStartTest extends WindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
        window.requestLogin("beta"); // as KiteSessionApp passes its launch arguments on, right after building the window
    }

    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        saveProfiles(sessions, "Alpha", "Beta");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLoginAskedForAtLaunchOpensOnceTheListHasLoaded(FxRobot robot) {
        waitUntil(() -> visible(robot, "#login-webview"), "the Kite login page");
        assertEquals("beta", onFx(() -> {
            ListView<ProfileStatus> list = robot.lookup("#profile-list").queryAs(ListView.class);
            return list.getSelectionModel().getSelectedItem().profile().id();
        }));
    }
}
