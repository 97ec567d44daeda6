package com.kitesession.ui;

import com.kitesession.kite.KiteTime;
import com.kitesession.service.ProfileStatus;
import com.kitesession.service.Reminders;
import com.kitesession.session.Countdown;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.SessionState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words of the sessions on screen, worked out without the toolkit: a list row, and the
 * dashboard's morning checks (the session's state, the last liveness check, where the token was
 * handed, the next reminder).
 * Times are Kite's (IST), as the trader's day runs on them.
 */
final class DashboardFacts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private DashboardFacts() {}

    /**
     * A row of the profile list as shown. Its time left is in hours and minutes, as in the title
     * and the tray: a row changes once a minute, and only the dashboard's large countdown shows
     * seconds, so the list is not laid out and repainted every second.
     */
    record ListRow(String name, String words, SessionState state) {
        static ListRow of(ProfileStatus row, Instant now) {
            return new ListRow(row.profile().name() + (row.isDefault() ? " (default)" : ""),
                    row.stateWords(now, Countdown::hoursMinutes), row.state(now));
        }
    }

    /** The style class of a state, e.g. "state-expiring-soon". */
    static String style(SessionState state) {
        return "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String symbol(SessionState state) {
        return switch (state) {
            case ACTIVE -> "\u2714";          // check mark
            case EXPIRING_SOON -> "\u231B";   // hourglass
            case EXPIRED, INVALIDATED -> "\u2716"; // heavy x
            case UNKNOWN_OFFLINE -> "?";
            case NOT_LOGGED_IN -> "\u2013";   // en dash
        };
    }

    /** E.g. "\u2714 active"; for a row the list no longer has (just logged in): active. */
    static String state(Optional<ProfileStatus> row, Instant now) {
        SessionState state = stateOf(row, now);
        return symbol(state) + " " + state.label();
    }

    static SessionState stateOf(Optional<ProfileStatus> row, Instant now) {
        return row.map(r -> r.state(now)).orElse(SessionState.ACTIVE);
    }

    /** When Kite last answered about the token, and what it said. */
    static String lastCheck(Optional<ProfileStatus> row, Instant now) {
        SessionRecord record = row.map(ProfileStatus::record).orElse(null);
        if (record == null || record.checkedAt() == null || record.lastVerdict() == null) return "not checked yet";
        String when = at(record.checkedAt(), now);
        return switch (record.lastVerdict()) {
            case LIVE -> when + ": live, Kite accepted the token";
            case REFUSED -> when + ": refused by Kite (403, TokenException)";
            case OFFLINE -> when + ": Kite could not be reached; the token is kept";
        };
    }

    /** The "After login" row: the command and how it ended, or that none is set. */
    static String afterLogin(Handover handover) {
        return handover.afterLogin() != null ? handover.afterLogin() : "no command (Edit profile \u2192 Run after login)";
    }

    /** One line per place the token went; a hint when it went nowhere yet. */
    static List<String> handover(Handover handover, Instant now) {
        List<String> lines = new ArrayList<>();
        if (handover.copiedAt() != null) {
            lines.add("Clipboard, " + at(handover.copiedAt(), now) + (handover.clipboardClearSeconds() > 0
                    ? " (cleared after " + handover.clipboardClearSeconds() + " s if still there)" : ""));
        }
        if (handover.exportTarget() != null) {
            String when = handover.exportProblem() != null ? "not written: " + handover.exportProblem()
                    : handover.exportWrittenAt() != null ? "written " + at(handover.exportWrittenAt(), now)
                    : "written at the next login";
            lines.add("File " + handover.exportTarget() + ", " + when);
        }
        if (lines.isEmpty()) {
            lines.add("Not handed over yet: Copy token, an export file (Edit profile), or `kite-session token` in a script");
        }
        return lines;
    }

    static String nextReminder(Optional<Reminders.Upcoming> next, Instant now) {
        return next.map(upcoming -> at(upcoming.at(), now) + ": " + upcoming.about()).orElse("none planned");
    }

    /** "10:05:12 IST" today, "tomorrow 06:00:00 IST", or with the day further off. */
    static String at(Instant instant, Instant now) {
        ZonedDateTime when = instant.atZone(KiteTime.IST);
        LocalDate today = now.atZone(KiteTime.IST).toLocalDate();
        String time = TIME.format(when) + " IST";
        if (when.toLocalDate().equals(today)) return time;
        if (when.toLocalDate().equals(today.plusDays(1))) return "tomorrow " + time;
        return DAY.format(when) + " " + time;
    }
}
