package com.kitesession.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.sim.SimulatorClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimedCallTest {
    private static final Instant SENT = Instant.parse("2026-11-23T04:30:00Z");
    private static final Duration QUICK = Duration.ofMillis(80);

    private static boolean clockWasSet(Instant received, Duration monotonic) {
        return new TimedCall<>(null, SENT, received, monotonic).clockWasSet();
    }

    @Test
    void aStepOfTheLocalClockIsToldFromAFrozenOrSlowCall() {
        assertFalse(clockWasSet(SENT.plusMillis(80), QUICK), "an ordinary call");
        assertFalse(clockWasSet(SENT, Duration.ofSeconds(3)), "a clock that stands still (a test's) is not a step, however long the call");
        assertFalse(clockWasSet(SENT.plusSeconds(20), Duration.ofSeconds(20)), "a slow network: the round trip is the uncertainty");
        assertTrue(clockWasSet(SENT.plusSeconds(2), QUICK), "set forward 2 s");
        assertTrue(clockWasSet(SENT.minusSeconds(2), QUICK), "set back 2 s");
    }

    @Test
    void readsTheLocalClockAroundTheCall() throws IOException {
        SimulatorClock clock = SimulatorClock.fixedAt(SENT);
        TimedCall<String> call = TimedCall.time(clock, () -> {
            clock.advance(Duration.ofHours(17));
            return "answer";
        });
        assertEquals("answer", call.result());
        assertEquals(SENT, call.sent());
        assertEquals(SENT.plus(Duration.ofHours(17)), call.received());
        assertTrue(call.monotonic().compareTo(Duration.ofHours(1)) < 0, call.monotonic().toString());
        assertTrue(call.clockWasSet());
    }
}
