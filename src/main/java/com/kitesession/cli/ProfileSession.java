package com.kitesession.cli;

import com.kitesession.secrets.SecretNames;
import com.kitesession.secrets.SecretStore;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.session.Countdown;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.SessionState;
import com.kitesession.session.TokenExpiry;
import com.kitesession.storage.AppSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One profile's session as the commands see it at one instant. The token never shows in toString. */
record ProfileSession(KiteProfile profile, SessionRecord record, String token, SessionState state, Instant now) {
    /** "06:00 IST on Tue 24 Nov": the form every message uses. */
    static final DateTimeFormatter IST_TIME = DateTimeFormatter.ofPattern("HH:mm 'IST on' EEE d MMM", Locale.ENGLISH)
            .withZone(TokenExpiry.IST);

    static ProfileSession of(KiteProfile profile, AppSettings settings, SecretStore secrets, Instant now)
            throws SecretStoreException {
        SessionRecord record = settings.sessions.get(profile.id());
        String token = secrets.load(SecretNames.accessToken(profile.id())).filter(t -> !t.isBlank()).orElse(null);
        return new ProfileSession(profile, record, token, SessionState.of(record, token != null, now), now);
    }

    /** Whether the token may still work: not expired, not refused (an offline check proves nothing). */
    boolean live() {
        return state.isLive();
    }

    /** Time to expiry while live, else null. */
    Duration left() {
        return live() ? Duration.between(now, record.expiresAt()) : null;
    }

    /** "17:42:05" while live, else "-". */
    String leftText() {
        return live() ? Countdown.format(left()) : "-";
    }

    /** Why there is no usable token, for a person; null while live. */
    String whyNoToken() {
        String name = "'" + profile.name() + "'";
        return switch (state) {
            case EXPIRED -> "The session for " + name + " expired at " + IST_TIME.format(record.expiresAt())
                    + ". Log in again in Kite Session Manager.";
            case INVALIDATED -> "Kite refused the session for " + name
                    + (record.checkedAt() != null ? " when it was checked at " + IST_TIME.format(record.checkedAt()) : "")
                    + ": it was ended before its daily expiry (a logout on Kite web, a login elsewhere, or a new api_secret)."
                    + " Log in again in Kite Session Manager.";
            case NOT_LOGGED_IN -> name + " is not logged in. Log in in Kite Session Manager.";
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "ProfileSession[" + profile.id() + ", " + state + "]";
    }
}
