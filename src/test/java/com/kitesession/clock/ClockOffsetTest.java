package com.kitesession.clock;

import static org.junit.jupiter.api.Assertions.*;

import com.kitesession.clock.ClockOffset.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockOffsetTest {
    private static final Instant AT = Instant.parse("2026-11-23T04:32:13Z"); // 10:02:13 IST
    private static final String KITE = DateHeaderClockProbe.SOURCE;

    private static ClockOffset offset(long millis, long uncertaintyMillis, String source) {
        return new ClockOffset(Duration.ofMillis(millis), Duration.ofMillis(uncertaintyMillis), source, AT);
    }

    @Test
    void severityIsJudgedOnTheSizeOfTheOffset() {
        assertEquals(Severity.OK, offset(0, 500, KITE).severity());
        assertEquals(Severity.OK, offset(15_000, 500, KITE).severity(), "exactly half a window is still OK");
        assertEquals(Severity.OK, offset(-15_000, 500, KITE).severity());
        assertEquals(Severity.WARN, offset(15_001, 500, KITE).severity());
        assertEquals(Severity.WARN, offset(-15_001, 500, KITE).severity());
        assertEquals(Severity.WARN, offset(30_000, 500, KITE).severity());
        assertEquals(Severity.ALARM, offset(30_001, 500, KITE).severity());
        assertEquals(Severity.ALARM, offset(-47_000, 500, KITE).severity());
    }

    @Test
    void aheadWhenTheOffsetIsNegative() {
        assertEquals("This computer is 47 s ahead of Kite's clock (±1 s, measured 10:02:13 IST).",
                offset(-47_000, 600, KITE).describe());
    }

    @Test
    void behindWhenTheOffsetIsPositive() {
        assertEquals("This computer is 47 s behind Kite's clock (±2 s, measured 10:02:13 IST).",
                offset(47_400, 1_200, KITE).describe());
        assertEquals("This computer is 120 s behind NTP server pool.ntp.org (±1 s, measured 10:02:13 IST).",
                offset(120_000, 4, "NTP server pool.ntp.org").describe());
    }

    @Test
    void inStepBelowHalfASecond() {
        assertEquals("This computer is in step with Kite's clock (within 1 s, measured 10:02:13 IST).",
                offset(300, 500, KITE).describe());
        assertEquals("This computer is in step with Kite's clock (within 1 s, measured 10:02:13 IST).",
                offset(-499, 0, KITE).describe());
        assertEquals("This computer is in step with NTP server time.example (within 3 s, measured 10:02:13 IST).",
                offset(400, 2_400, "NTP server time.example").describe(), "a vague reading says how vague");
    }

    @Test
    void wholeSecondsRoundHalfAwayFromZero() {
        assertTrue(offset(500, 0, KITE).describe().contains(" 1 s behind"));
        assertTrue(offset(-1_499, 0, KITE).describe().contains(" 1 s ahead"));
        assertTrue(offset(-1_500, 0, KITE).describe().contains(" 2 s ahead"));
    }

    @Test
    void rejectsNegativeUncertaintyAndNulls() {
        assertThrows(IllegalArgumentException.class, () -> offset(0, -1, KITE));
        assertThrows(NullPointerException.class, () -> new ClockOffset(null, Duration.ZERO, KITE, AT));
        assertThrows(NullPointerException.class, () -> new ClockOffset(Duration.ZERO, Duration.ZERO, null, AT));
    }

    @Test
    void theOffsetAloneInWordsAndWhetherKiteWasRead() {
        assertEquals("3600 s behind", offset(3_600_000, 20, "NTP server pool.ntp.org").offsetInWords());
        assertEquals("47 s ahead", offset(-47_000, 20, KITE).offsetInWords());
        assertEquals("in step", offset(400, 20, KITE).offsetInWords());
        assertTrue(offset(0, 500, KITE).fromKite());
        assertFalse(offset(0, 20, "NTP server pool.ntp.org").fromKite());
    }
}
