package com.kitesession.storage;

import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
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
    /** Minutes between liveness checks of active sessions. */
    public int livenessMinutes = 5;
    /** Clear the clipboard this many seconds after Copy, if it still holds our token; 0 = never. */
    public int clipboardClearSeconds = 0;
    /** The daily expiry in IST, "HH:mm"; 06:00 is documented, kept a setting (see KITE-FACTS.md). */
    public String expiryTime = "06:00";
    /** The pre-market reminder on trading days, IST "HH:mm"; empty = off. */
    public String preMarketReminder = "08:45";
    /** When the window is hidden, reminders also go to the operating system's notifications. */
    public boolean osNotifications = true;
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
        if (id.equals(defaultProfileId)) defaultProfileId = null;
        if (id.equals(lastProfileId)) lastProfileId = null;
    }

    /** Gson leaves fields absent from an older file null; put the defaults back. */
    void fillDefaults() {
        if (profiles == null) profiles = new ArrayList<>();
        if (sessions == null) sessions = new LinkedHashMap<>();
        if (exports == null) exports = new LinkedHashMap<>();
        if (expiryTime == null) expiryTime = "06:00";
        if (preMarketReminder == null) preMarketReminder = "08:45";
        if (loginUserAgent == null) loginUserAgent = "";
        if (livenessMinutes <= 0) livenessMinutes = 5;
        if (clipboardClearSeconds < 0) clipboardClearSeconds = 0;
    }
}
