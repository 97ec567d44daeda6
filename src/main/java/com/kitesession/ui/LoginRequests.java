package com.kitesession.ui;

import com.kitesession.service.ProfileStatus;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;

/**
 * Logins asked for from outside the window's own buttons: {@code kite-session login} and
 * {@code token --wait} (a script is waiting: said on the notice line and in a notification), and
 * the tray icon's Log in. Each selects the profile and starts its login once the list and the
 * profile's details have loaded, as after a click. A request for the profile whose login is
 * already open (or starting) changes nothing: the waiting commands share that login.
 */
final class LoginRequests {
    /** How long a started request counts as underway before its card shows. */
    private static final long STARTING = 15_000_000_000L;

    private final MainModel model;
    private final WindowCommands commands;
    /** Shows "A script is waiting…" as a notification over the window. */
    private final Consumer<String> notify;
    /** The profile whose login a request just started, until its card shows (or {@link #STARTING} passes). */
    private String starting;
    private long startingSince;

    LoginRequests(MainModel model, WindowCommands commands, Consumer<String> notify) {
        this.model = model;
        this.commands = commands;
        this.notify = notify;
        model.card.addListener((obs, old, shown) -> starting = null);
    }

    /** A script waits for this profile's fresh session ({@code kite-session login}, {@code token --wait}). */
    void scriptWaits(String profileId) {
        logIn(profileId, true);
    }

    /** The person asked from outside the window (the tray icon's Log in). */
    void logIn(String profileId) {
        logIn(profileId, false);
    }

    private void logIn(String profileId, boolean scriptWaits) {
        if (model.rows.isEmpty()) {
            model.rows.addListener(new ListChangeListener<ProfileStatus>() {
                @Override
                public void onChanged(Change<? extends ProfileStatus> change) {
                    model.rows.removeListener(this);
                    // Once the list has shown itself (it selects the remembered profile), not in the middle of it.
                    Platform.runLater(() -> logIn(profileId, scriptWaits));
                }
            });
            return;
        }
        if (model.rows.stream().noneMatch(row -> row.profile().id().equals(profileId))) {
            model.notice.set(MainModel.Notice.problem("The command line asked to log in to a profile this window does"
                    + " not list (added since it opened?). Restart Kite Session Manager, then log in again."));
            return;
        }
        if (scriptWaits) announceWaiting(profileId);
        if (underway(profileId)) return;
        starting = profileId;
        startingSince = System.nanoTime();
        commands.select(profileId);
        if (model.canLogin.get() && profileId.equals(model.selectedId.get())) {
            commands.login();
            return;
        }
        model.canLogin.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> property, Boolean was, Boolean ready) {
                if (!ready) return;
                model.canLogin.removeListener(this);
                // After the selection has shown itself (it goes home), not in the middle of it.
                if (profileId.equals(model.selectedId.get())) Platform.runLater(commands::login);
            }
        });
    }

    private boolean underway(String profileId) {
        if (!profileId.equals(model.selectedId.get())) return false;
        MainModel.Card shown = model.card.get();
        if (shown == MainModel.Card.LOGIN || shown == MainModel.Card.BROWSER_LOGIN || shown == MainModel.Card.BUSY) return true;
        return profileId.equals(starting) && System.nanoTime() - startingSince < STARTING;
    }

    private void announceWaiting(String profileId) {
        String name = model.rows.stream().filter(row -> row.profile().id().equals(profileId))
                .map(row -> row.profile().name()).findFirst().orElse(profileId);
        String text = "A script is waiting for a fresh Kite session (profile " + name + ")";
        model.notice.set(MainModel.Notice.info(text + "."));
        notify.accept(text);
    }
}
