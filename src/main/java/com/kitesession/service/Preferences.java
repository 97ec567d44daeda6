package com.kitesession.service;

import com.kitesession.storage.AppSettings;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a person changes in the Preferences dialog, checked: the pre-market reminder
 * (IST, on trading days; empty = off), minutes between liveness checks, whether reminders
 * also go to the OS's notifications while the window is hidden, light or dark, whether the
 * window starts (minimised) at login, and whether it keeps an icon in the desktop's tray. Start at
 * login is not kept in the settings file: it is the OS's own autostart entry
 * ({@code desktop/Autostart}), read back each time.
 */
public record Preferences(Optional<LocalTime> preMarketReminder, int livenessMinutes, boolean osNotifications,
        Theme theme, boolean startAtLogin, boolean trayIcon) {
    /** The window's look: as the desktop is set, or always light or dark. */
    public enum Theme {
        SYSTEM, LIGHT, DARK
    }

    public static final int MIN_LIVENESS_MINUTES = AppSettings.MIN_LIVENESS_MINUTES;
    public static final int MAX_LIVENESS_MINUTES = AppSettings.MAX_LIVENESS_MINUTES;

    public Preferences {
        Objects.requireNonNull(theme, "theme");
        if (livenessMinutes < MIN_LIVENESS_MINUTES || livenessMinutes > MAX_LIVENESS_MINUTES) {
            throw new IllegalArgumentException("livenessMinutes out of range: " + livenessMinutes);
        }
    }

    /** With the tray icon on, its default. */
    public Preferences(Optional<LocalTime> preMarketReminder, int livenessMinutes, boolean osNotifications, Theme theme,
            boolean startAtLogin) {
        this(preMarketReminder, livenessMinutes, osNotifications, theme, startAtLogin, true);
    }

    /** Without start at login (as the settings file alone knows it), with the tray icon on. */
    public Preferences(Optional<LocalTime> preMarketReminder, int livenessMinutes, boolean osNotifications, Theme theme) {
        this(preMarketReminder, livenessMinutes, osNotifications, theme, false);
    }

    /** These preferences with start at login as the OS's entry says. */
    public Preferences withStartAtLogin(boolean on) {
        return new Preferences(preMarketReminder, livenessMinutes, osNotifications, theme, on, trayIcon);
    }

    /** These preferences with the tray icon on or off. */
    public Preferences withTrayIcon(boolean on) {
        return new Preferences(preMarketReminder, livenessMinutes, osNotifications, theme, startAtLogin, on);
    }

    /** What the settings file holds; a reminder time it cannot read counts as the default. */
    public static Preferences of(AppSettings settings) {
        Optional<LocalTime> reminder = settings.preMarketReminder.isBlank() ? Optional.empty()
                : Optional.of(parseTime(settings.preMarketReminder).orElse(Reminders.PRE_MARKET));
        int minutes = Math.max(MIN_LIVENESS_MINUTES, Math.min(MAX_LIVENESS_MINUTES, settings.livenessMinutes));
        Theme theme = switch (settings.theme == null ? "" : settings.theme.toLowerCase(Locale.ROOT)) {
            case "light" -> Theme.LIGHT;
            case "dark" -> Theme.DARK;
            default -> Theme.SYSTEM;
        };
        return new Preferences(reminder, minutes, settings.osNotifications, theme, false, settings.trayIcon);
    }

    void applyTo(AppSettings settings) {
        settings.preMarketReminder = preMarketReminder.map(AppSettings::hhmm).orElse("");
        settings.livenessMinutes = livenessMinutes;
        settings.osNotifications = osNotifications;
        settings.theme = theme.name().toLowerCase(Locale.ROOT);
        settings.trayIcon = trayIcon;
    }

    /** "8:45", "08:45" or "0845"; empty when it is not a time of day. */
    public static Optional<LocalTime> parseTime(String typed) {
        return AppSettings.timeOfDay(typed);
    }

    /** The reminders these preferences ask for. */
    public Reminders reminders() {
        return new Reminders(preMarketReminder.orElse(null), Reminders.TRADING_DAYS);
    }
}
