package com.kitesession.session;

import com.kitesession.kite.UserSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * A live Kite session as the app holds it: who, the token, and when it dies.
 * The login instant is Kite's {@code login_time} when present, else when we exchanged.
 */
public record ActiveSession(UserSession user, Instant loginTime, ZonedDateTime expiresAt) {

    public static ActiveSession of(UserSession user, TokenExpiry expiry, Clock clock) {
        Instant login = user.loginTime() != null ? user.loginTime().toInstant() : clock.instant();
        return new ActiveSession(user, login, expiry.expiresAt(login));
    }

    public String accessToken() {
        return user.accessToken();
    }

    public Duration remaining(Clock clock) {
        Duration left = Duration.between(clock.instant(), expiresAt.toInstant());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean isExpired(Clock clock) {
        return !clock.instant().isBefore(expiresAt.toInstant());
    }

    @Override
    public String toString() {
        return "ActiveSession[user=" + user.userId() + ", expiresAt=" + expiresAt + "]";
    }
}
