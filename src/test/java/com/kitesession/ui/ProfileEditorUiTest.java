package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The wiring of the profile editor in the detail pane: Edit profile opens it with the selected
 * profile, Save goes back with "Saved." in the success colour, a problem stays in the editor in
 * the error colour, Back leaves without saving.
 */
class ProfileEditorUiTest extends WindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void editSaveAndAProblemKeptInTheEditor(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the saved profile");
        assertFalse(visible(robot, "#profile-editor"), "settings are not under the list any more");
        robot.clickOn("#edit-profile");
        waitUntil(() -> visible(robot, "#profile-editor"), "the editor in the detail pane");
        assertEquals("Simulator", field(robot, "#profile-name-field").getText());

        setText(robot, "#api-key", "has a space");
        robot.clickOn("#save-profile");
        waitUntil(() -> text(robot, "#editor-notice").contains("spaces"), "the problem, next to Save");
        assertTrue(styled(robot, "#editor-notice", "notice-problem"));
        assertTrue(visible(robot, "#profile-editor"), "nothing saved, the editor stays");

        setText(robot, "#api-key", account().apiKey());
        setText(robot, "#profile-name-field", "Simulator (renamed)");
        robot.clickOn("#save-profile");
        waitUntil(() -> "Saved.".equals(text(robot, "#notice")) && visible(robot, "#welcome"), "saved, back to the session");
        assertTrue(styled(robot, "#notice", "notice-success"), "success is not shown in the error colour");
        assertEquals("Simulator (renamed)", sessions().profile("sim").orElseThrow().name());

        robot.clickOn("#edit-profile");
        waitUntil(() -> visible(robot, "#profile-editor"), "the editor again");
        setText(robot, "#profile-name-field", "Not kept");
        robot.clickOn("#close-editor");
        waitUntil(() -> visible(robot, "#welcome"), "Back leaves the editor");
        assertEquals("Simulator (renamed)", sessions().profile("sim").orElseThrow().name(), "Back saves nothing");
    }

    private static TextField field(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(TextField.class));
    }

    private static void setText(FxRobot robot, String id, String text) {
        onFx(() -> {
            robot.lookup(id).queryAs(TextField.class).setText(text);
            return null;
        });
    }

    private static boolean styled(FxRobot robot, String id, String style) {
        return onFx(() -> {
            Node node = robot.lookup(id).query();
            return node.getStyleClass().contains(style);
        });
    }
}
