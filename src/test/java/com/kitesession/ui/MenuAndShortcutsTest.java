package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.desktop.AppInfo;
import com.kitesession.kite.KiteApiException;
import com.kitesession.kite.KiteApiException.ErrorType;
import com.kitesession.kite.KiteClient;
import com.kitesession.service.Preferences;
import com.kitesession.session.ActiveSession;
import java.time.LocalTime;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Every menu item and shortcut does what it says, against the simulator with one saved profile. */
class MenuAndShortcutsTest extends WindowTestBase {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private static void shortcut(FxRobot robot, KeyCode key, boolean shift) {
        robot.push(shift ? new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)
                : new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
    }

    private static void menu(FxRobot robot, String menu, String itemId) {
        robot.clickOn(menu);
        waitUntil(() -> robot.lookup(itemId).tryQuery().isPresent(), menu + " menu open");
        robot.clickOn(itemId);
    }

    private ActiveSession shownSession(FxRobot robot) {
        return onFx(() -> robot.lookup("#token-view").queryAs(TokenView.class).session());
    }

    @Test
    void shortcutsTakeASessionFromLoginToLogout(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        robot.clickOn("#profile-list"); // focus in the window, not in a text field
        shortcut(robot, KeyCode.L, false);
        waitUntil(() -> visible(robot, "#login-webview"), "Ctrl+L opens the Kite login");
        typeLogin(robot);
        waitUntil(() -> visible(robot, "#token-view"), "the token view");
        assertTrue(onFx(() -> robot.lookup("#copy-token").queryButton().getTooltip().getText())
                .endsWith("(" + MainMenu.COPY_TOKEN.getDisplayText() + ")"), "Copy's tooltip names its shortcut");

        shortcut(robot, KeyCode.C, true);
        assertEquals(shownSession(robot).accessToken(), onFx(() -> Clipboard.getSystemClipboard().getString()),
                "Ctrl+Shift+C copies the token");
        shortcut(robot, KeyCode.R, false);
        waitUntil(() -> text(robot, "#token-status").startsWith("Session is live"), "Ctrl+R verifies");
        String token = shownSession(robot).accessToken();
        shortcut(robot, KeyCode.L, true);
        waitUntil(() -> visible(robot, "#welcome") && shownSession(robot) == null, "Ctrl+Shift+L logs out");
        KiteApiException refused = assertThrows(KiteApiException.class,
                () -> new KiteClient(simulator.baseUrl()).getProfile(account().apiKey(), token), "the token was invalidated on the simulator");
        assertEquals(ErrorType.TOKEN, refused.errorType());
    }

    @Test
    void menuItemsDoWhatTheySay(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");

        for (String id : new String[] {"menu-copy-token", "menu-verify", "menu-logout"}) {
            assertTrue(onFx(() -> menuItem(robot, id).isDisable()), id + ": no session, nothing to act on");
        }
        assertTrue(!onFx(() -> menuItem(robot, "menu-login").isDisable()), "a saved profile can log in");

        menu(robot, "Help", "#menu-redirect-help");
        waitUntil(() -> visible(robot, "#redirect-help"), "the redirect-URL help");
        robot.clickOn("#redirect-help-done");

        menu(robot, "File", "#menu-open-logs");
        waitUntil(() -> desktop.requests.contains("open " + home.resolve("logs")), "the logs folder opened");

        menu(robot, "Help", "#menu-about");
        waitUntil(() -> robot.lookup("#about").tryQuery().isPresent(), "About");
        assertEquals(AppInfo.NAME + " " + AppInfo.version(),
                onFx(() -> robot.lookup("#about").queryAs(DialogPane.class).getHeaderText()));
        assertTrue(AppInfo.version().matches("\\d+\\.\\d+\\.\\d+.*"), "the pom's version: " + AppInfo.version());
        robot.clickOn("#about-docs");
        waitUntil(() -> desktop.requests.contains("browse " + AboutDialog.KITE_CONNECT_DOCS), "the docs link");
        robot.clickOn("Close");

        menu(robot, "Profile", "#menu-make-default");
        waitUntil(() -> "sim".equals(sessions().settings().defaultProfileId), "the profile made default");

        desktop.exportFile = home.resolve("menu-export.json").toFile();
        menu(robot, "Profile", "#menu-export");
        waitUntil(() -> sessions().settings().exports.containsKey("sim"), "the export file set");
        assertEquals(desktop.exportFile.getAbsolutePath(), sessions().settings().exports.get("sim").path());

        menu(robot, "Profile", "#menu-delete-profile");
        waitUntil(() -> robot.lookup("Delete this profile?").tryQuery().isPresent(), "the confirmation");
        // The dialog's Cancel: the browser-road card has a (hidden) Cancel button too.
        robot.clickOn(robot.from(robot.lookup(".dialog-pane").queryAll()).lookup("Cancel").queryButton());
        assertTrue(sessions().profile("sim").isPresent(), "cancel keeps the profile");

        menu(robot, "File", "#menu-preferences");
        waitUntil(() -> robot.lookup("#pref-remind-time").tryQuery().isPresent(), "Preferences");
        // This test's desktop has no tray: the choice is greyed out, saying why, and kept as saved.
        assertTrue(onFx(() -> robot.lookup("#pref-tray-icon").queryAs(CheckBox.class).isDisabled()));
        assertEquals("This test's desktop has no tray.", text(robot, "#pref-tray-note"));
        onFx(() -> {
            robot.lookup("#pref-remind-time").queryAs(TextField.class).setText("9:00");
            robot.lookup("#pref-start-at-login").queryAs(CheckBox.class).setSelected(true);
            return null;
        });
        robot.clickOn("#pref-save");
        waitUntil(() -> sessions().preferences().preMarketReminder().equals(Optional.of(LocalTime.of(9, 0))),
                "the reminder time saved");
        assertEquals(new Preferences(Optional.of(LocalTime.of(9, 0)), 5, true, Preferences.Theme.SYSTEM), sessions().preferences());
        waitUntil(() -> desktop.autostart.on, "the start-at-login entry written");

        shortcut(robot, KeyCode.N, false);
        waitUntil(() -> "My Kite app".equals(onFx(() -> robot.lookup("#profile-name-field").queryAs(TextField.class).getText())),
                "Ctrl+N adds a profile");

        shortcut(robot, KeyCode.Q, false);
        waitUntil(() -> desktop.requests.contains("quit"), "Ctrl+Q quits");
    }

    @Test
    void tooltipsShowTheShortcuts(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        String tip = onFx(() -> robot.lookup("#login").queryButton().getTooltip().getText());
        assertEquals("Log in to Kite (" + MainMenu.LOGIN.getDisplayText() + ")", tip);
        assertTrue(!visible(robot, "#token-view"), "no session yet: Copy's tooltip is checked with the token view");
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }

}
