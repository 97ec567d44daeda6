package com.kitesession.service;

import com.kitesession.session.Countdown;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * One row of the profile list. The state is derived at any instant from what was read once
 * (the record and whether a token is stored), so the list can tick every second without
 * asking the keychain every second.
 */
public record ProfileStatus(KiteProfile profile, SessionRecord record, boolean tokenStored, boolean isDefault) {

    public SessionState state(Instant now) {
        return SessionState.of(record, tokenStored, now);
    }

    /**
     * The words the profile list shows for the state, e.g. "active, 17:42:05 left": the window's
     * list and {@code kite-session profile list} say the same.
     */
    public String stateWords(Instant now) {
        return stateWords(now, Countdown::format);
    }

    /** The same words with the time left as {@code countdown} writes it (the tray's hours and minutes). */
    public String stateWords(Instant now, Function<Duration, String> countdown) {
        SessionState state = state(now);
        return switch (state) {
            case ACTIVE, EXPIRING_SOON, UNKNOWN_OFFLINE -> state.label() + ", " + countdown.apply(remaining(now)) + " left";
            default -> state.label();
        };
    }

    /** Time left until expiry; zero when there is no session or it has expired. */
    public Duration remaining(Instant now) {
        if (record == null || !tokenStored) return Duration.ZERO;
        Duration left = Duration.between(now, record.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
