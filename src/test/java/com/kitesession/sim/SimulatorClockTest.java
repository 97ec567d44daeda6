package com.kitesession.sim;

import static org.junit.jupiter.api.Assertions.*;

import com.kitesession.kite.KiteTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatorClockTest {
    private static final Instant T = Instant.parse("2026-11-23T04:30:00Z");

    @Test
    void fixedClockStandsStillUntilMoved() throws Exception {
        SimulatorClock c = SimulatorClock.fixedAt(T);
        Thread.sleep(20);
        assertEquals(T, c.instant());
        c.advance(Duration.ofSeconds(90));
        assertEquals(T.plusSeconds(90), c.instant());
        c.setInstant(T.minusSeconds(5));
        assertEquals(T.minusSeconds(5), c.instant());
        assertEquals(T.minusSeconds(5).toEpochMilli(), c.millis());
    }

    @Test
    void startingAtTicksFromThatInstant() throws Exception {
        SimulatorClock c = SimulatorClock.startingAt(T);
        Instant first = c.instant();
        assertTrue(Duration.between(T, first).abs().toMillis() < 1000, first.toString());
        Thread.sleep(30);
        assertTrue(c.instant().isAfter(first));
        c.setInstant(T.plusSeconds(3600));
        Instant moved = c.instant();
        assertTrue(Duration.between(T.plusSeconds(3600), moved).toMillis() < 1000, moved.toString());
        Thread.sleep(30);
        assertTrue(c.instant().isAfter(moved), "keeps ticking after setInstant");
        c.advance(Duration.ofDays(1));
        assertTrue(c.instant().isAfter(moved.plus(Duration.ofDays(1))));
    }

    @Test
    void systemClockIsRealTime() {
        Instant before = Instant.now();
        Instant now = SimulatorClock.system().instant();
        assertFalse(now.isBefore(before));
        assertTrue(Duration.between(before, now).toMillis() < 1000);
    }

    @Test
    void zoneIsUtcAndWithZoneSharesState() {
        SimulatorClock c = SimulatorClock.fixedAt(T);
        assertEquals(ZoneOffset.UTC, c.getZone());
        SimulatorClock ist = c.withZone(KiteTime.IST);
        assertEquals(KiteTime.IST, ist.getZone());
        c.advance(Duration.ofMinutes(1));
        assertEquals(T.plusSeconds(60), ist.instant());
        ist.setInstant(T);
        assertEquals(T, c.instant());
    }

    @Test
    void threadSafeAdvance() throws Exception {
        SimulatorClock c = SimulatorClock.fixedAt(T);
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int j = 0; j < 1000; j++) c.advance(Duration.ofSeconds(1));
            });
            threads[i].start();
        }
        for (Thread t : threads) t.join();
        assertEquals(T.plusSeconds(8000), c.instant());
    }
}
