package com.kitesession.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CountdownTest {
    @Test
    void formatsHoursMinutesSeconds() {
        assertEquals("19:59:59", Countdown.format(Duration.ofHours(20).minusSeconds(1)));
        assertEquals("00:01:00", Countdown.format(Duration.ofMinutes(1)));
        assertEquals("23:59:59", Countdown.format(Duration.ofHours(24).minusSeconds(1)));
    }

    @Test
    void hoursAndMinutesRoundUpSoTheLastMinuteIsNotZero() {
        assertEquals("20:00", Countdown.hoursMinutes(Duration.ofHours(20)));
        assertEquals("20:00", Countdown.hoursMinutes(Duration.ofHours(20).minusSeconds(59)));
        assertEquals("19:59", Countdown.hoursMinutes(Duration.ofHours(20).minusSeconds(60)));
        assertEquals("00:01", Countdown.hoursMinutes(Duration.ofMillis(200)));
        assertEquals("expired", Countdown.hoursMinutes(Duration.ZERO));
    }

    @Test
    void roundsPartialSecondsUpSoTheLastSecondIsNotZero() {
        assertEquals("00:00:01", Countdown.format(Duration.ofMillis(200)));
        assertEquals("00:00:02", Countdown.format(Duration.ofMillis(1001)));
    }

    @Test
    void zeroAndNegativeAreExpired() {
        assertEquals("expired", Countdown.format(Duration.ZERO));
        assertEquals("expired", Countdown.format(Duration.ofSeconds(-5)));
    }

    @Test
    void theLargeCountdownShowsSecondsOnlyInTheLastHour() {
        assertEquals("20 h 00 m", Countdown.toTheSecondInTheLastHour(Duration.ofHours(20)));
        assertEquals("1 h 01 m", Countdown.toTheSecondInTheLastHour(Duration.ofSeconds(3601)));
        assertEquals("01:00:00", Countdown.toTheSecondInTheLastHour(Duration.ofHours(1)));
        assertEquals("01:00:00", Countdown.toTheSecondInTheLastHour(Duration.ofHours(1).minusMillis(200)));
        assertEquals("00:59:59", Countdown.toTheSecondInTheLastHour(Duration.ofSeconds(3599)));
        assertEquals("expired", Countdown.toTheSecondInTheLastHour(Duration.ZERO));
    }
}
