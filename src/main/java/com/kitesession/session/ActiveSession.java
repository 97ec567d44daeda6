package com.kitesession.session;

import com.kitesession.kite.KiteTime;
import com.kitesession.kite.UserSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * A live Kite session as the app holds it: who, the token, and when it dies. Made from Kite's
 * exchange answer, or restored from a {@link SessionRecord} plus the token from the secret store.
 * The login instant is Kite's {@code login_time} when present, else when we exchanged.
 */
public record ActiveSession(String apiKey, String userId, String userName, String accessToken, Instant loginTime,
        ZonedDateTime expiresAt) {

    public static ActiveSession of(UserSession user, TokenExpiry expiry, Clock clock) {
        Instant login = user.loginTime() != null ? user.loginTime().toInstant() : clock.instant();
        return new ActiveSession(user.apiKey(), user.userId(), user.userName(), user.accessToken(), login,
                expiry.expiresAt(login));
    }

    public static ActiveSession restore(String apiKey, SessionRecord record, String accessToken) {
        return new ActiveSession(apiKey, record.userId(), record.userName(), accessToken, record.loginTime(),
                record.expiresAt().atZone(KiteTime.IST));
    }

    /** What is remembered on disk: everything but the token. */
    public SessionRecord toRecord() {
        return new SessionRecord(userId, userName, loginTime, expiresAt.toInstant(), null, null);
    }

    public Duration remaining(Clock clock) {
        return remaining(clock.instant());
    }

    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, expiresAt.toInstant());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean isExpired(Clock clock) {
        return isExpired(clock.instant());
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt.toInstant());
    }

    @Override
    public String toString() {
        return "ActiveSession[user=" + userId + ", expiresAt=" + expiresAt + ", accessToken=****]";
    }
}
