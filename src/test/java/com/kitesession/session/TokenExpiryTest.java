package com.kitesession.session;

import static com.kitesession.kite.KiteTime.IST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.UserSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expiry must not depend on the computer's own zone: every case runs in three zones. */
class TokenExpiryTest {
    private final TimeZone original = TimeZone.getDefault();
    private final TokenExpiry expiry = TokenExpiry.documented();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(original);
    }

    private static Instant ist(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), IST).toInstant();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata"})
    void daytimeLoginExpiresAtSixNextMorningIst(String computerZone) {
        TimeZone.setDefault(TimeZone.getTimeZone(computerZone));
        Instant login = ist("2026-11-23T10:00:00");
        ZonedDateTime expires = expiry.expiresAt(login);
        assertEquals(ist("2026-11-24T06:00:00"), expires.toInstant());
        assertEquals(IST, expires.getZone());
        assertEquals(Instant.parse("2026-11-24T00:30:00Z"), expires.toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata"})
    void aliveAt055959DeadAt0600(String computerZone) {
        TimeZone.setDefault(TimeZone.getTimeZone(computerZone));
        Instant login = ist("2026-11-23T10:00:00");
        UserSession user = user(login);
        ActiveSession session = ActiveSession.of(user, expiry, Clock.fixed(login, ZoneOffset.UTC));

        Clock oneSecondBefore = Clock.fixed(ist("2026-11-24T05:59:59"), ZoneId.of(computerZone));
        assertFalse(session.isExpired(oneSecondBefore));
        assertEquals(Duration.ofSeconds(1), session.remaining(oneSecondBefore));
        assertEquals("00:00:01", Countdown.format(session.remaining(oneSecondBefore)));

        Clock atSix = Clock.fixed(ist("2026-11-24T06:00:00"), ZoneId.of(computerZone));
        assertTrue(session.isExpired(atSix));
        assertEquals(Duration.ZERO, session.remaining(atSix));
        assertEquals("expired", Countdown.format(session.remaining(atSix)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata"})
    void loginJustAfterMidnightIstLastsUntilSixThatMorning(String computerZone) {
        TimeZone.setDefault(TimeZone.getTimeZone(computerZone));
        // 00:05 IST on the 24th is still the 23rd in UTC and New York: the IST date counts.
        assertEquals(ist("2026-11-24T06:00:00"), expiry.expiresAt(ist("2026-11-24T00:05:00")).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata"})
    void loginAtFiveIstDiesAtSixTheSameDay(String computerZone) {
        TimeZone.setDefault(TimeZone.getTimeZone(computerZone));
        Instant login = ist("2026-11-24T05:00:00");
        assertEquals(ist("2026-11-24T06:00:00"), expiry.expiresAt(login).toInstant());
        ActiveSession session = ActiveSession.of(user(login), expiry, Clock.fixed(login, ZoneOffset.UTC));
        assertEquals(Duration.ofHours(1), session.remaining(Clock.fixed(login, ZoneOffset.UTC)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata"})
    void loginExactlyAtSixLastsADay(String computerZone) {
        TimeZone.setDefault(TimeZone.getTimeZone(computerZone));
        assertEquals(ist("2026-11-25T06:00:00"), expiry.expiresAt(ist("2026-11-24T06:00:00")).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York"})
    void newYorkDaylightSavingChangeDoesNotMoveTheIstExpiry(String computerZone) {
        TimeZone.setDefault(TimeZone.getTimeZone(computerZone));
        // US clocks go back on 2026-11-01; IST has no DST, so the UTC instant stays 00:30.
        assertEquals(Instant.parse("2026-11-01T00:30:00Z"), expiry.expiresAt(ist("2026-10-31T20:00:00")).toInstant());
        assertEquals(Instant.parse("2026-11-02T00:30:00Z"), expiry.expiresAt(ist("2026-11-01T20:00:00")).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Kolkata"})
    void expiryHourIsASetting(String computerZone) {
        TimeZone.setDefault(TimeZone.getTimeZone(computerZone));
        TokenExpiry flushAtSevenThirty = new TokenExpiry(LocalTime.of(7, 30));
        assertEquals(ist("2026-11-24T07:30:00"), flushAtSevenThirty.expiresAt(ist("2026-11-24T06:30:00")).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC"})
    void sessionUsesKiteLoginTimeWhenPresentElseTheClock(String computerZone) {
        Instant kiteLogin = ist("2026-11-23T09:00:00");
        Instant exchangedAt = ist("2026-11-23T09:00:03");
        assertEquals(kiteLogin, ActiveSession.of(user(kiteLogin), expiry, Clock.fixed(exchangedAt, ZoneOffset.UTC)).loginTime());
        assertEquals(exchangedAt, ActiveSession.of(user(null), expiry, Clock.fixed(exchangedAt, ZoneOffset.UTC)).loginTime());
    }

    static UserSession user(Instant login) {
        return new UserSession("AB1234", "Some Trader", "Trader", "t@example.com", "individual", "ZERODHA",
                "key", "accesstoken123456", "public", login == null ? null : login.atZone(IST), null,
                List.of(), List.of(), List.of());
    }
}
