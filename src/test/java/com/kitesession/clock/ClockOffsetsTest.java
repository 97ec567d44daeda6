package com.kitesession.clock;

import static org.junit.jupiter.api.Assertions.*;

import com.kitesession.sim.SimulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockOffsetsTest {
    private static final Instant T = Instant.parse("2026-11-23T04:30:00Z");
    private final SimulatorClock local = SimulatorClock.fixedAt(T);
    private static final String KITE = DateHeaderClockProbe.SOURCE;
    private static final String NTP = "NTP server pool.ntp.org";
    private final ClockOffsets offsets = new ClockOffsets(local, Duration.ofMinutes(10));

    private static ClockOffset reading(String source, long offsetSeconds, long uncertaintyMillis, Instant at) {
        return new ClockOffset(Duration.ofSeconds(offsetSeconds), Duration.ofMillis(uncertaintyMillis), source, at);
    }

    @Test
    void notMeasuredUntilSomethingIsRecorded() {
        assertTrue(offsets.best().isEmpty());
        assertEquals(T, offsets.correctedNow(), "plain local time when not measured");
    }

    @Test
    void correctedNowAddsTheBestOffset() {
        offsets.record(reading(KITE, 45, 600, T));
        assertEquals(T.plusSeconds(45), offsets.correctedNow());
        local.advance(Duration.ofSeconds(5));
        assertEquals(T.plusSeconds(50), offsets.correctedNow());
        offsets.record(reading(KITE, -45, 600, local.instant()));
        assertEquals(T.plusSeconds(5 - 45), offsets.correctedNow());
    }

    @Test
    void theCorrectedClockFollowsTheLatestMeasurement() {
        Clock kite = offsets.correctedClock();
        assertEquals(T, kite.instant());
        offsets.record(reading(KITE, 90, 600, T));
        assertEquals(T.plusSeconds(90), kite.instant(), "a clock made before the reading still reads it");
        assertEquals(local.getZone(), kite.getZone());
    }

    @Test
    void theMostPreciseFreshReadingWins() {
        ClockOffset http = reading(KITE, 44, 700, T);
        ClockOffset ntp = reading(NTP, 45, 20, T.minusSeconds(60));
        offsets.record(http);
        offsets.record(ntp);
        assertEquals(ntp, offsets.best().orElseThrow(), "older but far more precise, still fresh");

        local.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertEquals(http, offsets.best().orElseThrow(), "the NTP reading aged past 10 minutes");
        local.advance(Duration.ofMinutes(1));
        assertTrue(offsets.best().isEmpty(), "everything stale: not measured");
        assertEquals(local.instant(), offsets.correctedNow());
    }

    @Test
    void equalPrecisionPrefersTheMostRecent() {
        offsets.record(reading(KITE, 10, 500, T.minusSeconds(30)));
        offsets.record(reading(NTP, 11, 500, T.minusSeconds(10)));
        assertEquals(NTP, offsets.best().orElseThrow().source());
    }

    @Test
    void keepsTheLatestReadingPerSource() {
        offsets.record(reading(KITE, 45, 500, T.minusSeconds(5)));
        offsets.record(reading(KITE, 1, 900, T));
        assertEquals(Duration.ofSeconds(1), offsets.best().orElseThrow().offset(), "the newer replaces a more precise older one");
        offsets.record(reading(KITE, 99, 100, T.minusSeconds(20)));
        assertEquals(Duration.ofSeconds(1), offsets.best().orElseThrow().offset(), "a late-arriving older reading is ignored");
    }

    @Test
    void readingsFromThisComputersFutureAreIgnored() {
        // Measured 47 s ahead, then the person set the clock back: that reading no longer holds.
        offsets.record(reading(KITE, -47, 500, T));
        local.setInstant(T.minusSeconds(40));
        assertTrue(offsets.best().isEmpty());
    }

    @Test
    void recordingFromManyThreadsKeepsOneReadingPerSource() throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String source = "S" + t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) offsets.record(reading(source, i, 500 + i, T.minusMillis(500 - i)));
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();
        List<ClockOffset> latest = offsets.unconfirmed(); // no Kite reading: all eight are kept, none used
        assertEquals(8, latest.size());
        for (ClockOffset reading : latest) {
            assertEquals(Duration.ofSeconds(499), reading.offset(), "each source ends at its newest reading");
            assertEquals(T.minusMillis(1), reading.measuredAt());
        }
    }

    @Test
    void ntpAloneIsNotUsed() {
        ClockOffset ntp = reading(NTP, 3600, 20, T);
        offsets.record(ntp);
        assertTrue(offsets.best().isEmpty(), "not measured until Kite's clock is read");
        assertEquals(T, offsets.correctedNow(), "this computer's own clock");
        assertEquals(T, offsets.correctedClock().instant());
        assertEquals(List.of(ntp), offsets.unconfirmed());
    }

    @Test
    void ntpAgreeingWithKiteWithinTwoSecondsIsConfirmedAndUsed() {
        ClockOffset ntp = reading(NTP, 47, 20, T);
        offsets.record(reading(KITE, 45, 600, T.minusSeconds(30)));
        offsets.record(ntp);
        assertEquals(ntp, offsets.best().orElseThrow(), "confirmed, and more precise than the Date header");
        assertEquals(T.plusSeconds(47), offsets.correctedNow());
        assertTrue(offsets.unconfirmed().isEmpty());

        offsets.record(reading(NTP, 48, 20, T)); // 3 s from Kite: no longer confirmed
        assertEquals(KITE, offsets.best().orElseThrow().source());
        assertEquals(NTP, offsets.unconfirmed().get(0).source());
    }

    @Test
    void ntpAnHourOffIsListedAsUnconfirmedWhileKitesReadingIsUsed() {
        ClockOffset kite = reading(KITE, 1, 600, T);
        ClockOffset ntp = reading(NTP, 3600, 20, T);
        offsets.record(ntp);
        offsets.record(kite);
        assertEquals(kite, offsets.best().orElseThrow(), "the more precise NTP reading is not trusted");
        assertEquals(T.plusSeconds(1), offsets.correctedNow(), "Kite-corrected time");
        assertEquals(T.plusSeconds(1), offsets.correctedClock().instant());
        assertEquals(List.of(ntp), offsets.unconfirmed());
    }

    @Test
    void aStaleKiteReadingNoLongerConfirms() {
        offsets.record(reading(KITE, 45, 600, T.minus(Duration.ofMinutes(9))));
        ClockOffset ntp = reading(NTP, 45, 20, T);
        offsets.record(ntp);
        assertEquals(ntp, offsets.best().orElseThrow());
        local.advance(Duration.ofMinutes(1)); // Kite's reading is now 10 minutes old, the NTP one 1 minute
        assertTrue(offsets.best().isEmpty(), "NTP alone again");
        assertEquals(local.instant(), offsets.correctedNow());
        assertEquals(List.of(ntp), offsets.unconfirmed());
    }

    @Test
    void maxAgeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ClockOffsets(local, Duration.ZERO));
    }
}
