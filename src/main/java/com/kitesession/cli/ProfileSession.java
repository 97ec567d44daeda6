package com.kitesession.cli;

import com.kitesession.kite.KiteTime;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.service.ProfileStatus;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.Countdown;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One profile's session as the commands see it at one instant: the window's own
 * {@link ProfileStatus} (state derived in one place, {@link SessionService#statuses()}) plus the
 * token, for {@code token}. The token never shows in toString.
 */
record ProfileSession(ProfileStatus status, String token, Instant now) {
    /** "06:00 IST on Tue 24 Nov": the form every message uses. */
    static final DateTimeFormatter IST_TIME = DateTimeFormatter.ofPattern("HH:mm 'IST on' EEE d MMM", Locale.ENGLISH)
            .withZone(KiteTime.IST);

    /** Every profile's session, from the same service the window uses. */
    static List<ProfileSession> all(SessionService service, boolean withTokens) throws SecretStoreException {
        Instant now = service.clock().instant();
        List<ProfileSession> sessions = new ArrayList<>();
        for (ProfileStatus row : service.statuses()) {
            String token = withTokens && row.tokenStored()
                    ? service.session(row.profile()).map(ActiveSession::accessToken).orElse(null) : null;
            sessions.add(new ProfileSession(row, token, now));
        }
        return sessions;
    }

    KiteProfile profile() {
        return status.profile();
    }

    SessionRecord record() {
        return status.record();
    }

    SessionState state() {
        return status.state(now);
    }

    /** Whether the token may still work: not expired, not refused (an offline check proves nothing). */
    boolean live() {
        return state().isLive();
    }

    /** Time to expiry while live, else null. */
    Duration left() {
        return live() ? status.remaining(now) : null;
    }

    /** "17:42:05" while live, else "-". */
    String leftText() {
        return live() ? Countdown.format(left()) : "-";
    }

    /** Why there is no usable token, for a person; null while live. */
    String whyNoToken() {
        String name = "'" + profile().name() + "'";
        return switch (state()) {
            case EXPIRED -> "The session for " + name + " expired at " + IST_TIME.format(record().expiresAt())
                    + ". Log in again in Kite Session Manager.";
            case INVALIDATED -> "Kite refused the session for " + name
                    + (record().checkedAt() != null ? " when it was checked at " + IST_TIME.format(record().checkedAt()) : "")
                    + ": it was ended before its daily expiry (a logout on Kite web, a login elsewhere, or a new api_secret)."
                    + " Log in again in Kite Session Manager.";
            case NOT_LOGGED_IN -> name + " is not logged in. Log in in Kite Session Manager.";
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "ProfileSession[" + profile().id() + ", " + state() + "]";
    }
}
