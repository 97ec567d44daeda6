package com.kitesession.ui;

import com.kitesession.service.ProfileStatus;
import com.kitesession.service.Reminders;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * Shows what {@link Reminders} says fell due (expiry at 06:00 IST, the pre-market nudge): a
 * ControlsFX notification in the window with a Log in action and, while the window is hidden or
 * minimised, through the desktop too ({@code whenHidden}: the OS's notification or the tray icon).
 */
final class ReminderNotifications {
    private final Clock kiteClock;
    private final Supplier<List<ProfileStatus>> rows;
    private final Consumer<Reminders.Reminder> logIn;
    private final BiConsumer<String, String> whenHidden;
    private Reminders reminders;
    private Instant lastCheck;

    /**
     * {@code rows}: the profile list as shown (it knows which tokens are stored: no keychain call
     * per check); {@code logIn}: what the Log in action does for a reminder; {@code whenHidden}: how
     * a title and text reach a person whose window is hidden.
     */
    ReminderNotifications(Reminders reminders, Clock kiteClock, Supplier<List<ProfileStatus>> rows,
            Consumer<Reminders.Reminder> logIn, BiConsumer<String, String> whenHidden) {
        this.reminders = reminders;
        this.kiteClock = kiteClock;
        this.rows = rows;
        this.logIn = logIn;
        this.whenHidden = whenHidden;
        this.lastCheck = kiteClock.instant();
    }

    void setReminders(Reminders reminders) {
        this.reminders = reminders;
    }

    /** Shows what fell due since the last check; FX thread. */
    void check(Window owner) {
        Instant previous = lastCheck;
        Instant now = kiteClock.instant();
        lastCheck = now;
        reminders.due(previous, now, rows.get()).forEach(reminder -> show(reminder, owner));
    }

    private void show(Reminders.Reminder reminder, Window owner) {
        boolean showing = owner != null && owner.isShowing();
        // A window hidden in the tray has nowhere to put it; a minimised one shows it when restored.
        if (showing) {
            Notifications.create().owner(owner)
                    .title(reminder.title()).text(reminder.text())
                    .hideAfter(Duration.minutes(10))
                    .action(new Action("Log in", e -> logIn.accept(reminder))).showInformation();
        }
        if (!showing || owner instanceof Stage stage && stage.isIconified()) whenHidden.accept(reminder.title(), reminder.text());
    }
}
