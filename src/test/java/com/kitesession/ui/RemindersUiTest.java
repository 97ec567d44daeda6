package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.KiteTime;
import com.kitesession.service.Preferences;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Reminders reach the operating system's notifications only while the window is hidden (an
 * in-window one would go unseen), and only if the person has not switched that off.
 */
class RemindersUiTest extends WindowTestBase {
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        open(stage);
    }

    /** From Monday 10:00 IST (the base clock) to Tuesday just past 08:45 IST: the pre-market reminder is due. */
    private void toTuesdayPreMarket() {
        clock.setInstant(ZonedDateTime.of(LocalDateTime.parse("2026-11-24T08:45:05"), KiteTime.IST).toInstant());
        onFx(() -> {
            window.checkReminders();
            return null;
        });
    }

    private List<String> notifications() {
        return desktop.requests.stream().filter(r -> r.startsWith("notify ")).toList();
    }

    @Test
    void aHiddenWindowAlsoNotifiesThroughTheOperatingSystem(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        onFx(() -> {
            stage.setIconified(true);
            return null;
        });
        toTuesdayPreMarket();
        waitUntil(() -> !notifications().isEmpty(), "an OS notification");
        assertEquals(List.of("notify No live Kite session: The market opens at 09:15 IST and no profile has a live"
                + " session. Log in now."), notifications());
    }

    @Test
    void aVisibleWindowKeepsItInTheWindow(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        toTuesdayPreMarket();
        Thread.sleep(300); // the OS notification would be sent from the background executor
        assertTrue(notifications().isEmpty(), notifications().toString());
    }

    @Test
    void switchedOffInPreferencesNothingGoesToTheOperatingSystem(FxRobot robot) throws Exception {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        sessions().savePreferences(new Preferences(Optional.of(LocalTime.of(8, 45)), 5, false, Preferences.Theme.SYSTEM));
        onFx(() -> {
            stage.setIconified(true);
            return null;
        });
        toTuesdayPreMarket();
        Thread.sleep(300);
        assertTrue(notifications().isEmpty(), notifications().toString());
    }
}
