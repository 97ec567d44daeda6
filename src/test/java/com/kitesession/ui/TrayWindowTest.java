package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.KiteTime;
import com.kitesession.service.ProfileStatus;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The window with a tray icon (a fake tray, Monocle has none): its tooltip ticks with the
 * countdown, closing hides the window and keeps the app running, the icon's menu brings it back
 * or starts a login, and reminders reach a person whose window is hidden.
 */
class TrayWindowTest extends WindowTestBase {
    private final FakeTray tray = new FakeTray();
    private Stage stage;
    private boolean implicitExit;

    @Override
    FakeTray tray() {
        return tray;
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        implicitExit = Platform.isImplicitExit();
        open(stage);
    }

    /** TestFX reuses the stage and the toolkit: put both back as they were. */
    @AfterEach
    void putBack() {
        onFx(() -> {
            Platform.setImplicitExit(implicitExit);
            stage.show();
            return null;
        });
    }

    private boolean showing() {
        return onFx(stage::isShowing);
    }

    private void close() {
        assertTrue(onFx(window::closeToTray), "hidden in the tray");
    }

    @Test
    void closingHidesTheWindowAndTheIconBringsItBack(FxRobot robot) {
        waitUntil(() -> tray.shown, "the tray icon");
        assertFalse(onFx(Platform::isImplicitExit), "the app outlives its hidden window");
        waitUntil(() -> tray.tooltip.equals("not logged in \u00b7 Simulator"), "the tooltip");

        close();
        assertFalse(showing());
        assertEquals(List.of("Kite Session Manager is still running: The countdown and the reminders go on here."
                + " Quit from this icon's menu."), tray.messages);

        tray.click("Show window");
        waitUntil(this::showing, "the window again");
        close();
        tray.open.run();
        waitUntil(this::showing, "the window after a click on the icon");
        tray.click("Quit");
        waitUntil(() -> desktop.requests.contains("quit"), "quit");
    }

    @Test
    void logInFromTheIconShowsTheWindowOnKitesLogin(FxRobot robot) {
        waitUntil(() -> tray.shown && !robot.lookup("#login").queryButton().isDisabled(), "the icon and the profile");
        close();
        tray.click("Log in");
        waitUntil(() -> showing() && visible(robot, "#login-webview"), "the Kite login page in the window");
        assertEquals("sim", onFx(() -> robot.lookup("#profile-list").queryAs(ListView.class).getSelectionModel()
                .getSelectedItem() instanceof ProfileStatus row ? row.profile().id() : null));
    }

    @Test
    void aReminderWhileHiddenComesFromTheIcon(FxRobot robot) {
        desktop.notifications = false; // a desktop without notify-send: the icon's balloon instead
        waitUntil(() -> tray.shown && !robot.lookup("#login").queryButton().isDisabled(), "the icon and the profile");
        close();
        clock.setInstant(ZonedDateTime.of(LocalDateTime.parse("2026-11-24T08:45:05"), KiteTime.IST).toInstant());
        onFx(() -> {
            window.checkReminders();
            return null;
        });
        waitUntil(() -> tray.messages.size() == 2, "the reminder from the icon");
        assertEquals("No live Kite session: The market opens at 09:15 IST and no profile has a live session. Log in now.",
                tray.messages.get(1));
        assertFalse(showing(), "the window stays hidden until the person asks");
    }

    @Test
    void preferencesSwitchTheIconOffAndTheWindowClosesAsAnyOther(FxRobot robot) {
        waitUntil(() -> tray.shown, "the tray icon");
        robot.clickOn("File").clickOn("#menu-preferences");
        waitUntil(() -> robot.lookup("#pref-tray-icon").tryQuery().isPresent(), "Preferences");
        CheckBox icon = robot.lookup("#pref-tray-icon").queryAs(CheckBox.class);
        assertTrue(onFx(() -> icon.isSelected() && !icon.isDisabled()));
        onFx(() -> {
            icon.setSelected(false);
            return null;
        });
        robot.clickOn("#pref-save");
        waitUntil(() -> !tray.shown, "the icon taken away");
        assertFalse(sessions().preferences().trayIcon(), "saved");
        assertFalse(onFx(window::closeToTray), "closing ends the app again");
        assertTrue(onFx(Platform::isImplicitExit));
    }
}
