package com.kitesession.storage;

import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the app keeps that is not a secret, as one JSON file ({@code settings.json}).
 * A plain mutable holder: {@code AppSettingsStore.update} loads the latest copy under a file
 * lock, lets the caller change it, and writes it back, so GUI and CLI never lose an update.
 */
public final class AppSettings {
    public static final int VERSION = 2;
    public static final String DEFAULT_EXPIRY_TIME = "06:00";
    public static final String DEFAULT_PRE_MARKET_REMINDER = "08:45";
    public static final int DEFAULT_LIVENESS_MINUTES = 5;
    public static final int MIN_LIVENESS_MINUTES = 1;
    public static final int MAX_LIVENESS_MINUTES = 60;
    /** An hour: longer is no longer "clear it soon", and the choice box must not hold absurd numbers. */
    public static final int MAX_CLIPBOARD_CLEAR_SECONDS = 3600;
    public static final List<String> THEMES = List.of("system", "light", "dark");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** How a profile's token is exported on each login for scripts to read. */
    public enum ExportFormat {
        JSON, ENV
    }

    public record TokenExport(String path, ExportFormat format) {}

    public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {}

    public int version = VERSION;
    public List<KiteProfile> profiles = new ArrayList<>();
    public String defaultProfileId;
    public String lastProfileId;
    /** Session metadata by profile id; the token itself is in the secret store. */
    public Map<String, SessionRecord> sessions = new LinkedHashMap<>();
    public Map<String, TokenExport> exports = new LinkedHashMap<>();
    /** By profile id: the command run after each login ("Run after login"), split without a shell. */
    public Map<String, String> afterLogin = new LinkedHashMap<>();
    /** Minutes between liveness checks of active sessions. */
    public int livenessMinutes = DEFAULT_LIVENESS_MINUTES;
    /** Clear the clipboard this many seconds after Copy, if it still holds our token; 0 = never. */
    public int clipboardClearSeconds = 0;
    /** The daily expiry in IST, "HH:mm"; 06:00 is documented, kept a setting (see KITE-FACTS.md). */
    public String expiryTime = DEFAULT_EXPIRY_TIME;
    /** The pre-market reminder on trading days, IST "HH:mm"; empty = off. */
    public String preMarketReminder = DEFAULT_PRE_MARKET_REMINDER;
    /** When the window is hidden, reminders also go to the operating system's notifications. */
    public boolean osNotifications = true;
    /** An icon in the desktop's tray with the countdown; closing the window then keeps the app running. */
    public boolean trayIcon = true;
    /** "system" (follow the desktop), "light" or "dark". */
    public String theme = "system";
    /** Advanced, hand-edited: the login browser's user agent; blank for JavaFX's own. */
    public String loginUserAgent = "";
    public WindowPlacement window;

    public Optional<KiteProfile> profile(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Adds the profile, or replaces the one with the same id. */
    public void putProfile(KiteProfile profile) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(profile.id())) {
                profiles.set(i, profile);
                return;
            }
        }
        profiles.add(profile);
    }

    /** Removes the profile and everything remembered for it (not its secrets: the caller deletes those). */
    public void removeProfile(String id) {
        profiles.removeIf(p -> p.id().equals(id));
        sessions.remove(id);
        exports.remove(id);
        afterLogin.remove(id);
        if (id.equals(defaultProfileId)) defaultProfileId = null;
        if (id.equals(lastProfileId)) lastProfileId = null;
    }

    /** Gson leaves fields absent from an older file null; put the defaults back. */
    void fillDefaults() {
        if (profiles == null) profiles = new ArrayList<>();
        if (sessions == null) sessions = new LinkedHashMap<>();
        if (exports == null) exports = new LinkedHashMap<>();
        if (afterLogin == null) afterLogin = new LinkedHashMap<>();
        if (expiryTime == null) expiryTime = DEFAULT_EXPIRY_TIME;
        if (preMarketReminder == null) preMarketReminder = DEFAULT_PRE_MARKET_REMINDER;
        if (theme == null) theme = "system";
        if (loginUserAgent == null) loginUserAgent = "";
    }

    /** "8:45", "08:45" or "0845" as typed or hand-edited; empty when it is not a time of day. */
    public static Optional<LocalTime> timeOfDay(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.matches("\\d{3,4}")) t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        if (t.matches("\\d:\\d\\d")) t = "0" + t;
        try {
            return Optional.of(LocalTime.parse(t, HH_MM));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** How times are kept in the file: "06:00". */
    public static String hhmm(LocalTime time) {
        return HH_MM.format(time);
    }
}
