package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.service.Preferences;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The tray icon, with a fake tray and the real presenters: the tooltip follows the default
 * profile's countdown, the menu logs in, copies, shows and quits, and while the icon is there
 * closing only hides the window. Where the desktop has none, or it is switched off, the window
 * closes as any other.
 */
class TrayPresenterTest extends PresenterTestBase {
    private final FakeTray tray = new FakeTray();
    private final List<String> window = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private TrayPresenter presenter;

    /** What the tray asks of the window, recorded; logins and copies go to the real presenters. */
    private final class RecordingActions implements TrayPresenter.Actions {
        private final LoginRequests logins = new LoginRequests(model, commands, notices::add);

        @Override
        public void showWindow() {
            window.add("show");
        }

        @Override
        public void hideWindow() {
            window.add("hide");
        }

        @Override
        public void keepRunningWhenHidden(boolean on) {
            window.add(on ? "keep running" : "exit with the window");
        }

        @Override
        public void logIn(String profileId) {
            logins.logIn(profileId);
        }

        @Override
        public void copyToken(String profileId, Consumer<String> outcome) {
            session.copyTokenOf(profileId, outcome);
        }

        @Override
        public void quit() {
            window.add("quit");
        }
    }

    private void openWithTray(FakeTray desktopTray) {
        open();
        presenter = new TrayPresenter(model, desktopTray, new RecordingActions(), Runnable::run, Runnable::run);
    }

    /** Two saved profiles, B the default; the window shows B. */
    private void twoProfilesBDefault() throws Exception {
        saveSimProfile("a", "Account A");
        KiteProfile b = saveSimProfile("b", "Account B");
        sessions.setDefault(b);
    }

    @Test
    void theTooltipFollowsTheDefaultProfilesCountdown() throws Exception {
        twoProfilesBDefault();
        openWithTray(tray);
        presenter.start();
        assertTrue(tray.shown);
        assertEquals("not logged in \u00b7 Account B", tray.tooltip);

        commands.select("b");
        ActiveSession b = logInShownProfile();
        tickTo(TEN_AM_IST.plusSeconds(1));
        assertEquals("active, 20:00 left \u00b7 Account B", tray.tooltip);
        tickTo(TEN_AM_IST.plusSeconds(1));
        assertEquals(1, tray.tooltips.stream().filter(t -> t.startsWith("active, 20:00 left")).count(), "sent when it changes only");
        tickTo(TEN_AM_IST.plusSeconds(61));
        assertEquals("active, 19:59 left \u00b7 Account B", tray.tooltip, "minutes, rounded up as the seconds are");

        tickTo(b.expiresAt().toInstant());
        assertEquals("expired \u00b7 Account B", tray.tooltip);
    }

    @Test
    void aLongNameIsCutToWhatEveryTrayShows() throws Exception {
        saveSimProfile("a", "A".repeat(200));
        openWithTray(tray);
        presenter.start();
        assertEquals(TrayPresenter.TOOLTIP_MAX, tray.tooltip.length());
        assertTrue(tray.tooltip.startsWith("not logged in \u00b7 AAA"), "the state is never cut: " + tray.tooltip);
        assertTrue(tray.tooltip.endsWith("A\u2026"), tray.tooltip);
    }

    @Test
    void theMenuShowsTheWindowAndQuits() throws Exception {
        openOnSavedProfile();
        presenter = new TrayPresenter(model, tray, new RecordingActions(), Runnable::run, Runnable::run);
        presenter.start();
        assertEquals(List.of("Log in", "Copy token", "Show window", "Quit"), tray.labels());
        tray.click("Show window");
        tray.open.run(); // the icon itself
        tray.click("Quit");
        assertEquals(List.of("keep running", "show", "show", "quit"), window);
    }

    @Test
    void logInShowsTheWindowAndStartsTheDefaultProfilesLogin() throws Exception {
        twoProfilesBDefault();
        openWithTray(tray);
        presenter.start();
        commands.select("a");
        int started = surface.starts.size();

        tray.click("Log in");

        assertEquals(List.of("keep running", "show"), window);
        assertEquals("b", model.selectedIdProperty().get(), "the default profile");
        assertEquals(started + 1, surface.starts.size(), "its login page opened");
        assertEquals(List.of(), notices, "no script is waiting: nothing announced");
    }

    @Test
    void copyTokenCopiesTheDefaultProfilesLiveToken() throws Exception {
        openOnSavedProfile();
        presenter = new TrayPresenter(model, tray, new RecordingActions(), Runnable::run, Runnable::run);
        presenter.start();
        tray.click("Copy token");
        assertEquals(List.of("Copy token: No live session for Account A: choose Log in first."), tray.messages);
        assertNull(clipboard.text);

        ActiveSession a = logInShownProfile();
        tray.click("Copy token");
        assertEquals(a.accessToken(), clipboard.text);
        assertEquals("Copy token: The access token of Account A is on the clipboard.", tray.messages.get(1));
        assertEquals(a.accessToken(), clipboard.text);

        tickTo(a.expiresAt().toInstant());
        clipboard.text = null;
        tray.click("Copy token");
        assertNull(clipboard.text, "an expired token is not handed out");
        assertEquals("Copy token: No live session for Account A: choose Log in first.", tray.messages.get(2));
    }

    @Test
    void closingHidesTheWindowAndSaysSoOnce() throws Exception {
        openOnSavedProfile();
        presenter = new TrayPresenter(model, tray, new RecordingActions(), Runnable::run, Runnable::run);
        presenter.start();
        assertTrue(presenter.closeToTray());
        assertTrue(presenter.closeToTray());
        assertEquals(List.of("keep running", "hide", "hide"), window);
        assertEquals(List.of("Kite Session Manager is still running: The countdown and the reminders go on here."
                + " Quit from this icon's menu."), tray.messages);
        assertTrue(presenter.remind("No live Kite session", "Log in now."));
        assertEquals("No live Kite session: Log in now.", tray.messages.get(1));
    }

    @Test
    void withoutATrayClosingQuitsAndPreferencesSayWhy() throws Exception {
        FakeTray none = FakeTray.missing("This desktop shows no tray icons.");
        openOnSavedProfile();
        presenter = new TrayPresenter(model, none, new RecordingActions(), Runnable::run, Runnable::run);
        presenter.start();
        assertFalse(none.shown);
        assertEquals("This desktop shows no tray icons.", model.trayProblemProperty().get());
        assertFalse(presenter.closeToTray());
        assertFalse(presenter.remind("t", "x"), "the OS's notification is the only way then");
        assertEquals(List.of(), window, "JavaFX's usual exit, untouched");
    }

    @Test
    void aTrayThatRefusesTheIconIsLikeNone() throws Exception {
        tray.refuses = true;
        openOnSavedProfile();
        presenter = new TrayPresenter(model, tray, new RecordingActions(), Runnable::run, Runnable::run);
        presenter.start();
        assertFalse(presenter.shown());
        assertFalse(presenter.closeToTray());
        assertEquals("", model.trayProblemProperty().get());
    }

    @Test
    void switchedOffInPreferencesTheIconGoesAndTheWindowComesBack() throws Exception {
        openOnSavedProfile();
        presenter = new TrayPresenter(model, tray, new RecordingActions(), Runnable::run, Runnable::run);
        presenter.start();
        presenter.closeToTray();

        dialogs.preferences = sessions.preferences().withTrayIcon(false);
        commands.preferences();
        assertFalse(tray.shown);
        assertFalse(sessions.preferences().trayIcon(), "saved");
        assertEquals(List.of("keep running", "hide", "exit with the window", "show"), window);
        assertFalse(presenter.closeToTray());

        dialogs.preferences = sessions.preferences().withTrayIcon(true);
        commands.preferences();
        assertTrue(tray.shown);
        assertTrue(presenter.closeToTray());
    }

    @Test
    void offInTheSettingsNoIconAtStart() throws Exception {
        saveSimProfile("a", "Account A");
        sessions.savePreferences(new Preferences(Optional.empty(), 5, true, Preferences.Theme.SYSTEM, false, false));
        openWithTray(tray);
        presenter.start();
        assertFalse(tray.shown);
        assertEquals(List.of(), window, "JavaFX's usual exit, untouched, and the window not pulled to the front");
    }

    @Test
    void startedMinimisedTheWindowHidesOnceTheIconIsThere() throws Exception {
        openOnSavedProfile();
        presenter = new TrayPresenter(model, tray, new RecordingActions(), Runnable::run, Runnable::run);
        presenter.startHidden();
        presenter.start();
        assertEquals(List.of("keep running", "hide"), window);

        FakeTray none = FakeTray.missing("none");
        TrayPresenter without = new TrayPresenter(model, none, new RecordingActions(), Runnable::run, Runnable::run);
        window.clear();
        without.startHidden();
        without.start();
        assertEquals(List.of(), window, "left minimised: hidden, it could not be found again");
    }

    @Test
    void theDemoCountsWhileThereIsNoOtherProfile() {
        openWithTray(tray);
        presenter.start();
        assertEquals("not logged in \u00b7 Demo (built-in Kite simulator)", tray.tooltip);
        tray.click("Copy token");
        assertEquals(List.of("Copy token: No live session for Demo (built-in Kite simulator): choose Log in first."),
                tray.messages);
        assertEquals(Optional.empty(), TrayPresenter.target(List.of()), "before the list has loaded");
    }
}
