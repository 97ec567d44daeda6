package com.kitesession.storage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a person may edit by hand in {@code settings.json}, checked at load. A value the
 * app cannot use is replaced by its default (in memory; the file is left for the person to
 * correct) and a note says which and why, instead of an exception later on the window's thread
 * (an {@code expiryTime} of "6am" used to throw when Log in was pressed).
 */
final class HandEditedSettings {
    /** Far beyond any screen arrangement; a larger number is a typo, or a file from elsewhere. */
    private static final double MAX_COORDINATE = 100_000;

    private HandEditedSettings() {}

    /** Puts defaults in place of unusable values; returns one note a value replaced, in plain words. */
    static List<String> fix(AppSettings s) {
        List<String> notes = new ArrayList<>();
        Optional<LocalTime> expiry = AppSettings.timeOfDay(s.expiryTime);
        if (expiry.isEmpty()) {
            notes.add("expiryTime " + quoted(s.expiryTime) + " is not a time of day like 06:00, so "
                    + AppSettings.DEFAULT_EXPIRY_TIME + " IST is used");
            s.expiryTime = AppSettings.DEFAULT_EXPIRY_TIME;
        } else {
            s.expiryTime = AppSettings.hhmm(expiry.get());
        }
        if (!s.preMarketReminder.isBlank()) {
            Optional<LocalTime> reminder = AppSettings.timeOfDay(s.preMarketReminder);
            if (reminder.isEmpty()) {
                notes.add("preMarketReminder " + quoted(s.preMarketReminder) + " is not a time of day like 08:45 (or empty for"
                        + " none), so " + AppSettings.DEFAULT_PRE_MARKET_REMINDER + " is used");
            }
            s.preMarketReminder = AppSettings.hhmm(reminder.orElse(LocalTime.parse(AppSettings.DEFAULT_PRE_MARKET_REMINDER)));
        }
        if (s.livenessMinutes < AppSettings.MIN_LIVENESS_MINUTES || s.livenessMinutes > AppSettings.MAX_LIVENESS_MINUTES) {
            notes.add("livenessMinutes " + s.livenessMinutes + " is not between " + AppSettings.MIN_LIVENESS_MINUTES + " and "
                    + AppSettings.MAX_LIVENESS_MINUTES + ", so " + AppSettings.DEFAULT_LIVENESS_MINUTES + " is used");
            s.livenessMinutes = AppSettings.DEFAULT_LIVENESS_MINUTES;
        }
        if (s.clipboardClearSeconds < 0 || s.clipboardClearSeconds > AppSettings.MAX_CLIPBOARD_CLEAR_SECONDS) {
            notes.add("clipboardClearSeconds " + s.clipboardClearSeconds + " is not between 0 (never) and "
                    + AppSettings.MAX_CLIPBOARD_CLEAR_SECONDS + ", so the clipboard is not cleared");
            s.clipboardClearSeconds = 0;
        }
        String theme = s.theme.strip().toLowerCase(Locale.ROOT);
        if (!AppSettings.THEMES.contains(theme)) {
            notes.add("theme " + quoted(s.theme) + " is not system, light or dark, so the desktop's is followed");
            theme = "system";
        }
        s.theme = theme;
        if (s.window != null && !onSomeScreen(s.window)) {
            notes.add("the window placement holds numbers no screen has, so the window opens centred");
            s.window = null;
        }
        fixExports(s.exports, notes);
        s.afterLogin.entrySet().removeIf(entry -> {
            boolean broken = entry.getValue().indexOf('\n') >= 0 || entry.getValue().indexOf('\r') >= 0;
            if (broken) {
                notes.add("the command after login " + quoted(entry.getValue()) + " has a line break in it, so it is not run;"
                        + " write it on one line");
            }
            return broken;
        });
        return notes;
    }

    private static boolean onSomeScreen(AppSettings.WindowPlacement w) {
        return Math.abs(w.x()) <= MAX_COORDINATE && Math.abs(w.y()) <= MAX_COORDINATE // false for NaN too
                && w.width() > 0 && w.width() <= MAX_COORDINATE && w.height() > 0 && w.height() <= MAX_COORDINATE;
    }

    private static void fixExports(Map<String, AppSettings.TokenExport> exports, List<String> notes) {
        for (Iterator<Map.Entry<String, AppSettings.TokenExport>> it = exports.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, AppSettings.TokenExport> entry = it.next();
            AppSettings.TokenExport export = entry.getValue();
            if (!isAbsolutePath(export.path())) {
                notes.add("the token export path " + quoted(export.path()) + " is not a full file path, so that token is not"
                        + " exported; choose the file again");
                it.remove();
            } else if (export.format() == null) {
                // Gson reads a format name it does not know ("yaml", "Json ") as null.
                notes.add("the token export to " + export.path() + " has a format other than JSON or ENV, so JSON is written");
                entry.setValue(new AppSettings.TokenExport(export.path(), AppSettings.ExportFormat.JSON));
            }
        }
    }

    /** The value as found, cut short: a note must stay readable whatever was pasted into the file. */
    private static String quoted(String value) {
        if (value == null) return "(none)";
        return "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
    }

    private static boolean isAbsolutePath(String path) {
        if (path == null || path.isBlank()) return false;
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
