package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.service.ProfileStatus;
import com.kitesession.service.SessionService;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.api.FxRobot;

/** Two saved profiles: log in to one, the list shows both states; logout returns it to "not logged in". */
class ProfilesUiTest extends WindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        saveProfiles(sessions, "Alpha", "Beta");
    }

    /** The words the list shows for a profile (its time left in hours and minutes). */
    private String rowText(FxRobot robot, String name) {
        return onFx(() -> {
            Node cell = row(robot, name);
            return cell == null ? "(no row)" : ((Label) cell.lookup(".row-state")).getText();
        });
    }

    /** The list's cell for the named profile, or null (FX thread). */
    private static Node row(FxRobot robot, String name) {
        for (Node node : robot.lookup("#profile-list .list-cell").queryAll()) {
            if (node instanceof ListCell<?> cell && cell.getItem() instanceof ProfileStatus row
                    && row.profile().name().equals(name)) {
                return cell;
            }
        }
        return null;
    }

    @Test
    void loginShowsBothStatesAndLogoutReturnsToNotLoggedIn(FxRobot robot) {
        waitUntil(() -> rowText(robot, "Alpha").equals("not logged in") && rowText(robot, "Beta").equals("not logged in"),
                "both profiles listed");
        robot.clickOn(onFx(() -> row(robot, "Alpha")));
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "Alpha selected");
        robot.clickOn("#login");
        typeLogin(robot);

        waitUntil(() -> rowText(robot, "Alpha").equals("active, 20:00 left"), "Alpha active in the list");
        assertEquals("not logged in", rowText(robot, "Beta"));
        // The dashboard's morning checks.
        assertEquals("\u2714 active", text(robot, "#token-state"));
        assertEquals("10:00:00 IST: live, Kite accepted the token", text(robot, "#token-last-check"));
        assertEquals("tomorrow 06:00:00 IST: Alpha's session expires", text(robot, "#token-next-reminder"));
        assertTrue(text(robot, "#token-handover").startsWith("Not handed over yet"), text(robot, "#token-handover"));
        robot.clickOn("#copy-token");
        waitUntil(() -> text(robot, "#token-handover").startsWith("Clipboard, 10:00:00 IST"), "the copy, on the dashboard");
        assertTrue(onFx(() -> robot.lookup("#token-status").query().getStyleClass().contains("notice-success")),
                "success in the success colour");
        // With hours left, the list's row and the dashboard's countdown both change with the minute, not the second.
        assertEquals("20 h 00 m", text(robot, "#countdown"));
        clock.advance(Duration.ofMinutes(1));
        waitUntil(() -> text(robot, "#countdown").equals("19 h 59 m"), "the countdown's minute");
        assertEquals("active, 19:59 left", rowText(robot, "Alpha"));

        robot.clickOn("#logout");
        waitUntil(() -> rowText(robot, "Alpha").equals("not logged in"), "Alpha logged out");
        assertEquals("not logged in", rowText(robot, "Beta"));
    }
}
