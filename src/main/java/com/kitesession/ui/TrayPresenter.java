package com.kitesession.ui;

import com.kitesession.desktop.Tray;
import com.kitesession.service.ProfileStatus;
import com.kitesession.session.Countdown;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;

/**
 * The icon in the desktop's tray: its tooltip follows the default profile's countdown, its menu
 * logs in, copies the token, shows the window or quits, and while it is there closing the window
 * only hides it (reminders go on, and reach the person through the icon). Where the desktop has
 * no tray, or the person switched it off in Preferences, the window closes as any other.
 */
final class TrayPresenter {
    static final String APP = "Kite Session Manager";
    /** AWT cuts a tray tooltip at 64 characters on Linux (127 on Windows); one rule for every desktop. */
    static final int TOOLTIP_MAX = 64;

    /** What the icon's menu does to the window and the sessions; FX thread. */
    interface Actions {
        void showWindow();

        void hideWindow();

        /** Whether closing the last window keeps the app running (JavaFX's implicit exit, inverted). */
        void keepRunningWhenHidden(boolean on);

        void logIn(String profileId);

        /** Copies the profile's live token to the clipboard; {@code outcome} says what happened. */
        void copyToken(String profileId, Consumer<String> outcome);

        void quit();
    }

    private final MainModel model;
    private final Tray tray;
    private final Actions actions;
    private final Executor background;
    private final Executor fx;
    private boolean shown;
    private boolean toldStillRunning;
    private boolean startHidden;
    private String tooltip = "";

    TrayPresenter(MainModel model, Tray tray, Actions actions, Executor background, Executor fx) {
        this.model = model;
        this.tray = tray;
        this.actions = actions;
        this.background = background;
        this.fx = fx;
        model.now.addListener((obs, old, now) -> refreshTooltip(now));
        // A session logged in or out, a profile renamed or made default: at once, not at the next second.
        model.rows.addListener((ListChangeListener<ProfileStatus>) change -> refreshTooltip(model.now.get()));
        model.preferences.addListener((obs, old, chosen) -> {
            if (old.trayIcon() != chosen.trayIcon()) apply(chosen.trayIcon());
        });
    }

    /** Asks the desktop whether it has a tray (off the FX thread: AWT starts), and shows the icon if wanted. */
    void start() {
        apply(model.preferences.get().trayIcon());
    }

    /** Started at login, minimised: hidden in the tray once the icon is there (else left minimised). */
    void startHidden() {
        startHidden = true;
    }

    private void apply(boolean wanted) {
        if (!wanted) {
            if (shown) background.execute(tray::remove);
            onShown(false);
            return;
        }
        if (shown) return;
        background.execute(() -> {
            Optional<String> missing = tray.missing();
            boolean added = missing.isEmpty() && tray.show(tooltip(model.now.get()), menu(), () -> fx.execute(actions::showWindow));
            fx.execute(() -> {
                model.trayProblem.set(missing.orElse(""));
                if (!model.preferences.get().trayIcon()) { // switched off meanwhile
                    if (added) background.execute(tray::remove);
                    return;
                }
                onShown(added);
                refreshTooltip(model.now.get());
                if (added && startHidden) actions.hideWindow();
                startHidden = false;
            });
        });
    }

    private void onShown(boolean on) {
        if (on == shown) return;
        shown = on;
        actions.keepRunningWhenHidden(on);
        // Without the icon a hidden window could not be found again.
        if (!on) actions.showWindow();
    }

    private List<Tray.Item> menu() {
        return List.of(
                new Tray.Item("Log in", () -> fx.execute(this::logIn)),
                new Tray.Item("Copy token", () -> fx.execute(this::copyToken)),
                new Tray.Item("Show window", () -> fx.execute(actions::showWindow)),
                new Tray.Item("Quit", () -> fx.execute(actions::quit)));
    }

    private void logIn() {
        actions.showWindow();
        target(model.rows).ifPresent(row -> actions.logIn(row.profile().id()));
    }

    private void copyToken() {
        Optional<ProfileStatus> row = target(model.rows);
        if (row.isEmpty()) {
            tray.message(APP, "No profile yet: add one in the window, then log in.");
            return;
        }
        actions.copyToken(row.get().profile().id(), said -> tray.message("Copy token", said));
    }

    /**
     * The window's close button: with the icon there, the window hides and the app keeps running
     * (said once per run, from the icon); true when it did.
     */
    boolean closeToTray() {
        if (!shown) return false;
        actions.hideWindow();
        if (!toldStillRunning) {
            toldStillRunning = true;
            tray.message(APP + " is still running", "The countdown and the reminders go on here. Quit from this icon's menu.");
        }
        return true;
    }

    /** A reminder that fell due while the window is hidden: from the icon; false when there is none. */
    boolean remind(String title, String text) {
        if (!shown) return false;
        tray.message(title, text);
        return true;
    }

    boolean shown() {
        return shown;
    }

    /** Takes the icon away (the app is ending). */
    void close() {
        if (shown) tray.remove();
        shown = false;
    }

    private void refreshTooltip(Instant now) {
        if (!shown) return;
        String text = tooltip(now);
        if (text.equals(tooltip)) return;
        tooltip = text;
        tray.setTooltip(text);
    }

    /**
     * "active, 17:42 left · Main account": the countdown first, in minutes (a tooltip is read at a
     * glance, and the app hidden in the tray ticks every 15 s), the name cut to fit if it must be.
     */
    String tooltip(Instant now) {
        Optional<ProfileStatus> row = target(model.rows);
        if (row.isEmpty()) return APP + ": no profile yet";
        String state = row.get().stateWords(now, Countdown::hoursMinutes) + " \u00b7 ";
        String name = row.get().profile().name();
        int room = TOOLTIP_MAX - state.length();
        return state + (name.length() <= room ? name : name.substring(0, Math.max(0, room - 1)) + "\u2026");
    }

    /** The default profile, else the first listed: the one whose countdown the tooltip shows. */
    static Optional<ProfileStatus> target(List<ProfileStatus> rows) {
        return rows.stream().min(Comparator.comparing(row -> !row.isDefault()));
    }
}
