package com.kitesession.session;

import com.kitesession.kite.KiteTime;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When a Kite access token dies: at the first {@code expiryTime} (06:00 by default) in
 * Asia/Kolkata strictly after the login instant. IST has no daylight saving, but the
 * arithmetic is done with zones anyway so the user's own zone never leaks in.
 */
public final class TokenExpiry {
    /** The documented expiry hour; a 2025 forum reply mentions 07:30, so it stays a setting. */
    public static final LocalTime DOCUMENTED_EXPIRY = LocalTime.of(6, 0);

    private final LocalTime expiryTime;

    public TokenExpiry(LocalTime expiryTime) {
        this.expiryTime = expiryTime;
    }

    public static TokenExpiry documented() {
        return new TokenExpiry(DOCUMENTED_EXPIRY);
    }

    public LocalTime expiryTime() {
        return expiryTime;
    }

    public ZonedDateTime expiresAt(Instant loginTime) {
        ZonedDateTime login = loginTime.atZone(KiteTime.IST);
        ZonedDateTime sameDay = login.toLocalDate().atTime(expiryTime).atZone(KiteTime.IST);
        return sameDay.isAfter(login) ? sameDay : sameDay.plusDays(1);
    }
}
